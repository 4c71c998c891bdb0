import type { ContentForm } from '../glossary/compiled-glossary';
import {
  APOSTROPHE,
  FOLD_ASCII,
  foldCharCode,
  IGNORED,
  isWordCharAt,
  SEPARATOR,
  WORD_ASCII,
} from './fold-char-code';
import { inflectSurfaceForm } from './inflect-surface-form';
import { normalizeSurfaceForm } from './normalize-surface-form';

/**
 * One occurrence found in a text: `[start, end)` in the text as given (not normalised). Made as `{ form, start,
 * end }`, in that order: V8 gives object literals with the same keys in the same order the same hidden classes,
 * whatever code makes them, and a `{ start, end, … }` literal holding times in milliseconds (as given to
 * performance.measure) turned `start` and `end` into boxed numbers and left the matcher deoptimising in a loop on
 * every pass after the first (docs/speed.md, Later passes).
 */
export interface TermMatch {
  form: ContentForm;
  start: number;
  end: number;
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
  /**
   * findMatches for the occurrences that start in text[from, until), `from` being where the last window
   * ended (or 0): appends them to `out` and returns where the next window starts, `until` or the end of an
   * occurrence that runs past it. Windows that follow one another find what findMatches finds at once, so a
   * long text can be read a window at a time.
   */
  findMatchesBetween(
    text: string,
    from: number,
    until: number,
    out: TermMatch[],
    softBoundaries?: readonly number[] | null,
  ): number;
  /** The case-sensitive forms (abbreviations) spelled `text` as written on a page, or by its plural. */
  caseSensitiveFormsSpelled(text: string): readonly ContentForm[];
}

/** A form a key stands for, while the trie is built. */
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
 * A node of a burst trie (Heinz, Zobel & Williams, 2002), while it is built. Keys are spelled by nodes only
 * as far as they share prefixes with other keys; the rest of a key waits in its node's bucket, compared as a
 * string, until the bucket grows past BURST_AT and is split into child nodes. Building costs a few steps per
 * key instead of one node per character. The built trie is then laid flat (see FlatTrie) for the scan.
 */
interface TrieNode {
  /** Folded code of the inline child's character, or -2. */
  code: number;
  child: TrieNode | null;
  more: Map<number, TrieNode> | null;
  /** Forms whose folded key ends here, most specific first. */
  candidates: Candidate[] | null;
  bucket: Suffix[] | null;
}

/**
 * The trie laid flat in one array of small integers and one string, as it is shipped and scanned. A page
 * pays for parsing an array of numbers and a string, not for tens of thousands of objects: for a
 * 10,000-form glossary, a tree of objects took V8 about 16 ms to parse, this takes a few.
 *
 * `cells`, from offset 0 (the root):
 * - a node: its candidates (a CandidatesRef), its bucket size b, its child count k; then b suffixes of three
 *   cells (start and length of the rest in `text`, its CandidatesRef); then k children of two cells (folded
 *   code, offset of the child node), sorted by code.
 * - a candidate list: its length m, then m candidates of three cells (form index; start and length in `text`
 *   of the exact spelling a case-sensitive form must have, or -1 and 0).
 */
interface FlatTrie {
  cells: number[];
  text: string;
  /** Case-sensitive spellings (normalised, case kept) → indexes of the forms spelled so, as JSON. */
  exact: string;
}

/**
 * A node's candidates, packed in one cell: NO_CANDIDATES; -2 - form for the usual single case-insensitive
 * form (no list to read); or the offset of a candidate list.
 */
type CandidatesRef = number;
const NO_CANDIDATES = -1;

/** The trie as shipped: made when the extension is built, from the glossary's forms. */
interface CompiledTermTrie extends FlatTrie {
  /** Bumped when the shape changes: a trie of another version is rebuilt, never misread. */
  version: typeof TRIE_VERSION;
  /** How many forms it was built from (it indexes them). */
  formCount: number;
}

