import type Mark from 'mark.js';
import MarkSource, { type MarkTextNode } from 'mark.js/src/lib/mark.js';
import { ENTRY_ID_ATTRIBUTE, MARK_CLASS, PART_ATTRIBUTE, REST_PART } from './mark-selectors';
import type { SplitRegistry } from './split-registry';
import type { TextRun } from './text-run-collector';

/** An occurrence to wrap: `[start, end)` in its run's text. */
export interface AcceptedMatch {
  start: number;
  end: number;
  entryId: string;
}

interface EntryRange extends Mark.Range {
  entryId: string;
}

/** mark.js's options for our marks, merged with its defaults once (it would merge them on every call). */
const MARK_OPTIONS = {
  element: 'mark',
  className: MARK_CLASS,
  exclude: [] as string[],
  iframes: false,
  iframesTimeout: 0,
  debug: false,
  log: console,
  filter: () => true,
  noMatch: () => {},
  done: () => {},
};

/**
 * mark.js's Mark, given the text nodes to work on instead of a context to walk. mark.js finds a context's text
 * nodes with a NodeIterator per call; live NodeIterators stay registered with the document until garbage
 * collection, and every node removal (mark.js's own replaceChild) must update each of them: thousands of
 * calls made wrapping quadratic. The rest of mark.js (range checks, splitting, wrapping) is used as it is.
 *
 * It inherits mark.js's methods without running its constructor, whose only work is reading
 * navigator.userAgent to detect Internet Explorer: a synchronous call that costs milliseconds on a page.
 */
class RunMark {
  nodes: Text[] = [];
  wrapped = 0;
  // Read by mark.js's methods.
  readonly ctx = null;
  readonly ie = false;
  private _opt: object = MARK_OPTIONS;
  private currentRange: unknown = null;
  private readonly options = {
    ...MARK_OPTIONS,
    each: (element: Element, range: Mark.Range) => {
      element.setAttribute(ENTRY_ID_ATTRIBUTE, (range as EntryRange).entryId);
      // <mark> is exposed as a "highlight" that screen readers announce around every term; the glossary's
      // underline is a hint, not content, so marks stay silent (a focused term is described by the tooltip).
      element.setAttribute('role', 'none');
      if (range === this.currentRange) element.setAttribute(PART_ATTRIBUTE, REST_PART);
      else {
        this.currentRange = range;
        this.wrapped++;
      }
    },
  };

  /** Wraps `ranges` of the concatenated text of `nodes`; returns the number of occurrences wrapped. */
  wrap(nodes: Text[], ranges: EntryRange[]): number {
    this.nodes = nodes;
    this.wrapped = 0;
    this.currentRange = null;
    (this as unknown as MarkSource).markRanges(ranges, this.options);
    this.nodes = [];
    return this.wrapped;
  }

  /** mark.js's hook for the context's text nodes: the run's own. */
  getTextNodes(callback: (dict: { value: string; nodes: MarkTextNode[] }) => void): void {
    let value = '';
    const nodes = this.nodes.map((node) => ({ start: value.length, end: (value += node.data).length, node }));
    callback({ value, nodes });
  }

  // mark.js merges each call's options over its defaults; ours are complete already.
  set opt(value: object) {
    this._opt = value;
  }

  get opt(): object {
    return this._opt;
  }
}
Object.setPrototypeOf(RunMark.prototype, MarkSource.prototype);

let marker: RunMark | null = null;

/** Index of the node of `run` holding text offset `offset` (the last node starting at or before it). */
function nodeIndexAt(run: TextRun, offset: number, from: number): number {
  const starts = run.starts;
  let i = from;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

// Up to this length a run is wrapped in one mark.js call; mark.js copies the run's text for every range, so
// longer runs are wrapped a group of text nodes at a time.
const ONE_CALL_MAX_LENGTH = 4096;

/**
 * Wraps accepted occurrences of one run with mark.js `markRanges`, with only the run's text nodes as
 * mark.js's context (mark.js rebuilds the text of its whole context and re-scans its node list for every
 * range, so a small context keeps the cost per occurrence constant on any page size). A long run is wrapped
 * group by group (occurrences in the same text nodes), from the end backwards: splitting a text node keeps
 * its first part in the original node, so the offsets of everything before stay valid.
 * Returns the number of occurrences wrapped.
 */
export function wrapRunMatches(
  run: TextRun,
  matches: readonly AcceptedMatch[],
  registry: SplitRegistry,
): number {
  if (matches.length === 0) return 0;
  marker ??= new RunMark();
  const toRange = (m: AcceptedMatch, base: number): EntryRange => ({
    start: m.start - base,
    length: m.end - m.start,
    entryId: m.entryId,
  });
  if (run.text.length <= ONE_CALL_MAX_LENGTH) {
    const oldNexts = run.nodes.map((node) => node.nextSibling);
    const wrapped = marker.wrap(
      run.nodes,
      matches.map((m) => toRange(m, 0)),
    );
    for (let i = 0; i < run.nodes.length; i++) registry.recordSplit(run.nodes[i]!, oldNexts[i]!);
    return wrapped;
  }
  // Group consecutive matches that touch exactly the same nodes [first, last].
  const groups: { first: number; last: number; matches: AcceptedMatch[] }[] = [];
  let cursor = 0;
  for (const match of matches) {
    const first = nodeIndexAt(run, match.start, cursor);
    const last = nodeIndexAt(run, match.end - 1, first);
    cursor = first;
    const group = groups[groups.length - 1];
    if (group && group.first === first && group.last === last && first === last) group.matches.push(match);
    else groups.push({ first, last, matches: [match] });
  }
  let wrapped = 0;
  for (let g = groups.length - 1; g >= 0; g--) {
    const { first, last, matches: grouped } = groups[g]!;
    const nodes = run.nodes.slice(first, last + 1);
    const base = run.starts[first]!;
    const oldNexts = nodes.map((node) => node.nextSibling);
    wrapped += marker.wrap(
      nodes,
      grouped.map((m) => toRange(m, base)),
    );
    for (let i = 0; i < nodes.length; i++) registry.recordSplit(nodes[i]!, oldNexts[i]!);
  }
  return wrapped;
}
