import { isAsciiAlphanumericCode, isSpaceCode, isWordCharCode, needsUnicodeClasses } from './fold-char-code';

/**
 * Where an upper-case abbreviation stands in a role that is not the glossary's: an author's initials in a
 * reference ("Smith MM, Jones AB"), a date placeholder ("MM/DD/YYYY"), a unit after a number ("16 MM"), a
 * word of text in capitals ("ALL ABOUT YOUR CHILD", "BY CAR"), a gene or protein named with a number
 * ("MCL-1").
 */
export type AbbreviationRole = 'author-initials' | 'date-placeholder' | 'unit' | 'capitals' | 'gene-name';

// Short forms that are also everyday English words: in text written in capitals they are most often the word.
const ENGLISH_WORDS = new Set(['ALL', 'CAR', 'CARS']);

// Words that, in capitals next to such letters, show a text written in capitals ("ALL ABOUT", "BY CAR"). Not
// "AND" or "OR": "ALL AND AML" names two leukemias.
const CAPITAL_FUNCTION_WORDS = new Set(
  'A AN THE BY TO FOR OF IN ON AT WITH ABOUT YOU YOUR OUR MY WE IS ARE WAS BE IT THIS THAT FROM AS NEED'.split(
    ' ',
  ),
);

// Words that start sentences or headings and stand before an abbreviation without being a surname.
const NOT_SURNAMES = new Set(
  (
    'a an the and or but in on of for with without to from by at as after before during about among between ' +
    'against into over under than via per this that these those both each all some most many few other such ' +
    'new newly relapsed refractory treated untreated patients patient people adults children myeloma cancer ' +
    'disease therapy treatment table figure see versus vs is are was were has have had not no'
  ).split(' '),
);

