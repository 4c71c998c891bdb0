import { isAsciiLetterCode, isSpaceCode } from './fold-char-code';

/** How far from an occurrence an address's start or end is looked for: bounds the work on text without spaces. */
const REACH = 512;

const FULL_STOP = 0x2e;
const SLASH = 0x2f;
const AT = 0x40;
const COLON = 0x3a;

/**
 * Whether text[at] may glue a word beside it to the rest of an address ("/myeloma", "myeloma.org",
 * "-myeloma-treatment"). An occurrence with no such character beside it is a word of the text and costs no
 * further look. A full stop or a colon counts only with more of the token after it: "myeloma." and
 * "myeloma:" end a sentence or a clause.
 */
function gluesAddressAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  switch (text.charCodeAt(at)) {
    case 0x2e: // .
    case 0x3a: // :
      return at + 1 < text.length && !isSpaceCode(text.charCodeAt(at + 1));
    case 0x2f: // /
    case 0x2d: // -
    case 0x5f: // _
    case 0x3d: // =
    case 0x3f: // ?
    case 0x23: // #
    case 0x25: // %
    case 0x26: // &
    case 0x40: // @
    case 0x7e: // ~
    case 0x2b: // +
      return true;
    default:
      return false;
  }
}

/**
 * Whether text[start, end) lies inside a web address, site path or e-mail address written out in the text
 * ("https://www.cancer.gov/types/myeloma/hp", "/types/lymphoma/hp/indolent-b-cell-lymphoma-treatment-pdq",
 * "info@myeloma.org"). Words in an address are not words of the text: "myeloma" in a link's slug is not the
 * reader's term.
 */
export function isInWebAddress(text: string, start: number, end: number): boolean {
  if (!gluesAddressAt(text, start - 1) && !gluesAddressAt(text, end)) return false;
  // The token around the occurrence, and whether it holds what every address has: a slash, an at sign or a
  // full stop inside it. Hyphenated words ("lenalidomide-based") end the look here.
  let hasMark = false;
  let from = start;
  const lowest = Math.max(0, start - REACH);
  for (; from > lowest; from--) {
    const code = text.charCodeAt(from - 1);
    if (isSpaceCode(code)) break;
    if (code === SLASH || code === AT || code === FULL_STOP) hasMark = true;
  }
  let to = end;
  const highest = Math.min(text.length, end + REACH);
  for (; to < highest; to++) {
    const code = text.charCodeAt(to);
    if (isSpaceCode(code)) break;
    if (code === SLASH || code === AT || code === FULL_STOP) hasMark = true;
  }
  if (!hasMark) return false;
  // An address runs from its start to the end of its token: does one start at or before the occurrence?
  return addressStartsBy(text, from, to, start);
}

const isWordAscii = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x5f;
/** Characters of a host name: letters, digits, _, - and . */
const isHostCode = (code: number): boolean => isWordAscii(code) || code === 0x2d || code === FULL_STOP;
/** Characters of a scheme ("https") and of an e-mail address's local part, besides letters and digits. */
const isSchemeCode = (code: number): boolean =>
  isWordAscii(code) || code === 0x2b || code === 0x2d || code === FULL_STOP;
/** Characters of a path segment: letters, digits, _, -, ., ~ and %. */
const isSegmentCode = (code: number): boolean => isHostCode(code) || code === 0x7e || code === 0x25;

// Top-level domains that make a bare host name an address ("myeloma.org"); others need a path after them.
const COMMON_DOMAINS = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'info', 'io']);

/** Where the run of characters passing `test` that ends at `at` starts (not before `from`). */
function runStart(text: string, at: number, from: number, test: (code: number) => boolean): number {
  while (at > from && test(text.charCodeAt(at - 1))) at--;
  return at;
}

// Searched within the token only: a text without spaces (a JSON blob in a page) holds a token at each of its
// occurrences, and a search to the end of the text from each one was quadratic.
/** Where `code` first appears in text[from, to), or -1. */
function indexWithin(text: string, code: number, from: number, to: number): number {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) === code) return at;
  return -1;
}

/** Where the first "://" in text[from, to) starts, or -1. */
function schemeEndWithin(text: string, from: number, to: number): number {
  for (let at = indexWithin(text, COLON, from, to); at !== -1; at = indexWithin(text, COLON, at + 1, to))
    if (text.charCodeAt(at + 1) === SLASH && text.charCodeAt(at + 2) === SLASH) return at;
  return -1;
}

