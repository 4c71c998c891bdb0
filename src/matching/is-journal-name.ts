import { isSpaceCode } from './fold-char-code';

/** How many more words a journal's name may have after the term ("Blood Cancer J", "Clin Lymphoma Myeloma Leuk"). */
const MAX_WORDS_AFTER = 3;

const FULL_STOP = 0x2e;
const COLON = 0x3a;
const CAPITAL_S = 0x53;
const SMALL_E = 0x65;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x28;
const AMPERSAND = 0x26;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
const isLetter = (code: number): boolean => isUpper(code) || (code >= 0x61 && code <= 0x7a);

/** The index after the white space from `at` (line breaks in the page's source count), or `at` when none. */
function spacesEnd(text: string, at: number): number {
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  return at;
}

/** The index after the digits from `at` (at most `max` of them), or -1 when there are none. */
function digitsEnd(text: string, at: number, max: number): number {
  let end = at;
  while (end < text.length && end - at < max && isDigit(text.charCodeAt(end))) end++;
  return end > at ? end : -1;
}

/**
 * Whether text from `at` (just after a volume number) reads as the rest of a citation's locator: an issue and
 * pages ("(2): 215", " (5-6): 491") or pages (": 215").
 */
function issueOrPagesFollow(text: string, at: number): boolean {
  at = spacesEnd(text, at);
  if (text.charCodeAt(at) === OPEN_BRACKET) {
    const close = text.indexOf(')', at);
    if (close === -1 || close - at > 12) return false;
    at = close + 1;
  }
  if (text.charCodeAt(at) !== COLON) return false;
  // Pages follow a volume's colon ("215", "S1-9", "e123"); words make a heading ("Leukemia 101: a guide").
  const pages = spacesEnd(text, at + 1);
  const first = text.charCodeAt(pages);
  return (
    isDigit(first) || ((first === CAPITAL_S || first === SMALL_E) && isDigit(text.charCodeAt(pages + 1)))
  );
}

/**
 * Whether text from `at` (just after a year) reads as a Vancouver locator: an optional month and day, then
 * ";" and the volume ("2009;23(2):215", "2020 Feb 14;10(2):19", PubMed Central's "2020 Feb; 10(2): 19").
 */
function vancouverFollows(text: string, at: number): boolean {
  let next = spacesEnd(text, at);
  if (next > at && isUpper(text.charCodeAt(next))) {
    next++;
    while (isLetter(text.charCodeAt(next))) next++;
    const day = spacesEnd(text, next);
    if (day > next && isDigit(text.charCodeAt(day))) next = digitsEnd(text, day, 2);
    at = next;
  }
  return text.charCodeAt(at) === SEMICOLON && isDigit(text.charCodeAt(spacesEnd(text, at + 1)));
}

/**
 * Whether the capitalised occurrence text[start, end) is (part of) the name of a journal in a citation:
 * "Leukemia 23 (2): 215-24, 2009", "Pediatr Blood Cancer 59 (7): 1234-8", "Leuk Lymphoma 14 (5-6): 491",
 * "Blood Cancer J. 2020;10(2):19", "Leukemia & Lymphoma. 2019;60(3):1". The journal is a title, not the term: "Blood Cancer" there names a journal.
 * A title that ends with the term is still the term ("… in multiple myeloma. Blood 96 (6): 2037"): the words
 * of a journal's name follow the term with white space, never after a full stop.
 */
export function isJournalName(text: string, start: number, end: number): boolean {
  if (!isUpper(text.charCodeAt(start))) return false;
  let at = end;
  // Up to three more capitalised words of the name ("Cancer J", "Myeloma Leuk", "& Lymphoma"); a full stop
  // ends it.
  for (let words = 0; words < MAX_WORDS_AFTER; words++) {
    const word = spacesEnd(text, at);
    if (word > at && text.charCodeAt(word) === AMPERSAND) {
      at = word + 1;
      continue;
    }
    if (word === at || !isUpper(text.charCodeAt(word))) break;
    at = word + 1;
    while (isLetter(text.charCodeAt(at))) at++;
  }
  if (text.charCodeAt(at) === FULL_STOP) at++;
  const number = spacesEnd(text, at);
  if (number === at) return false;
  const numberEnd = digitsEnd(text, number, 4);
  if (numberEnd === -1) return false;
  return (
    issueOrPagesFollow(text, numberEnd) || (numberEnd - number === 4 && vancouverFollows(text, numberEnd))
  );
}
