import type { ContentForm } from '../glossary/compiled-glossary';
import {
  APOSTROPHE,
  FOLD_ASCII,
  foldCharCode,
  IGNORED,
  isWordCharCode,
  SEPARATOR,
  WORD_ASCII,
} from './fold-char-code';
import { inflectSurfaceForm } from './inflect-surface-form';
import { normalizeSurfaceForm } from './normalize-surface-form';

/** One occurrence found in a text: `[start, end)` in the text as given (not normalised). */
export interface TermMatch {
  start: number;
  end: number;
  /** The surface form that matched (an inflected spelling maps to its form). */
  form: ContentForm;
}

/** Finds glossary surface forms in text; built once per glossary, cost independent of its size. */
export interface TermMatcher {
  readonly forms: readonly ContentForm[];
  /**
   * Appends to `out` the leftmost-longest whole-word occurrences in `text`, in text order, and returns `out`.
   * Matches never overlap; each occurrence maps to exactly one form. `softBoundaries` (sorted offsets) also
   * count as word boundaries: where markup separates two words the text glues ("lenalidomide<sup>12</sup>").
   */
  findMatches(text: string, out?: TermMatch[], softBoundaries?: readonly number[] | null): TermMatch[];
  /** The case-sensitive forms (abbreviations) spelled `text` as written on a page, or by its plural. */
  caseSensitiveFormsSpelled(text: string): readonly ContentForm[];
}

/** A form a key stands for. Plain data: the trie is built at build time and shipped as JSON. */
interface Candidate {
  /** Index of the form in the matcher's `forms`. */
  form: number;
  /** Case-sensitive forms: the spelling to compare with (separators and apostrophes normalised, case kept). */
  exact: string | null;
  /** Priority inside one key: real forms before inflected spellings, case-sensitive before insensitive. */
  rank: number;
}

/** Suffixes of keys kept together under one node until there are too many of them (a burst trie). */
interface Suffix {
  /** The rest of a folded key after the node's path. */
  rest: string;
  candidates: Candidate[];
}

/**
 * A node of a burst trie (Heinz, Zobel & Williams, 2002). Keys are spelled by nodes only as far as they
 * share prefixes with other keys; the rest of a key waits in its node's bucket, compared as a string, until
 * the bucket grows past BURST_AT and is split into child nodes. Building costs a few steps per key instead
 * of one node per character; the first child is stored inline, an object keyed by code made only for a
 * second one. Every field is always present, so that nodes parsed from JSON share one shape.
 */
interface TrieNode {
  /** Folded code of the inline child's character, or -2. */
  code: number;
  child: TrieNode | null;
  more: Record<number, TrieNode> | null;
  /** Forms whose folded key ends here, most specific first. */
  candidates: Candidate[] | null;
  bucket: Suffix[] | null;
}

/**
 * The trie as shipped: built from the glossary's forms when the extension is built, so a page pays for
 * parsing it, not for building it.
 */
interface CompiledTermTrie {
  /** Bumped when the shape changes: a trie of another version is rebuilt, never misread. */
  version: typeof TRIE_VERSION;
  /** How many forms it was built from (it indexes them). */
  formCount: number;
  root: TrieNode;
  /** Case-sensitive spellings (normalised, case kept) → indexes of the forms spelled so. */
  exact: Record<string, number[]>;
}

const TRIE_VERSION = 1;

const BURST_AT = 8;

const newNode = (): TrieNode => ({ code: -2, child: null, more: null, candidates: null, bucket: null });

function childOf(node: TrieNode, code: number): TrieNode | null {
  if (node.code === code) return node.child;
  return node.more === null ? null : (node.more[code] ?? null);
}

function addChild(node: TrieNode, code: number): TrieNode {
  const existing = childOf(node, code);
  if (existing) return existing;
  const child = newNode();
  if (node.child === null) {
    node.code = code;
    node.child = child;
  } else (node.more ??= {})[code] = child;
  return child;
}

/** Adds candidates to a list; a list that comes to hold several goes into `shared`, to be sorted at the end. */
function addCandidates(list: Candidate[], added: readonly Candidate[], shared: Candidate[][]): void {
  for (const candidate of added) {
    if (list.some((c) => c.form === candidate.form && c.exact === candidate.exact)) continue;
    list.push(candidate);
    if (list.length === 2) shared.push(list);
  }
}

