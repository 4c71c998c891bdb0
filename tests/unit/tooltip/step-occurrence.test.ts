import { describe, expect, it } from 'vitest';
import { stepOccurrence, type ViewportPosition } from '../../../src/tooltip/step-occurrence';

const terms = ['a', 'b', 'c', 'd', 'e'];
const positions = (map: Record<string, ViewportPosition>) => (term: string) => map[term] ?? 'in-view';

describe('stepOccurrence', () => {
  it('moves to the neighbour of the current term, in page order', () => {
    const where = positions({});
    expect(stepOccurrence(terms, 'b', 'next', where)).toBe('c');
    expect(stepOccurrence(terms, 'b', 'previous', where)).toBe('a');
  });

  it('wraps around at both ends', () => {
    const where = positions({});
    expect(stepOccurrence(terms, 'e', 'next', where)).toBe('a');
    expect(stepOccurrence(terms, 'a', 'previous', where)).toBe('e');
  });

  it('skips occurrences without a box (hidden by the page)', () => {
    const where = positions({ c: 'hidden', d: 'hidden' });
    expect(stepOccurrence(terms, 'b', 'next', where)).toBe('e');
    expect(stepOccurrence(terms, 'e', 'previous', where)).toBe('b');
  });

  it('without a current term, starts where the reader is: first in or below the viewport going forward', () => {
    const where = positions({ a: 'above', b: 'above', c: 'in-view', d: 'below', e: 'below' });
    expect(stepOccurrence(terms, null, 'next', where)).toBe('c');
    expect(stepOccurrence(terms, null, 'previous', where)).toBe('c');
    const scrolledPast = positions({ a: 'above', b: 'above', c: 'below', d: 'below', e: 'below' });
    expect(stepOccurrence(terms, null, 'next', scrolledPast)).toBe('c');
    expect(stepOccurrence(terms, null, 'previous', scrolledPast)).toBe('b');
  });

  it('a current term that has left the page counts as none', () => {
    const where = positions({ a: 'above', b: 'in-view' });
    expect(stepOccurrence(terms, 'gone', 'next', where)).toBe('b');
  });

  it('wraps when every occurrence is behind the reader', () => {
    const allAbove = positions({ a: 'above', b: 'above', c: 'above', d: 'above', e: 'above' });
    expect(stepOccurrence(terms, null, 'next', allAbove)).toBe('a');
    const allBelow = positions({ a: 'below', b: 'below', c: 'below', d: 'below', e: 'below' });
    expect(stepOccurrence(terms, null, 'previous', allBelow)).toBe('e');
  });

  it('has nowhere to go on a page without visible terms', () => {
    expect(stepOccurrence([], null, 'next', positions({}))).toBeNull();
    expect(stepOccurrence(['a'], 'a', 'next', positions({ a: 'hidden' }))).toBeNull();
    expect(stepOccurrence(['a'], 'a', 'next', positions({}))).toBe('a');
  });
});
