import type { browser } from 'wxt/browser';
import { contentToBackground } from '../messaging/messages';
import { parseMessage } from '../messaging/parse-message';
import { openGlossaryView } from './open-glossary-view';

/** Answers the content script's requests (validated on receipt). */
export function handleContentMessages(extensionBrowser: typeof browser): void {
  extensionBrowser.runtime.onMessage.addListener((raw: unknown) => {
    const message = parseMessage(contentToBackground(), raw, 'background');
    if (!message) return undefined;
    switch (message.type) {
      case 'open-full-entry':
        return openGlossaryView(extensionBrowser, { kind: 'entry', entryId: message.entryId });
    }
  });
}
