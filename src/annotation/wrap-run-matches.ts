import MarkSource from 'mark.js/src/lib/mark.js';
import { ENTRY_ID_ATTRIBUTE, MARK_CLASS, PART_ATTRIBUTE, REST_PART } from './mark-selectors';
import type { SplitRegistry } from './split-registry';
import type { TextRun } from './text-run-collector';

/** An occurrence to wrap: `[start, end)` in its run's text. Made as `{ entryId, start, end }` (see TermMatch). */
export interface AcceptedMatch {
  entryId: string;
  start: number;
  end: number;
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

/** Index of the node (of `starts`) holding text offset `offset` (the last node starting at or before it). */
function nodeIndexAt(starts: readonly number[], offset: number, from: number): number {
  let i = from;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

/** An occurrence, or its part in one text node; `rest` for the parts after its first (PART_ATTRIBUTE). */
interface WrapPart extends AcceptedMatch {
  rest?: boolean;
}

/** The text of a run and the nodes it is in: what wrapping needs. */
type RunText = Pick<TextRun, 'text' | 'nodes' | 'starts'>;

/** A text node at least this long, holding more than one occurrence, is cut apart before wrapping. */
const LONG_TEXT = 4096;

/**
 * Cuts `node` (whose text starts at `base` in the run) at the run offsets `cuts[from..to)`, ascending and
 * inside it, pushing the pieces in order. splitText copies both parts of a text, so cutting a long text at
 * each occurrence in turn copies all of it once per occurrence: two seconds for a megabyte in one text node
 * with 5,000 terms. Cutting in the middle and then each half copies it only once per halving.
 */
function cutText(
  node: Text,
  cuts: readonly number[],
  from: number,
  to: number,
  base: number,
  out: Text[],
): void {
  if (from >= to) {
    out.push(node);
    return;
  }
  const middle = (from + to) >>> 1;
  const right = node.splitText(cuts[middle]! - base);
  cutText(node, cuts, from, middle, base, out);
  cutText(right, cuts, middle + 1, to, cuts[middle]!, out);
}

/**
 * The run's nodes and starts, with each long node that holds several occurrences cut after each occurrence
 * ending inside it, so that wrapping each one splits a short piece. Returns `run`'s own arrays when none is.
 */
function cutLongNodes(run: RunText, matches: readonly AcceptedMatch[]): { nodes: Text[]; starts: number[] } {
  const { nodes, starts, text } = run;
  let cutNodes: Text[] | null = null;
  let cutStarts: number[] | null = null;
  let m = 0;
  for (let k = 0; k < nodes.length; k++) {
    const nodeStart = starts[k]!;
    const nodeEnd = k + 1 < starts.length ? starts[k + 1]! : text.length;
    // Most nodes are short: no list is made for them.
    let cuts: number[] | null = null;
    if (nodeEnd - nodeStart >= LONG_TEXT) {
      cuts = [];
      while (m < matches.length && matches[m]!.end <= nodeStart) m++;
      for (let i = m; i < matches.length && matches[i]!.end < nodeEnd; i++) cuts.push(matches[i]!.end);
    }
    if (cuts && cuts.length > 1) {
      cutNodes ??= nodes.slice(0, k);
      cutStarts ??= starts.slice(0, k);
      // Pushed one by one: a spread of tens of thousands of arguments can overflow the stack.
      cutText(nodes[k]!, cuts, 0, cuts.length, nodeStart, cutNodes);
      cutStarts.push(nodeStart);
      for (const cut of cuts) cutStarts.push(cut);
    } else if (cutNodes && cutStarts) {
      cutNodes.push(nodes[k]!);
      cutStarts.push(nodeStart);
    }
  }
  return cutNodes && cutStarts ? { nodes: cutNodes, starts: cutStarts } : { nodes, starts };
}

/**
 * Wraps the accepted occurrences of one run with mark.js, one mark per text node an occurrence covers (the
 * pieces after the first carry PART_ATTRIBUTE). Returns the run's first mark (null without occurrences).
 */
export function wrapRunMatches(
  run: TextRun,
  matches: readonly AcceptedMatch[],
  registry: SplitRegistry,
): Element | null {
  if (matches.length === 0) return null;
  const oldNexts = run.nodes.map((node) => node.nextSibling);
  const first = wrapInNodes(run, matches);
  const { text } = run;
  for (let i = 0; i < run.nodes.length; i++) {
    const end = i + 1 < run.starts.length ? run.starts[i + 1]! : text.length;
    registry.recordSplit(run.nodes[i]!, oldNexts[i]!, text.slice(run.starts[i]!, end));
  }
  return first;
}

/**
 * Calls `visit` with each occurrence's part in each text node it covers (node index, `[from, to)` in that
 * node's text, whether the part comes after the occurrence's first), from the last occurrence backwards and
 * each from its last part to its first. Wrapping in that order keeps every offset still to come valid:
 * splitting a text node keeps the text before the split in the original node.
 */
function eachPartBackwards(
  run: RunText,
  matches: readonly WrapPart[],
  visit: (k: number, from: number, to: number, match: WrapPart, later: boolean) => void,
): void {
  const { nodes, starts, text } = run;
  let first = nodes.length - 1;
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m]!;
    // Nodes only move left as matches do: search from the last position.
    while (first > 0 && starts[first]! > match.start) first--;
    const last = nodeIndexAt(starts, match.end - 1, first);
    for (let k = last; k >= first; k--) {
      const nodeStart = starts[k]!;
      const nodeEnd = k + 1 < starts.length ? starts[k + 1]! : text.length;
      const from = Math.max(match.start, nodeStart) - nodeStart;
      const to = Math.min(match.end, nodeEnd) - nodeStart;
      if (to > from) visit(k, from, to, match, k > first);
    }
  }
}

