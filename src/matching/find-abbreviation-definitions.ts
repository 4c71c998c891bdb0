import type { TermMatch } from './build-term-matcher';
import {
  isAsciiAlphanumericCode,
  isBlankBetween,
  isSpaceCode,
  isWordCharCode,
  needsUnicodeClasses,
} from './fold-char-code';

/** A page defining an abbreviation: "lenalidomide (LEN)", "LEN (lenalidomide)", "anti-money laundering (AML)". */
export interface AbbreviationDefinition {
  /** The short form as written, e.g. "LEN" or "IMiDs". */
  shortForm: string;
  /** Entry whose glossary form is the long form (or heads it), or null when the long form is not in the glossary. */
  entryId: string | null;
  /**
   * The long form as the page spells it, its words joined by single spaces ("newly diagnosed multiple myeloma"
   * for NDMM, "natural killer" for NK). With entryId null it may still be the start of a glossary form the
   * glossary does not see on its own.
   */
  longForm: string;
}

const SHORT_FORM = /^[\p{L}\p{N}][\p{L}\p{N}'’-]{0,9}(?: [\p{L}\p{N}]{1,4})?$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Small words a long form may contain without a letter in the short form ("Republic of Korea").
const FILLER_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', '&']);

const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const EQUALS = 0x3d;
const FULL_STOP = 0x2e;
const COLON = 0x3a;
const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;

/** Whether `text` looks like an abbreviation: short, one or two tokens, with a capital letter. */
function isShortFormShape(text: string): boolean {
  if (text.length < 2 || text.length > 12) return false;
  if (needsUnicodeClasses(text)) return !/^\d+$/.test(text) && SHORT_FORM.test(text) && /\p{Lu}/u.test(text);
  return isShortFormShapeAscii(text);
}

const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * SHORT_FORM for ASCII text, the common case, with a capital letter and not all digits, by character codes:
 * Unicode property classes cost the engine far more to compile and run, and this runs for every bracket of
 * a page, on a small page too few times for even an ASCII pattern to pay for its compilation.
 */
function isShortFormShapeAscii(text: string): boolean {
  // A first token: a letter or digit, then up to nine letters, digits, apostrophes or hyphens.
  if (!isAsciiAlphanumericCode(text.charCodeAt(0))) return false;
  let at = 1;
  while (at < text.length && at < 10) {
    const code = text.charCodeAt(at);
    if (!(isAsciiAlphanumericCode(code) || code === 0x27 || code === 0x2d)) break;
    at++;
  }
  // Then perhaps a second one: a space and one to four letters or digits.
  if (at < text.length) {
    if (text.charCodeAt(at) !== 0x20) return false;
    const rest = text.length - at - 1;
    if (rest < 1 || rest > 4) return false;
    for (let i = at + 1; i < text.length; i++) if (!isAsciiAlphanumericCode(text.charCodeAt(i))) return false;
  }
  let capital = false;
  let allDigits = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) capital = true;
    if (!isDigitCode(code)) allDigits = false;
  }
  return capital && !allDigits;
}

const isLetterOrDigit = (ch: string): boolean =>
  (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch > '\u007f' && LETTER_OR_DIGIT.test(ch));

/** Whether the character at `at` is a letter (beyond ASCII, whatever is not punctuation there: the shape test decides). */
function startsWithLetter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code > 0x7f;
}

/** The short form without a plural s ("IMiDs" → "IMiD") when it has one. */
function singular(shortForm: string): string {
  const length = shortForm.length;
  if (length < 2 || shortForm.charCodeAt(length - 1) !== 0x73) return shortForm;
  const before = shortForm.charCodeAt(length - 2);
  return before === 0x73 || before === 0x53 ? shortForm : shortForm.slice(0, -1);
}

function lettersOf(shortForm: string): string[] {
  const letters: string[] = [];
  for (const ch of shortForm.toLowerCase()) if (isLetterOrDigit(ch)) letters.push(ch);
  return letters;
}

/**
 * Whether a short form abbreviates a known long form (the Schwartz–Hearst test, anchored at the long form's
 * start): its first letter starts the long form and its other letters follow in order ("MM" ← "multiple
 * myeloma", "POM" ← "pomalidomide", "IMiDs" ← "immunomodulatory drugs").
 */
