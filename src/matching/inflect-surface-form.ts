const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isAsciiLetterOrDigit = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || isAsciiLower(c);
const isVowel = (ch: string) => ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';

/**
 * Plural and simple inflected spellings of a normalised surface form (only the last word inflects:
 * "T cell" → "T cells", "monoclonal antibody" → "monoclonal antibodies"). Abbreviations, matched
 * case-sensitively, only take a plain "s" (IMiD → IMiDs). Spellings that are not English words cost nothing:
 * pages never contain them, and the matcher's work does not grow with the number of keys.
 */
export function inflectSurfaceForm(normalized: string, caseSensitive: boolean): string[] {
  const lastSpace = normalized.lastIndexOf(' ');
  const word = normalized.slice(lastSpace + 1);
  const last = word.charCodeAt(word.length - 1);
  if (caseSensitive) {
    // IMiD → IMiDs, CAR → CARs; not after an s, and not for a token of digits only.
    const hasLetter = /[A-Za-z]/.test(word);
    return isAsciiLetterOrDigit(last) && last !== 0x73 && last !== 0x53 && hasLetter
      ? [`${normalized}s`]
      : [];
  }
  // Plain lower-case English words only ("IRF4", "CC-5013" and the like take nothing).
  if (word.length < 3 || !isAsciiLower(last)) return [];
  const head = normalized.slice(0, lastSpace + 1);
  const stem = (n: number) => head + word.slice(0, word.length - n);
  const forms: string[] = [];
  const end1 = word[word.length - 1]!;
  const end2 = word.slice(-2);
  if (end1 === 'y' && !isVowel(word[word.length - 2]!))
    forms.push(`${stem(1)}ies`); // antibody → antibodies
  else if (end1 === 's' || end1 === 'x' || end1 === 'z' || end2 === 'ch' || end2 === 'sh') {
    forms.push(`${normalized}es`); // virus → viruses
  } else forms.push(`${normalized}s`); // inhibitor → inhibitors, cytokine → cytokines, assay → assays
  if (end2 === 'is') forms.push(`${stem(2)}es`); // metastasis → metastases
  if (end2 === 'us' && word.length > 4) forms.push(`${stem(2)}i`); // nucleus → nuclei
  if (end2 === 'um' && word.length > 4) forms.push(`${stem(2)}a`); // bacterium → bacteria
  if (end2 === 'on' && word.length > 6) forms.push(`${stem(2)}a`); // criterion → criteria
  if (end2 === 'ex' || end2 === 'ix') forms.push(`${stem(2)}ices`); // index → indices
  if (end1 === 'e' && word.length > 4) forms.push(`${normalized}d`, `${stem(1)}ing`); // relapse → relapsed, relapsing
  return forms;
}