/**
 * Wraps each occurrence's part in each node it covers (see eachPartBackwards), long nodes cut apart first.
 * Returns the first mark (the last made).
 */
function wrapInNodes(run: RunText, matches: readonly WrapPart[]): Element | null {
  const marker = (wrapper ??= new MarkWrapper());
  const { nodes, starts } = cutLongNodes(run, matches);
  let first: Element | null = null;
  eachPartBackwards({ text: run.text, nodes, starts }, matches, (k, from, to, { entryId, rest }, later) => {
    const mark = (first = marker.wrap(nodes[k]!, from, to));
    mark.setAttribute(ENTRY_ID_ATTRIBUTE, entryId);
    // <mark> is exposed as a "highlight" that screen readers announce around every term; the glossary's
    // underline is a hint, not content, so marks stay silent (a focused term is described by the tooltip).
    mark.setAttribute('role', 'none');
    if (later || rest) mark.setAttribute(PART_ATTRIBUTE, REST_PART);
  });
  return first;
}

/** A run at least this long (in characters: plain text in one node, most often) is wrapped apart. */
const LONG_RUN = 65_536;
/** Occurrences wrapped apart per step. */
const APART_CHUNK = 256;

/** Whether a run's occurrences are wrapped apart from the page (see WrapApart). */
export function wrapsApart(run: TextRun): boolean {
  return run.annotated === null && run.text.length >= LONG_RUN;
}

/** One text node of a run wrapped apart: its text, the parts of occurrences in it, and the copy being made. */
interface NodeCopy {
  node: Text;
  text: string;
  parts: WrapPart[];
  fragment: DocumentFragment;
  /** The next part to wrap, and where the copy's text has got to. */
  next: number;
  copied: number;
}

/**
 * Wraps the occurrences of a long run in a copy of its text outside the page, a chunk of occurrences per step,
 * then puts the copy in at once. After any change to a long text node the browser lays out all of its text
 * again (for a megabyte, a frame of over 100 ms), and a long run of several nodes is one block of text laid
 * out whole as well, so its marks cannot be added a few per frame; made apart, they cost the page one change,
 * and the work can pause between steps.
 */
export class WrapApart {
  private readonly copies: NodeCopy[] = [];
  private current = 0;

  constructor(
    private readonly run: TextRun,
    private readonly matches: readonly AcceptedMatch[],
  ) {
    // Each occurrence's part in each node it covers, as wrapInNodes cuts it.
    const { nodes, starts, text } = run;
    const parts: WrapPart[][] = nodes.map(() => []);
    eachPartBackwards(run, matches, (k, from, to, { entryId }, later) =>
      parts[k]!.push({ entryId, start: from, end: to, rest: later }),
    );
    for (let k = 0; k < nodes.length; k++) {
      if (parts[k]!.length === 0) continue;
      const nodeEnd = k + 1 < starts.length ? starts[k + 1]! : text.length;
      this.copies.push({
        node: nodes[k]!,
        text: text.slice(starts[k]!, nodeEnd),
        parts: parts[k]!.reverse(),
        fragment: nodes[k]!.ownerDocument.createDocumentFragment(),
        next: 0,
        copied: 0,
      });
    }
  }

  /** Wraps the next chunk of occurrences in the copy; true once all are. */
  step(): boolean {
    const copy = this.copies[this.current];
    if (!copy) return true;
    const { parts, text } = copy;
    const last = Math.min(copy.next + APART_CHUNK, parts.length);
    const base = copy.copied;
    const end = last === parts.length ? text.length : parts[last - 1]!.end;
    const chunk = text.slice(base, end);
    const piece = copy.fragment.ownerDocument.createTextNode(chunk);
    copy.fragment.append(piece);
    const shifted: WrapPart[] = [];
    for (let m = copy.next; m < last; m++) {
      const part = parts[m]!;
      shifted.push({
        entryId: part.entryId,
        start: part.start - base,
        end: part.end - base,
        rest: part.rest,
      });
    }
    wrapInNodes({ text: chunk, nodes: [piece], starts: [0] }, shifted);
    copy.next = last;
    copy.copied = end;
    if (last >= parts.length) this.current++;
    return this.current >= this.copies.length;
  }

  /**
   * Puts the wrapped copy in the page, in one change per node: each node keeps the text before its first
   * mark, as when wrapped in place, and the marks and the rest follow it. Call once every step is done, on
   * nodes whose text is still the run's. Returns the number of occurrences.
   */
  commit(registry: SplitRegistry): number {
    for (const { node, text, fragment } of this.copies) {
      const oldNext = node.nextSibling;
      const head = fragment.firstChild as Text;
      node.data = head.data;
      head.remove();
      node.parentNode!.insertBefore(fragment, oldNext);
      registry.recordSplit(node, oldNext, text);
    }
    return this.matches.length;
  }
}
