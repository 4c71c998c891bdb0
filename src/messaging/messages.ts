import * as z from 'zod/mini';

// Messages are named by direction (sender-to-receiver) and validated on receipt: a page cannot talk to these
// listeners, but a malformed message from a stale or mismatched extension context must be rejected, not acted on.
//
// Each schema is built on first use: the content script runs on every page, nearly all of which never receive
// a message, and building zod schemas in its first task cost each page's start-up a few milliseconds.

/** A getter that builds its value on first call and returns the same value after. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const entryId = once(() => z.string().check(z.minLength(1), z.maxLength(100)));

const popupToContentMessages = once(
  () =>
    [
      /** Which glossary terms are annotated on this page, with counts. */
      z.strictObject({ type: z.literal('get-page-terms') }),
      /** Scroll to the next occurrence of a term and flash it. */
      z.strictObject({ type: z.literal('reveal-term'), entryId: entryId() }),
    ] as const,
);
/** Popup (or entry page) → content script of the active tab. */
export const popupToContent = once(() => z.discriminatedUnion('type', [...popupToContentMessages()]));
export type PopupToContent = z.infer<ReturnType<typeof popupToContent>>;

/** Bounds of an abbreviation the page defines, as the content script sends it (longer ones are not sent). */
export const ABBREVIATION_LIMITS = { shortForm: 24, longForm: 200, perTerm: 20 } as const;

/** One annotated term on the page, in page order of its first occurrence. */
export const pageTerm = once(() =>
  z.strictObject({
    entryId: entryId(),
    name: z.string(),
    count: z.number().check(z.int(), z.nonnegative()),
    /** Abbreviations the page defines as this term, and what it spells them out as ("NDMM", "newly diagnosed…"). */
    abbreviations: z
      .array(
        z.strictObject({
          shortForm: z.string().check(z.minLength(1), z.maxLength(ABBREVIATION_LIMITS.shortForm)),
          longForm: z.string().check(z.minLength(1), z.maxLength(ABBREVIATION_LIMITS.longForm)),
        }),
      )
      .check(z.maxLength(ABBREVIATION_LIMITS.perTerm)),
  }),
);
export type PageTerm = z.infer<ReturnType<typeof pageTerm>>;

/** Content script → popup: the answer to get-page-terms. */
export const pageTermsResponse = once(() =>
  z.strictObject({
    site: z.nullable(z.string()),
    /** False when annotations are off here (globally or for this site). */
    active: z.boolean(),
    terms: z.array(pageTerm()),
  }),
);
export type PageTermsResponse = z.infer<ReturnType<typeof pageTermsResponse>>;

/** Content script → background. */
export const contentToBackground = once(() =>
  z.discriminatedUnion('type', [
    /** The tooltip's "Full entry": open it in the popup where possible, else in the entry page. */
    z.strictObject({ type: z.literal('open-full-entry'), entryId: entryId() }),
  ]),
);
export type ContentToBackground = z.infer<ReturnType<typeof contentToBackground>>;

const backgroundToContentMessages = once(
  () =>
    [
      z.strictObject({ type: z.literal('command'), command: z.enum(['next-term', 'previous-term']) }),
    ] as const,
);
/** Background → content script of the active tab: a keyboard command the reader pressed. */
export const backgroundToContent = once(() =>
  z.discriminatedUnion('type', [...backgroundToContentMessages()]),
);
export type BackgroundToContent = z.infer<ReturnType<typeof backgroundToContent>>;

/** Everything the content script accepts, from the popup and from the background. */
export const toContent = once(() =>
  z.discriminatedUnion('type', [...popupToContentMessages(), ...backgroundToContentMessages()]),
);
export type ToContent = z.infer<ReturnType<typeof toContent>>;
