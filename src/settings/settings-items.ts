import { storage } from 'wxt/utils/storage';

/** How the tooltip opens: after a hover-intent delay, or only while a modifier key is held. */
export interface TooltipTrigger {
  mode: 'hover' | 'modifier';
  /** Hover-intent delay in milliseconds (hover mode). */
  delayMs: number;
}

export type ReadingLevel = 'plain' | 'expert';
export type OccurrenceMode = 'every' | 'first';

export const DEFAULT_HOVER_DELAY_MS = 300;

// Every item is versioned so a later format change ships with a migration instead of losing a reader's choices.
// `sync:` where the browser syncs it: a reader's choices follow them to their other machines.

/** Annotations on or off everywhere. */
export const annotationsEnabled = storage.defineItem<boolean>('sync:annotationsEnabled', {
  fallback: true,
  version: 1,
});

/** Host names (e.g. "example.org") where annotations are off. */
export const disabledSites = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: [],
  version: 1,
});

/** Plain definitions for lay readers, or the expert note for students. */
export const readingLevel = storage.defineItem<ReadingLevel>('sync:readingLevel', {
  fallback: 'plain',
  version: 1,
});

/** Annotate every occurrence of a term, or only its first occurrence on a page. */
export const occurrenceMode = storage.defineItem<OccurrenceMode>('sync:occurrenceMode', {
  fallback: 'every',
  version: 1,
});

/** When the tooltip opens. */
export const tooltipTrigger = storage.defineItem<TooltipTrigger>('sync:tooltipTrigger', {
  fallback: { mode: 'hover', delayMs: DEFAULT_HOVER_DELAY_MS },
  version: 1,
});

/** Entry ids the reader already knows: never annotated until restored in the popup. */
export const hiddenTerms = storage.defineItem<string[]>('sync:hiddenTerms', {
  fallback: [],
  version: 1,
});

/** What the popup should show when it next opens: a search from the context menu, or a tooltip's "Full entry". */
export type PendingView = { kind: 'search'; query: string } | { kind: 'entry'; entryId: string };

/** A view asked for elsewhere (context menu, tooltip), waiting for the popup to open; cleared once shown. */
export const pendingView = storage.defineItem<PendingView | null>('local:pendingView', {
  fallback: null,
  version: 1,
});
