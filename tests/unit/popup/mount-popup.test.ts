import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageTermsResponse } from '../../../src/messaging/messages';
import { mountPopup, type MountedPopup } from '../../../src/popup/mount-popup';
import type { PopupTabs } from '../../../src/popup/request-page-terms';
import { disabledSites, pendingView } from '../../../src/settings/settings-items';
import { sampleGlossary } from './sample-glossary';

const PAGE: PageTermsResponse = {
  site: 'example.org',
  active: true,
  terms: [
    { entryId: 'multiple-myeloma', name: 'Multiple myeloma', count: 3, abbreviations: [] },
    { entryId: 'lenalidomide', name: 'Lenalidomide', count: 5, abbreviations: [] },
    { entryId: 'angiogenesis', name: 'Angiogenesis', count: 1, abbreviations: [] },
  ],
};

let mounted: MountedPopup | undefined;

/** Tabs whose active tab (id 7) answers with `answer`, or has no content script when `answer` is an Error. */
function fakeTabs(answer: unknown): PopupTabs & { sendMessage: ReturnType<typeof vi.fn> } {
  return {
    query: vi.fn(async () => [{ id: 7 }]),
    sendMessage: vi.fn(async (_tabId: number, message: { type: string }) => {
      if (answer instanceof Error) throw answer;
      return message.type === 'reveal-term' ? true : answer;
    }),
  };
}

async function mount(tabs: PopupTabs): Promise<MountedPopup> {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  mounted = mountPopup(document, root, { glossary: sampleGlossary, tabs });
  await mounted.ready;
  return mounted;
}

const terms = () => [...document.querySelectorAll<HTMLButtonElement>('button.page-term')];
const pageMessage = () => document.querySelector('.page-terms-message')!.textContent;

beforeEach(() => {
  mounted?.dispose();
  mounted = undefined;
  fakeBrowser.reset();
});

describe('popup: pending view', () => {
  it('shows the entry a tooltip asked for, once', async () => {
    await pendingView.setValue({ kind: 'entry', entryId: 'lenalidomide' });
    const popup = await mount(fakeTabs(PAGE));
    expect(popup.app.view).toEqual({ kind: 'entry', entryId: 'lenalidomide' });
    expect(document.querySelector('article.entry h2')!.textContent).toBe('Lenalidomide');
    expect(await pendingView.getValue()).toBeNull();
  });

  it('runs the search the context menu asked for', async () => {
    await pendingView.setValue({ kind: 'search', query: 'angiogenisis' });
    const popup = await mount(fakeTabs(PAGE));
    expect(popup.app.combobox.input.value).toBe('angiogenisis');
    expect(popup.app.combobox.listbox.querySelector('[role="option"]')!.getAttribute('data-entry-id')).toBe('angiogenesis');
    expect(document.activeElement).toBe(popup.app.combobox.input);
    expect(await pendingView.getValue()).toBeNull();
  });

  it('opens on an empty, focused search when nothing is pending, and ignores a malformed stored view', async () => {
    await pendingView.setValue({ kind: 'entry' } as never);
    const popup = await mount(fakeTabs(PAGE));
    expect(popup.app.view).toMatchObject({ kind: 'search', query: '' });
    expect(document.activeElement).toBe(popup.app.combobox.input);
    expect(await pendingView.getValue()).toBeNull();
  });

  it('shows a view asked for after the popup opened', async () => {
    const popup = await mount(fakeTabs(PAGE));
    await pendingView.setValue({ kind: 'entry', entryId: 'remission' });
    await vi.waitFor(() => expect(popup.app.view).toEqual({ kind: 'entry', entryId: 'remission' }));
    await vi.waitFor(async () => expect(await pendingView.getValue()).toBeNull());
  });
});

