import type { ContentGlossary } from '../glossary/compiled-glossary';
import type { PageTermsResponse } from '../messaging/messages';
import {
  annotationsEnabled,
  disabledSites,
  hiddenTerms,
  occurrenceMode,
  type OccurrenceMode,
} from '../settings/settings-items';
import { siteKey } from '../settings/site-key';
import { AnnotationEngine, type AnnotationEngineOptions, type AnnotatorContext } from './annotation-engine';
import { listPageTerms } from './list-page-terms';
import { OCCURRENCE_SELECTOR } from './mark-selectors';
import { OccurrenceRevealer } from './occurrence-revealer';
import { waitForHydration } from './wait-for-hydration';

/** What the rest of the content script (tooltip, popup messages) uses of the annotations on this page. */
export interface Annotator {
  /**
   * The annotated terms (wrapped or waiting), in page order of first occurrence, with counts; `active` false
   * when off here.
   */
  pageTerms(): PageTermsResponse;
  /** Scrolls to the next occurrence of a term (cycling), flashes and focuses it; false if there is none. */
  revealTerm(entryId: string): boolean;
  /** The head mark of every occurrence wrapped so far, in document order. */
  occurrences(): HTMLElement[];
  /**
   * Makes sure the marks hold the occurrence a step from `from` lands on (on a long page, occurrences far
   * from the viewport wait to be wrapped).
   */
  prepareStep(from: Element | null, direction: 'next' | 'previous'): void;
  /**
   * What the page says the abbreviation `shortForm` stands for, when it defines it as `entryId` ("multiple
   * myeloma (MM)"); null otherwise.
   */
  spelledOutAs(shortForm: string, entryId: string): string | null;
  /** Calls `listener` whenever marks are added or removed; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Resolves once the settings are read and the work they ask for is done. */
  idle(): Promise<void>;
  /** Removes every mark and stops for good. */
  stop(): void;
}

export interface StartAnnotatorOptions {
  glossary: ContentGlossary;
  document?: Document;
  engine?: AnnotationEngineOptions;
}

interface SettingsState {
  enabled: boolean;
  disabledSites: string[];
  hiddenTerms: string[];
  occurrenceMode: OccurrenceMode;
}

/**
 * Starts annotating the page with the reader's settings, and follows every change to them live (on/off
 * globally or for this site, hidden terms, every or first occurrence). Nothing outlives `ctx`.
 */
export function startAnnotator(ctx: AnnotatorContext, options: StartAnnotatorOptions): Annotator {
  const document = options.document ?? globalThis.document;
  const { glossary } = options;
  try {
    performance.mark('oncology-glossary:start');
  } catch {
    // diagnostics only
  }
  const engine = new AnnotationEngine(ctx, glossary, document, options.engine);
  const occurrences = () => engine.marks(OCCURRENCE_SELECTOR) as HTMLElement[];
  const revealer = new OccurrenceRevealer(ctx, document, occurrences);
  const site = siteKey(document.location?.href ?? '');
  const state: SettingsState = { enabled: true, disabledSites: [], hiddenTerms: [], occurrenceMode: 'every' };
  let loaded = false;

  const apply = () => {
    if (!loaded || ctx.isInvalid) return;
    engine.update({
      enabled: state.enabled && !(site !== null && state.disabledSites.includes(site)),
      hiddenTerms: state.hiddenTerms,
      occurrenceMode: state.occurrenceMode,
    });
  };
  const set =
    <K extends keyof SettingsState>(key: K) =>
    (value: SettingsState[K]) => {
      state[key] = value;
      apply();
    };
  const unwatch = [
    annotationsEnabled.watch(set('enabled')),
    disabledSites.watch(set('disabledSites')),
    hiddenTerms.watch(set('hiddenTerms')),
    occurrenceMode.watch(set('occurrenceMode')),
  ];
  ctx.onInvalidated(() => unwatch.forEach((stop) => stop()));

  const settingsRead = Promise.all([
    annotationsEnabled.getValue(),
    disabledSites.getValue(),
    hiddenTerms.getValue(),
    occurrenceMode.getValue(),
    // A server-rendered app is left to hydrate first: our marks would be a mismatch to its framework.
    document.defaultView ? waitForHydration(document, document.defaultView) : undefined,
  ]).then(([enabled, sites, hidden, mode]) => {
    Object.assign(state, { enabled, disabledSites: sites, hiddenTerms: hidden, occurrenceMode: mode });
    loaded = true;
    apply();
  });

  return {
    pageTerms: () => ({
      site,
      active: engine.active,
      terms: listPageTerms(glossary, engine.termCounts(), engine.definedAbbreviations()),
    }),
    revealTerm: (entryId) => {
      if (!engine.active) return false;
      engine.materializeEntry(entryId);
      return revealer.reveal(entryId);
    },
    prepareStep: (from, direction) => engine.materializeStep(from, direction),
    occurrences,
    spelledOutAs: (shortForm, entryId) => engine.spelledOutAs(shortForm, entryId),
    onChange: (listener) => engine.onChange(listener),
    idle: async () => {
      await settingsRead;
      await engine.idle();
    },
    stop: () => {
      unwatch.forEach((stop) => stop());
      engine.stop();
    },
  };
}
