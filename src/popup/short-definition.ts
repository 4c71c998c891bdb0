/** The first sentence-sized piece of a definition: at most `max` characters, cut at a word boundary. */
export function shortDefinition(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max).replace(/[\s,;:.]+$/u, '')}…`;
}
