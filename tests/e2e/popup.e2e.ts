import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, launchExtensionBrowser, REPO_ROOT, type ExtensionBrowser, type TestPage } from '../harness/extension-browser';
import { READER_QUERIES } from '../fixtures/reader-queries';

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const COMBOBOX = 'input[role="combobox"]';

/** Runs axe-core in the page (injected as source: extension pages' CSP allows no inline script) and returns its violations. */
async function axeViolations(page: TestPage): Promise<string[]> {
  // A string is evaluated as a script by both drivers, outside the page's CSP.
  await page.evaluate(AXE_SOURCE as never);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/**
 * Shows the page in a colour scheme. Chromium emulates prefers-color-scheme; Firefox's WebDriver BiDi has no media
 * emulation, so there the page's own `prefers-color-scheme` rules are switched on or off through the CSSOM (the
 * page's styles are unchanged; only which of its rules apply).
 */
async function useColorScheme(page: TestPage, scheme: 'light' | 'dark'): Promise<void> {
  try {
    await page.setColorScheme(scheme);
    return;
  } catch {
    // Firefox: fall through
  }
  await page.evaluate((wanted) => {
    for (const sheet of [...document.styleSheets]) {
      for (const rule of [...sheet.cssRules]) {
        if (!(rule instanceof CSSMediaRule)) continue;
        const original = (rule as CSSMediaRule & { originalMedia?: string }).originalMedia ?? rule.media.mediaText;
        if (!/prefers-color-scheme/.test(original)) continue;
        (rule as CSSMediaRule & { originalMedia?: string }).originalMedia = original;
        rule.media.mediaText = original.includes(wanted) ? 'all' : 'not all';
      }
    }
  }, scheme);
}

/** The page's background is dark (the dark theme applies) or light. */
const looksDark = (page: TestPage) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
    return r! + g! + b! < 3 * 128;
  });

/** Clears the search with Esc and types the query key by key, as a reader would; returns the top three entry ids. */
async function topThree(popup: TestPage, query: string): Promise<string[]> {
  await popup.press('Escape');
  await popup.type(query);
  await popup.waitForFunction(
    ({ selector, text }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      return input?.value === text && input.getAttribute('aria-expanded') === 'true';
    },
    { selector: COMBOBOX, text: query },
  );
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')].slice(0, 3).map((o) => o.dataset.entryId!),
  );
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: TestPage, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.press(key);
  }
  throw new Error(`${key} never reached ${selector}`);
}

const focused = (page: TestPage) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element?.tagName.toLowerCase(),
      text: element?.textContent?.trim() ?? '',
      role: element?.getAttribute('role') ?? null,
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
    };
  });

const shownEntry = (page: TestPage) => page.evaluate(() => document.querySelector<HTMLElement>('article.entry')?.dataset.entryId ?? null);

/**
 * The toolbar popup stands over its page: both visible, the popup asking `tabs.query({active, currentWindow})` when
 * it opens. A test cannot click the toolbar button, so it builds the same arrangement from an extension page in a
 * tab: the fixture page is made the active tab (found by asking each tab's content script), the popup page is
 * loaded again (so it opens over the fixture, exactly as its code does for a reader), then moved into a window of
 * its own, where it keeps the keyboard while the page stays visible beside it. The popup's code is unchanged.
 */
