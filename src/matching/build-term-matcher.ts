import type { ContentForm } from '../glossary/compiled-glossary';
import { APOSTROPHE, foldCharCode, IGNORED, isWordCharCode, SEPARATOR } from './fold-char-code';
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
   * Matches never overlap; each occurrence maps to exactly one form.
   */
  findMatches(text: string, out?: TermMatch[]): TermMatch[];
  /** The case-sensitive forms (abbreviations) spelled `text` as written on a page, or by its plural. */
  caseSensitiveFormsSpelled(text: string): readonly ContentForm[];
}

interface Candidate {
  form: ContentForm;
  /** Case-sensitive forms: the spelling to compare with (separators and apostrophes normalised, case kept). */
  exact: string | null;
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  /** Forms whose folded key ends here, most specific first. */
  candidates: Candidate[] | null;
}

const newNode = (): TrieNode => ({ next: null, candidates: null });

/** Priority inside one key: real forms before inflected spellings, case-sensitive before case-insensitive. */
function rank(candidate: Candidate, inflected: boolean): number {
  return (inflected ? 2 : 0) + (candidate.exact === null ? 1 : 0);
}

/**
 * Builds a trie over folded surface forms (case, separators and apostrophes folded; plurals and simple
 * inflections added as extra keys). Scanning walks it from each word start: the work per character depends
 * on the text and the length of the longest form, not on how many forms the glossary has.
 */
export function buildTermMatcher(forms: readonly ContentForm[]): TermMatcher {
  const root = newNode();
  const ranks = new WeakMap<Candidate, number>();
  const exactForms = new Map<string, ContentForm[]>();
  const addExact = (spelling: string, form: ContentForm) => {
    const list = exactForms.get(spelling);
    if (!list) exactForms.set(spelling, [form]);
    else if (!list.includes(form)) list.push(form);
  };

  const insert = (key: string, candidate: Candidate, inflected: boolean): void => {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const code = foldCharCode(key.charCodeAt(i));
      if (code === IGNORED) continue;
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = newNode()));
      node = child;
    }
    if (node === root) return;
    const list = (node.candidates ??= []);
    if (list.some((c) => c.form === candidate.form && c.exact === candidate.exact)) return;
    ranks.set(candidate, rank(candidate, inflected));
    list.push(candidate);
    list.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  };

  for (const form of forms) {
    const key = normalizeSurfaceForm(form.text, false);
    if (!key) continue;
    const exact = form.caseSensitive ? normalizeSurfaceForm(form.text, true) : null;
    insert(key, { form, exact }, false);
    if (exact !== null) addExact(exact, form);
    for (const inflected of inflectSurfaceForm(exact ?? key, form.caseSensitive)) {
      insert(inflected, { form, exact: exact === null ? null : inflected }, true);
      if (exact !== null) addExact(inflected, form);
    }
  }

  return {
    forms,
    findMatches: (text, out = []) => scan(root, text, out),
    caseSensitiveFormsSpelled: (text) => exactForms.get(normalizeSurfaceForm(text, true)) ?? [],
  };
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

// Scratch space for the terminals passed on one walk (a walk is never longer than the longest form).
let endStack = new Int32Array(64);
const nodeStack: TrieNode[] = [];

function scan(root: TrieNode, text: string, out: TermMatch[]): TermMatch[] {
  const rootNext = root.next;
  if (!rootNext) return out;
  const length = text.length;
  let previousIsWord = false;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const isWord = isWordCharCode(code);
    // A term starts where a word starts (or on a non-word character, for forms that begin with one).
    if (!(previousIsWord && isWord)) {
      const first = rootNext.get(foldCharCode(code));
      if (first !== undefined) {
        const match = walk(first, text, i, length);
        if (match !== null) {
          out.push(match);
          i = match.end;
          previousIsWord = isWordCharCode(text.charCodeAt(i - 1));
          continue;
        }
      }
    }
    previousIsWord = isWord;
    i++;
  }
  return out;
}

/** Walks the trie from `start` (whose first character led to `node`); returns the longest acceptable match. */
function walk(node: TrieNode, text: string, start: number, length: number): TermMatch | null {
  let depth = 0;
  let j = start + 1;
  for (;;) {
    if (node.candidates !== null && isBoundary(text, j, length)) {
      if (depth === endStack.length) {
        const grown = new Int32Array(depth * 2);
        grown.set(endStack);
        endStack = grown;
      }
      endStack[depth] = j;
      nodeStack[depth++] = node;
    }
    if (j >= length || node.next === null) break;
    let code = foldCharCode(text.charCodeAt(j));
    let after = j + 1;
    if (code === IGNORED) {
      j = after;
      continue;
    }
    if (code === SEPARATOR) {
      // A run of separators ("CAR  -  T") is one separator, as in normalised forms.
      while (after < length) {
        const next = foldCharCode(text.charCodeAt(after));
        if (next !== SEPARATOR && next !== IGNORED) break;
        after++;
      }
      code = SEPARATOR;
    }
    const child = node.next.get(code);
    if (child === undefined) break;
    node = child;
    j = after;
  }
  // Longest first; a case-sensitive form must also match its case.
  while (depth > 0) {
    depth--;
    const end = endStack[depth]!;
    const candidates = nodeStack[depth]!.candidates!;
    for (const candidate of candidates) {
      if (candidate.exact === null || spellsExactly(text, start, end, candidate.exact)) {
        return { start, end, form: candidate.form };
      }
    }
  }
  return null;
}

/** Whole-word end: the match does not stop in the middle of a word ("carton", "mmHg", "Revlimidx"). */
function isBoundary(text: string, end: number, length: number): boolean {
  if (end >= length) return true;
  return !(isWordCharCode(text.charCodeAt(end)) && isWordCharCode(text.charCodeAt(end - 1)));
}
