import { describe, expect, it } from 'vitest';
import {
  isAsciiAlphanumericCode,
  isWordCharCode,
  needsUnicodeClasses,
} from '../../../src/matching/fold-char-code';

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
// Invisible inside words: soft hyphen, zero-width non-joiner and joiner, word joiner.
const JOINERS = new Set([0xad, 0x200c, 0x200d, 0x2060]);
const expected = (c: number) => JOINERS.has(c) || WORD_CHAR.test(String.fromCharCode(c));

describe('isWordCharCode', () => {
  it('agrees with the Unicode classes (letter, number, mark) on every code unit of the plane', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0xd800; c++) {
      if (isWordCharCode(c) !== expected(c)) wrong.push(c.toString(16));
    }
    for (let c = 0xe000; c < 0x10000; c++) {
      if (isWordCharCode(c) !== expected(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts letters of other scripts, digits and combining marks, not punctuation or symbols', () => {
    const word = (text: string) => [...text].map((ch) => isWordCharCode(ch.charCodeAt(0)));
    expect(word('éßØαΩκ٣\u0301_')).toEqual(Array(9).fill(true));
    expect(word('–—’“®≥×÷·−%€→')).toEqual(Array(13).fill(false));
  });
});

describe('needsUnicodeClasses', () => {
  it('is false for ASCII text and for text whose only other characters are punctuation and symbols', () => {
    expect(needsUnicodeClasses('MM')).toBe(false);
    expect(needsUnicodeClasses('PDQ®')).toBe(false);
    expect(needsUnicodeClasses('53.9%−58.5%')).toBe(false);
    expect(needsUnicodeClasses('≥1.5 g/dL – see Smith AB, Jones CD')).toBe(false);
  });

  it('is true for a non-ASCII letter, digit or mark, and for a curly apostrophe', () => {
    expect(needsUnicodeClasses('Müller AB')).toBe(true);
    expect(needsUnicodeClasses('TNF-α')).toBe(true);
    expect(needsUnicodeClasses('٣')).toBe(true);
    expect(needsUnicodeClasses('O’Brien MM')).toBe(true);
  });
});

describe('isAsciiAlphanumericCode', () => {
  it('answers as /[A-Za-z0-9]/ for every code of the Basic Multilingual Plane', () => {
    for (let code = 0; code < 0x10000; code++)
      if (isAsciiAlphanumericCode(code) !== /[A-Za-z0-9]/.test(String.fromCharCode(code)))
        expect.fail(`differs at U+${code.toString(16)}`);
  });
});