async function popupOverFixture(browser: ExtensionBrowser, fixtureOrigin: string, fixture: string) {
  const page = await browser.newPage();
  await page.goto(`${fixtureOrigin}/${fixture}`);
  await page.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length > 0);
  const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
  type Tabs = {
    getCurrent(): Promise<{ id: number }>;
    query(q: object): Promise<{ id: number }[]>;
    sendMessage(id: number, m: object): Promise<{ site?: string } | undefined>;
    update(id: number, p: object): Promise<unknown>;
  };
  type Api = { tabs: Tabs; windows: { create(p: object): Promise<unknown> } };
  await popup.evaluate(async (site) => {
    const api = ((globalThis as Record<string, unknown>).browser ?? (globalThis as Record<string, unknown>).chrome) as Api;
    const self = await api.tabs.getCurrent();
    for (const tab of await api.tabs.query({ currentWindow: true })) {
      if (tab.id === self.id) continue;
      const answer = await api.tabs.sendMessage(tab.id, { type: 'get-page-terms' }).catch(() => undefined);
      if (answer?.site === site) return void (await api.tabs.update(tab.id, { active: true }));
    }
    throw new Error('the fixture tab did not answer');
  }, new URL(fixtureOrigin).hostname);
  await popup.evaluate(() => location.reload());
  await popup.waitForFunction(() => document.querySelector('.page-terms-message')?.textContent?.includes('Choose one'), undefined, 15_000);
  await popup.evaluate(async () => {
    const api = ((globalThis as Record<string, unknown>).browser ?? (globalThis as Record<string, unknown>).chrome) as Api;
    await api.windows.create({ tabId: (await api.tabs.getCurrent()).id });
  });
  // A new window takes a while to get focus on a busy machine (10 s was once not enough in Firefox).
  await popup.waitForFunction(() => document.visibilityState === 'visible' && document.hasFocus(), undefined, 20_000);
  expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
  return { page, popup };
}

