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

/** Every occurrence `matcher` finds in `text`, accepted as its form's entry. */
function accept(text: string): AcceptedMatch[] {
  return matcher.findMatches(text).map(({ start, end, form }) => ({ start, end, entryId: form.entryId }));
}

// Over 64 K characters: a plain-text document's worth in one node.
const SENTENCE = 'Lenalidomide slows angiogenesis in multiple myeloma, the report said. ';
const LONG = SENTENCE.repeat(1000);

describe('a long text node wrapped apart from the page', () => {
  it('is what a long run of one text node gets; shorter runs, runs of several nodes and runs with marks are not', () => {
    expect(wrapsApart(oneNodeRun(LONG).run)).toBe(true);
    expect(wrapsApart(oneNodeRun(SENTENCE.repeat(100)).run)).toBe(false);
    const { run } = oneNodeRun(LONG);
    expect(wrapsApart({ ...run, nodes: [run.nodes[0]!, document.createTextNode('')], starts: [0, 10] })).toBe(
      false,
    );
    expect(wrapsApart({ ...run, annotated: [true] })).toBe(false);
  });

  it('leaves the page alone until it is put in, then makes exactly the marks and text nodes wrapping in place makes', () => {
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

      expect(snapshot(apart.div)).toBe(snapshot(inPlace.div));
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
});