function addSuffix(node: TrieNode, rest: string, candidates: Candidate[], shared: Candidate[][]): void {
  if (rest === '') {
    if (node.candidates === null) node.candidates = candidates;
    else addCandidates(node.candidates, candidates, shared);
    return;
  }
  const bucket = (node.bucket ??= []);
  let same: Suffix | undefined;
  for (const suffix of bucket) if (suffix.rest === rest) same = suffix;
  if (same) addCandidates(same.candidates, candidates, shared);
  else bucket.push({ rest, candidates });
  if (bucket.length > BURST_AT) {
    node.bucket = null;
    for (const suffix of bucket)
      addSuffix(addChild(node, suffix.rest.charCodeAt(0)), suffix.rest.slice(1), suffix.candidates, shared);
  }
}

const NEEDS_FOLDING = /[^\x20\x27\x30-\x39\x61-\x7a]/;

const ALREADY_NORMAL = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** normalizeSurfaceForm, with a shortcut for the common plain form ("multiple myeloma", "IMiD"). */
function normalizeForm(text: string, caseSensitive: boolean): string {
  if (ALREADY_NORMAL.test(text)) return caseSensitive ? text : text.toLowerCase();
  return normalizeSurfaceForm(text, caseSensitive);
}

/** A key folded as the scan folds text: case, separators (runs collapsed) and apostrophes; joiners dropped. */
function foldKey(normalized: string): string {
  const lower = normalized.toLowerCase();
  // Normalised lower-case ASCII is folded already (the common case: no string is built).
  if (!NEEDS_FOLDING.test(lower)) return lower;
  const codes: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const code = foldCharCode(lower.charCodeAt(i));
    if (code === IGNORED || (code === SEPARATOR && codes[codes.length - 1] === SEPARATOR)) continue;
    codes.push(code);
  }
  return String.fromCharCode(...codes);
}

/**
 * Builds a trie over folded surface forms (case, separators and apostrophes folded; plurals and simple
 * inflections added as extra keys), or reads it from `compiled` (see buildTermMatcherInSteps). Scanning walks
 * it from each word start: the work per character depends on the text and the length of the longest form,
 * not on how many forms the glossary has.
 */
