import MarkSource from 'mark.js/src/lib/mark.js';
import { ENTRY_ID_ATTRIBUTE, MARK_CLASS, PART_ATTRIBUTE, REST_PART } from './mark-selectors';
import type { SplitRegistry } from './split-registry';
import type { TextRun } from './text-run-collector';

/** An occurrence to wrap: `[start, end)` in its run's text. */
export interface AcceptedMatch {
  start: number;
  end: number;
  entryId: string;
}

/**
 * mark.js's wrapping routine, used directly: `wrapRangeInTextNode` splits a text node, puts the range in a
 * `<mark data-markjs class>` and returns the text after it. Its `markRanges` entry point derives each range's
 * text node and offsets from the concatenated text of a context (copying that text for every range, and
 * walking the context with a NodeIterator per call; live NodeIterators stay registered with the document
 * until garbage collection, so every later node removal updates each of them). The annotator already knows
 * the node and offsets of every occurrence, and that bookkeeping cost more than the wrapping itself.
 *
 * The marker inherits mark.js's methods without running its constructor, whose only work is reading
 * navigator.userAgent to detect Internet Explorer: a synchronous call that costs milliseconds on a page.
 */
class MarkWrapper {
  // Read by mark.js's methods: its options (the element and class to create) and its IE flag.
  readonly ie = false;
  readonly opt = { element: 'mark', className: MARK_CLASS };

  /** Wraps text[start, end) of `node` (which keeps the text before); returns the new mark. */
  wrap(node: Text, start: number, end: number): Element {
    const after = (this as unknown as MarkSource).wrapRangeInTextNode(node, start, end);
    return after.previousSibling as Element;
  }
}
Object.setPrototypeOf(MarkWrapper.prototype, MarkSource.prototype);

let wrapper: MarkWrapper | null = null;

/** Index of the node of `run` holding text offset `offset` (the last node starting at or before it). */
function nodeIndexAt(run: TextRun, offset: number, from: number): number {
  const starts = run.starts;
  let i = from;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

/**
 * Wraps the accepted occurrences of one run with mark.js, one mark per text node an occurrence covers (the
 * pieces after the first carry PART_ATTRIBUTE). Occurrences are wrapped from the end of the run backwards,
 * and each from its last piece to its first: splitting a text node keeps the text before the split in the
 * original node, so the offsets of everything still to wrap stay valid. Returns the number of occurrences.
 */
export function wrapRunMatches(
  run: TextRun,
  matches: readonly AcceptedMatch[],
  registry: SplitRegistry,
): number {
  if (matches.length === 0) return 0;
  wrapper ??= new MarkWrapper();
  const { nodes, starts, text } = run;
  const oldNexts = nodes.map((node) => node.nextSibling);
  let first = nodes.length - 1;
  for (let m = matches.length - 1; m >= 0; m--) {
    const { start, end, entryId } = matches[m]!;
    // Nodes only move left as matches do: search from the last position.
    while (first > 0 && starts[first]! > start) first--;
    const last = nodeIndexAt(run, end - 1, first);
    for (let k = last; k >= first; k--) {
      const nodeStart = starts[k]!;
      const nodeEnd = k + 1 < starts.length ? starts[k + 1]! : text.length;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      if (to <= from) continue;
      const mark = wrapper.wrap(nodes[k]!, from, to);
      mark.setAttribute(ENTRY_ID_ATTRIBUTE, entryId);
      // <mark> is exposed as a "highlight" that screen readers announce around every term; the glossary's
      // underline is a hint, not content, so marks stay silent (a focused term is described by the tooltip).
      mark.setAttribute('role', 'none');
      if (k > first) mark.setAttribute(PART_ATTRIBUTE, REST_PART);
    }
  }
  for (let i = 0; i < nodes.length; i++) registry.recordSplit(nodes[i]!, oldNexts[i]!);
  return matches.length;
}
