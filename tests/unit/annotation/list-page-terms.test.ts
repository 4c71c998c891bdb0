import { describe, expect, it } from 'vitest';
import { listPageTerms } from '../../../src/annotation/list-page-terms';
import { ABBREVIATION_LIMITS } from '../../../src/messaging/messages';
import { makeTestGlossary } from '../matching/test-glossary';

const glossary = makeTestGlossary();

describe('listPageTerms', () => {
  it("gives each counted term its name and the page's abbreviations for it, in the page's order", () => {
    const terms = listPageTerms(
      glossary,
      [
        { entryId: 'lenalidomide', count: 2 },
        { entryId: 'multiple-myeloma', count: 5 },
      ],
      [
        { shortForm: 'NDMM', entryId: 'multiple-myeloma', longForm: 'newly diagnosed multiple myeloma' },
        { shortForm: 'POM', entryId: 'pomalidomide', longForm: 'pomalidomide' },
        { shortForm: 'MM', entryId: 'multiple-myeloma', longForm: 'multiple myeloma' },
      ],
    );
    expect(terms).toEqual([
      { entryId: 'lenalidomide', name: 'lenalidomide', count: 2, abbreviations: [] },
      {
        entryId: 'multiple-myeloma',
        name: 'multiple myeloma',
        count: 5,
        abbreviations: [
          { shortForm: 'NDMM', longForm: 'newly diagnosed multiple myeloma' },
          { shortForm: 'MM', longForm: 'multiple myeloma' },
        ],
      },
    ]);
  });

  it('sends no more abbreviations per term than the message allows, and none past its bounds', () => {
    const many = Array.from({ length: ABBREVIATION_LIMITS.perTerm + 5 }, (_, i) => ({
      shortForm: `M${i}`,
      entryId: 'multiple-myeloma',
      longForm: 'multiple myeloma',
    }));
    const tooLong = {
      shortForm: 'X'.repeat(ABBREVIATION_LIMITS.shortForm + 1),
      entryId: 'lenalidomide',
      longForm: 'x',
    };
    const [myeloma, lenalidomide] = listPageTerms(
      glossary,
      [
        { entryId: 'multiple-myeloma', count: 1 },
        { entryId: 'lenalidomide', count: 1 },
      ],
      [...many, tooLong],
    );
    expect(myeloma!.abbreviations.map((a) => a.shortForm)).toEqual(
      many.slice(0, ABBREVIATION_LIMITS.perTerm).map((a) => a.shortForm),
    );
    expect(lenalidomide!.abbreviations).toEqual([]);
  });
});
