import { describe, expect, it } from 'vitest';
import { parseViewHash, viewHash } from '../../../src/popup/view-hash';

describe('entry page hash', () => {
  it('round-trips entries and searches, whatever characters they hold', () => {
    for (const view of [
      { kind: 'entry', entryId: 'lenalidomide' },
      { kind: 'search', query: 'CAR T & more' },
      { kind: 'search', query: 'a+b=c #1 “quoted”' },
    ] as const) {
      expect(parseViewHash(viewHash(view))).toEqual(view);
    }
  });

  it('reads the forms the background writes', () => {
    expect(parseViewHash('#entry=lenalidomide')).toEqual({ kind: 'entry', entryId: 'lenalidomide' });
    expect(parseViewHash('#q=CAR%20T%20%26%20more')).toEqual({ kind: 'search', query: 'CAR T & more' });
  });

  it('gives null for an empty or unknown hash, and cuts overlong values', () => {
    expect(parseViewHash('')).toBeNull();
    expect(parseViewHash('#')).toBeNull();
    expect(parseViewHash('#entry=')).toBeNull();
    expect(parseViewHash('#other=1')).toBeNull();
    expect(parseViewHash(`#q=${'x'.repeat(500)}`)).toEqual({ kind: 'search', query: 'x'.repeat(100) });
  });
});
