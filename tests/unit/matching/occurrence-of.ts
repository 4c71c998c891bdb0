/** Start and end of the first occurrence of `word` in `text` (a test's own text: a missing word is a typo). */
export function occurrenceOf(text: string, word: string): [start: number, end: number] {
  const start = text.indexOf(word);
  if (start === -1) throw new Error(`"${word}" is not in "${text}"`);
  return [start, start + word.length];
}
