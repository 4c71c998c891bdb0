import type { browser } from 'wxt/browser';
import { pendingView, type PendingView } from '../settings/settings-items';

/** The extension page URL that shows a view: the same view the popup shows, in a tab. */
export function glossaryViewUrl(extensionBrowser: typeof browser, view: PendingView): string {
  const hash =
    view.kind === 'entry'
      ? `#entry=${encodeURIComponent(view.entryId)}`
      : `#q=${encodeURIComponent(view.query)}`;
  return extensionBrowser.runtime.getURL('/entry.html') + hash;
}

/** Shows a view in the toolbar popup where the browser allows opening it, otherwise in an extension tab. */
export async function openGlossaryView(extensionBrowser: typeof browser, view: PendingView): Promise<'popup' | 'tab'> {
  await pendingView.setValue(view);
  // Chrome 127+ opens the popup programmatically; Firefox MV2 only on a direct user action, which a relayed
  // message is not, so it throws and the tab below is the fallback.
  const action = extensionBrowser.action ?? extensionBrowser.browserAction;
  try {
    if (typeof action?.openPopup === 'function') {
      await action.openPopup();
      return 'popup';
    }
  } catch {
    // fall through to the tab
  }
  await pendingView.setValue(null);
  await extensionBrowser.tabs.create({ url: glossaryViewUrl(extensionBrowser, view) });
  return 'tab';
}
