import { describe, expect, it } from 'vitest';
import { DATA_TOKEN_LENGTH, isInDataToken } from '../../../src/matching/is-in-data-token';
import { occurrenceOf } from './occurrence-of';

/** isInDataToken for the first occurrence of `word` in `text`. */
const inData = (text: string, word: string): boolean => isInDataToken(text, ...occurrenceOf(text, word));

describe('isInDataToken', () => {
  it('finds a word in a JSON blob or a base64 key shown as text', () => {
    const json = '{"term":"myeloma","path":"/a/b"},'.repeat(20);
    expect(inData(`Response: ${json} end`, 'myeloma')).toBe(true);
    const key = `ssh-rsa AAAAB3NzaC1yc2E${'x9+/'.repeat(70)}+MM/${'Qz0='.repeat(10)} user@host`;
    expect(inData(key, 'MM')).toBe(true);
  });

  it('counts the token from its first character to its last, at the threshold', () => {
    const filler = (length: number) => '"a":1,'.repeat(length).slice(0, length);
    const around = (length: number) => {
      const side = filler((length - 7) >> 1);
      return `Text ${side}myeloma${filler(length - 7 - side.length)} text`;
    };
    expect(inData(around(DATA_TOKEN_LENGTH), 'myeloma')).toBe(true);
    expect(inData(around(DATA_TOKEN_LENGTH - 1), 'myeloma')).toBe(false);
  });

  it('leaves words glued by markup alone, though they make a long token without marks of data', () => {
    const glued = 'PatientswithmyelomaweretreatedwithlenalidomideanddexamethasoneforsixmonthsAndmost,'.repeat(
      5,
    );
    expect(inData(glued, 'myeloma')).toBe(false);
  });

  it('leaves prose, a term with a space, and text in scripts written without spaces alone', () => {
    expect(inData('Lenalidomide treats multiple myeloma. '.repeat(20), 'myeloma')).toBe(false);
    expect(inData(`${'a'.repeat(200)}multiple myeloma${'a'.repeat(200)}`, 'multiple myeloma')).toBe(false);
    const japanese = `${'多発性骨髄腫の治療'.repeat(40)}lenalidomide${'は経口薬です'.repeat(40)}`;
    expect(inData(japanese, 'lenalidomide')).toBe(false);
  });
});
