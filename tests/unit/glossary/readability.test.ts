// @vitest-environment node
/**
 * Plain definitions are for lay readers: Flesch–Kincaid grade (wooorm's flesch-kincaid + syllable)
 * with a median of 8 or below and none above 10.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/build/glossary-vite-plugin';
import { measureText } from '../../../src/glossary/measure-text';
import { glossaryDir } from './glossary-fixtures';

/** Flesch–Kincaid grade of a text, counting words and sentences the way the glossary limits do. */
function gradeOf(text: string): number {
  const { words, sentences } = measureText(text);
  const syllables = words.reduce((sum, word) => sum + syllable(word), 0);
  return fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
}

const MEDIAN_MAX = 8;
const EACH_MAX = 10;

describe('readability of plain definitions', () => {
  const { full } = loadGlossary(glossaryDir);
  const grades = full.entries.map((e) => ({ id: e.id, grade: gradeOf(e.plain) }));

  it('scores easy and hard texts as expected (sanity check of the measure)', () => {
    expect(gradeOf('The cat sat on the mat. It was happy.')).toBeLessThan(2);
    expect(
      gradeOf(
        'Immunomodulatory pharmacological interventions demonstrate considerable heterogeneity regarding antineoplastic efficacy.',
      ),
    ).toBeGreaterThan(15);
  });

  it(`has a median grade of ${MEDIAN_MAX} or below`, () => {
    const sorted = grades.map((g) => g.grade).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    expect(median).toBeLessThanOrEqual(MEDIAN_MAX);
  });

  it(`has no plain definition above grade ${EACH_MAX}`, () => {
    const tooHard = grades.filter((g) => !(g.grade <= EACH_MAX)).map((g) => `${g.id}: ${g.grade.toFixed(1)}`);
    expect(tooHard).toEqual([]);
  });
});
