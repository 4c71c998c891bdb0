import MiniSearch, { type SearchResult } from 'minisearch';
import type { FormKind, FullGlossary, GlossaryEntry } from '../glossary/compiled-glossary';
import { normalizeSurfaceForm } from '../matching/normalize-surface-form';

/** Why an entry matched, best first: the order results are ranked in. */
export type MatchTier = 'exact' | 'prefix' | 'fuzzy' | 'definition';
const TIER_ORDER: readonly MatchTier[] = ['exact', 'prefix', 'fuzzy', 'definition'];

/** One search result. */
export interface SearchHit {
  entry: GlossaryEntry;
  tier: MatchTier;
  /** The surface form the query matched, when it was not the entry's name (a brand, code, abbreviation…). */
  matchedForm?: { text: string; kind: FormKind };
}

/** A search over one glossary: the index is built once, each query is answered synchronously. */
export interface GlossarySearch {
  /** Ranked hits for what the reader typed: exact name or form, then prefix, then typo-tolerant, then definitions. */
  search(query: string, limit?: number): SearchHit[];
  /** Entries whose names are close to the query with a looser typo allowance ("Did you mean …"). */
  suggest(query: string, limit?: number): GlossaryEntry[];
}

interface IndexedForm {
  text: string;
  kind: FormKind;
  /** Normalized (lowercase, single spaces). */
  normalized: string;
  /** Letters and digits only, so "CC5013" finds "CC-5013" and "non Hodgkins" finds "non-Hodgkin's". */
  compact: string;
  words: string[];
}

interface IndexedEntry {
  entry: GlossaryEntry;
  forms: IndexedForm[];
}

// Words that carry no meaning in a lay query ("spread of cancer", "what is a stem cell").
const STOP_WORDS = new Set(
  'a an the of in on at to for from by with and or is are was be been it its as that this what which how does do'.split(' '),
);

/** Splits text into search terms: letters and digits, possessive "'s" dropped, accents folded. */
function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]s\b/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

function compactKey(text: string): string {
  return tokenize(text).join('').toLowerCase();
}

function normalizedQuery(query: string): string {
  return normalizeSurfaceForm(tokenize(query).join(' '), false);
}

/** Edits tolerated for a query term: none for short words, one for mid-length, two from seven letters. */
function editsAllowed(term: string): number {
  if (term.length <= 3) return 0;
  return term.length <= 6 ? 1 : 2;
}

function indexEntry(entry: GlossaryEntry): IndexedEntry {
  const seen = new Set<string>();
  const forms: IndexedForm[] = [];
  for (const form of [{ text: entry.name, kind: 'name' as FormKind }, ...entry.forms]) {
    const normalized = normalizedQuery(form.text);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    forms.push({
      text: form.text,
      kind: form.kind,
      normalized,
      compact: compactKey(form.text),
      words: normalized.split(' '),
    });
  }
  return { entry, forms };
}

/** How well the query prefixes a form: 0 = the form starts with it, 1 = each query word starts a form word. */
function prefixRank(form: IndexedForm, query: string, queryWords: string[]): number | null {
  if (form.normalized.startsWith(query)) return 0;
  const used = new Set<number>();
  for (const word of queryWords) {
    const at = form.words.findIndex((formWord, i) => !used.has(i) && formWord.startsWith(word));
    if (at === -1) return null;
    used.add(at);
  }
  return 1;
}

