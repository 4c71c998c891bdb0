import type { browser } from 'wxt/browser';
import { viewHash } from '../popup/view-hash';
import { pendingView, type PendingView } from '../settings/settings-items';

/** The extension page URL that shows a view: the same view the popup shows, in a tab. */
export function glossaryViewUrl(extensionBrowser: typeof browser, view: PendingView): string {
  return extensionBrowser.runtime.getURL('/entry.html') + viewHash(view);
}

/** Shows a view in the toolbar popup where the browser allows opening it, otherwise in an extension tab. */
export async function openGlossaryView(extensionBrowser: typeof browser, view: PendingView): Promise<'popup' | 'tab'> {
  const stored = pendingView.setValue(view);
  // Chrome 127+ opens the popup programmatically. Firefox MV2 only within a user action (a context-menu click),
  // and only if called in the same task: so openPopup is called before any await. A popup that opens before the
  // view is stored still shows it, as it watches for it. A relayed message is no user action: Firefox throws, and
  // the tab below is the fallback.
  const action = extensionBrowser.action ?? extensionBrowser.browserAction;
  let opening: Promise<void> | undefined;
  try {
    if (typeof action?.openPopup === 'function') {
      opening = action.openPopup();
      // Handled below, after the view is stored; mark it handled now so an early refusal is not reported.
      opening.catch(() => undefined);
    }
  } catch {
    // fall through to the tab
  }
  try {
    await stored;
    if (opening) {
      await opening;
      return 'popup';
    }
  } catch {
    // fall through to the tab
  }
  await pendingView.setValue(null);
  await extensionBrowser.tabs.create({ url: glossaryViewUrl(extensionBrowser, view) });
  return 'tab';
}
