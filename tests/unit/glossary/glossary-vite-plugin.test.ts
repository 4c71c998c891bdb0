// @vitest-environment node
/** The Vite plugin serves both virtual modules from the real glossary and fails the build on bad input. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  GLOSSARY_CONTENT_MODULE_ID,
  GLOSSARY_FULL_MODULE_ID,
  glossaryVitePlugin,
} from '../../../src/build/glossary-vite-plugin';
import type { ContentGlossary, FullGlossary } from '../../../src/glossary/compiled-glossary';
import { entryData, entryFile, glossaryDir, sourcesFile } from './glossary-fixtures';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

function run(dir: string, id: string) {
  const plugin = glossaryVitePlugin({ glossaryDir: dir });
  const resolved = (plugin.resolveId as Hook).call({}, id, undefined, {}) as string;
  const context = {
    addWatchFile: vi.fn(),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const code = (plugin.load as Hook).call(context, resolved) as string;
  return { resolved, code, context };
}

function moduleValue<T>(code: string): T {
  const match = /^export default JSON\.parse\((.*)\);\n$/s.exec(code);
  expect(match).not.toBeNull();
  return JSON.parse(JSON.parse(match![1]!) as string) as T;
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('glossaryVitePlugin', () => {
  it('serves the compact content glossary and watches the glossary files', () => {
    const { resolved, code, context } = run(glossaryDir, GLOSSARY_CONTENT_MODULE_ID);
    expect(resolved).toBe(`\0${GLOSSARY_CONTENT_MODULE_ID}`);
    const content = moduleValue<ContentGlossary>(code);
    expect(content.entries.lenalidomide?.name).toBe('Lenalidomide');
    expect(content.forms.length).toBeGreaterThan(100);
    expect(Object.keys(content.sources)).toHaveLength(5);
    // The compact data carries no full entries.
    expect(code).not.toContain('"full"');
    const watched = context.addWatchFile.mock.calls.map((c) => String(c[0]));
    expect(watched).toContain(path.join(glossaryDir, 'sources.yaml'));
    expect(watched).toContain(path.join(glossaryDir, 'entries', 'lenalidomide.yaml'));
  });

  it('serves the full glossary', () => {
    const full = moduleValue<FullGlossary>(run(glossaryDir, GLOSSARY_FULL_MODULE_ID).code);
    expect(full.entries.find((e) => e.id === 'lenalidomide')?.full).toMatch(/\n\n/);
    expect(full.sources.map((s) => s.id)).toContain('lenalidomide-myeloma-resistance-review-2023');
  });

  it('ignores other module ids', () => {
    const plugin = glossaryVitePlugin({ glossaryDir });
    expect((plugin.resolveId as Hook).call({}, 'virtual:something-else', undefined, {})).toBeNull();
    expect((plugin.load as Hook).call({}, 'src/main.ts')).toBeNull();
  });

  it('fails the build with the glossary problems', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'glossary-'));
    temporary.push(dir);
    const glossary = path.join(dir, 'glossary');
    mkdirSync(path.join(glossary, 'entries'), { recursive: true });
    writeFileSync(path.join(glossary, 'sources.yaml'), sourcesFile().text);
    const bad = entryFile('alpha', entryData('alpha', { related: ['missing'] }));
    writeFileSync(path.join(glossary, 'entries', 'alpha.yaml'), bad.text);
    expect(() => run(glossary, GLOSSARY_CONTENT_MODULE_ID)).toThrow(
      'glossary/entries/alpha.yaml: entry "alpha", field "related[0]": related entry "missing" does not exist',
    );
  });
});
