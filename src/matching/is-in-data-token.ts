/** Printable ASCII characters other than the space: what data without white space is written in. */
const isDataCode = (code: number): boolean => code > 0x20 && code < 0x7f;

/** How long a token of printable ASCII without white space must be to be data rather than words. */
export const DATA_TOKEN_LENGTH = 300;

/**
 * Whether text[start, end) lies in a token of printable ASCII without white space at least
 * DATA_TOKEN_LENGTH characters long: a JSON blob, a base64 key or a minified script shown as text, whose
 * "myeloma" or "+MM/" no reader reads as a word (and whose thousands of marks, inside one unbreakable line, cost
 * the browser a long layout). Prose has no such token; text in scripts without spaces (Japanese, Chinese) ends
 * one at its first character.
 */
export function isInDataToken(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!isDataCode(text.charCodeAt(at))) return false;
  let from = start;
  const lowest = Math.max(0, end - DATA_TOKEN_LENGTH);
  while (from > lowest && isDataCode(text.charCodeAt(from - 1))) from--;
  let to = end;
  const highest = Math.min(text.length, from + DATA_TOKEN_LENGTH);
  while (to < highest && isDataCode(text.charCodeAt(to))) to++;
  return to - from >= DATA_TOKEN_LENGTH;
}
