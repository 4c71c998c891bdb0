import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BROWSERS,
  launchExtensionBrowser,
  type ExtensionBrowser,
  type TestPage,
} from '../harness/extension-browser';
import { bodySnapshots, idOf, readOccurrences, setSettings, waitForPasses } from './annotation-helpers';

const markCount = (page: TestPage) =>
  page.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length);

describe.each(BROWSERS)('%s: the page stays the page', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
  });
  afterEach(() =>
    setSettings(browser, fixtureOrigin, { annotationsEnabled: true, disabledSites: [], hiddenTerms: [] }),
  );
  afterAll(() => browser?.close());

  const openArticle = async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/article.html`);
    await waitForPasses(page);
    return page;
  };

  it('annotation leaves document.body.textContent exactly as the page has it', async () => {
    const page = await openArticle();
    expect(await markCount(page)).toBeGreaterThan(20);
    const { originalText } = await bodySnapshots(page);
    expect(await page.evaluate(() => document.body.textContent)).toBe(originalText);
    await page.close();
  });

  it('turning annotations off removes every mark and restores the exact DOM; on annotates again', async () => {
    const page = await openArticle();
    const annotated = await readOccurrences(page);
    await setSettings(browser, fixtureOrigin, { annotationsEnabled: false });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length === 0);
    const off = await bodySnapshots(page);
    expect(off.current).toBe(off.original);
    expect(await page.evaluate(() => document.getElementById('oncology-glossary-mark-styles'))).toBeNull();

    await setSettings(browser, fixtureOrigin, { annotationsEnabled: true });
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('mark[data-glossary-id]:not([data-glossary-part])').length === count,
      annotated.length,
    );
    expect(await readOccurrences(page)).toEqual(annotated);
    await page.close();
  });

  it('switching this site off and on works the same, live', async () => {
    const page = await openArticle();
    const annotated = await readOccurrences(page);
    await setSettings(browser, fixtureOrigin, { disabledSites: [new URL(fixtureOrigin).hostname] });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length === 0);
    const off = await bodySnapshots(page);
    expect(off.current).toBe(off.original);
    await setSettings(browser, fixtureOrigin, { disabledSites: [] });
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('mark[data-glossary-id]:not([data-glossary-part])').length === count,
      annotated.length,
    );
    expect(await readOccurrences(page)).toEqual(annotated);
    await page.close();
  });

  it('hiding a term removes its marks only, leaving the text as it was', async () => {
    const page = await openArticle();
    const lenalidomide = idOf('lenalidomide');
    const before = (await readOccurrences(page)).filter((o) => o.id !== lenalidomide);
    await setSettings(browser, fixtureOrigin, { hiddenTerms: [lenalidomide] });
    await page.waitForFunction(
      (id) => document.querySelectorAll(`mark[data-glossary-id="${id}"]`).length === 0,
      lenalidomide,
    );
    expect(await readOccurrences(page)).toEqual(before);
    const { originalText } = await bodySnapshots(page);
    expect(await page.evaluate(() => document.body.textContent)).toBe(originalText);
    await page.close();
  });
});
