import { describe, expect, it } from 'vitest';
import { buildTermMatcher } from '../../../src/matching/build-term-matcher';
import { joinAcrossShortForm } from '../../../src/matching/join-across-short-form';
import { makeTestGlossary } from './test-glossary';

const matcher = buildTermMatcher(makeTestGlossary().forms);

/** The occurrences of `text` after joining, as "text → entry id". */
function joined(text: string): string[] {
  return joinAcrossShortForm(text, matcher.findMatches(text), matcher).map(
    (match) => `${text.slice(match.start, match.end)} → ${match.form.entryId}`,
  );
}

describe('a term written around its own bracketed abbreviation', () => {
  it('is one occurrence of the term, not the abbreviation and a shorter term after it', () => {
    const text = 'Chimeric antigen receptor (CAR) T-cell therapy is given once.';
    expect(matcher.findMatches(text).map((m) => text.slice(m.start, m.end))).toEqual(['CAR', 'T-cell']);
    expect(joined(text)).toEqual(['Chimeric antigen receptor (CAR) T-cell therapy → car-t-cell-therapy']);
  });

  it('takes square brackets, plurals and a hyphen after the bracket', () => {
    expect(joined('Counts of natural killer (NK) cells rose.')).toEqual([
      'natural killer (NK) cells → natural-killer-cells',
    ]);
    expect(joined('B, T or natural killer [NK] cell lineage')).toEqual([
      'natural killer [NK] cell → natural-killer-cells',
    ]);
    expect(joined('natural killer (NK)-cell counts')).toEqual([
      'natural killer (NK)-cell → natural-killer-cells',
    ]);
  });

  it('the other way round: the abbreviation, its long form in brackets, then the rest of the term', () => {
    const text =
      'Patients received CAR (chimeric antigen receptor) T-cell therapy or CAR [chimeric antigen receptor]-T cell therapy.';
    expect(matcher.findMatches(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'CAR',
      'T-cell',
      'CAR',
      'T cell',
    ]);
    expect(joined(text)).toEqual([
      'CAR (chimeric antigen receptor) T-cell therapy → car-t-cell-therapy',
      'CAR [chimeric antigen receptor]-T cell therapy → car-t-cell-therapy',
    ]);
  });

  it('not when the brackets do not spell the abbreviation out, nothing follows them, or a term would be cut', () => {
    // "CAR T" is a form, but "T cells" goes on past it.
    expect(joined('CAR (chimeric antigen receptor) T cells')).toEqual([
      'CAR → car-t-cell-therapy',
      'T cells → t-cells',
    ]);
    expect(joined('CAR (see below) T cells')).toEqual(['CAR → car-t-cell-therapy', 'T cells → t-cells']);
    expect(joined('CAR (chimeric antigen receptor). T cells')).toEqual([
      'CAR → car-t-cell-therapy',
      'T cells → t-cells',
    ]);
    expect(joined('CAR(chimeric antigen receptor) T cells')).toEqual([
      'CAR → car-t-cell-therapy',
      'T cells → t-cells',
    ]);
  });

  it('keeps the terms around it', () => {
    expect(joined('In multiple myeloma, natural killer (NK) cells and T cells rose.')).toEqual([
      'multiple myeloma → multiple-myeloma',
      'natural killer (NK) cells → natural-killer-cells',
      'T cells → t-cells',
    ]);
  });

  it("needs the words around the brackets to spell a form of the abbreviation's own entry", () => {
    // No form "multiple myeloma cell"; "North Korea cells" is nothing.
    expect(joined('multiple myeloma (MM) cells')).toEqual([
      'multiple myeloma → multiple-myeloma',
      'MM → multiple-myeloma',
    ]);
    expect(joined('North Korea (NK) cells')).toEqual(['NK → natural-killer-cells']);
    // The brackets hold more than the abbreviation, or nothing follows them as part of the term.
    expect(joined('natural killer (mostly NK) cells')).toEqual(['NK → natural-killer-cells']);
    expect(joined('natural killer (NK), cells')).toEqual(['NK → natural-killer-cells']);
    expect(joined('natural killer (NK)')).toEqual(['NK → natural-killer-cells']);
  });

  it('reads words on each side as far as a term may reach', () => {
    const long = `${'word '.repeat(40)}natural killer (NK) cells${' and more'.repeat(20)}`;
    expect(joined(long)).toEqual(['natural killer (NK) cells → natural-killer-cells']);
    // A long form glued to a longer word is no term, however far back that word begins.
    expect(joined(`${'x'.repeat(100)}natural killer (NK) cells`)).toEqual(['NK → natural-killer-cells']);
  });

  it('returns the matches as they were when nothing is joined', () => {
    const text = 'lenalidomide (LEN) and T cells';
    const matches = matcher.findMatches(text);
    expect(joinAcrossShortForm(text, matches, matcher)).toBe(matches);
  });
});
