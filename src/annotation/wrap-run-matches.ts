import Mark from 'mark.js';
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

/** Index of the node of `run` holding text offset `offset` (the last node starting at or before it). */
function nodeIndexAt(run: TextRun, offset: number, from: number): number {
  const starts = run.starts;
  let i = from;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

/**
 * Wraps accepted occurrences of one run with mark.js `markRanges`, one call per group of occurrences in the
 * same text nodes, with only those text nodes as mark.js's context. mark.js rebuilds the text of its whole
 * context and re-scans its node list for every range, so a small context keeps the cost per occurrence
 * constant on any page size. Groups are wrapped from the end of the run backwards: splitting a text node
 * keeps its first part in the original node, so the offsets of everything before stay valid.
 * Returns the number of occurrences wrapped.
 */
export function wrapRunMatches(
  run: TextRun,
  matches: readonly AcceptedMatch[],
  registry: SplitRegistry,
): number {
  if (matches.length === 0) return 0;
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
    const ranges: EntryRange[] = grouped.map((m) => ({
      start: m.start - base,
      length: m.end - m.start,
      entryId: m.entryId,
    }));
    let currentRange: EntryRange | null = null;
    // mark.js accepts any list of nodes as its context and walks each with a NodeIterator; text nodes work.
    new Mark(nodes as unknown as HTMLElement[]).markRanges(ranges, {
      element: 'mark',
      className: MARK_CLASS,
      iframes: false,
      // Every callback is given: mark.js merges options over its defaults, and an undefined one would throw.
      each: (element, range) => {
        element.setAttribute(ENTRY_ID_ATTRIBUTE, (range as EntryRange).entryId);
        if (range === currentRange) element.setAttribute(PART_ATTRIBUTE, REST_PART);
        else {
          currentRange = range as EntryRange;
          wrapped++;
        }
      },
      filter: () => true,
      noMatch: () => {},
      done: () => {},
    });
    for (let i = 0; i < nodes.length; i++) registry.recordSplit(nodes[i]!, oldNexts[i]!);
  }
  return wrapped;
}