export function abbreviates(shortForm: string, longForm: string): boolean {
  const long = longForm.toLowerCase();
  return [shortForm, singular(shortForm)].some((sf) => {
    const letters = lettersOf(sf);
    if (letters.length < 2 || letters[0] !== long[0]) return false;
    let at = 1;
    for (const letter of letters.slice(1)) {
      at = long.indexOf(letter, at);
      if (at === -1) return false;
      at++;
    }
    return true;
  });
}

// Marks that may open a word of a long form: a heading's link ("[Chimeric antigen receptor (CAR)…]"), a quote.
const OPENING_MARKS = new Set(['(', '[', '{', '"', "'", '\u201c', '\u2018', '\u00ab', '\u201e']);

/** `word` without the brackets and quotes that open it ("[Chimeric" → "Chimeric"). */
function withoutOpeningMarks(word: string): string {
  let i = 0;
  while (i < word.length && OPENING_MARKS.has(word[i]!)) i++;
  return i === 0 ? word : word.slice(i);
}

/**
 * The acronym's long form at the end of the words before a bracket, or null: one word per letter, each
 * starting with that letter, small filler words allowed ("anti-money laundering" for AML, "North Korea" for
 * NK). Its words are joined by single spaces. With `whole`, every word of `preceding` must belong to it.
 */
function acronymLongFormBefore(preceding: string, shortForm: string, whole = false): string | null {
  const letters = lettersOf(singular(shortForm));
  if (letters.length < 2) return null;
  const words = preceding
    .split(/[\s\u00a0\-\u2010\u2011\u2013]+/)
    .map(withoutOpeningMarks)
    .filter(Boolean);
  let w = words.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    while (w >= 0 && FILLER_WORDS.has(words[w]!.toLowerCase()) && words[w]![0]!.toLowerCase() !== letters[s])
      w--;
    if (w < 0 || words[w]![0]!.toLowerCase() !== letters[s]) return null;
    w--;
  }
  if (whole && w >= 0) return null;
  return words.slice(w + 1).join(' ');
}

// Characters that join the words of a long form: white space (a page's source breaks its lines anywhere),
// "relapsed/refractory", "high-dose", "B-cell".
const JOINERS = new Set([0x9, 0xa, 0xc, 0xd, 0x20, 0xa0, 0x2d, 0x2010, 0x2011, 0x2013, 0x2f]);
// Read as a compound word's own joiners: "T-cell acute lymphoblastic leukemia (T-ALL)" gives T-ALL one
// letter for "T-cell".
const COMPOUND_JOINERS = new Set([0x2d, 0x2010, 0x2011, 0x2f]);

/**
 * Whether words just before a glossary match and the match make a long form for `shortForm`, the glossary term
 * its head: "newly diagnosed multiple myeloma (NDMM)", "relapsed/refractory multiple myeloma (RRMM)", "autologous
 * stem cell transplantation (ASCT)". Each word before the head gives the short form's next letter as its first
 * (small filler words may give none), and the head spells the rest: a trial's name, "previously treated
 * multiple myeloma (APOLLO)", does not. The fewest words that do; with `from`, the long form starts exactly
 * there (inside a bracket). Words are first read apart at hyphens ("high-dose" gives two letters), then, if
 * that spells nothing, hyphenated words whole ("T-cell acute lymphoblastic leukemia (T-ALL)"), where a word
 * opening with capitals gives them all ("EBV-specific cytotoxic T lymphocytes (EBV-CTLs)"). Returns where
 * the long form starts, or -1.
 */
function headedLongFormBefore(text: string, head: TermMatch, shortForm: string, from?: number): number {
  // "European Intergroup for Childhood NHL (EICNHL)" is an organisation, not a kind of NHL.
  if (head.form.caseSensitive) return -1;
  const letters = lettersOf(singular(shortForm));
  const start = headedLongFormIn(text, head, letters, false, from);
  return start !== -1 ? start : headedLongFormIn(text, head, letters, true, from);
}

