import { describe, expect, it } from 'vitest';
import { RefusedTexts, RETRY_DELAYS_MS } from '../../../src/annotation/refused-texts';

const TEXT = 'lenalidomide and myeloma';

/**
 * One pass at `now` that marks `text` (if given, and not refused); the page takes the mark out `after` ms
 * later (null: never) and reports its change then.
 */
function pass(refused: RefusedTexts, now: number, text: string | null, after: number | null = 0): boolean {
  const refuses = text !== null && refused.refuses(text, document.body);
  refused.startWrapping();
  if (text === null || refuses) return refuses;
  const mark = document.createElement('mark');
  document.body.append(mark);
  refused.record(text, mark, now);
  if (after !== null) {
    mark.remove();
    refused.notePageChanges(now + after);
  }
  return refuses;
}

describe('RefusedTexts', () => {
  it('refuses a text whose marks the page takes out at once, pass after pass, and only then', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 8 }, (_, i) => pass(refused, i * 100, TEXT));
    // The first pass marks it; five more find it back unmarked; the seventh leaves it alone.
    expect(results).toEqual([false, false, false, false, false, false, true, true]);
    expect(refused.has(TEXT)).toBe(true);
    expect(refused.has('another text')).toBe(false);
  });

  it('counts passes in a row only: a pass without the text starts the count again', () => {
    const refused = new RefusedTexts();
    const results: boolean[] = [];
    for (let i = 0; i < 30; i++) results.push(pass(refused, i * 100, i % 4 === 3 ? null : TEXT));
    expect(results).not.toContain(true);
  });

  it('never counts a text whose marks stay (the same words in a new item of a feed)', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 20 }, (_, i) => pass(refused, i * 100, TEXT, null));
    expect(results).not.toContain(true);
  });

  it('never counts marks taken out by a page re-rendering on a timer, some time after they were made', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 20 }, (_, i) => pass(refused, i * 300, TEXT, 220));
    expect(results).not.toContain(true);
  });

  it('does count marks taken out within a tenth of a second (a page guarding its markup after a delay)', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 8 }, (_, i) => pass(refused, i * 200, TEXT, 90));
    expect(results.indexOf(true)).toBe(6);
  });

  it('gives refused texts another chance after a while, a few times, with their blocks to read again', () => {
    const refused = new RefusedTexts();
    expect(refused.nextChanceIn()).toBeNull();
    let now = 0;
    const refuseOnce = () => {
      for (let i = 0; i < 7; i++) pass(refused, (now += 100), TEXT);
      expect(refused.has(TEXT)).toBe(true);
    };
    refuseOnce();
    for (const delay of RETRY_DELAYS_MS) {
      expect(refused.nextChanceIn()).toBe(delay);
      expect(refused.giveAnotherChance()).toEqual([document.body]);
      expect(refused.has(TEXT)).toBe(false);
      // The page stopped: the next pass marks it, and it stays marked.
      expect(pass(refused, (now += 100), TEXT, null)).toBe(false);
      // Or it did not, and the text is refused again.
      refuseOnce();
    }
    // Chances used up: it stays refused until annotations are switched off and on.
    expect(refused.nextChanceIn()).toBeNull();
    refused.clear();
    expect(refused.nextChanceIn()).toBeNull();
    refuseOnce();
    expect(refused.nextChanceIn()).toBe(RETRY_DELAYS_MS[0]);
  });

  it('forgets everything when cleared (annotations switched off and on)', () => {
    const refused = new RefusedTexts();
    for (let i = 0; i < 8; i++) pass(refused, i * 100, TEXT);
    refused.clear();
    expect(refused.has(TEXT)).toBe(false);
    expect(pass(refused, 1000, TEXT)).toBe(false);
  });
});
