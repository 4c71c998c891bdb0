import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/build/glossary-vite-plugin';
import { createGlossarySearch } from '../../../src/popup/glossary-search';
import { READER_QUERIES } from '../../fixtures/reader-queries';

const { full } = loadGlossary(path.resolve(import.meta.dirname, '../../../glossary'));

// The queries the issue names, on the real glossary: what a caregiver types must find the entry in the top three.
const search = createGlossarySearch(full);
const topThree = (query: string) => search.search(query).slice(0, 3).map((hit) => hit.entry.id);

describe('searching the real glossary', () => {
  it.each(READER_QUERIES)('"%s" finds %s in the top three', (query, id) => {
    expect(topThree(query)).toContain(id);
  });

  it('puts the exact name first', () => {
    for (const entry of full.entries) expect(search.search(entry.name)[0]?.entry.id, entry.name).toBe(entry.id);
  });
});
