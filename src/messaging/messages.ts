import * as z from 'zod/mini';

// Messages are named by direction (sender-to-receiver) and validated on receipt: a page cannot talk to these
// listeners, but a malformed message from a stale or mismatched extension context must be rejected, not acted on.

const entryId = z.string().check(z.minLength(1), z.maxLength(100));

const popupToContentMessages = [
  /** Which glossary terms are annotated on this page, with counts. */
  z.strictObject({ type: z.literal('get-page-terms') }),
  /** Scroll to the next occurrence of a term and flash it. */
  z.strictObject({ type: z.literal('reveal-term'), entryId }),
] as const;
/** Popup (or entry page) → content script of the active tab. */
export const popupToContent = z.discriminatedUnion('type', [...popupToContentMessages]);
export type PopupToContent = z.infer<typeof popupToContent>;

/** One annotated term on the page, in page order of its first occurrence. */
export const pageTerm = z.strictObject({
  entryId,
  name: z.string(),
  count: z.number().check(z.int(), z.nonnegative()),
});
export type PageTerm = z.infer<typeof pageTerm>;

/** Content script → popup: the answer to get-page-terms. */
export const pageTermsResponse = z.strictObject({
  site: z.nullable(z.string()),
  /** False when annotations are off here (globally or for this site). */
  active: z.boolean(),
  terms: z.array(pageTerm),
});
export type PageTermsResponse = z.infer<typeof pageTermsResponse>;

/** Content script → background. */
export const contentToBackground = z.discriminatedUnion('type', [
  /** The tooltip's "Full entry": open it in the popup where possible, else in the entry page. */
  z.strictObject({ type: z.literal('open-full-entry'), entryId }),
]);
export type ContentToBackground = z.infer<typeof contentToBackground>;

const backgroundToContentMessages = [
  z.strictObject({ type: z.literal('command'), command: z.enum(['next-term', 'previous-term']) }),
] as const;
/** Background → content script of the active tab: a keyboard command the reader pressed. */
export const backgroundToContent = z.discriminatedUnion('type', [...backgroundToContentMessages]);
export type BackgroundToContent = z.infer<typeof backgroundToContent>;

/** Everything the content script accepts, from the popup and from the background. */
export const toContent = z.discriminatedUnion('type', [...popupToContentMessages, ...backgroundToContentMessages]);
export type ToContent = z.infer<typeof toContent>;
