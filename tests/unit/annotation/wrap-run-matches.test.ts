import { beforeEach, describe, expect, it } from 'vitest';
import { SplitRegistry } from '../../../src/annotation/split-registry';
import type { TextRun } from '../../../src/annotation/text-run-collector';
import {
  WrapApart,
  wrapRunMatches,
  wrapsApart,
  type AcceptedMatch,
} from '../../../src/annotation/wrap-run-matches';
import { buildTermMatcher } from '../../../src/matching/build-term-matcher';
import { makeTestGlossary } from '../matching/test-glossary';
import { occurrences, setBody, snapshot } from './annotation-helpers';

const matcher = buildTermMatcher(makeTestGlossary().forms);

beforeEach(() => setBody(''));

/** A <div> holding `text` as one text node, and the run the annotator would read from it. */
function oneNodeRun(text: string): { div: HTMLDivElement; node: Text; run: TextRun } {
  const div = document.createElement('div');
  const node = document.createTextNode(text);
  div.append(node);
  document.body.append(div);
  return { div, node, run: { text, nodes: [node], starts: [0], annotated: null, block: div, soft: null } };
}

/**
 * The DOM under `node` as snapshot() writes it, empty text nodes left out: where a long node is cut in halves
 * before wrapping, a mark at the end of a half leaves one after it, and the halves fall differently in a copy
 * wrapped a chunk at a time. They hold no text and change nothing a reader or a restore sees.
 */
function shape(node: Node): string {
  const copy = node.cloneNode(true);
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  const empty: Node[] = [];
  for (let text = walker.nextNode(); text; text = walker.nextNode())
    if ((text as Text).data === '') empty.push(text);
  for (const text of empty) text.parentNode!.removeChild(text);
  return snapshot(copy);
}

/** Every occurrence `matcher` finds in `text`, accepted as its form's entry. */
function accept(text: string): AcceptedMatch[] {
  return matcher.findMatches(text).map(({ start, end, form }) => ({ start, end, entryId: form.entryId }));
}

/**
 * A <div> of plain text with inline elements, terms running across them ("multiple <b>myeloma</b>", "<i>CAR</i>
 * T-cell therapy"), over 64 K characters in all, and the run the annotator would read from it.
 */
function severalNodesRun(): { div: HTMLDivElement; nodes: Text[]; run: TextRun } {
  const div = document.createElement('div');
  const bold = document.createElement('b');
  bold.append('myeloma');
  const italic = document.createElement('i');
  italic.append('CAR');
  div.append(
    `${SENTENCE.repeat(500)}multiple `,
    bold,
    ` cells. ${SENTENCE.repeat(400)}`,
    italic,
    ` T-cell therapy. ${SENTENCE.repeat(100)}`,
  );
  document.body.append(div);
  const nodes = [
    div.firstChild,
    bold.firstChild,
    bold.nextSibling,
    italic.firstChild,
    italic.nextSibling,
  ] as Text[];
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  return { div, nodes, run: { text, nodes, starts, annotated: null, block: div, soft: null } };
}

// Over 64 K characters: a plain-text document's worth in one node.
const SENTENCE = 'Lenalidomide slows angiogenesis in multiple myeloma, the report said. ';
const LONG = SENTENCE.repeat(1000);

describe('a long text node wrapped apart from the page', () => {
  it('is what a long run gets, of one text node or several; shorter runs and runs with marks are not', () => {
    expect(wrapsApart(oneNodeRun(LONG).run)).toBe(true);
    expect(wrapsApart(oneNodeRun(SENTENCE.repeat(100)).run)).toBe(false);
    expect(wrapsApart(severalNodesRun().run)).toBe(true);
    expect(wrapsApart({ ...oneNodeRun(LONG).run, annotated: [true] })).toBe(false);
  });

  it('leaves the page alone until it is put in, then makes the marks and text nodes wrapping in place makes', () => {
    for (const text of [LONG, `myeloma ${LONG}CAR`]) {
      setBody('');
      const inPlace = oneNodeRun(text);
      const apart = oneNodeRun(text);
      const matches = accept(text);
      expect(matches.length).toBeGreaterThan(2000);
      wrapRunMatches(inPlace.run, matches, new SplitRegistry());

      const wrap = new WrapApart(apart.run, matches);
      const untouched = snapshot(apart.div);
      let steps = 1;
      while (!wrap.step()) steps++;
      // Thousands of occurrences, a few hundred per step.
      expect(steps).toBeGreaterThan(5);
      expect(snapshot(apart.div)).toBe(untouched);
      expect(wrap.commit(new SplitRegistry())).toBe(matches.length);

      expect(shape(apart.div)).toBe(shape(inPlace.div));
      // The page's own node stays first, holding the text before the first term.
      expect(apart.div.firstChild).toBe(apart.node);
      expect(occurrences(apart.div)).toHaveLength(matches.length);
    }
  });

  it('keeps the page node for a text that starts with a term (it then holds no text, as in place)', () => {
    const { div, node, run } = oneNodeRun(LONG);
    const wrap = new WrapApart(run, accept(LONG));
    while (!wrap.step());
    wrap.commit(new SplitRegistry());
    expect(div.firstChild).toBe(node);
    expect(node.data).toBe('');
    expect(occurrences(div)[0]).toBe('Lenalidomide → lenalidomide');
  });

  it('is undone like marks made in place: the page node gets its whole text back, and nothing else stays', () => {
    const { div, node, run } = oneNodeRun(`Before. ${LONG}`);
    const registry = new SplitRegistry();
    const wrap = new WrapApart(run, accept(run.text));
    while (!wrap.step());
    wrap.commit(registry);
    expect(registry.isSplitOrigin(node)).toBe(true);
    expect(registry.originOfPiece(div.lastChild!)).toBe(node);
    registry.restore(node);
    expect([...div.childNodes]).toEqual([node]);
    expect(node.data).toBe(run.text);
  });

  it('makes across several text nodes what wrapping in place makes: occurrences split between nodes included', () => {
    const inPlace = severalNodesRun();
    const apart = severalNodesRun();
    const matches = accept(inPlace.run.text);
    const { starts, text } = inPlace.run;
    const crossing = matches.filter((m) => starts.some((start) => m.start < start && start < m.end));
    expect(crossing.map((m) => text.slice(m.start, m.end))).toEqual([
      'multiple myeloma',
      'CAR T-cell therapy',
    ]);
    wrapRunMatches(inPlace.run, matches, new SplitRegistry());
    const registry = new SplitRegistry();
    const wrap = new WrapApart(apart.run, matches);
    const untouched = snapshot(apart.div);
    while (!wrap.step());
    expect(snapshot(apart.div)).toBe(untouched);
    wrap.commit(registry);
    expect(shape(apart.div)).toBe(shape(inPlace.div));
    // The pieces after an occurrence's first carry the part attribute: the two terms read as one occurrence each.
    expect(apart.div.querySelectorAll('mark[data-glossary-part]')).toHaveLength(2);
    expect(occurrences(apart.div)).toHaveLength(matches.length);
    // Each of the page's nodes is undone like one wrapped in place.
    for (const node of apart.nodes) registry.restore(node);
    expect(snapshot(apart.div)).toBe(untouched);
    expect(apart.nodes.every((node) => node.isConnected)).toBe(true);
  });
});
