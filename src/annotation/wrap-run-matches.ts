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

/** One mark to make in one text node: `[from, to)` of its text. */
interface Piece {
  from: number;
  to: number;
  entryId: string;
  /** Not the first piece of its occurrence. */
  rest: boolean;
}

/**
 * Wraps the accepted occurrences of one run with mark.js, one mark per text node an occurrence covers (the
 * pieces after the first carry PART_ATTRIBUTE). Returns the number of occurrences.
 *
 * Each text node's marks are made off the page: the text from its first mark on goes into a detached text
 * node, mark.js splits and wraps that one inside a fragment (with every attribute set before the marks are
 * connected), and the page's node keeps the text before, with the fragment inserted after it. The page's
 * DOM sees two writes per text node instead of four per mark, and no attribute change on a connected element
 * (each of which makes the browser check the page's attribute selectors).
 */
export function wrapRunMatches(
  run: TextRun,
  matches: readonly AcceptedMatch[],
  registry: SplitRegistry,
): number {
  if (matches.length === 0) return 0;
  wrapper ??= new MarkWrapper();
  const { nodes, starts, text } = run;
  const piecesOf: (Piece[] | undefined)[] = new Array<Piece[] | undefined>(nodes.length);
  let k = 0;
  for (const { start, end, entryId } of matches) {
    // Matches are sorted: the node holding a match's start only moves forward.
    while (k + 1 < starts.length && starts[k + 1]! <= start) k++;
    let head = true;
    for (let i = k; i < nodes.length && starts[i]! < end; i++) {
      const nodeStart = starts[i]!;
      const nodeEnd = i + 1 < starts.length ? starts[i + 1]! : text.length;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      if (to <= from) continue;
      (piecesOf[i] ??= []).push({ from, to, entryId, rest: !head });
      head = false;
    }
  }
  for (let i = 0; i < nodes.length; i++) {
    const pieces = piecesOf[i];
    if (pieces) wrapTextNode(nodes[i]!, pieces, registry);
  }
  return matches.length;
}

/** Wraps the pieces of one text node (sorted, not overlapping) through a detached fragment. */
function wrapTextNode(node: Text, pieces: readonly Piece[], registry: SplitRegistry): void {
  const data = node.data;
  const document = node.ownerDocument;
  const first = pieces[0]!.from;
  const fragment = document.createDocumentFragment();
  let rest = fragment.appendChild(document.createTextNode(data.slice(first)));
  let offset = first;
  for (const { from, to, entryId, rest: isRest } of pieces) {
    const mark = wrapper!.wrap(rest, from - offset, to - offset);
    mark.setAttribute(ENTRY_ID_ATTRIBUTE, entryId);
    // <mark> is exposed as a "highlight" that screen readers announce around every term; the glossary's
    // underline is a hint, not content, so marks stay silent (a focused term is described by the tooltip).
    mark.setAttribute('role', 'none');
    if (isRest) mark.setAttribute(PART_ATTRIBUTE, REST_PART);
    rest = mark.nextSibling as Text;
    offset = to;
  }
  // mark.js leaves an empty text node where a mark starts or ends at the edge of the text it split.
  for (let child = fragment.firstChild; child;) {
    const next = child.nextSibling;
    if (child.nodeType === 3 && (child as Text).data === '') child.remove();
    child = next;
  }
  const oldNext = node.nextSibling;
  node.data = data.slice(0, first);
  node.parentNode!.insertBefore(fragment, oldNext);
  registry.recordSplit(node, oldNext);
}
