import { describe, expect, it } from 'vitest';
import { RefusedTexts } from '../../../src/annotation/refused-texts';

const TEXT = 'lenalidomide and myeloma';

/** A mark the page still shows, or one it took out. */
function mark(connected: boolean): Element {
  const element = document.createElement('mark');
  if (connected) document.body.append(element);
  return element;
}

/** One pass at `now` that marks `text` (if given), the page leaving the mark in or taking it out. */
function pass(refused: RefusedTexts, now: number, text: string | null, kept = false): boolean {
  const refuses = text !== null && refused.refuses(text, now);
  const marked = refused.startPass();
  if (text !== null && !refuses) marked.set(text, mark(kept));
  refused.endPass(marked, now + 1);
  return refuses;
}

describe('RefusedTexts', () => {
  it('refuses a text whose marks the page takes out at once, pass after pass, and only then', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 8 }, (_, i) => pass(refused, i * 100, TEXT));
    // The first pass marks it; five more find it unmarked again; the seventh leaves it alone.
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

  it('never counts a text whose marks are still in the page (the same words in a new item of a feed)', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 20 }, (_, i) => pass(refused, i * 100, TEXT, true));
    expect(results).not.toContain(true);
  });

  it('never counts a page that renders the same text again a second or more later (a carousel)', () => {
    const refused = new RefusedTexts();
    const results = Array.from({ length: 20 }, (_, i) => pass(refused, i * 1100, TEXT));
    expect(results).not.toContain(true);
  });

  it('forgets everything when cleared (annotations switched off and on)', () => {
    const refused = new RefusedTexts();
    for (let i = 0; i < 8; i++) pass(refused, i * 100, TEXT);
    refused.clear();
    expect(refused.has(TEXT)).toBe(false);
    expect(pass(refused, 1000, TEXT)).toBe(false);
  });
});
