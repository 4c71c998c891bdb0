/**
 * Character folding shared by the matcher's build (over surface forms) and its scan (over page text), so both
 * sides agree on what "the same letter" means without allocating a normalised copy of the page's text.
 */

/** Folded code of every separator inside a term: spaces, NBSP, hyphens, non-breaking hyphen, dashes. */
export const SEPARATOR = 0x20;
/** Folded code of every apostrophe: straight, curly, modifier letter, prime. */
export const APOSTROPHE = 0x27;
/** Folded code of characters that are invisible inside a word (soft hyphen, zero-width joiners): skipped. */
export const IGNORED = -1;

const RIGHT_SINGLE_QUOTE = 0x2019;

/**
 * Whether a pattern over `text` needs Unicode property classes (\p{L}, \p{Lu}…) to be answered right: true
 * when the text holds a non-ASCII letter, digit or mark, or a curly apostrophe (which names may contain). Any
 * other text gets the same answer from plain ASCII classes, which cost the engine far less to compile and run
 * on a cold page: a dash, "®" or "≥" beside an abbreviation does not call for the Unicode pattern.
 */
export function needsUnicodeClasses(text: string): boolean {
  // By character codes rather than a pattern: this runs on a few short slices of a small page, never long
  // enough for a compiled pattern to pay for its compilation.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (c === RIGHT_SINGLE_QUOTE || isWordCharCode(c))) return true;
  }
  return false;
}

/** Whether a character is white space as `\s` and `trim()` see it. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether text[from, to) is only white space (or empty), read in place. */
export function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

// Lazily filled tables for the whole Basic Multilingual Plane: 0 = not computed yet.
const lowerTable = new Uint16Array(0x10000);
const wordTable = new Uint8Array(0x10000); // 1 = word character, 2 = not

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

// ASCII answers by table: the scan asks for every character of the page.
/** Folded code of each ASCII character (see foldCharCode). */
export const FOLD_ASCII = new Int32Array(128);
/** 1 for ASCII word characters (see isWordCharCode). */
export const WORD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  FOLD_ASCII[c] =
    c >= 0x41 && c <= 0x5a ? c + 0x20 : c === 0x20 || c === 0x2d || (c >= 0x09 && c <= 0x0d) ? 0x20 : c;
  WORD_ASCII[c] =
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f ? 1 : 0;
}

/** Whether `c` is an ASCII letter. */
export function isAsciiLetterCode(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** Whether `c` is an ASCII letter or digit. */
export function isAsciiAlphanumericCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function isSeparatorCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x2d || // hyphen-minus
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 || // no-break space
    (c >= 0x2000 && c <= 0x200a) || // en quad … hair space
    (c >= 0x2010 && c <= 0x2014) || // hyphen, non-breaking hyphen, figure dash, en dash, em dash
    c === 0x202f || // narrow no-break space
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x2212 // minus sign, typeset as a hyphen by some sites
  );
}

function computeLower(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * Folds one UTF-16 code unit for matching: separators → SEPARATOR, apostrophes → APOSTROPHE, invisible
 * joiners → IGNORED, letters → lower case unless `keepCase`.
 */
export function foldCharCode(c: number, keepCase = false): number {
  if (c < 0x80) return keepCase && c >= 0x41 && c <= 0x5a ? c : FOLD_ASCII[c]!;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2032) return APOSTROPHE;
  if (c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff)
    return IGNORED;
  if (isSeparatorCode(c)) return SEPARATOR;
  if (keepCase) return c;
  let lower = lowerTable[c]!;
  if (lower === 0) lower = lowerTable[c] = computeLower(c);
  return lower;
}

/**
 * Whether a code unit is part of a word (letter, digit, combining mark, underscore) for whole-word matching.
 * Invisible joiners count as word characters: they sit inside words.
 */
export function isWordCharCode(c: number): boolean {
  if (c < 0x80) return WORD_ASCII[c] === 1;
  let kind = wordTable[c]!;
  if (kind === 0) kind = wordTable[c] = isNonAsciiWordCode(c) ? 1 : 2;
  return kind === 1;
}

const astralWords = new Map<number, boolean>();

/**
 * Whether the character at `i` is part of a word, as isWordCharCode, with a character outside the Basic
 * Multilingual Plane read whole from its two code units ("𝐀", "𠀀", "𐐀" are letters; "🙂" is not), from
 * either of them. `code` is text.charCodeAt(i), when the caller has it.
 */
export function isWordCharAt(text: string, i: number, code = text.charCodeAt(i)): boolean {
  if (code < 0xd800 || code > 0xdfff) return isWordCharCode(code);
  // A low surrogate belongs to the high one before it.
  const start = code >= 0xdc00 && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? i - 1 : i;
  const point = text.codePointAt(start)!;
  // A lone surrogate is no character at all.
  if (point <= 0xffff) return false;
  let word = astralWords.get(point);
  if (word === undefined) astralWords.set(point, (word = WORD_CHAR.test(String.fromCodePoint(point))));
  return word;
}

// Latin-1's word characters below its letters: ª ² ³ µ ¹ º ¼ ½ ¾.
const LATIN1_SYMBOL_WORDS = new Set([0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]);

/**
 * The blocks pages use most outside ASCII (Latin-1 and Latin Extended letters, Greek, punctuation, dashes,
 * currency, arrows, mathematical operators) are answered by range, the rest by WORD_CHAR: compiling a Unicode
 * property pattern costs about a millisecond on a cold page, where one "–" or "≥" next to a word would
 * otherwise set it off. A unit test checks every code point of these ranges against the pattern.
 */
function isNonAsciiWordCode(c: number): boolean {
  if (c === 0xad || c === 0x200c || c === 0x200d || c === 0x2060) return true;
  if (c < 0xc0) return LATIN1_SYMBOL_WORDS.has(c);
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x391 && c <= 0x3c9) return c !== 0x3a2;
  if (
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x20a0 && c <= 0x20cf) ||
    (c >= 0x2190 && c <= 0x23ff) ||
    (c >= 0x2500 && c <= 0x25ff)
  )
    return false;
  return WORD_CHAR.test(String.fromCharCode(c));
}
