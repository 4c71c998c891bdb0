import { describe, expect, it, vi } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import { createLookupMenu, LOOKUP_MENU_ID, registerLookupMenu } from '../../../src/background/lookup-menu';

/** fake-browser implements neither contextMenus nor onStartup: a small stand-in that records what happens. */
function menuBrowser() {
  const items = new Map<string, object>();
  const listeners = { installed: [] as (() => void)[], startup: [] as (() => void)[] };
  const browser = {
    contextMenus: {
      removeAll: vi.fn(async () => items.clear()),
      create: vi.fn((item: { id: string }) => {
        if (items.has(item.id)) throw new Error(`Cannot create item with duplicate id ${item.id}`);
        items.set(item.id, item);
      }),
    },
    runtime: {
      onInstalled: { addListener: (l: () => void) => listeners.installed.push(l) },
      onStartup: { addListener: (l: () => void) => listeners.startup.push(l) },
    },
  };
  return { browser: browser as unknown as typeof wxtBrowser, items, listeners };
}

describe('lookup menu', () => {
  it('offers "Look up “%s” in the oncology glossary" on selections', async () => {
    const { browser, items } = menuBrowser();
    await createLookupMenu(browser);
    expect(items.get(LOOKUP_MENU_ID)).toEqual({
      id: LOOKUP_MENU_ID,
      title: 'Look up “%s” in the oncology glossary',
      contexts: ['selection'],
    });
  });

  it('can be created again without a duplicate-id error', async () => {
    const { browser, items } = menuBrowser();
    await createLookupMenu(browser);
    await expect(createLookupMenu(browser)).resolves.toBeUndefined();
    expect(items.size).toBe(1);
  });

  it('is created on install and again on every browser start (Firefox forgets it across restarts)', async () => {
    const { browser, items, listeners } = menuBrowser();
    registerLookupMenu(browser);
    listeners.installed.forEach((l) => l());
    await vi.waitFor(() => expect(items.has(LOOKUP_MENU_ID)).toBe(true));
    items.clear();
    listeners.startup.forEach((l) => l());
    await vi.waitFor(() => expect(items.has(LOOKUP_MENU_ID)).toBe(true));
  });
});
