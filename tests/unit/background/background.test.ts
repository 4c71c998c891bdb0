import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardCommands } from '../../../src/background/forward-commands';
import {
  handleLookupMenuClicks,
  LOOKUP_MENU_ID,
  MAX_LOOKUP_LENGTH,
} from '../../../src/background/lookup-menu';
import { openGlossaryView } from '../../../src/background/open-glossary-view';
import { pendingView } from '../../../src/settings/settings-items';

/** A minimal event like the browser's: fake-browser implements neither contextMenus nor commands. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (listener: (...args: A) => unknown) => void listeners.push(listener),
    trigger: (...args: A) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

let contextMenuClicks: ReturnType<typeof fakeEvent<[{ menuItemId: string; selectionText?: string }]>>;
let commandEvents: ReturnType<typeof fakeEvent<[string]>>;
let browser: typeof extensionApi;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  contextMenuClicks = fakeEvent();
  commandEvents = fakeEvent();
  browser = Object.assign(Object.create(fakeBrowser) as object, {
    contextMenus: { onClicked: contextMenuClicks, create: vi.fn() },
    commands: { onCommand: commandEvents },
  }) as unknown as typeof extensionApi;
});

describe('openGlossaryView', () => {
  it('opens the popup where the browser allows it, leaving the view for the popup to show', async () => {
    const openPopup = vi.fn(async () => undefined);
    (fakeBrowser.action as unknown as { openPopup: unknown }).openPopup = openPopup;
    await expect(openGlossaryView(browser, { kind: 'entry', entryId: 'cereblon' })).resolves.toBe('popup');
    expect(openPopup).toHaveBeenCalledOnce();
    expect(await pendingView.getValue()).toEqual({ kind: 'entry', entryId: 'cereblon' });
  });

  it('falls back to the entry page in a tab when the popup cannot open, and leaves nothing pending', async () => {
    (fakeBrowser.action as unknown as { openPopup: unknown }).openPopup = vi.fn(async () => {
      throw new Error('openPopup requires a user gesture');
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(openGlossaryView(browser, { kind: 'search', query: 'CAR T & more' })).resolves.toBe('tab');
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/entry\.html#q=CAR%20T%20%26%20more$/) });
    expect(await pendingView.getValue()).toBeNull();
  });
});

describe('context-menu lookup', () => {
  it('searches the selected text, tidied and clipped', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    handleLookupMenuClicks(browser);
    await contextMenuClicks.trigger({ menuItemId: LOOKUP_MENU_ID, selectionText: '  lenalidomide\n  maintenance ' });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]![0].url).toMatch(/#q=lenalidomide%20maintenance$/);
  });

  it('clips a long selection to the lookup limit', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    handleLookupMenuClicks(browser);
    const paragraph = 'Lenalidomide maintenance after transplant '.repeat(6);
    await contextMenuClicks.trigger({ menuItemId: LOOKUP_MENU_ID, selectionText: paragraph });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    const query = decodeURIComponent(create.mock.calls[0]![0].url!.split('#q=')[1]!);
    expect(paragraph.length).toBeGreaterThan(MAX_LOOKUP_LENGTH);
    expect(query).toBe(paragraph.slice(0, MAX_LOOKUP_LENGTH).trim());
  });

  it("ignores other extensions' menu items and empty selections", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    handleLookupMenuClicks(browser);
    await contextMenuClicks.trigger({ menuItemId: 'other', selectionText: 'MM' });
    await contextMenuClicks.trigger({ menuItemId: LOOKUP_MENU_ID, selectionText: '   ' });
    // The handler does not wait for the view to open: a lookup clicked after them shows when they are done.
    await contextMenuClicks.trigger({ menuItemId: LOOKUP_MENU_ID, selectionText: 'angiogenesis' });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(create.mock.calls.map(([options]) => options.url)).toEqual([
      expect.stringMatching(/#q=angiogenesis$/),
    ]);
  });
});

describe('keyboard commands', () => {
  it('are relayed to the active tab as validated command messages', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    forwardCommands(browser);
    await commandEvents.trigger('next-term');
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(7, { type: 'command', command: 'next-term' }));
  });

  it('ignore commands they do not know', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    forwardCommands(browser);
    await commandEvents.trigger('_execute_action');
    expect(send).not.toHaveBeenCalled();
  });
});
