import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BROWSERS,
  launchExtensionBrowser,
  type ExtensionBrowser,
  type TestPage,
} from '../harness/extension-browser';
import { idOf, waitForPasses } from './annotation-helpers';

type PageTerms = { site: string; active: boolean; terms: { entryId: string; name: string; count: number }[] };

/** Paragraph ids holding a mark, in page order. */
const markedParagraphs = (page: TestPage) =>
  page.evaluate(() => [
    ...new Set([...document.querySelectorAll('mark[data-glossary-id]')].map((mark) => mark.closest('p')!.id)),
  ]);

/** The page's text, the extension's own UI (the tooltip's host) left out. */
const pageText = (page: TestPage) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const host of body.querySelectorAll('[data-oncology-glossary-ui]')) host.remove();
    return body.textContent;
  });

/** Whether paragraph `id` holds a mark and is on screen. */
const markedInView = (page: TestPage, id: string) =>
  page.waitForFunction((paragraphId) => {
    const mark = document.getElementById(paragraphId)!.querySelector('mark[data-glossary-id]');
    if (!mark) return false;
    const rect = mark.getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= innerHeight;
  }, id);

describe.each(BROWSERS)('%s: annotation of a long page', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');
  const remission = idOf('remission');
  const mesothelioma = idOf('mesothelioma');

  /** Sends a message to the content script of the fixture tab, as the popup does. */
  const askPage = (message: object) =>
    browser.runInExtension(
      async ({ message, origin }) => {
        type Api = {
          tabs: {
            query(q: object): Promise<{ id: number }[]>;
            sendMessage(id: number, m: object): Promise<unknown>;
          };
        };
        const api = ((globalThis as Record<string, unknown>).browser ??
          (globalThis as Record<string, unknown>).chrome) as Api;
        for (const tab of await api.tabs.query({})) {
          const terms = (await api.tabs
            .sendMessage(tab.id, { type: 'get-page-terms' })
            .catch(() => undefined)) as { site?: string } | undefined;
          if (terms?.site === new URL(origin).hostname) return api.tabs.sendMessage(tab.id, message);
        }
        throw new Error('no tab with the fixture answered');
      },
      { message, origin: fixtureOrigin },
      fixtureOrigin,
    );

  let opened: TestPage | null = null;
  const open = async (fixture = 'long-article.html'): Promise<TestPage> => {
    // One fixture tab at a time: the messages go to the tab showing it.
    await opened?.close().catch(() => {});
    const page = await browser.newPage();
    opened = page;
    await page.goto(`${fixtureOrigin}/${fixture}`);
    await waitForPasses(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
  });
  afterAll(() => browser?.close());

  it('terms near the viewport are marked at once, the others as the reader scrolls near them; the text never changes', async () => {
    const page = await open();
    const first = await markedParagraphs(page);
    expect(first[0]).toBe('p0');
    // A few screens' worth, not the 80 paragraphs about remission nor the one far below.
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(70);
    expect(first).not.toContain('p79');
    expect(first).not.toContain('p280');

    await page.evaluate(() => document.getElementById('p280')!.scrollIntoView({ block: 'center' }));
    await markedInView(page, 'p280');
    // A reader's selection in text not marked yet survives the marks appearing around it.
    await page.evaluate(() => {
      const text = document.getElementById('p79')!.firstChild!;
      const at = text.textContent!.indexOf('for the family');
      getSelection()!.setBaseAndExtent(text, at, text, at + 'for the family'.length);
    });
    await page.evaluate(() => document.getElementById('p79')!.scrollIntoView({ block: 'center' }));
    await markedInView(page, 'p79');
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('for the family');
    expect(await pageText(page)).toBe(
      await page.evaluate(() => (window as unknown as { originalText: string }).originalText),
    );
    await page.close();
  });

  it('a dialog or popover opened later is marked at once, wherever it sits in the source', async () => {
    const page = await open();
    const marksIn = (id: string) => page.evaluate((i) => document.querySelectorAll(`#${i} mark`).length, id);
    expect(await marksIn('in-dialog')).toBe(0);
    await page.evaluate(() => (document.getElementById('late-dialog') as HTMLDialogElement).showModal());
    await page.waitForFunction(() => document.querySelector('#in-dialog mark[data-glossary-id]'));
    await page.evaluate(() => (document.getElementById('late-dialog') as HTMLDialogElement).close());
    await page.evaluate(() => document.getElementById('late-popover')!.showPopover());
    await page.waitForFunction(() => document.querySelector('#in-popover mark[data-glossary-id]'));
    // Nothing else came with them: the paragraphs far down are still waiting.
    expect(await markedParagraphs(page)).not.toContain('p280');
    await page.close();
  });

  it('a dialog and a popover open as the page loads, at the end of its source, are marked with the first pass', async () => {
    const page = await open('long-interstitial.html');
    await page.waitForFunction(() => document.querySelector('#in-interstitial mark[data-glossary-id]'));
    await page.waitForFunction(() => document.querySelector('#in-notice mark[data-glossary-id]'));
    // The page behind it still waits for the reader.
    expect(await markedParagraphs(page)).not.toContain('p299');
    await page.close();
  });

  it('"On this page" counts every occurrence, marked or not yet; choosing a far term shows it', async () => {
    const page = await open();
    const answer = (await askPage({ type: 'get-page-terms' })) as PageTerms;
    expect(answer.active).toBe(true);
    expect(answer.terms.map((t) => [t.entryId, t.count])).toEqual([
      [remission, 80],
      [mesothelioma, 1],
      [idOf('angiogenesis'), 1],
      [idOf('asbestos'), 1],
    ]);
    expect(await askPage({ type: 'reveal-term', entryId: mesothelioma })).toBe(true);
    await page.bringToFront();
    // Shown, and focused for keyboard and screen-reader users.
    await page.waitForFunction(() => document.activeElement?.closest('p')?.id === 'p280');
    await markedInView(page, 'p280');
    await page.close();
  });

  it('next/previous term from a stretch without terms go to the nearest ones, marked or not yet', async () => {
    const page = await open();
    await page.evaluate(() => document.getElementById('p200')!.scrollIntoView({ block: 'center' }));
    // The stretch has no term and the nearest ones are far: nothing is marked around it.
    await page.waitForFunction(() => !document.querySelector('#p180 ~ p mark, #p200 mark'));
    expect(await markedParagraphs(page)).not.toContain('p280');

    await browser.triggerCommand('next-term', page, fixtureOrigin);
    await page
      .waitForFunction(() => document.activeElement?.closest('p')?.id === 'p280')
      .catch(async (e) => {
        console.log(
          await page.evaluate(() => ({
            y: scrollY,
            a: document.activeElement?.outerHTML.slice(0, 200),
            m: document.querySelectorAll('#p280 mark').length,
          })),
        );
        throw e;
      });
    expect(await page.evaluate(() => document.activeElement!.getAttribute('data-glossary-id'))).toBe(
      mesothelioma,
    );
    await markedInView(page, 'p280');

    await browser.triggerCommand('previous-term', page, fixtureOrigin);
    await page.waitForFunction(() => document.activeElement?.closest('p')?.id === 'p79');
    expect(await page.evaluate(() => document.activeElement!.getAttribute('data-glossary-id'))).toBe(
      remission,
    );
    await page.close();
  });
});
