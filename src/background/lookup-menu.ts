import type { browser } from 'wxt/browser';
import { openGlossaryView } from './open-glossary-view';

export const LOOKUP_MENU_ID = 'oncology-glossary-lookup';

/** The longest selection the lookup takes; a stray whole-paragraph selection is cut, not searched verbatim. */
export const MAX_LOOKUP_LENGTH = 80;

/** Creates the "Look up “…” in the oncology glossary" item for text selections, replacing any earlier copy. */
export async function createLookupMenu(extensionBrowser: typeof browser): Promise<void> {
  // Removing first makes this safe to call again: creating an id that exists is an error.
  await extensionBrowser.contextMenus.removeAll();
  extensionBrowser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: 'Look up “%s” in the oncology glossary',
    contexts: ['selection'],
  });
}

/**
 * Creates the lookup item on install and on every browser start: Chrome keeps menu items across restarts, but
 * Firefox does not keep those of a persistent background page (this extension's in MV2), so there the item
 * would vanish after the first restart.
 */
export function registerLookupMenu(extensionBrowser: typeof browser): void {
  const create = () => void createLookupMenu(extensionBrowser);
  extensionBrowser.runtime.onInstalled.addListener(create);
  extensionBrowser.runtime.onStartup.addListener(create);
}

/** Opens the glossary search for the selected text when the lookup item is chosen. */
export function handleLookupMenuClicks(extensionBrowser: typeof browser): void {
  extensionBrowser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    const query = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_LENGTH);
    if (query) void openGlossaryView(extensionBrowser, { kind: 'search', query });
  });
}
