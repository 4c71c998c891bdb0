import type { browser } from 'wxt/browser';
import type { BackgroundToContent } from '../messaging/messages';

const COMMANDS = new Set(['next-term', 'previous-term'] as const);

/** Relays the next/previous-term keyboard commands to the content script of the active tab. */
export function forwardCommands(extensionBrowser: typeof browser): void {
  extensionBrowser.commands.onCommand.addListener(async (command) => {
    if (!COMMANDS.has(command as 'next-term')) return;
    const [tab] = await extensionBrowser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: BackgroundToContent = { type: 'command', command: command as 'next-term' | 'previous-term' };
    // A tab where content scripts cannot run has no receiver; there is nothing to walk there.
    await extensionBrowser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
}