/** headedLongFormBefore, its words read apart at hyphens, or (`compound`) whole. */
function headedLongFormIn(
  text: string,
  head: TermMatch,
  letters: string[],
  compound: boolean,
  from?: number,
): number {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = head.start;
  while (starts.length < letters.length - 1 && (from === undefined || at > from)) {
    // Back over what joins two words, then over one word; any other mark ends the long form.
    let wordEnd = at;
    while (wordEnd > 0 && JOINERS.has(text.charCodeAt(wordEnd - 1))) wordEnd--;
    let wordStart = wordEnd;
    for (;;) {
      while (wordStart > 0 && isWordCharCode(text.charCodeAt(wordStart - 1))) wordStart--;
      // A compound goes on before a hyphen with a word character on its other side.
      if (
        !compound ||
        wordStart < 2 ||
        wordStart === wordEnd ||
        !COMPOUND_JOINERS.has(text.charCodeAt(wordStart - 1)) ||
        !isWordCharCode(text.charCodeAt(wordStart - 2))
      )
        break;
      wordStart--;
    }
    if (wordEnd === at || wordStart === wordEnd) break;
    at = wordStart;
    starts.push(wordStart);
    ends.push(wordEnd);
  }
  const headText = text.slice(head.start, head.end).toLowerCase();
  for (let first = 0; first < starts.length; first++) {
    if (from !== undefined && starts[first] !== from) continue;
    let next = 0;
    let spelled = true;
    for (let w = first; w >= 0 && spelled; w--) {
      const given = compound ? capitalsGiven(text, starts[w]!, ends[w]!, letters, next) : 0;
      if (given > 0) next += given;
      else if (text[starts[w]!]!.toLowerCase() === letters[next]) next++;
      else if (w === first || !FILLER_WORDS.has(text.slice(starts[w], ends[w]).toLowerCase()))
        spelled = false;
    }
    if (!spelled || next >= letters.length || headText[0] !== letters[next]) continue;
    let inHead = 1;
    for (const letter of letters.slice(next + 1)) {
      inHead = headText.indexOf(letter, inHead);
      if (inHead === -1) break;
      inHead++;
    }
    if (inHead !== -1) return starts[first]!;
  }
  return -1;
}

/**
 * How many of the short form's letters from `next` on a word opening with two capitals or more gives: all of
 * its opening capitals when they are those letters ("EBV" of "EBV-specific" for EBV-CTLs), else 0.
 */
function capitalsGiven(text: string, start: number, end: number, letters: string[], next: number): number {
  let capitals = start;
  while (capitals < end && text.charCodeAt(capitals) >= 0x41 && text.charCodeAt(capitals) <= 0x5a) capitals++;
  const count = capitals - start;
  if (count < 2 || next + count > letters.length) return 0;
  for (let i = 0; i < count; i++) if (text[start + i]!.toLowerCase() !== letters[next + i]) return 0;
  return count;
}

/** The text from `from` to `to`, its white space (line breaks, runs of spaces) made single spaces. */
function spelled(text: string, from: number, to: number): string {
  let result = '';
  let space = false;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (isSpaceCode(code)) space = true;
    else {
      if (space && result.length > 0) result += ' ';
      space = false;
      result += text[at];
    }
  }
  return result;
}

/** The word just before a bracket at `open` when it has a short form's shape ("LEN" in "LEN (…"), or null. */
function shortFormBefore(text: string, open: number): string | null {
  // Read by character codes: a pattern with Unicode classes cost 1.5 ms to compile on the NCI NHL page, for
  // one "Münster (", and most brackets follow a lowercase word ("patients (n = 40)").
  let end = open;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start <= 10 && isShortFormCode(text.charCodeAt(start - 1))) start--;
  if (start > 0 && isShortFormCode(text.charCodeAt(start - 1))) return null;
  // It begins with a letter or a digit ("'s" and "-" do not start one).
  while (start < end && !isWordCharCode(text.charCodeAt(start))) start++;
  if (end - start < 2) return null;
  const word = text.slice(start, end);
  return isShortFormShape(word) ? word : null;
}

/** Whether a character may be part of a short form: a letter, a digit, an apostrophe or a hyphen. */
function isShortFormCode(code: number): boolean {
  return isWordCharCode(code) || code === 0x27 || code === 0x2019 || code === HYPHEN;
}

// How far a definition's closing bracket may be from its opening one.
const MAX_BRACKET = 60;
const ROUND_CLOSE = 0x29;
const SQUARE_CLOSE = 0x5d;