/**
 * Whether a web address, site path or e-mail address starts in text[from, to) (one token) at or before
 * `start`:
 * - a scheme ("https://");
 * - "www.";
 * - a path from the site's root with two segments at least ("/types/myeloma/hp"), not after a word ("and/or");
 * - a host name ending in a common top-level domain ("myeloma.org"), or any host followed by a path
 *   ("cancer.gov/types");
 * - the local part of an e-mail address ("info@").
 * Read by hand rather than with one regular expression: compiling that cost V8 0.3–0.4 ms (node, cold) on
 * the first page that needed it, more than the looks at all of a short page's occurrences.
 */
function addressStartsBy(text: string, from: number, to: number, start: number): boolean {
  // A scheme: "https://…".
  const scheme = schemeEndWithin(text, from, to);
  if (scheme !== -1) {
    const at = runStart(text, scheme, from, isSchemeCode);
    if (at < scheme && at <= start && isAsciiLetterCode(text.charCodeAt(at))) return true;
  }
  // "www." at the start of a host.
  for (let at = from; at + 4 <= Math.min(to, start + 4); at++) {
    if (
      (text.charCodeAt(at) | 0x20) === 0x77 &&
      (text.charCodeAt(at + 1) | 0x20) === 0x77 &&
      (text.charCodeAt(at + 2) | 0x20) === 0x77 &&
      text.charCodeAt(at + 3) === FULL_STOP &&
      (at === from || !isHostCode(text.charCodeAt(at - 1)))
    )
      return true;
  }
  // An e-mail address: its local part starts it.
  const at = indexWithin(text, AT, from, to);
  if (at !== -1) {
    const local = runStart(text, at, from, isSchemeCode);
    if (local < at && local <= start && hostFollows(text, at + 1, to)) return true;
  }
  for (let p = from; p <= start; p++) {
    const code = text.charCodeAt(p);
    // A path from the site's root with two segments at least, not after a word ("and/or").
    if (
      code === SLASH &&
      (p === from || (!isSegmentCode(text.charCodeAt(p - 1)) && text.charCodeAt(p - 1) !== SLASH))
    ) {
      let q = p + 1;
      while (q < to && isSegmentCode(text.charCodeAt(q))) q++;
      if (q > p + 1 && q < to && text.charCodeAt(q) === SLASH) return true;
    }
    // A host name: a run of labels that starts here, ending in a common domain or followed by a path.
    if (isHostCode(code) && code !== FULL_STOP && (p === from || !isHostCode(text.charCodeAt(p - 1)))) {
      if (isHostName(text, p, to)) return true;
    }
  }
  return false;
}

/** Whether text at `at` reads "label.label…" (an e-mail address's domain). */
function hostFollows(text: string, at: number, to: number): boolean {
  let q = at;
  for (; q < to; q++) {
    const code = text.charCodeAt(q);
    if (!isWordAscii(code) && code !== 0x2d) break;
  }
  return q > at && q + 1 < to && text.charCodeAt(q) === FULL_STOP && isHostCode(text.charCodeAt(q + 1));
}

/**
 * Whether the run of host characters from `at` is a host name: one of its labels after the first is a common
 * top-level domain ("myeloma.org"), or its last label is 2–6 letters with a path after it ("cancer.gov/").
 */
function isHostName(text: string, at: number, to: number): boolean {
  let end = at;
  while (end < to && isHostCode(text.charCodeAt(end))) end++;
  let label = at;
  let labels = 0;
  for (let q = at; q <= end; q++) {
    if (q < end && text.charCodeAt(q) !== FULL_STOP) continue;
    if (labels > 0 && q > label) {
      const name = text.slice(label, q).toLowerCase();
      if (COMMON_DOMAINS.has(name)) return true;
      if (q === end && q < to && text.charCodeAt(q) === SLASH && q - label >= 2 && q - label <= 6) {
        let letters = true;
        for (let k = label; k < q; k++) if (!isAsciiLetterCode(text.charCodeAt(k))) letters = false;
        if (letters) return true;
      }
    }
    labels++;
    label = q + 1;
  }
  return false;
}
