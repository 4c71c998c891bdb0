// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeSurfaceForm } from '../../../src/matching/normalize-surface-form';

describe('normalizeSurfaceForm', () => {
  it('maps spaces, tabs, NBSP, narrow NBSP and every hyphen and dash to one ASCII space', () => {
    const separators = [' ', '\t', '\u00A0', '\u202F', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014'];
    for (const sep of separators) {
      expect(normalizeSurfaceForm(`CAR${sep}T`, true), JSON.stringify(sep)).toBe('CAR T');
    }
  });

  it('collapses runs of separators and trims', () => {
    expect(normalizeSurfaceForm('  non -\u2013 Hodgkin\u00A0\u00A0lymphoma\t', false)).toBe(
      'non hodgkin lymphoma',
    );
  });

  it('maps curly, modifier and prime apostrophes to a straight one', () => {
    for (const apostrophe of ['\u2019', '\u2018', '\u02BC', '\u2032', "'"]) {
      expect(normalizeSurfaceForm(`non-Hodgkin${apostrophe}s lymphoma`, false)).toBe(
        "non hodgkin's lymphoma",
      );
    }
  });

  it('lowercases unless case-sensitive', () => {
    expect(normalizeSurfaceForm('MM', false)).toBe('mm');
    expect(normalizeSurfaceForm('MM', true)).toBe('MM');
    expect(normalizeSurfaceForm('IMiD', true)).toBe('IMiD');
  });

  it('makes the spelling variants the matcher treats as equal compare equal', () => {
    const same = (a: string, b: string) => normalizeSurfaceForm(a, false) === normalizeSurfaceForm(b, false);
    expect(same('CAR-T', 'CAR T')).toBe(true);
    expect(same('T-cell', 'T cell')).toBe(true);
    expect(same('non-Hodgkin’s lymphoma', "non-Hodgkin's lymphoma")).toBe(true);
    expect(same('antiangiogenic', 'anti-angiogenic')).toBe(false);
    expect(same('non-Hodgkin lymphoma', "non-Hodgkin's lymphoma")).toBe(false);
  });
});
