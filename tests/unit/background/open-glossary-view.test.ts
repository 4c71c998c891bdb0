import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossaryViewUrl, openGlossaryView } from '../../../src/background/open-glossary-view';
import { parseViewHash } from '../../../src/popup/view-hash';
import { pendingView } from '../../../src/settings/settings-items';

const browser = fakeBrowser as unknown as typeof wxtBrowser;
const action = fakeBrowser.action as unknown as { openPopup?: () => Promise<void> };

beforeEach(() => {
  fakeBrowser.reset();
  delete action.openPopup;
});

describe('openGlossaryView', () => {
  it('calls openPopup before awaiting anything, as Firefox requires inside a context-menu click', () => {
    const openPopup = vi.fn(() => new Promise<void>(() => {}));
    action.openPopup = openPopup;
    void openGlossaryView(browser, { kind: 'search', query: 'MM' });
    expect(openPopup).toHaveBeenCalledOnce();
  });

  it('opens the tab when openPopup throws at once (no user action)', async () => {
    action.openPopup = () => {
      throw new Error('openPopup may only be called from a user input handler');
    };
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(openGlossaryView(browser, { kind: 'entry', entryId: 'cereblon' })).resolves.toBe('tab');
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/entry\.html#entry=cereblon$/) });
    expect(await pendingView.getValue()).toBeNull();
  });

  it('opens the tab where there is no openPopup at all', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(openGlossaryView(browser, { kind: 'search', query: 'remission' })).resolves.toBe('tab');
    expect(create).toHaveBeenCalledOnce();
    expect(await pendingView.getValue()).toBeNull();
  });

  it('writes the URL the entry page reads', () => {
    for (const view of [{ kind: 'entry', entryId: 'car-t-cell-therapy' }, { kind: 'search', query: 'non-Hodgkin’s & CAR T?' }] as const) {
      const url = new URL(glossaryViewUrl(browser, view));
      expect(url.pathname).toBe('/entry.html');
      expect(parseViewHash(url.hash)).toEqual(view);
    }
  });
});