export function buildTermMatcher(forms: readonly ContentForm[], compiled?: string): TermMatcher {
  const steps = buildTermMatcherInSteps(forms, compiled);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The trie of `forms` as JSON text, to ship with them (made when the extension is built). */
export function compileTermTrie(forms: readonly ContentForm[]): string {
  const steps = buildTrieInSteps(forms);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return JSON.stringify(step.value);
}

// Forms added between two chances to pause.
const FORMS_PER_STEP = 128;

/**
 * The matcher for `forms`: read from `compiled` (compileTermTrie's output for the same forms) when given and
 * current, else built as a generator that pauses every FORMS_PER_STEP forms, so that a large glossary can be
 * built in slices of work between which the page keeps running (the annotator resumes it until done).
 */
export function* buildTermMatcherInSteps(
  forms: readonly ContentForm[],
  compiled?: string,
): Generator<void, TermMatcher, void> {
  if (compiled !== undefined) {
    const trie = JSON.parse(compiled) as CompiledTermTrie;
    // A trie from another build (other forms, other shape) would map keys to the wrong forms: rebuild.
    if (trie.version === TRIE_VERSION && trie.formCount === forms.length) return matcherOf(forms, trie);
  }
  return matcherOf(forms, yield* buildTrieInSteps(forms));
}

function* buildTrieInSteps(forms: readonly ContentForm[]): Generator<void, CompiledTermTrie, void> {
  const root = newNode();
  const shared: Candidate[][] = [];
  // No prototype: any spelling, even "__proto__", is an own key.
  const exactForms = Object.create(null) as Record<string, number[]>;
  const addExact = (spelling: string, form: number) => {
    const list = exactForms[spelling];
    if (!list) exactForms[spelling] = [form];
    else if (!list.includes(form)) list.push(form);
  };

  const insert = (spelling: string, candidate: Candidate): void => {
    const key = foldKey(spelling);
    if (key === '') return;
    // The root always spells the first character: the scan looks it up by table.
    let node = addChild(root, key.charCodeAt(0));
    let i = 1;
    for (; i < key.length; i++) {
      const child = childOf(node, key.charCodeAt(i));
      if (child === null) break;
      node = child;
    }
    addSuffix(node, key.slice(i), [candidate], shared);
  };

  for (let index = 0; index < forms.length; index++) {
    if (index % FORMS_PER_STEP === FORMS_PER_STEP - 1) yield;
    const form = forms[index]!;
    const normalized = normalizeForm(form.text, form.caseSensitive);
    if (!normalized) continue;
    const exact = form.caseSensitive ? normalized : null;
    insert(normalized, { form: index, exact, rank: exact === null ? 1 : 0 });
    if (exact !== null) addExact(exact, index);
    for (const inflected of inflectSurfaceForm(normalized, form.caseSensitive)) {
      insert(inflected, {
        form: index,
        exact: exact === null ? null : inflected,
        rank: exact === null ? 3 : 2,
      });
      if (exact !== null) addExact(inflected, index);
    }
  }
  sortCandidates(shared);
  return { version: TRIE_VERSION, formCount: forms.length, root, exact: exactForms };
}

const NO_FORMS: readonly ContentForm[] = [];

/** The matcher over a built (or parsed) trie. */
function matcherOf(forms: readonly ContentForm[], trie: CompiledTermTrie): TermMatcher {
  const { root } = trie;
  // The first character of a term, looked up by raw code for ASCII (both cases lead to the same node).
  const rootAscii: (TrieNode | null)[] = [];
  for (let c = 0; c < 128; c++) rootAscii.push(childOf(root, foldCharCode(c)));
  const { exact } = trie;
  return {
    forms,
    findMatches: (text, out = [], softBoundaries = null) =>
      scan(root, rootAscii, forms, text, out, softBoundaries),
    caseSensitiveFormsSpelled: (text) => {
      const spelling = normalizeSurfaceForm(text, true);
      // Own keys only: a parsed trie's table has Object's prototype, and a page's "(constructor)" must not
      // find it. Looked up in place: a Map of every spelling cost a small page more than its lookups.
      if (!Object.prototype.hasOwnProperty.call(exact, spelling)) return NO_FORMS;
      return exact[spelling]!.map((index) => forms[index]!);
    },
  };
}

/**
 * Puts the most specific candidates first wherever a key has several (real forms before inflected spellings,
 * case-sensitive before insensitive); the sort is stable, so among equals glossary order decides.
 */
function sortCandidates(lists: Candidate[][]): void {
  for (const list of lists) list.sort((a, b) => a.rank - b.rank);
}

/** Whether text[start, end) spells `exact` with case kept (separator runs and apostrophes folded). */
function spellsExactly(text: string, start: number, end: number, exact: string): boolean {
  let q = 0;
  for (let p = start; p < end; p++) {
    const code = foldCharCode(text.charCodeAt(p), true);
    if (code === IGNORED) continue;
    if (code === SEPARATOR) {
      while (p + 1 < end && foldCharCode(text.charCodeAt(p + 1), true) === SEPARATOR) p++;
    }
    if (q >= exact.length) return false;
    const expected = exact.charCodeAt(q++);
    if (code !== (expected === 0x20 ? SEPARATOR : expected === 0x27 ? APOSTROPHE : expected)) return false;
  }
  return q === exact.length;
}

// Terminals passed on one walk: where each ends, and its candidates.
let endStack = new Int32Array(64);
const candidateStack: Candidate[][] = [];

// The soft boundaries of the text being scanned, for isBoundary deep in the walk (null: none, the usual case).
let softOffsets: readonly number[] | null = null;

function scan(
  root: TrieNode,
  rootAscii: (TrieNode | null)[],
  forms: readonly ContentForm[],
  text: string,
  out: TermMatch[],
  soft: readonly number[] | null,
): TermMatch[] {
  if (root.child === null) return out;
  if (soft !== null && soft.length === 0) soft = null;
  softOffsets = soft;
  const length = text.length;
  let previousIsWord = false;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    // ASCII inline: this loop sees every character of the page.
    const isWord = code < 128 ? WORD_ASCII[code] === 1 : isWordCharCode(code);
    // A term starts where a word starts (or on a non-word character, for forms that begin with one).
    // Inside a word, only a soft boundary (markup between two words) lets a term start.
    if (!(previousIsWord && isWord) || (soft !== null && includesSorted(soft, i))) {
      const first = code < 128 ? rootAscii[code]! : childOf(root, foldCharCode(code));
      if (first !== null) {
        const match = walk(first, forms, text, i, length);
        if (match !== null) {
          out.push(match);
          i = match.end;
          const last = text.charCodeAt(i - 1);
          previousIsWord = last < 128 ? WORD_ASCII[last] === 1 : isWordCharCode(last);
          continue;
        }
      }
    }
    previousIsWord = isWord;
    i++;
  }
  softOffsets = null;
  return out;
}

