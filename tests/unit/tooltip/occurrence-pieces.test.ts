import { beforeEach, describe, expect, it } from 'vitest';
import { occurrenceHead, occurrencePieces } from '../../../src/tooltip/occurrence-pieces';
import { MARK_CLASS } from '../../../src/annotation/mark-selectors';

beforeEach(() => {
  // "<i>CAR</i> T-cell therapy" split in two marks, then a whole occurrence of the same term, then another term.
  document.body.replaceChildren();
  const p = document.createElement('p');
  const italic = document.createElement('i');
  p.append(italic, ' and ');
  document.body.append(p);
  const head = document.createElement('mark');
  head.className = MARK_CLASS;
  head.dataset.glossaryId = 'car-t-cell-therapy';
  head.id = 'head';
  head.textContent = 'CAR';
  italic.append(head);
  const rest = document.createElement('mark');
  rest.className = MARK_CLASS;
  rest.dataset.glossaryId = 'car-t-cell-therapy';
  rest.dataset.glossaryPart = 'rest';
  rest.id = 'rest';
  rest.textContent = ' T-cell therapy';
  italic.after(rest);
  const second = document.createElement('mark');
  second.className = MARK_CLASS;
  second.dataset.glossaryId = 'car-t-cell-therapy';
  second.id = 'second';
  second.textContent = 'CAR T-cell therapy';
  const other = document.createElement('mark');
  other.className = MARK_CLASS;
  other.dataset.glossaryId = 'angiogenesis';
  other.id = 'other';
  other.textContent = 'angiogenesis';
  p.append(second, ' slows ', other);
});

const byId = (id: string) => document.getElementById(id)!;

describe('occurrence pieces', () => {
  it('finds the head of a continuation piece across the inline element it crossed', () => {
    expect(occurrenceHead(byId('rest'))).toBe(byId('head'));
    expect(occurrenceHead(byId('head'))).toBe(byId('head'));
    expect(occurrenceHead(byId('second'))).toBe(byId('second'));
  });

  it('collects every piece of an occurrence and stops at the next occurrence', () => {
    expect(occurrencePieces(byId('head'))).toEqual([byId('head'), byId('rest')]);
    expect(occurrencePieces(byId('second'))).toEqual([byId('second')]);
    expect(occurrencePieces(byId('other'))).toEqual([byId('other')]);
  });
});
