import type { TermMatch } from '../matching/build-term-matcher';
import { ENTRY_ID_ATTRIBUTE, PART_ATTRIBUTE } from './mark-selectors';
import type { TextRun } from './text-run-collector';

/**
 * The marks of a run's occurrences that no longer stand for a term of its text, every piece of each: the page
 * changed the text around them after they were made. It put a node between an occurrence's pieces
 * ("natural <b>new</b> killer cells"), glued letters to it, wrote the rest of a longer term after it, put a
 * tyre size before an abbreviation, or removed the occurrence's first piece. An occurrence stands while one of
 * `matches` (the run's matches now, sorted) covers exactly its text and `resolve` still gives it its entry.
 */
export function staleOccurrenceMarks(
  run: TextRun,
  matches: readonly TermMatch[],
  resolve: (match: TermMatch) => string | null,
): Element[] {
  const { nodes, starts, annotated, text } = run;
  if (!annotated) return [];
  const stale: Element[] = [];
  // The occurrence under way: its pieces and where its text lies in the run.
  let pieces: Element[] = [];
  let start = 0;
  let end = 0;
  let m = 0;
  const close = () => {
    if (pieces.length === 0) return;
    while (m < matches.length && matches[m]!.start < start) m++;
    const match = matches[m];
    const stands =
      match !== undefined &&
      match.start === start &&
      match.end === end &&
      resolve(match) === pieces[0]!.getAttribute(ENTRY_ID_ATTRIBUTE);
    if (!stands) stale.push(...pieces);
    pieces = [];
  };
  for (let i = 0; i < nodes.length; i++) {
    const nodeStart = starts[i]!;
    const nodeEnd = i + 1 < starts.length ? starts[i + 1]! : text.length;
    if (!annotated[i]) {
      // Only text between two pieces parts them: an empty node changes nothing a reader sees.
      if (nodeEnd > nodeStart) close();
      continue;
    }
    const mark = nodes[i]!.parentElement!;
    const last = pieces[pieces.length - 1];
    if (mark === last) {
      // The page wrote a second text node into one of our marks.
      end = nodeEnd;
    } else if (!mark.hasAttribute(PART_ATTRIBUTE)) {
      close();
      pieces = [mark];
      start = nodeStart;
      end = nodeEnd;
    } else if (
      last &&
      end === nodeStart &&
      mark.getAttribute(ENTRY_ID_ATTRIBUTE) === last.getAttribute(ENTRY_ID_ATTRIBUTE)
    ) {
      pieces.push(mark);
      end = nodeEnd;
    } else {
      // A later piece without the first: the page removed or moved the beginning of the occurrence.
      close();
      stale.push(mark);
    }
  }
  close();
  return stale;
}