/** The folded code of text[j] and the index after it (a run of separators is one separator); -1 at the end. */
let nextIndex = 0;
function foldedAt(text: string, j: number, length: number): number {
  while (j < length) {
    const raw = text.charCodeAt(j);
    const code = raw < 128 ? FOLD_ASCII[raw]! : foldCharCode(raw);
    j++;
    if (code === IGNORED) continue;
    if (code === SEPARATOR) {
      // A run of separators ("CAR  -  T") is one separator, as in normalised forms.
      while (j < length) {
        const next = foldCharCode(text.charCodeAt(j));
        if (next !== SEPARATOR && next !== IGNORED) break;
        j++;
      }
    }
    nextIndex = j;
    return code;
  }
  nextIndex = j;
  return -1;
}

/** Where `rest` (from its character `from`) ends when text from `j` spells it (folded), or -1. */
function matchRest(text: string, j: number, length: number, rest: string, from: number): number {
  for (let k = from; k < rest.length; k++) {
    if (foldedAt(text, j, length) !== rest.charCodeAt(k)) return -1;
    j = nextIndex;
  }
  return j;
}

/** Records a terminal passed on the current walk: where it ends and its candidates. */
function record(depth: number, end: number, candidates: Candidate[]): number {
  if (depth === endStack.length) {
    const grown = new Int32Array(depth * 2);
    grown.set(endStack);
    endStack = grown;
  }
  endStack[depth] = end;
  candidateStack[depth] = candidates;
  return depth + 1;
}

/** Walks the trie from `start` (whose first character led to `node`); returns the longest acceptable match. */
function walk(
  node: TrieNode,
  forms: readonly ContentForm[],
  text: string,
  start: number,
  length: number,
): TermMatch | null {
  let depth = 0;
  let j = start + 1;
  for (;;) {
    if (node.candidates !== null && isBoundary(text, j, length)) depth = record(depth, j, node.candidates);
    const bucket = node.bucket;
    if (bucket !== null || node.child !== null) {
      const code = foldedAt(text, j, length);
      const after = nextIndex;
      if (bucket !== null && code !== -1) {
        // Indexed, not for…of: until the engine optimises this function, every for…of makes an iterator
        // object, and this loop runs at nearly every word of a page (megabytes of garbage on a long one).
        for (let b = 0; b < bucket.length; b++) {
          const suffix = bucket[b]!;
          // Compare the first character before walking the rest.
          if (suffix.rest.charCodeAt(0) !== code) continue;
          const end = suffix.rest.length === 1 ? after : matchRest(text, after, length, suffix.rest, 1);
          if (end !== -1 && isBoundary(text, end, length)) depth = record(depth, end, suffix.candidates);
        }
      }
      if (node.child === null || code === -1) break;
      const child = node.code === code ? node.child : node.more === null ? null : (node.more[code] ?? null);
      if (child === null) break;
      node = child;
      j = after;
    } else break;
  }
  if (depth === 0) return null;
  // Longest first (bucket matches may end anywhere); a case-sensitive form must also match its case.
  for (;;) {
    let best = -1;
    for (let d = 0; d < depth; d++)
      if (endStack[d] !== -1 && (best === -1 || endStack[d]! > endStack[best]!)) best = d;
    if (best === -1) return null;
    const end = endStack[best]!;
    const candidates = candidateStack[best]!;
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c]!;
      if (candidate.exact === null || spellsExactly(text, start, end, candidate.exact)) {
        return { start, end, form: forms[candidate.form]! };
      }
    }
    endStack[best] = -1;
  }
}

/**
 * Whole-word end: the match does not stop in the middle of a word ("carton", "mmHg", "Revlimidx"), unless
 * markup splits the word there ("lenalidomide<sup>12</sup>").
 */
function isBoundary(text: string, end: number, length: number): boolean {
  if (end >= length) return true;
  if (!(isWordCharCode(text.charCodeAt(end)) && isWordCharCode(text.charCodeAt(end - 1)))) return true;
  return softOffsets !== null && includesSorted(softOffsets, end);
}

/** Whether a sorted array holds `value` (binary search: a run may have many citation marks). */
function includesSorted(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