describe.each(BROWSERS)('%s: popup', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
  });
  afterAll(() => browser?.close());

  it('focuses the search on open; misspelled, brand, code, abbreviation and lay-word queries find their entries in the top three', async () => {
    const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
    await popup.waitForFunction((s) => document.activeElement?.matches(s), COMBOBOX);
    for (const [query, id] of READER_QUERIES) expect(await topThree(popup, query), query).toContain(id);
    await popup.close();
  });

  it('says when nothing matches and offers "Did you mean …"', async () => {
    const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
    await popup.type('lenolydomyde');
    await popup.waitForFunction(() => document.querySelector('.did-you-mean'));
    const text = await popup.evaluate(() => document.querySelector('.no-match')!.textContent);
    expect(text).toContain('No entry matches “lenolydomyde”.');
    expect(text).toMatch(/Did you mean .*Lenalidomide/);
    await tabTo(popup, 'button.suggestion');
    while (!(await focused(popup)).text.startsWith('Lenalidomide')) await popup.press('Tab');
    await popup.press('Enter');
    // The suggestion runs its search: the field holds it, has the focus again and lists the entry first.
    await popup.waitForFunction(
      (selector) => document.querySelector<HTMLInputElement>(selector)?.value === 'Lenalidomide',
      COMBOBOX,
    );
    expect(
      await popup.evaluate((selector) => {
        const options = [...document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')];
        return {
          focused: document.activeElement?.matches(selector) ?? false,
          first: options[0]?.dataset.entryId,
          noMatch: document.querySelector('.no-match')?.textContent ?? '',
        };
      }, COMBOBOX),
    ).toEqual({ focused: true, first: 'lenalidomide', noMatch: '' });
    await popup.close();
  });

  it('works from the keyboard alone: arrows, Enter, related entries, Back, Esc; focus is always visible', async () => {
    const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
    await popup.waitForFunction((s) => document.activeElement?.matches(s), COMBOBOX);
    await popup.type('revlimid');
    await popup.waitForFunction(() => document.querySelector('[role="option"]'));
    await popup.press('ArrowDown');
    const active = await popup.evaluate((s) => {
      const input = document.querySelector(s)!;
      return document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent;
    }, COMBOBOX);
    expect(active).toMatch(/^Lenalidomide \(Brand name Revlimid\): /);
    await popup.press('Enter');
    expect(await shownEntry(popup)).toBe('lenalidomide');
    expect(await focused(popup)).toMatchObject({ tag: 'h2', text: 'Lenalidomide' });

    await tabTo(popup, '.entry-related a');
    const related = await focused(popup);
    expect(related.outline).not.toMatch(/^none/);
    await popup.press('Enter');
    await popup.waitForFunction((id) => document.querySelector<HTMLElement>('article.entry')?.dataset.entryId !== id, 'lenalidomide');
    const second = await shownEntry(popup);
    expect(second).not.toBe('lenalidomide');

    await tabTo(popup, 'button.back', 'Shift+Tab');
    expect(await focused(popup)).toMatchObject({ text: '← Back to Lenalidomide' });
    expect((await focused(popup)).outline).not.toMatch(/^none/);
    await popup.press('Enter');
    expect(await shownEntry(popup)).toBe('lenalidomide');
    await tabTo(popup, 'button.back', 'Shift+Tab');
    await popup.press('Enter');
    expect(await shownEntry(popup)).toBeNull();
    expect(await focused(popup)).toMatchObject({ role: 'combobox' });
    expect(await popup.evaluate((s) => document.querySelector<HTMLInputElement>(s)!.value, COMBOBOX)).toBe('revlimid');

    await popup.press('Escape');
    expect(await popup.evaluate((s) => document.querySelector<HTMLInputElement>(s)!.value, COMBOBOX)).toBe('');
    expect(await popup.evaluate(() => document.querySelector<HTMLElement>('main .home')!.hidden)).toBe(false);
    await popup.close();
  });

  it('axe-core finds no violations in the popup (home, results, entry) and the full-entry page, light and dark', async () => {
    const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
    await popup.setViewport(380, 600);
    for (const scheme of ['light', 'dark'] as const) {
      await useColorScheme(popup, scheme);
      expect(await looksDark(popup)).toBe(scheme === 'dark');
      await popup.press('Escape');
      expect(await axeViolations(popup), `home, ${scheme}`).toEqual([]);
      await popup.type('lymph');
      await popup.press('ArrowDown');
      expect(await axeViolations(popup), `results, ${scheme}`).toEqual([]);
      await popup.press('Escape');
      await popup.type('lenalidomide');
      await popup.press('Enter');
      expect(await shownEntry(popup)).toBe('lenalidomide');
      expect(await axeViolations(popup), `entry, ${scheme}`).toEqual([]);
      await tabTo(popup, 'button.back', 'Shift+Tab');
      await popup.press('Enter');
    }
    await popup.close();

    const entryPage = await browser.openExtensionPage('entry.html#entry=lenalidomide', fixtureOrigin);
    for (const scheme of ['light', 'dark'] as const) {
      await useColorScheme(entryPage, scheme);
      expect(await looksDark(entryPage)).toBe(scheme === 'dark');
      expect(await axeViolations(entryPage), `entry page, ${scheme}`).toEqual([]);
    }
    await entryPage.close();
  });

  it('opens the full entry page at entry.html#entry=lenalidomide with its sources and identifiers', async () => {
    const page = await browser.openExtensionPage('entry.html#entry=lenalidomide', fixtureOrigin);
    const view = await page.evaluate(() => ({
      title: document.title,
      name: document.querySelector('article.entry h2')?.textContent,
      forms: document.querySelector('.entry-forms')?.textContent,
      citations: [...document.querySelectorAll('.citation')].map((c) => ({
        title: c.querySelector('cite')?.textContent,
        trust: c.querySelector('.citation-trust strong')?.textContent,
        links: [...c.querySelectorAll('a')].map((a) => a.href),
      })),
      notice: document.querySelector('footer')?.textContent,
    }));
    expect(view.title).toBe('Lenalidomide — Oncology Glossary');
    expect(view.name).toBe('Lenalidomide');
    expect(view.forms).toContain('Revlimid');
    expect(view.forms).toContain('CC-5013');
    expect(view.citations.length).toBeGreaterThan(0);
    for (const citation of view.citations) {
      expect(citation.title).toBeTruthy();
      expect(citation.trust).toMatch(/^(High|Medium|Low) trust$/);
      for (const link of citation.links) expect(link).toMatch(/^https:\/\/(pmc\.ncbi\.nlm\.nih\.gov|pubmed\.ncbi\.nlm\.nih\.gov|doi\.org)\//);
    }
    expect(view.notice).toContain('Educational, not medical advice.');

    // The context menu's fallback: a search in the URL.
    await page.evaluate(() => void (location.hash = '#q=remision'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[role="option"]')?.dataset.entryId === 'remission');
    await page.close();
  });

  it('"On this page" lists the fixture\'s terms with their counts; choosing one from the keyboard scrolls the page to it', async () => {
    const { page, popup } = await popupOverFixture(browser, fixtureOrigin, 'popup-terms.html');
    const listed = () => popup.evaluate(() => [...document.querySelectorAll('button.page-term')].map((b) => b.textContent));
    expect(await listed()).toEqual([
      'Lenalidomide, 3 occurrences',
      'Remission, 2 occurrences',
      'Angiogenesis, 1 occurrence',
      'Mesothelioma, 1 occurrence',
    ]);

    // Order: the radio group, from the keyboard.
    await tabTo(popup, '.page-terms-order input:checked');
    await popup.press('ArrowRight');
    expect(await listed()).toEqual([
      'Angiogenesis, 1 occurrence',
      'Lenalidomide, 3 occurrences',
      'Mesothelioma, 1 occurrence',
      'Remission, 2 occurrences',
    ]);

    expect(await page.evaluate(() => document.getElementById('last')!.getBoundingClientRect().top > innerHeight)).toBe(true);
    await tabTo(popup, 'button.page-term[data-entry-id="mesothelioma"]');
    expect((await focused(popup)).outline).not.toMatch(/^none/);
    await popup.press('Enter');
    await popup.waitForFunction(() => document.querySelector('.page-terms-feedback')?.textContent === 'Showing “Mesothelioma” on the page.');
    await page.waitForFunction(() => {
      const rect = document.getElementById('last')!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight;
    });
    await popup.close();
    await page.close();
  });

  it("\"On this page\" shows the abbreviations the abstract defines under their terms, and stays axe-clean", async () => {
    const { page, popup } = await popupOverFixture(browser, fixtureOrigin, 'pubmed-abstract.html');
    const notes = await popup.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('button.page-term')].map((b) => [
          b.dataset.entryId!,
          b.querySelector('.page-term-abbreviations')?.textContent ?? null,
        ]),
      ),
    );
    expect(notes).toMatchObject({
      'multiple-myeloma': 'Abbreviated MM, NDMM (Newly diagnosed multiple myeloma)',
      lenalidomide: 'Abbreviated LEN',
      pomalidomide: 'Abbreviated POM',
      bortezomib: 'Abbreviated BTZ',
      dexamethasone: 'Abbreviated DEX',
      thalidomide: 'Abbreviated THAL',
      'stem-cell-transplant': 'Abbreviated ASCT (autologous stem cell transplantation)',
      // From <abbr title>; the entry's name carries its own bracket.
      'mantle-cell-lymphoma': 'Abbreviated MCL',
      'nk-cells': 'Abbreviated NK (natural killer)',
    });
    // Read out with the term's name and count.
    expect(
      await popup.evaluate(() => document.querySelector('button.page-term[data-entry-id="pomalidomide"]')!.textContent),
    ).toMatch(/^Pomalidomide; Abbreviated POM, \d+ occurrences?$/);
    for (const scheme of ['light', 'dark'] as const) {
      await useColorScheme(popup, scheme);
      expect(await axeViolations(popup), scheme).toEqual([]);
    }
    await popup.close();
    await page.close();
  });

  it('the site switch removes and restores the marks on the open page', async () => {
    const { page, popup } = await popupOverFixture(browser, fixtureOrigin, 'popup-terms.html');
    const marks = () => page.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length);
    const before = await marks();
    expect(before).toBe(7);
    await tabTo(popup, '.site-controls input[role="switch"]');
    expect(await popup.evaluate(() => document.activeElement!.closest('label')!.textContent)).toBe('Annotate 127.0.0.1');

    await popup.press(' ');
    await page.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length === 0);
    await popup.waitForFunction(() => document.querySelector('.page-terms-message')?.textContent === 'Annotations are off on this page.');
    expect(await page.evaluate(() => document.getElementById('first')!.textContent)).toContain('Lenalidomide was the second drug');

    await popup.press(' ');
    await page.waitForFunction((n) => document.querySelectorAll('mark[data-glossary-id]').length === n, before);
    await popup.waitForFunction(() => document.querySelector('.page-terms-message')?.textContent?.includes('Choose one'));
    await popup.close();
    await page.close();
  });
});
