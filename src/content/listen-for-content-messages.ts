import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { toContent, type PageTermsResponse } from '../messaging/messages';
import { parseMessage } from '../messaging/parse-message';

/** What the content script does for the popup and for the keyboard commands. */
export interface ContentMessageHandlers {
  getPageTerms(): PageTermsResponse | Promise<PageTermsResponse>;
  /** Scrolls to the next occurrence of the term and flashes it; false when the term is not on the page. */
  revealTerm(entryId: string): boolean | Promise<boolean>;
  command(name: 'next-term' | 'previous-term'): void;
}

/** Answers messages for this tab (validated on receipt) until the content script's context is invalidated. */
export function listenForContentMessages(ctx: ContentScriptContext, handlers: ContentMessageHandlers): void {
  const listener = (raw: unknown): Promise<unknown> | undefined => {
    const message = parseMessage(toContent(), raw, 'content script');
    if (!message) return undefined;
    switch (message.type) {
      case 'get-page-terms':
        return Promise.resolve(handlers.getPageTerms());
      case 'reveal-term':
        return Promise.resolve(handlers.revealTerm(message.entryId));
      case 'command':
        handlers.command(message.command);
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
