import { describe, expect, it } from 'vitest';
import { isInWebAddress } from '../../../src/matching/is-in-web-address';
import { occurrenceOf } from './occurrence-of';

/** isInWebAddress for the first occurrence of `word` in `text`. */
const inAddress = (text: string, word: string): boolean => isInWebAddress(text, ...occurrenceOf(text, word));

describe('isInWebAddress', () => {
  it('finds a word inside a web address', () => {
    expect(inAddress('see https://www.cancer.gov/types/myeloma/hp for more', 'myeloma')).toBe(true);
    expect(inAddress('at www.myeloma.org today', 'myeloma')).toBe(true);
    expect(inAddress('AT WWW.MYELOMA.ORG TODAY', 'MYELOMA')).toBe(true);
    expect(inAddress('ftp://files.example.net/lymphoma.pdf', 'lymphoma')).toBe(true);
  });

  it('finds a word in a site path, a bare host name and an e-mail address', () => {
    expect(inAddress('[Lymphoma](/types/lymphoma/hp/indolent-b-cell-lymphoma-treatment-pdq)', 'b-cell')).toBe(
      true,
    );
    expect(inAddress('cancer.gov/types/myeloma', 'myeloma')).toBe(true);
    expect(inAddress('visit myeloma.org now', 'myeloma')).toBe(true);
    expect(inAddress('write to info@myeloma.org', 'myeloma')).toBe(true);
    expect(inAddress('write to myeloma@hospital.example', 'myeloma')).toBe(true);
  });

  it('leaves the words before an address in the same token alone', () => {
    // A markdown link: its text is prose, its target is an address.
    const text = '[Lymphoma](/types/lymphoma/hp)';
    expect(isInWebAddress(text, 1, 9)).toBe(false);
    expect(isInWebAddress(text, 18, 26)).toBe(true);
  });

  it('leaves prose alone: hyphens, slashes between words, sentence ends, fractions and DOIs', () => {
    for (const [text, word] of [
      ['lenalidomide-based regimens', 'lenalidomide'],
      ['with lenalidomide/dexamethasone (Rd)', 'dexamethasone'],
      ['T-cell/NK-cell lymphoma', 'NK-cell'],
      ['and/or myeloma.', 'myeloma'],
      ['treated with lenalidomide.Then', 'lenalidomide'],
      ['the ICARIA-MM trial', 'MM'],
      ['doses in mg/m2/day of lenalidomide', 'lenalidomide'],
      ['doi:10.1056/NEJMoa-myeloma', 'myeloma'],
      ['myeloma: a cancer of plasma cells', 'myeloma'],
      ['drugs (e.g.lenalidomide) help', 'lenalidomide'],
      ['see Fig.2/lenalidomide arm', 'lenalidomide'],
    ] as const) {
      expect(inAddress(text, word), text).toBe(false);
    }
  });

  it('looks no further than its reach in text without white space', () => {
    const long = `https://example.org/${'x'.repeat(600)}-myeloma-${'y'.repeat(600)}`;
    expect(inAddress(long, 'myeloma')).toBe(false);
  });
});
