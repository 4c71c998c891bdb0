/**
 * Plural and simple inflected spellings of a normalised surface form (only the last word inflects:
 * "T cell" → "T cells", "monoclonal antibody" → "monoclonal antibodies"). Abbreviations, matched
 * case-sensitively, only take a plain "s" (IMiD → IMiDs). Spellings that are not English words cost nothing:
 * pages never contain them, and the matcher's work does not grow with the number of keys.
 */
export function inflectSurfaceForm(normalized: string, caseSensitive: boolean): string[] {
  const lastSpace = normalized.lastIndexOf(' ');
  const head = normalized.slice(0, lastSpace + 1);
  const word = normalized.slice(lastSpace + 1);
  if (caseSensitive) {
    // IMiD → IMiDs, CAR → CARs; an abbreviation ending in s or a digit-only token takes nothing.
    return /[A-Za-z0-9]$/.test(word) && !/[sS]$/.test(word) && /[A-Za-z]/.test(word)
      ? [`${normalized}s`]
      : [];
  }
  if (!/^[\p{L}\p{N}'-]*\p{Ll}$/u.test(word) || word.length < 3) return [];
  const forms = new Set<string>();
  const add = (inflected: string) => forms.add(head + inflected);
  const stem = (n: number) => word.slice(0, word.length - n);

  if (/[^aeiou]y$/.test(word))
    add(`${stem(1)}ies`); // antibody → antibodies
  else if (/(s|x|z|ch|sh)$/.test(word))
    add(`${word}es`); // virus → viruses
  else add(`${word}s`); // inhibitor → inhibitors, cytokine → cytokines
  if (/[aeiou]y$/.test(word)) add(`${word}s`);
  if (word.endsWith('is')) add(`${stem(2)}es`); // metastasis → metastases
  if (word.endsWith('us') && word.length > 4) add(`${stem(2)}i`); // nucleus → nuclei
  if (word.endsWith('um') && word.length > 4) add(`${stem(2)}a`); // bacterium → bacteria
  if (word.endsWith('on') && word.length > 6) add(`${stem(2)}a`); // criterion → criteria
  if (/[ei]x$/.test(word)) add(`${stem(2)}ices`); // index → indices
  if (word.endsWith('e') && word.length > 4) {
    add(`${word}d`); // relapse → relapsed
    add(`${stem(1)}ing`); // relapse → relapsing
  }
  forms.delete(normalized);
  return [...forms];
}
