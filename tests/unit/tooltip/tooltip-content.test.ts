import { describe, expect, it } from 'vitest';
import { NOTICE_TEXT, tooltipContent } from '../../../src/tooltip/tooltip-content';
import { sampleGlossary } from './sample-glossary';

describe('tooltipContent', () => {
  it('gives the name, the human category label, the plain definition and the notice', () => {
    const content = tooltipContent(sampleGlossary, 'angiogenesis', 'plain');
    expect(content).toMatchObject({
      entryId: 'angiogenesis',
      name: 'Angiogenesis',
      category: 'Biological process',
      level: 'plain',
      definition: 'The growth of new blood vessels. Tumors use it to get food and oxygen.',
      notice: NOTICE_TEXT,
    });
    expect(NOTICE_TEXT).toBe('Educational, not medical advice.');
  });

  it('gives the expert note at the expert reading level', () => {
    expect(tooltipContent(sampleGlossary, 'lenalidomide', 'expert')?.definition).toBe(
      'A thalidomide-derived immunomodulatory drug that acts through cereblon.',
    );
  });

  it('lists each cited source once, in the entry order, with its trust level', () => {
    expect(tooltipContent(sampleGlossary, 'lenalidomide', 'plain')?.sources).toEqual([
      { text: 'Cancers review, 2023 · high trust', trust: 'high' },
      { text: 'Lenalidomide blog post (commercial) · low trust', trust: 'low' },
    ]);
    expect(tooltipContent(sampleGlossary, 'angiogenesis', 'plain')?.sources).toEqual([
      { text: 'Myeloma immunotherapy article · medium trust', trust: 'medium' },
    ]);
  });

  it("says what the page's own abbreviation stands for, when the page defines it", () => {
    expect(tooltipContent(sampleGlossary, 'lenalidomide', 'plain')?.onPage).toBeNull();
    const defined = { shortForm: 'LEN', longForm: 'lenalidomide' };
    expect(tooltipContent(sampleGlossary, 'lenalidomide', 'plain', defined)?.onPage).toBe(
      'On this page, LEN stands for “lenalidomide”.',
    );
  });

  it('knows nothing about ids outside the glossary, including inherited property names', () => {
    expect(tooltipContent(sampleGlossary, 'no-such-term', 'plain')).toBeUndefined();
    expect(tooltipContent(sampleGlossary, 'constructor', 'plain')).toBeUndefined();
  });
});