const TRIE_VERSION = 2;

const BURST_AT = 8;

const newNode = (): TrieNode => ({ code: -2, child: null, more: null, candidates: null, bucket: null });

function childOf(node: TrieNode, code: number): TrieNode | null {
  if (node.code === code) return node.child;
  return node.more === null ? null : (node.more.get(code) ?? null);
}

function addChild(node: TrieNode, code: number): TrieNode {
  const existing = childOf(node, code);
  if (existing) return existing;
  const child = newNode();
  if (node.child === null) {
    node.code = code;
    node.child = child;
  } else (node.more ??= new Map()).set(code, child);
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
  const shipped: CompiledTermTrie = { version: TRIE_VERSION, formCount: forms.length, ...step.value };
  return JSON.stringify(shipped);
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

function* buildTrieInSteps(forms: readonly ContentForm[]): Generator<void, FlatTrie, void> {
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
  return flatten(root, exactForms);
}

/**
 * Puts the most specific candidates first wherever a key has several (real forms before inflected spellings,
 * case-sensitive before insensitive); the sort is stable, so among equals glossary order decides.
 */
function sortCandidates(lists: Candidate[][]): void {
  for (const list of lists) list.sort((a, b) => a.rank - b.rank);
}

/** Lays the built trie flat (see FlatTrie), the root at offset 0. */
function flatten(root: TrieNode, exact: Record<string, number[]>): FlatTrie {
  const cells: number[] = [];
  const pieces: string[] = [];
  let textLength = 0;
  const placed = new Map<string, number>();
  const place = (piece: string): number => {
    let at = placed.get(piece);
    if (at === undefined) {
      at = textLength;
      placed.set(piece, at);
      pieces.push(piece);
      textLength += piece.length;
    }
    return at;
  };
  const refOf = (candidates: Candidate[] | null): CandidatesRef => {
    if (candidates === null) return NO_CANDIDATES;
    if (candidates.length === 1 && candidates[0]!.exact === null) return -2 - candidates[0]!.form;
    const at = cells.length;
    cells.push(candidates.length);
    for (const { form, exact: spelling } of candidates) {
      if (spelling === null) cells.push(form, -1, 0);
      else cells.push(form, place(spelling), spelling.length);
    }
    return at;
  };
  const write = (node: TrieNode): number => {
    // A node's lists go before it, so that the root (which has none) lands at 0.
    const own = refOf(node.candidates);
    const bucket = (node.bucket ?? []).map((suffix) => [
      place(suffix.rest),
      suffix.rest.length,
      refOf(suffix.candidates),
    ]);
    const children: [number, TrieNode][] = [];
    if (node.child !== null) children.push([node.code, node.child]);
    if (node.more !== null) children.push(...node.more);
    children.sort((a, b) => a[0] - b[0]);
    const at = cells.length;
    cells.push(own, bucket.length, children.length);
    for (const suffix of bucket) cells.push(...suffix);
    const firstChild = cells.length;
    for (const [code] of children) cells.push(code, -1);
    children.forEach(([, child], i) => (cells[firstChild + 2 * i + 1] = write(child)));
    return at;
  };
  write(root);
  return { cells, text: pieces.join(''), exact: JSON.stringify(exact) };
}

const NO_FORMS: readonly ContentForm[] = [];

/** The matcher over a flat trie, built or parsed. */
function matcherOf(forms: readonly ContentForm[], trie: FlatTrie): TermMatcher {
  const { cells, text: spellings } = trie;
  // The first character of a term, looked up by raw code for ASCII (both cases lead to the same node).
  const rootAscii = new Int32Array(128);
  for (let c = 0; c < 128; c++) rootAscii[c] = childAt(cells, 0, foldCharCode(c));
  let exact: Record<string, number[]> | null = null;
  return {
    forms,
    findMatches: (text, out = [], softBoundaries = null) => {
      scan(cells, spellings, rootAscii, forms, text, out, softBoundaries, 0, text.length);
      return out;
    },
    findMatchesBetween: (text, from, until, out, softBoundaries = null) =>
      scan(cells, spellings, rootAscii, forms, text, out, softBoundaries, from, Math.min(until, text.length)),
    caseSensitiveFormsSpelled: (text) => {
      // Read at a page's first bracketed abbreviation: most pages never need it.
      exact ??= JSON.parse(trie.exact) as Record<string, number[]>;
      const spelling = normalizeSurfaceForm(text, true);
      // Own keys only: a parsed table has Object's prototype, and a page's "(constructor)" must not find it.
      if (!Object.prototype.hasOwnProperty.call(exact, spelling)) return NO_FORMS;
      return exact[spelling]!.map((index) => forms[index]!);
    },
  };
}

/** The offset of the child of `node` reached by folded `code`, or -1. */
function childAt(cells: readonly number[], node: number, code: number): number {
  return childIn(cells, node + 3 + 3 * cells[node + 1]!, cells[node + 2]!, code);
}

/** The child reached by `code` among `count` (code, offset) pairs sorted by code from `first`, or -1. */
function childIn(cells: readonly number[], first: number, count: number, code: number): number {
  if (count <= 8) {
    for (let p = first, stop = first + 2 * count; p < stop; p += 2) {
      const at = cells[p]!;
      if (at === code) return cells[p + 1]!;
      if (at > code) return -1;
    }
    return -1;
  }
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = cells[first + 2 * middle]!;
    if (at === code) return cells[first + 2 * middle + 1]!;
    if (at < code) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Whether text[start, end) spells the exact spelling at `from` in `spellings` (case kept, separators folded). */
function spellsExactly(
  text: string,
  start: number,
  end: number,
  spellings: string,
  from: number,
  length: number,
): boolean {
  let q = 0;
  for (let p = start; p < end; p++) {
    const code = foldCharCode(text.charCodeAt(p), true);
    if (code === IGNORED) continue;
    if (code === SEPARATOR) {
      while (p + 1 < end && foldCharCode(text.charCodeAt(p + 1), true) === SEPARATOR) p++;
    }
    if (q >= length) return false;
    const expected = spellings.charCodeAt(from + q++);
    if (code !== (expected === 0x20 ? SEPARATOR : expected === 0x27 ? APOSTROPHE : expected)) return false;
  }
  return q === length;
}

// Terminals passed on one walk: where each ends, and its candidates.
let endStack = new Int32Array(64);
let refStack = new Int32Array(64);

// The soft boundaries of the text being scanned, for isBoundary deep in the walk (null: none, the usual case).
let softOffsets: readonly number[] | null = null;

function scan(
  cells: readonly number[],
  spellings: string,
  rootAscii: Int32Array,
  forms: readonly ContentForm[],
  text: string,
  out: TermMatch[],
  soft: readonly number[] | null,
  from: number,
  until: number,
): number {
  if (cells[2] === 0) return until;
  if (soft !== null && soft.length === 0) soft = null;
  softOffsets = soft;
  const length = text.length;
  let previousIsWord = false;
  if (from > 0) {
    const before = text.charCodeAt(from - 1);
    previousIsWord = before < 128 ? WORD_ASCII[before] === 1 : isWordCharAt(text, from - 1, before);
  }
  let i = from;
  while (i < until) {
    const code = text.charCodeAt(i);
    // ASCII inline: this loop sees every character of the page.
    const isWord = code < 128 ? WORD_ASCII[code] === 1 : isWordCharAt(text, i, code);
    // A term starts where a word starts (or on a non-word character, for forms that begin with one).
    // Inside a word, only a soft boundary (markup between two words) lets a term start.
    if (!(previousIsWord && isWord) || (soft !== null && includesSorted(soft, i))) {
      const first = code < 128 ? rootAscii[code]! : childAt(cells, 0, foldCharCode(code));
      if (first !== -1) {
        const match = walk(cells, spellings, first, forms, text, i, length);
        if (match !== null) {
          // A phrase in another sense ("inflammatory breast cancer") wins over the form inside it, then goes.
          if (match.form.otherSense !== true) out.push(match);
          i = match.end;
          const last = text.charCodeAt(i - 1);
          previousIsWord = last < 128 ? WORD_ASCII[last] === 1 : isWordCharAt(text, i - 1, last);
          continue;
        }
      }
    }
    previousIsWord = isWord;
    i++;
  }
  softOffsets = null;
  return i;
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

/** Where spellings[from, to) ends in the text when text from `j` spells it (folded), or -1. */
function matchRest(
  text: string,
  j: number,
  length: number,
  spellings: string,
  from: number,
  to: number,
): number {
  for (let k = from; k < to; k++) {
    if (foldedAt(text, j, length) !== spellings.charCodeAt(k)) return -1;
    j = nextIndex;
  }
  return j;
}

/** Records a terminal passed on the current walk: where it ends and its candidates. */
function record(depth: number, end: number, candidates: CandidatesRef): number {
  if (depth === endStack.length) {
    const grownEnds = new Int32Array(depth * 2);
    grownEnds.set(endStack);
    endStack = grownEnds;
    const grownRefs = new Int32Array(depth * 2);
    grownRefs.set(refStack);
    refStack = grownRefs;
  }
  endStack[depth] = end;
  refStack[depth] = candidates;
  return depth + 1;
}

/** Walks the trie from `start` (whose first character led to `node`); returns the longest acceptable match. */
function walk(
  cells: readonly number[],
  spellings: string,
  node: number,
  forms: readonly ContentForm[],
  text: string,
  start: number,
  length: number,
): TermMatch | null {
  let depth = 0;
  let j = start + 1;
  for (;;) {
    const own = cells[node]!;
    if (own !== NO_CANDIDATES && isBoundary(text, j, length)) depth = record(depth, j, own);
    const bucketSize = cells[node + 1]!;
    const childCount = cells[node + 2]!;
    if (bucketSize === 0 && childCount === 0) break;
    const code = foldedAt(text, j, length);
    if (code === -1) break;
    const after = nextIndex;
    let p = node + 3;
    for (const stop = p + 3 * bucketSize; p < stop; p += 3) {
      const restStart = cells[p]!;
      // Compare the first character before walking the rest.
      if (spellings.charCodeAt(restStart) !== code) continue;
      const restEnd = restStart + cells[p + 1]!;
      const end =
        restEnd === restStart + 1 ? after : matchRest(text, after, length, spellings, restStart + 1, restEnd);
      if (end !== -1 && isBoundary(text, end, length)) depth = record(depth, end, cells[p + 2]!);
    }
    if (childCount === 0) break;
    const child = childIn(cells, p, childCount, code);
    if (child === -1) break;
    node = child;
    j = after;
  }
  if (depth === 0) return null;
  // Longest first (bucket matches may end anywhere); a case-sensitive form must also match its case.
  for (;;) {
    let best = -1;
    for (let d = 0; d < depth; d++)
      if (endStack[d] !== -1 && (best === -1 || endStack[d]! > endStack[best]!)) best = d;
    if (best === -1) return null;
    const end = endStack[best]!;
    const ref = refStack[best]!;
    // The usual case: one case-insensitive form, no list to read.
    if (ref < NO_CANDIDATES) return { form: forms[-2 - ref]!, start, end };
    for (let c = 0, p = ref + 1; c < cells[ref]!; c++, p += 3) {
      const from = cells[p + 1]!;
      if (from === -1 || spellsExactly(text, start, end, spellings, from, cells[p + 2]!)) {
        return { form: forms[cells[p]!]!, start, end };
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
  if (!(isWordCharAt(text, end) && isWordCharAt(text, end - 1))) return true;
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
