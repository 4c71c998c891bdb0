/** Printable ASCII characters other than the space: what data without white space is written in. */
const isDataCode = (code: number): boolean => code > 0x20 && code < 0x7f;

/** Characters that structure data and are rare in words: " { } [ ] = + / \ : ; _ < > | */
const DATA_MARKS = new Set([...'"{}[]=+/\\:;_<>|'].map((ch) => ch.charCodeAt(0)));

/** How long a token of printable ASCII without white space must be to be data rather than words. */
export const DATA_TOKEN_LENGTH = 300;
/** How many of DATA_MARKS such a token must hold: words laid out one per element, glued, hold none. */
const MIN_DATA_MARKS = 8;

/**
 * Whether text[start, end) lies in a token of printable ASCII without white space at least
 * DATA_TOKEN_LENGTH characters long and holding the marks data is written with: a JSON blob, a base64 key or a
 * minified script shown as text, whose "myeloma" or "+MM/" no reader reads as a word (and whose thousands of
 * marks, inside one unbreakable line, cost the browser a long layout). Prose has no such token, even with its
 * words in elements of their own and the spaces drawn by CSS; text in scripts without spaces (Japanese,
 * Chinese) ends one at its first character.
 */
export function isInDataToken(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!isDataCode(text.charCodeAt(at))) return false;
  let from = start;
  const lowest = Math.max(0, end - DATA_TOKEN_LENGTH);
  while (from > lowest && isDataCode(text.charCodeAt(from - 1))) from--;
  let to = end;
  const highest = Math.min(text.length, from + DATA_TOKEN_LENGTH);
  while (to < highest && isDataCode(text.charCodeAt(to))) to++;
  if (to - from < DATA_TOKEN_LENGTH) return false;
  let marks = 0;
  for (let at = from; at < to && marks < MIN_DATA_MARKS; at++)
    if (DATA_MARKS.has(text.charCodeAt(at))) marks++;
  return marks >= MIN_DATA_MARKS;
}
