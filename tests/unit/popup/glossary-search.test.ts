import { describe, expect, it } from 'vitest';
import { createGlossarySearch } from '../../../src/popup/glossary-search';
import { sampleGlossary } from './sample-glossary';

const glossary = createGlossarySearch(sampleGlossary);
const ids = (query: string) => glossary.search(query).map((hit) => hit.entry.id);
const topThree = (query: string) => ids(query).slice(0, 3);

describe('glossary search ranking', () => {
  it('puts an exact name first, then names it prefixes', () => {
    const hits = glossary.search('lymphoma');
    expect(hits[0]).toMatchObject({ entry: { id: 'lymphoma' }, tier: 'exact' });
    // "Non-Hodgkin lymphoma" contains the word; "Hematologic malignancy" only mentions lymphoma in its definition.
    expect(hits.map((h) => [h.entry.id, h.tier])).toEqual(
      expect.arrayContaining([
        ['non-hodgkin-lymphoma', 'prefix'],
        ['hematologic-malignancy', 'definition'],
      ]),
    );
    expect(ids('lymphoma').indexOf('non-hodgkin-lymphoma')).toBeLessThan(ids('lymphoma').indexOf('hematologic-malignancy'));
  });

  it('ranks exact > prefix > fuzzy > definition, whatever the relevance scores say', () => {
    const tiers = glossary.search('lymph').map((h) => h.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => order(a) - order(b)));
    expect(glossary.search('lenalidomide')[0]).toMatchObject({ entry: { id: 'lenalidomide' }, tier: 'exact' });
    expect(glossary.search('lenal')[0]).toMatchObject({ entry: { id: 'lenalidomide' }, tier: 'prefix' });
    expect(glossary.search('lenalidamide')[0]).toMatchObject({ entry: { id: 'lenalidomide' }, tier: 'fuzzy' });
    expect(glossary.search('blood vessels')[0]).toMatchObject({ entry: { id: 'angiogenesis' }, tier: 'definition' });
  });

  it('prefers a whole-form prefix over a word inside a longer form, and shorter forms first', () => {
    expect(ids('myel')[0]).toBe('multiple-myeloma');
    expect(ids('white')[0]).toBe('white-blood-cells');
    expect(ids('blood')).toEqual(expect.arrayContaining(['hematologic-malignancy', 'white-blood-cells']));
    expect(ids('blood').indexOf('hematologic-malignancy')).toBeLessThan(ids('blood').indexOf('white-blood-cells'));
  });

  it.each([
    ['lenalidamide', 'lenalidomide'],
    ['angiogenisis', 'angiogenesis'],
    ['remision', 'remission'],
    ['thalidomid', 'thalidomide'],
    ['multipel myeloma', 'multiple-myeloma'],
  ])('forgives typos: "%s" finds %s in the top three', (query, id) => {
    expect(topThree(query)).toContain(id);
  });

  it.each([
    ['Revlimid', 'lenalidomide', 'brand'],
    ['revlimid', 'lenalidomide', 'brand'],
    ['CC-5013', 'lenalidomide', 'code'],
    ['cc5013', 'lenalidomide', 'code'],
    ['IMiD', 'immunomodulatory-drugs', 'abbreviation'],
    ['imids', 'immunomodulatory-drugs', 'abbreviation'],
    ['Thalomid', 'thalidomide', 'brand'],
  ])('finds brand names, code names and abbreviations: "%s" → %s, naming the %s it matched', (query, id, kind) => {
    const [first] = glossary.search(query);
    expect(first).toMatchObject({ entry: { id }, tier: 'exact', matchedForm: { kind } });
  });

  it('names the brand a misspelled brand matched', () => {
    expect(glossary.search('revlimed')[0]).toMatchObject({
      entry: { id: 'lenalidomide' },
      tier: 'fuzzy',
      matchedForm: { text: 'Revlimid', kind: 'brand' },
    });
  });

  it.each([
    ['blood vessels', 'angiogenesis'],
    ['spread of cancer', 'metastasis'],
    ['cancer spreading to other parts of the body', 'metastasis'],
    ['soft tissue inside bones', 'bone-marrow'],
    ['fight infection', 'white-blood-cells'],
  ])('finds lay words in definitions: "%s" → %s in the top three', (query, id) => {
    expect(topThree(query)).toContain(id);
  });

  it('spelling variants, possessives and separators do not matter', () => {
    expect(ids("non-Hodgkin's lymphoma")[0]).toBe('non-hodgkin-lymphoma');
    expect(ids('non hodgkin lymphoma')[0]).toBe('non-hodgkin-lymphoma');
    expect(ids('antiangiogenic')[0]).toBe('angiogenesis');
    expect(ids('  Anti–angiogenic ')[0]).toBe('angiogenesis');
  });

  it('finds nothing for an empty query or only stop words, and caps the number of results', () => {
    expect(glossary.search('')).toEqual([]);
    expect(glossary.search('   ')).toEqual([]);
    expect(glossary.search('of the')).toEqual([]);
    expect(glossary.search('cancer', 4)).toHaveLength(4);
  });

  it('does not match unrelated words', () => {
    expect(glossary.search('xylophone')).toEqual([]);
  });
});

describe('did-you-mean suggestions', () => {
  it('offer names within a looser typo allowance (three edits) when the search finds nothing', () => {
    expect(glossary.search('lenolydomyde')).toEqual([]);
    expect(glossary.suggest('lenolydomyde').map((e) => e.id)).toContain('lenalidomide');
    expect(glossary.suggest('anjiojenisis').map((e) => e.id)).toContain('angiogenesis');
  });

  it('offer nothing for nonsense or an empty query', () => {
    expect(glossary.suggest('zzzzqqqq')).toEqual([]);
    expect(glossary.suggest(' ')).toEqual([]);
  });
});

function order(tier: string): number {
  return ['exact', 'prefix', 'fuzzy', 'definition'].indexOf(tier);
}
