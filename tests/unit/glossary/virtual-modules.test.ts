import content from 'virtual:glossary-content';
import full from 'virtual:glossary-full';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/build/glossary-vite-plugin';
import { glossaryDir } from './glossary-fixtures';

describe('the virtual modules the extension imports', () => {
  it('serve the compiled glossary: compact data for pages, full entries for the popup', () => {
    const compiled = loadGlossary(glossaryDir);
    expect(content).toEqual(compiled.content);
    expect(full).toEqual(compiled.full);
    expect(Object.keys(content.entries)).toContain('lenalidomide');
    // The page-side module carries no full-entry text: it stays small.
    expect(JSON.stringify(content)).not.toContain(full.entries.find((e) => e.id === 'lenalidomide')!.full.slice(0, 80));
  });
});