/**
 * Where the bracket opened at `open` closes, looking no further than `limit` characters on (-1 when it does
 * not close there): a page of unclosed brackets would otherwise have each one searched to the end of its text.
 */
function closingWithin(text: string, open: number, closing: number, limit: number): number {
  const end = Math.min(text.length, open + limit + 1);
  for (let at = open + 1; at < end; at++) if (text.charCodeAt(at) === closing) return at;
  return -1;
}

/**
 * Abbreviation definitions in one text (a paragraph's run of text), found with the Schwartz–Hearst pattern:
 * a long form followed by its short form in brackets, or a short form followed by its long form in brackets.
 * A long form that is a glossary match defines the short form as that entry. For short forms the glossary
 * knows (`isKnownShortForm`), an acronym's long form outside the glossary matches is recorded too (entryId
 * null, with the long form), either way round: the letters may mean something else on that page
 * ("anti-money laundering (AML)", "AML (anti-money laundering)").
 */
export function findAbbreviationDefinitions(
  text: string,
  matches: readonly TermMatch[],
  isKnownShortForm: (shortForm: string) => boolean,
): AbbreviationDefinition[] {
  const definitions: AbbreviationDefinition[] = [];
  let m = 0;
  // Round brackets, and square ones: nested in round ones they stand for them ("(or natural killer [NK] cells)").
  let round = text.indexOf('(');
  let square = text.indexOf('[');
  while (round !== -1 || square !== -1) {
    const isRound = square === -1 || (round !== -1 && round < square);
    const open = isRound ? round : square;
    const close = closingWithin(text, open, isRound ? ROUND_CLOSE : SQUARE_CLOSE, MAX_BRACKET);
    if (isRound) round = text.indexOf('(', open + 1);
    else square = text.indexOf('[', open + 1);
    if (close === -1 || close - open < 3) continue;
    // Square brackets mostly hold citations ("[25]", "[PUBMED Abstract]"): only a short form is looked at.
    if (!isRound && (close - open > 13 || !startsWithLetter(text, open + 1))) continue;
    while (m < matches.length && matches[m]!.end <= open) m++;
    const before = m > 0 ? matches[m - 1]! : null;
    // "(MM; n = 40)": the short form ends at a semicolon or comma.
    let cut = open + 1;
    while (cut < close && text.charCodeAt(cut) !== SEMICOLON && text.charCodeAt(cut) !== COMMA) cut++;
    // Trimmed by index: most brackets hold more than a short form could ("(see the section below)"), and
    // are passed over without a string made.
    let from = open + 1;
    let to = cut;
    while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
    while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
    const shortForm = to - from >= 2 && to - from <= 12 ? text.slice(from, to) : null;

    if (shortForm !== null && isShortFormShape(shortForm)) {
      // "lenalidomide (LEN)", "multiple myeloma (MM; n = 40)"
      if (before && isBlankBetween(text, before.end, open)) {
        const longFrom = abbreviates(shortForm, text.slice(before.start, before.end))
          ? before.start
          : headedLongFormBefore(text, before, shortForm);
        if (longFrom !== -1) {
          definitions.push({
            shortForm,
            entryId: before.form.entryId,
            longForm: spelled(text, longFrom, before.end),
          });
          continue;
        }
      } else if (isKnownShortForm(shortForm)) {
        const longForm = acronymLongFormBefore(text.slice(Math.max(0, open - 100), open), shortForm);
        if (longForm !== null) {
          definitions.push({ shortForm, entryId: null, longForm });
          continue;
        }
      }
    }
    if (!isRound) continue;
    // "LEN (lenalidomide)": the bracket holds exactly one glossary match, after a short form.
    const inside = m < matches.length ? matches[m]! : null;
    if (
      inside &&
      inside.end <= close &&
      isBlankBetween(text, open + 1, inside.start) &&
      isBlankBetween(text, inside.end, close)
    ) {
      const shortBefore = shortFormBefore(text, open);
      if (shortBefore && abbreviates(shortBefore, text.slice(inside.start, inside.end))) {
        const longForm = spelled(text, inside.start, inside.end);
        definitions.push({ shortForm: shortBefore, entryId: inside.form.entryId, longForm });
      }
      continue;
    }
    // "NDMM (newly diagnosed multiple myeloma)": the bracket ends with a glossary match, words before it (which
    // may hold matches of their own: "RRMM (relapsed/refractory multiple myeloma)").
    let last = m;
    while (last + 1 < matches.length && matches[last + 1]!.end <= close) last++;
    const head = inside && inside.end <= close ? matches[last]! : null;
    if (head && isBlankBetween(text, head.end, close)) {
      const shortBefore = shortFormBefore(text, open);
      if (shortBefore && headedLongFormBefore(text, head, shortBefore, from) !== -1) {
        const longForm = spelled(text, from, head.end);
        definitions.push({ shortForm: shortBefore, entryId: head.form.entryId, longForm });
      }
      continue;
    }
    // "NK (natural killer)", "AML (anti-money laundering)": for a short form the glossary knows, an acronym's
    // long form outside the glossary, as the other way round. Such a short form is one of the glossary's forms,
    // so a match: most brackets are passed over at once.
    if (!before || !before.form.caseSensitive || !isBlankBetween(text, before.end, open)) continue;
    if (!startsWithLetter(text, from)) continue;
    const shortBefore = text.slice(before.start, before.end);
    if (isShortFormShape(shortBefore) && isKnownShortForm(shortBefore)) {
      const longForm = acronymLongFormBefore(text.slice(from, close).trimEnd(), shortBefore, true);
      if (longForm !== null) definitions.push({ shortForm: shortBefore, entryId: null, longForm });
    }
  }
  // A listed definition names a glossary form or a known short form: a text without matches has none.
  if (matches.length > 0) findListedDefinitions(text, matches, isKnownShortForm, definitions);
  return definitions;
}

