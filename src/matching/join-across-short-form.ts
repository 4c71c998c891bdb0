import type { TermMatch, TermMatcher } from './build-term-matcher';
import { abbreviates } from './find-abbreviation-definitions';
import { isSpaceCode, isWordCharCode } from './fold-char-code';

/** How far either side of the brackets a joined term may reach (the glossary's longest forms are ~40). */
const REACH = 64;

const isHyphenCode = (code: number) => code === 0x2d || code === 0x2010 || code === 0x2011;

/**
 * The matches of `text` with each term written around its own bracketed abbreviation taken as one occurrence:
 * "chimeric antigen receptor (CAR) T-cell therapy" is CAR T-cell therapy, "natural killer [NK] cells" are
 * NK cells, where the matcher alone finds CAR then "T-cell", or NK alone. The same the other way round, an
 * abbreviation with its long form in brackets: "CAR (chimeric antigen receptor) T cells". The words around the
 * brackets must spell a form of the abbreviation's own entry. Returns `matches` itself when nothing is joined.
 */
export function joinAcrossShortForm(text: string, matches: TermMatch[], matcher: TermMatcher): TermMatch[] {
  let result = matches;
  for (let i = 0; i < result.length; i++) {
    const inside = result[i]!;
    if (!inside.form.caseSensitive) continue;
    const open = text.charCodeAt(inside.start - 1);
    const close = text.charCodeAt(inside.end);
    const joined =
      (open === 0x28 && close === 0x29) || (open === 0x5b && close === 0x5d)
        ? joinedMatch(text, inside, matcher)
        : joinedAroundLongForm(text, inside, matcher);
    if (joined === null) continue;
    // The joined term replaces every match inside it; one reaching out of it keeps its place instead.
    let first = i;
    while (first > 0 && result[first - 1]!.end > joined.start) first--;
    let last = i;
    while (last + 1 < result.length && result[last + 1]!.start < joined.end) last++;
    if (result[first]!.start < joined.start || result[last]!.end > joined.end) continue;
    if (result === matches) result = matches.slice();
    result.splice(first, last - first + 1, joined);
    i = first;
  }
  return result;
}

/** The occurrence spelled by the words before the brackets around `inside` and those after them, or null. */
function joinedMatch(text: string, inside: TermMatch, matcher: TermMatcher): TermMatch | null {
  let beforeEnd = inside.start - 1;
  while (beforeEnd > 0 && isSpaceCode(text.charCodeAt(beforeEnd - 1))) beforeEnd--;
  const separator = text.charCodeAt(inside.end + 1);
  if (beforeEnd === 0 || !(isSpaceCode(separator) || isHyphenCode(separator))) return null;
  const afterStart = inside.end + 2;
  // The window starts and ends at word boundaries, so no word is cut into a shorter one.
  let from = Math.max(0, beforeEnd - REACH);
  if (from > 0) while (from < beforeEnd && isWordCharCode(text.charCodeAt(from - 1))) from++;
  const to = windowEnd(text, afterStart);
  const before = text.slice(from, beforeEnd);
  const joinAt = before.length;
  for (const match of matcher.findMatches(`${before} ${text.slice(afterStart, to)}`)) {
    if (match.start >= joinAt) break;
    if (match.end <= joinAt + 1 || match.form.entryId !== inside.form.entryId) continue;
    return { form: match.form, start: from + match.start, end: afterStart + match.end - joinAt - 1 };
  }
  return null;
}

/** The window of `text` from `start` to about REACH characters on, ending at a word boundary. */
function windowEnd(text: string, start: number): number {
  let to = Math.min(text.length, start + REACH);
  while (to < text.length && isWordCharCode(text.charCodeAt(to))) to++;
  return to;
}

/**
 * The occurrence spelled by the abbreviation `short` and the words after the brackets right behind it, which
 * spell it out: "CAR (chimeric antigen receptor) T cells". Null when there are no such brackets, when they
 * do not spell it out ("CAR (see below) T cells") or when the words do not make a form of its entry.
 */
function joinedAroundLongForm(text: string, short: TermMatch, matcher: TermMatcher): TermMatch | null {
  let open = short.end;
  while (open < text.length && isSpaceCode(text.charCodeAt(open))) open++;
  const bracket = text.charCodeAt(open);
  if (open === short.end || !(bracket === 0x28 || bracket === 0x5b)) return null;
  const close = text.indexOf(bracket === 0x28 ? ')' : ']', open + 1);
  if (close === -1 || close - open > 60) return null;
  const separator = text.charCodeAt(close + 1);
  if (!(isSpaceCode(separator) || isHyphenCode(separator))) return null;
  const shortForm = text.slice(short.start, short.end);
  if (!abbreviates(shortForm, text.slice(open + 1, close).trim())) return null;
  const afterStart = close + 2;
  const to = windowEnd(text, afterStart);
  const joinAt = shortForm.length;
  for (const match of matcher.findMatches(`${shortForm} ${text.slice(afterStart, to)}`)) {
    if (match.start > 0) break;
    if (match.end <= joinAt + 1 || match.form.entryId !== short.form.entryId) continue;
    return { form: match.form, start: short.start, end: afterStart + match.end - joinAt - 1 };
  }
  return null;
}