describe('popup: on this page', () => {
  it("asks the active tab's content script and lists its terms with counts, in page order or A–Z", async () => {
    const tabs = fakeTabs(PAGE);
    await mount(tabs);
    expect(tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'get-page-terms' });
    expect(terms().map((b) => b.textContent)).toEqual([
      'Multiple myeloma, 3 occurrences',
      'Lenalidomide, 5 occurrences',
      'Angiogenesis, 1 occurrence',
    ]);
    expect(pageMessage()).toBe('3 terms, 9 occurrences. Choose one to scroll to it.');
    document.querySelector<HTMLInputElement>('.page-terms-order input[value="alphabetical"]')!.click();
    expect(terms().map((b) => b.querySelector('.page-term-name')!.textContent)).toEqual(['Angiogenesis', 'Lenalidomide', 'Multiple myeloma']);
    document.querySelector<HTMLInputElement>('.page-terms-order input[value="page"]')!.click();
    expect(terms()[0]!.dataset.entryId).toBe('multiple-myeloma');
  });

  it("shows the page's own abbreviations for a term under its name, and reads them out with it", async () => {
    const defined: PageTermsResponse = {
      ...PAGE,
      terms: [
        {
          ...PAGE.terms[0]!,
          abbreviations: [
            { shortForm: 'MM', longForm: 'Multiple  Myeloma' },
            { shortForm: 'NDMM', longForm: 'newly diagnosed multiple myeloma' },
          ],
        },
        { ...PAGE.terms[1]!, abbreviations: [{ shortForm: 'LEN', longForm: 'lenalidomide' }] },
        PAGE.terms[2]!,
        {
          entryId: 'mantle-cell-lymphoma',
          name: 'Mantle cell lymphoma (MCL)',
          count: 1,
          abbreviations: [{ shortForm: 'MCL', longForm: 'mantle-cell lymphoma' }],
        },
        {
          entryId: 'natural-killer-cells',
          name: 'Natural killer (NK) cells',
          count: 1,
          abbreviations: [{ shortForm: 'NK', longForm: 'natural killer' }],
        },
      ],
    };
    await mount(fakeTabs(defined));
    expect(terms().map((b) => b.querySelector('.page-term-abbreviations')?.textContent ?? null)).toEqual([
      'Abbreviated MM, NDMM (newly diagnosed multiple myeloma)',
      'Abbreviated LEN',
      null,
      'Abbreviated MCL',
      'Abbreviated NK (natural killer)',
    ]);
    expect(terms()[0]!.textContent).toBe(
      'Multiple myeloma; Abbreviated MM, NDMM (newly diagnosed multiple myeloma), 3 occurrences',
    );
  });

  it('a long form with markup in it is shown as text', async () => {
    const markup = '<img src=x onerror="alert(1)">';
    const defined: PageTermsResponse = {
      ...PAGE,
      terms: [{ ...PAGE.terms[0]!, abbreviations: [{ shortForm: 'MM', longForm: markup }] }],
    };
    await mount(fakeTabs(defined));
    const note = terms()[0]!.querySelector('.page-term-abbreviations')!;
    expect(note.textContent).toBe(`Abbreviated MM (${markup})`);
    expect(note.children).toHaveLength(0);
  });

  it('choosing a term asks the content script to reveal it', async () => {
    const tabs = fakeTabs(PAGE);
    await mount(tabs);
    terms()[1]!.click();
    await vi.waitFor(() => expect(document.querySelector('.page-terms-feedback')!.textContent).toBe('Showing “Lenalidomide” on the page.'));
    expect(tabs.sendMessage).toHaveBeenLastCalledWith(7, { type: 'reveal-term', entryId: 'lenalidomide' });
  });

  it('says so plainly where no content script runs, hides the site switch, and search still works', async () => {
    const popup = await mount(fakeTabs(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(pageMessage()).toMatch(/^The glossary is not running on this page\..*Search still works\.$/);
    expect(terms()).toHaveLength(0);
    expect(document.querySelector<HTMLElement>('.site-controls label')!.hidden).toBe(true);
    popup.app.combobox.input.value = 'revlimid';
    popup.app.combobox.input.dispatchEvent(new Event('input'));
    expect(popup.app.combobox.listbox.querySelector('[role="option"]')!.getAttribute('data-entry-id')).toBe('lenalidomide');
  });

  it.each([
    ['a wrong type', { ...PAGE, site: 42 }],
    ['an unknown field', { ...PAGE, extra: true }],
    ['a negative count', { ...PAGE, terms: [{ entryId: 'x', name: 'X', count: -1 }] }],
    ['nothing', undefined],
  ])('rejects an answer with %s (validated on receipt)', async (_, answer) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await mount(fakeTabs(answer));
    expect(pageMessage()).toMatch(/^The glossary is not running on this page/);
    expect(terms()).toHaveLength(0);
  });

  it('says when annotations are off on the page, or when it has no terms', async () => {
    await mount(fakeTabs({ ...PAGE, active: false, terms: [] }));
    expect(pageMessage()).toBe('Annotations are off on this page.');
    await mount(fakeTabs({ ...PAGE, terms: [] }));
    expect(pageMessage()).toBe('No glossary terms on this page.');
  });

  it('the site switch uses the site the content script reported and asks again for the new list', async () => {
    const tabs = fakeTabs(PAGE);
    await mount(tabs);
    const site = document.querySelector<HTMLInputElement>('.site-controls input[role="switch"]')!;
    expect(site.closest('label')!.textContent).toBe('Annotate example.org');
    expect(site.checked).toBe(true);
    const asked = tabs.sendMessage.mock.calls.length;
    site.click();
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual(['example.org']));
    await vi.waitFor(() => expect(tabs.sendMessage.mock.calls.length).toBeGreaterThan(asked));
    expect(tabs.sendMessage).toHaveBeenLastCalledWith(7, { type: 'get-page-terms' });
  });
});