// ASCII versions of the patterns below, for the common case (see needsUnicodeClasses).
const SURNAME_ASCII = /^[A-Z][A-Za-z'-]*[a-z]$/;
const AUTHOR_ASCII = /([A-Z][A-Za-z'-]*[a-z]) [A-Z]{1,4}(?=[,.;:]|$| et al)/g;

const DATE_TOKEN = /^(?:DD|D|MM|M|YYYY|YY|Y|HH|H|SS|dd|mm|yyyy|yy|hh|ss)$/;
const SURNAME = /^\p{Lu}[\p{L}'’-]*\p{Ll}$/u;
const AUTHOR = /(\p{Lu}[\p{L}'’-]*\p{Ll}) \p{Lu}{1,4}(?=[,.;:]|$| et al)/gu;

/** The word ending right before `index` (letters, apostrophes and hyphens), or ''. */
function wordBefore(text: string, index: number): string {
  const slice = text.slice(Math.max(0, index - 40), index);
  const match = (needsUnicodeClasses(slice) ? /[\p{L}'’-]+$/u : /[A-Za-z'-]+$/).exec(slice);
  return match ? match[0] : '';
}

const isDateJoiner = (ch: string | undefined) => ch === '/' || ch === '.' || ch === ':' || ch === '-';
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

function isDatePlaceholder(text: string, start: number, end: number): boolean {
  // Cheap test first: this runs for every abbreviation on a page.
  if (!isDateJoiner(text[end]) && !isDateJoiner(text[start - 1])) return false;
  const after = /^[/.:-]([A-Za-z]{1,4})\b/.exec(text.slice(end, end + 6));
  if (after && DATE_TOKEN.test(after[1]!)) return true;
  const before = /\b([A-Za-z]{1,4})[/.:-]$/.exec(text.slice(Math.max(0, start - 6), start));
  return !!before && DATE_TOKEN.test(before[1]!);
}

function isAuthorInitials(text: string, start: number, end: number): boolean {
  if (text[start - 1] !== ' ') return false;
  const next = text[end];
  if (!(
    next === undefined ||
    next === ',' ||
    next === '.' ||
    next === ';' ||
    next === ':' ||
    next === ')' ||
    next === ' '
  )) {
    return false;
  }
  const surname = wordBefore(text, start - 1);
  if (
    !(needsUnicodeClasses(surname) ? SURNAME : SURNAME_ASCII).test(surname) ||
    NOT_SURNAMES.has(surname.toLowerCase())
  )
    return false;
  const following = text.slice(end, end + 7);
  if (!/^(?:[,.;:)]|$| et al)/.test(following)) return false;
  // A lone "Surname XY." could be a heading; a reference list shows more authors, "et al" or a year nearby.
  const windowStart = Math.max(0, start - 160);
  const nearby = text.slice(windowStart, Math.min(text.length, end + 160));
  const self = start - surname.length - 1 - windowStart;
  for (const author of nearby.matchAll(needsUnicodeClasses(nearby) ? AUTHOR : AUTHOR_ASCII)) {
    if (author.index !== self && !NOT_SURNAMES.has(author[1]!.toLowerCase())) return true;
  }
  if (/\bet al\b/.test(nearby)) return true;
  // A single author's reference: where a reference starts, with its year cited after the title. Not a run-in
  // heading ("Extramedullary MM. About 7% … (data from 2018)") nor a title's last words ("High-Risk
  // Smoldering MM. N Engl J Med. 2020;382").
  return startsReference(text, start - 1 - surname.length) && CITED_YEAR.test(text.slice(end, end + 200));
}

// A year as a reference cites it, in the text after the initials: "Lancet 2020;3:1-9", "Blood. 2019 Mar 3;133",
// a publisher's "Springer; 2019.", "(2020)" right after them, or a title and then a journal's "Blood 2021.". Not
// a date in prose ("by June 5, 2018.", "presented at ASH 2019.").
const YEAR = '(?:19|20)\\d\\d[a-z]?';
const MONTH_DAY = '(?: [A-Z][a-z]{2}(?: \\d{1,2})?)?';
const CITED_YEAR = new RegExp(
  [
    `^[.,]?\\s*\\(${YEAR}\\)`,
    `\\b${YEAR}${MONTH_DAY}\\s*[;:]`,
    `;\\s*${YEAR}${MONTH_DAY}\\.`,
    `^[.,]\\s+[^.]{2,200}\\.\\s+(?:[A-Z][A-Za-z]*\\.?\\s+){1,6}${YEAR}${MONTH_DAY}\\.`,
  ].join('|'),
);
// Words that may stand right before a surname in a reference: name particles ("van der Berg"), "and", "by".
const BEFORE_SURNAME = new Set(
  'van von der den de del della di da du le la ten ter bin al el and by'.split(' '),
);

/** Whether a surname starting at `at` starts a reference: the text's start, after punctuation or a number, or a name particle. */
function startsReference(text: string, at: number): boolean {
  let before = at - 1;
  if (before < 0 || !isSpaceCode(text.charCodeAt(before))) return true;
  while (before > 0 && isSpaceCode(text.charCodeAt(before - 1))) before--;
  const word = wordBefore(text, before);
  return word === '' || BEFORE_SURNAME.has(word);
}

/**
 * The role an abbreviation plays at text[start, end) when it is not the glossary term, or null. `ambiguous`
 * also rules out units (a number right before: "205 MM"), which only letters with other meanings can be.
 */
export function classifyAbbreviationContext(
  text: string,
  start: number,
  end: number,
  ambiguous: boolean,
): AbbreviationRole | null {
  const first = text[start]!;
  if (first.toUpperCase() !== first || first.toLowerCase() === first) return null;
  const token = text.slice(start, end);
  const ascii = !needsUnicodeClasses(token);
  if (!(ascii ? isCapitalisedAsciiWord(token) : /^\p{Lu}[\p{L}\p{N}]*$/u.test(token))) return null;
  if (isDatePlaceholder(text, start, end)) return 'date-placeholder';
  if (
    end - start <= 5 &&
    (ascii ? isInitialsAscii(token) : /^\p{Lu}{1,4}s?$/u.test(token)) &&
    isAuthorInitials(text, start, end)
  )
    return 'author-initials';
  if (
    ENGLISH_WORDS.has(token) &&
    (isCapitalFunctionWord(text, end + 1, 1) || isCapitalFunctionWord(text, start - 2, -1))
  )
    return 'capitals';
  if (!ambiguous) return null;
  if (isDigit(text[start - 1]) || (isSpaceCode(text.charCodeAt(start - 1)) && isDigit(text[start - 2])))
    return 'unit';
  if (text[end] === '-' && isDigit(text[end + 1])) return 'gene-name';
  return null;
}

// Nouns that, after "<number> <letters>", make the number a count: "120 MM patients", "8 MM cell lines".
const COUNTED = new Set(
  'patient patients case cases subject subjects participant participants individuals people adults children cell cells sample samples specimen specimens cohort cohorts'.split(
    ' ',
  ),
);

// Words that put a year before letters: "In 2020 MM accounted for…", "between 2010 and 2020 MM…".
const BEFORE_YEAR = /(?:^|[^\p{L}])(?:in|since|by|from|until|till|through|during|and|to)\s$/iu;

/**
 * Whether the number before letters counts or dates rather than measures: a plain number, the letters, then
 * people, cases or samples ("120 MM patients", "1,024 AML cases"), or a year after "in", "since" and the like
 * ("In 2020 MM accounted…"), where "16 MM bolt" and "195/65 R15 MM" are sizes.
 */
export function isCountOrYearBefore(text: string, start: number, end: number): boolean {
  let i = start - 1;
  if (text[i] === ' ') i--;
  const numberEnd = i + 1;
  while (i >= 0 && (isDigit(text[i]) || text[i] === ',')) i--;
  if (i + 1 === numberEnd || (i >= 0 && (isWordCharCode(text.charCodeAt(i)) || text[i] === '/')))
    return false;
  const number = text.slice(i + 1, numberEnd);
  if (/^(?:19|20)\d\d$/.test(number) && BEFORE_YEAR.test(text.slice(Math.max(0, i - 12), i + 1))) return true;
  const next = /^ ([a-z]+)/.exec(text.slice(end, end + 16));
  return next !== null && COUNTED.has(next[1]!);
}

/**
 * Whether the word next to an abbreviation, one space away, is a function word in capitals: reading from
 * `from` (the word's first character, or its last when `step` is -1).
 */
function isCapitalFunctionWord(text: string, from: number, step: 1 | -1): boolean {
  const space = from - step;
  if (space < 0 || space >= text.length || text[space] !== ' ') return false;
  let i = from;
  while (i >= 0 && i < text.length && isUpperAscii(text.charCodeAt(i)) && Math.abs(i - from) < 6) i += step;
  // The word ends at a character that is not part of a word.
  if (i >= 0 && i < text.length && isWordCharCode(text.charCodeAt(i))) return false;
  const word = step === 1 ? text.slice(from, i) : text.slice(i + 1, from + 1);
  return CAPITAL_FUNCTION_WORDS.has(word);
}

// The ASCII tests below by character codes: this runs for every abbreviation decided on a page, a few dozen on
// a small one, where compiling a pattern costs more than all the calls together.
const isUpperAscii = (code: number): boolean => code >= 0x41 && code <= 0x5a;

/** /^[A-Z][A-Za-z0-9]*$/ */
function isCapitalisedAsciiWord(token: string): boolean {
  if (token.length === 0 || !isUpperAscii(token.charCodeAt(0))) return false;
  for (let i = 1; i < token.length; i++) if (!isAsciiAlphanumericCode(token.charCodeAt(i))) return false;
  return true;
}

/** /^[A-Z]{1,4}s?$/: initials, perhaps with a plural s. */
function isInitialsAscii(token: string): boolean {
  const letters = token.endsWith('s') ? token.length - 1 : token.length;
  if (letters < 1 || letters > 4) return false;
  for (let i = 0; i < letters; i++) if (!isUpperAscii(token.charCodeAt(i))) return false;
  return true;
}
