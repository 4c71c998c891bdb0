/**
 * Shapes of the compiled glossary, produced by `compileGlossary` and served by the Vite plugin as
 * `virtual:glossary-content` (compact data for the content script) and `virtual:glossary-full`
 * (full entries for the popup and the entry page).
 */
import type {
  EntryCategory,
  FormKind,
  GlossaryEntry,
  GlossarySource,
  SourceKind,
  SurfaceForm,
  TrustLevel,
} from './glossary-schema';

export type { EntryCategory, FormKind, GlossaryEntry, GlossarySource, SourceKind, TrustLevel };

/**
 * One surface form to look for on pages. `text` is as written in the entry (not normalized);
 * compare with `normalizeSurfaceForm(text, caseSensitive)`.
 */
export interface ContentForm extends Pick<SurfaceForm, 'text' | 'kind' | 'caseSensitive' | 'ambiguous'> {
  entryId: string;
  /** One of the entry's otherSenses: matched so that the longer phrase wins, and never reported. */
  otherSense?: true;
  /**
   * Other entries whose long form this form holds as words ("B-cell non-Hodgkin lymphoma" names non-Hodgkin
   * lymphoma): a page using it uses their long forms too, for their ambiguous abbreviations (NHL).
   */
  alsoNames?: string[];
}

/** A citation in compact form: source id plus a heading of that source. */
export interface ContentCitation {
  sourceId: string;
  locator: string;
}

/**
 * What a tooltip shows for one entry; whether naming it shows that a page is about cancer, and whether it waits
 * for such a page (each set only when true).
 */
export interface ContentEntry extends Pick<GlossaryEntry, 'id' | 'name' | 'category' | 'plain' | 'expert'> {
  sources: ContentCitation[];
  cancerSpecific?: true;
  cancerPagesOnly?: true;
}

/** What a tooltip shows about a cited source. */
export type ContentSource = Pick<GlossarySource, 'id' | 'title' | 'shortTitle' | 'kind' | 'trust' | 'year'>;

/**
 * Compact data for the content script. `forms` is sorted longest normalized text first (then by
 * text), so a matcher that tries forms in order prefers "non-Hodgkin lymphoma" over "lymphoma".
 */
export interface ContentGlossary {
  entries: Record<string, ContentEntry>;
  forms: ContentForm[];
  sources: Record<string, ContentSource>;
  /**
   * The matcher's trie over `forms`, as JSON text (`compileTermTrie`): made when the extension is built, so
   * that a page parses it instead of building it. Without it, the matcher is built on the page.
   */
  trie?: string;
}

/** Full data for the popup and entry page: full entries sorted by name, all sources in file order. */
export interface FullGlossary {
  entries: GlossaryEntry[];
  sources: GlossarySource[];
}