/** Builds the search index over every entry's name, surface forms and definitions. */
export function createGlossarySearch(glossary: FullGlossary): GlossarySearch {
  const entries = new Map<string, IndexedEntry>(glossary.entries.map((e) => [e.id, indexEntry(e)]));
  const index = new MiniSearch<{ id: string; names: string; plain: string; expert: string; full: string }>({
    fields: ['names', 'plain', 'expert', 'full'],
    tokenize,
    processTerm,
  });
  index.addAll(
    [...entries.values()].map(({ entry, forms }) => ({
      id: entry.id,
      // Compact keys too, so "cc5013" or "nonhodgkin" typed without separators still match by name.
      names: forms.flatMap((f) => (f.words.length > 1 ? [f.text, f.compact] : [f.text])).join(' ; '),
      plain: entry.plain,
      expert: entry.expert,
      full: entry.full,
    })),
  );

  const fuzzy = (term: string): number => editsAllowed(term);
  const prefix = (term: string): boolean => term.length >= 2;

  function formForTerms(indexed: IndexedEntry, terms: string[]): IndexedForm | undefined {
    return indexed.forms.find((f) => terms.some((t) => f.words.includes(t) || f.compact === t));
  }

  function withForm(indexed: IndexedEntry, tier: MatchTier, form: IndexedForm | undefined): SearchHit {
    const hit: SearchHit = { entry: indexed.entry, tier };
    if (form && form.kind !== 'name' && form.normalized !== normalizedQuery(indexed.entry.name)) {
      hit.matchedForm = { text: form.text, kind: form.kind };
    }
    return hit;
  }

  function search(query: string, limit = 10): SearchHit[] {
    const normalized = normalizedQuery(query);
    if (normalized === '') return [];
    const compact = normalized.replace(/ /g, '');
    const queryWords = normalized.split(' ');
    const ranked = new Map<string, { hit: SearchHit; order: number[] }>();
    const add = (hit: SearchHit, order: number[]): void => {
      if (!ranked.has(hit.entry.id)) ranked.set(hit.entry.id, { hit, order: [TIER_ORDER.indexOf(hit.tier), ...order] });
    };

    // Exact and prefix tiers compare the whole query with every surface form (a few hundred strings).
    for (const indexed of entries.values()) {
      const exact = indexed.forms.find((f) => f.normalized === normalized || f.compact === compact);
      if (exact) {
        add(withForm(indexed, 'exact', exact), [exact.kind === 'name' ? 0 : 1]);
        continue;
      }
      let best: { form: IndexedForm; rank: number } | undefined;
      for (const form of indexed.forms) {
        const rank = prefixRank(form, normalized, queryWords);
        if (rank === null) continue;
        if (!best || rank < best.rank || (rank === best.rank && form.normalized.length < best.form.normalized.length)) {
          best = { form, rank };
        }
      }
      if (best) add(withForm(indexed, 'prefix', best.form), [best.rank, best.form.normalized.length]);
    }

    // Typo-tolerant: every query word matches a name or surface form, within one or two edits.
    const byName = index.search(query, { fields: ['names'], combineWith: 'AND', fuzzy, prefix });
    for (const result of byName) {
      const indexed = entries.get(String(result.id));
      if (indexed) add(withForm(indexed, 'fuzzy', formForTerms(indexed, result.terms)), [-result.score]);
    }

    // Definitions: lay words ("blood vessels") found in the plain definition, the expert note or the full text.
    // Entries matching more of the query's words come first, then by relevance.
    const byText: SearchResult[] = index.search(query, {
      combineWith: 'OR',
      fuzzy,
      prefix,
      boost: { names: 3, plain: 2, expert: 1, full: 0.5 },
    });
    for (const result of byText) {
      const indexed = entries.get(String(result.id));
      if (indexed) add({ entry: indexed.entry, tier: 'definition' }, [-new Set(result.queryTerms).size, -result.score]);
    }

    return [...ranked.values()]
      .sort((a, b) => compareOrder(a.order, b.order) || a.hit.entry.name.localeCompare(b.hit.entry.name))
      .slice(0, limit)
      .map(({ hit }) => hit);
  }

  function suggest(query: string, limit = 3): GlossaryEntry[] {
    if (normalizedQuery(query) === '') return [];
    return index
      .search(query, { fields: ['names'], combineWith: 'OR', prefix, fuzzy: 0.4, maxFuzzy: 4 })
      .slice(0, limit)
      .flatMap((result) => entries.get(String(result.id))?.entry ?? []);
  }

  return { search, suggest };
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