const LIST_MIN_PAIRS = 3;
// At the start of the text or after ";" or ":", a short form with a capital letter, then "," or "=".
// Or, for a legend's "=", after a sentence: "Values are medians. CAR = chimeric antigen receptor".
const MAYBE_PAIR =
  /(?:^|[;:])\s*[a-z0-9\u00df-\u00ff'-]*[A-Z\u00c0-\u00de][\w\u00c0-\u024f' -]{0,11}[,=]|\.\s+[a-z0-9\u00df-\u00ff'-]*[A-Z\u00c0-\u00de][\w\u00c0-\u024f' -]{0,11}=/;

/** Where a list headed "Abbreviations:" ("Abbreviations used:", "ABBREVIATIONS:") begins, after its colon; or -1. */
function afterListHeading(text: string): number {
  let at = text.indexOf('bbreviation');
  if (at === -1) at = text.indexOf('BBREVIATION');
  if (at === -1) return -1;
  const colon = text.indexOf(':', at);
  return colon !== -1 && colon - at <= 32 ? colon + 1 : -1;
}

/**
 * Whether the character at `at` separates a pair's short form from its long form: "," or "=", and in a list
 * headed "Abbreviations:" also ":" and a dash with a space before it ("CAR: chimeric…", "CAR – chimeric…"; a
 * short form may hold a hyphen, "IL-6").
 */
function isPairSeparator(text: string, at: number, listed: boolean): boolean {
  const code = text.charCodeAt(at);
  if (code === COMMA || code === EQUALS) return true;
  if (!listed) return false;
  if (code === COLON) return true;
  return (code === HYPHEN || code === EN_DASH || code === EM_DASH) && isSpaceCode(text.charCodeAt(at - 1));
}

/**
 * Where the short form of a legend pair starts when a sentence comes before it in the same piece ("Values are
 * medians. CAR = chimeric antigen receptor", "Note: CAR = …"): after the last full stop or colon before `sep`
 * (the "="), within a short form's reach. -1 when there is none.
 */
function legendStartBefore(text: string, from: number, sep: number): number {
  for (let at = sep - 1; at > from && sep - at <= 15; at--) {
    const code = text.charCodeAt(at - 1);
    if ((code === FULL_STOP || code === COLON) && isSpaceCode(text.charCodeAt(at))) {
      while (at < sep && isSpaceCode(text.charCodeAt(at))) at++;
      return at;
    }
  }
  return -1;
}

/**
 * Definitions given as pairs, as legends and PubMed Central's articles give them: "CAR = chimeric antigen
 * receptor; CNS = central nervous system" anywhere, and "AE, adverse event; LEN, lenalidomide" in a list (three
 * pairs or more, or after "Abbreviations:"), where a lone "In MM, multiple lesions…" is prose. Each pair's
 * letters must abbreviate its long form.
 */
