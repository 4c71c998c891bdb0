import { pageTermsResponse, type PageTermsResponse, type PopupToContent } from '../messaging/messages';
import { parseMessage } from '../messaging/parse-message';

/** The part of `browser.tabs` the popup uses (tests pass their own). */
export interface PopupTabs {
  query(queryInfo: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: PopupToContent): Promise<unknown>;
}

/** This tab's annotated terms, or why there are none to show. */
export type PageTermsState =
  | { status: 'available'; tabId: number; response: PageTermsResponse }
  /** No content script answered: a browser page, the web store, the extension's own pages, or still loading. */
  | { status: 'unavailable' };

/** How long the popup waits for a content script before saying it is not running here. */
export const PAGE_TERMS_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Asks the active tab's content script which glossary terms it annotated (answer validated on receipt). */
export async function requestPageTerms(tabs: PopupTabs, timeoutMs = PAGE_TERMS_TIMEOUT_MS): Promise<PageTermsState> {
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { status: 'unavailable' };
  return requestPageTermsOf(tabs, tab.id, timeoutMs);
}

/** Asks one tab's content script for its terms; 'unavailable' when no receiver answers properly. */
export async function requestPageTermsOf(tabs: PopupTabs, tabId: number, timeoutMs = PAGE_TERMS_TIMEOUT_MS): Promise<PageTermsState> {
  let raw: unknown;
  try {
    raw = await withTimeout(tabs.sendMessage(tabId, { type: 'get-page-terms' }), timeoutMs);
  } catch {
    // "Receiving end does not exist": content scripts cannot run on this page (or have not started yet).
    return { status: 'unavailable' };
  }
  const response = parseMessage(pageTermsResponse(), raw, 'popup');
  return response ? { status: 'available', tabId, response } : { status: 'unavailable' };
}

/** Asks the content script to scroll to the term's next occurrence and flash it; false if it could not. */
export async function requestRevealTerm(tabs: PopupTabs, tabId: number, entryId: string): Promise<boolean> {
  try {
    const answer = await withTimeout(tabs.sendMessage(tabId, { type: 'reveal-term', entryId }), PAGE_TERMS_TIMEOUT_MS);
    return answer === true;
  } catch {
    return false;
  }
}