function findListedDefinitions(
  text: string,
  matches: readonly TermMatch[],
  isKnownShortForm: (shortForm: string) => boolean,
  definitions: AbbreviationDefinition[],
): void {
  // "Abbreviations: …" (also after other notes, as in a table's footnote): the list starts after the colon.
  const listStart = afterListHeading(text);
  const listed = listStart !== -1;
  // Elsewhere pairs are separated by semicolons; a legend's single pair has "=". Most texts with a semicolon
  // hold no pair at all: one native scan for a pair's shape (a short form with a capital, then "," or "=")
  // rules them out before any is read piece by piece, which cost 3 ms of cold code on the NCI myeloma page.
  if (!listed && text.indexOf(';') === -1 && text.indexOf('=') === -1) return;
  if (!listed && !MAYBE_PAIR.test(text)) return;
  const pairs: { shortForm: string; from: number; to: number; needsList: boolean }[] = [];
  let listPairs = 0;
  for (let start = listed ? listStart : 0; start < text.length;) {
    let end = text.indexOf(';', start);
    if (end === -1) end = text.length;
    let from = start;
    start = end + 1;
    while (from < end && isSpaceCode(text.charCodeAt(from))) from++;
    let sep = from;
    while (sep < end && sep - from <= 14 && !isPairSeparator(text, sep, listed)) sep++;
    if (sep === end || sep - from > 14) sep = -1;
    let shortForm = sep === -1 ? '' : text.slice(from, sep).trim();
    // A table's note may put a legend after a sentence: "Values are medians. CAR = chimeric antigen receptor".
    if (sep === -1 || !isShortFormShape(shortForm)) {
      if (sep === -1 || text.charCodeAt(sep) !== EQUALS) sep = text.indexOf('=', from);
      if (sep === -1 || sep >= end) continue;
      from = legendStartBefore(text, from, sep);
      if (from === -1) continue;
      shortForm = text.slice(from, sep).trim();
      if (!isShortFormShape(shortForm)) continue;
    }
    // The last pair of a legend ends its sentence: "…; NHL = non-Hodgkin lymphoma. Other text".
    let to = sep + 1;
    while (
      to < end &&
      !(text.charCodeAt(to) === FULL_STOP && (to + 1 === end || isSpaceCode(text.charCodeAt(to + 1))))
    )
      to++;
    // Legends may separate their pairs with commas: "CAR = chimeric antigen receptor, NHL = non-Hodgkin
    // lymphoma". Read whole, the first long form would run into the next pair and rule CAR out as a meaning
    // outside the glossary.
    const nextEquals = text.charCodeAt(sep) === EQUALS ? text.indexOf('=', sep + 1) : -1;
    if (nextEquals !== -1 && nextEquals < to) {
      const comma = text.lastIndexOf(',', nextEquals);
      if (comma <= sep) continue;
      to = comma;
      start = comma + 1;
    }
    while (to > sep && isSpaceCode(text.charCodeAt(to - 1))) to--;
    let longFrom = sep + 1;
    while (longFrom < to && isSpaceCode(text.charCodeAt(longFrom))) longFrom++;
    if (to - longFrom < 3 || to - longFrom > 100) continue;
    if (!abbreviates(shortForm, text.slice(longFrom, to))) continue;
    // Only a legend's "=" makes a pair on its own.
    const needsList = text.charCodeAt(sep) !== EQUALS;
    if (needsList) listPairs++;
    pairs.push({ shortForm, from: longFrom, to, needsList });
  }
  let m = 0;
  for (const { shortForm, from, to, needsList } of pairs) {
    if (needsList && !listed && listPairs < LIST_MIN_PAIRS) continue;
    while (m < matches.length && matches[m]!.start < from) m++;
    const match = m < matches.length ? matches[m]! : null;
    const longForm = spelled(text, from, to);
    if (match && match.start === from && match.end === to) {
      definitions.push({ shortForm, entryId: match.form.entryId, longForm });
    } else if (isKnownShortForm(shortForm)) {
      definitions.push({ shortForm, entryId: null, longForm });
    }
  }
}
