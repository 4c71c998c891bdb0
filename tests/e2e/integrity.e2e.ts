import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BROWSERS,
  launchExtensionBrowser,
  REPO_ROOT,
  type ExtensionBrowser,
  type TestPage,
} from '../harness/extension-browser';
import { bodySnapshots, idOf, readOccurrences, setSettings, waitForPasses } from './annotation-helpers';

const markCount = (page: TestPage) =>
  page.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length);

/** Waits until the page shows `count` occurrences (first pieces of marks). */
const occurrencesShown = (page: TestPage, count: number) =>
  page.waitForFunction(
    (n) => document.querySelectorAll('mark[data-glossary-id]:not([data-glossary-part])').length === n,
    count,
  );

/** The text-decoration style of the first element matching `selector`: our marks are dotted, the browser's <mark> is not. */
const underline = (page: TestPage, selector: string) =>
  page.evaluate((s) => getComputedStyle(document.querySelector(s)!).textDecorationStyle, selector);

const fixtures = path.join(REPO_ROOT, 'tests/fixtures');
/** Meetings in the long notes: over 64 K characters in one text node, matched a window at a time and wrapped apart. */
const LONG_MEETINGS = 100;

beforeAll(() => {
  // The plain-text notes with their meeting repeated: written here rather than kept, 85 KB of the same text.
  const html = readFileSync(path.join(fixtures, 'plain-text.html'), 'utf8');
  const meeting = /\n\nMeeting 1\n\n([\s\S]*?)\n\nMeeting 2\n/.exec(html)![1]!;
  const notes = Array.from({ length: LONG_MEETINGS }, (_, i) => `Meeting ${i + 1}\n\n${meeting}`).join(
    '\n\n',
  );
  const long = html.replace(/\n\nMeeting 1\n\n[\s\S]*<\/div>/, `\n\n${notes}</div>`);
  expect(notes.length).toBeGreaterThan(80_000);
  mkdirSync(path.join(fixtures, 'generated'), { recursive: true });
  writeFileSync(path.join(fixtures, 'generated/long-plain-text.html'), long);
  // The same with each meeting's heading in bold: one run of 101 text nodes between
  // 100 <b>, marked apart node by node.
  const inline = long.replace(/\n\n(Meeting \d+)\n\n/g, '\n\n<b>$1</b>\n\n');
  writeFileSync(path.join(fixtures, 'generated/long-plain-text-inline.html'), inline);
});

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

  it("a page's own <mark data-glossary-id> and an element with our stylesheet's id stay the page's, on and off", async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/self-rewriting.html`);
    await waitForPasses(page);
    const occurrences = await readOccurrences(page);
    expect(occurrences.map((o) => [o.in, o.text])).toEqual([
      ['own', 'lenalidomide'],
      ['plain', 'Angiogenesis'],
    ]);
    expect(await page.evaluate(() => document.getElementById('own-mark')?.outerHTML)).toBe(
      '<mark data-glossary-id="note-1" id="own-mark">note 1</mark>',
    );
    expect(await underline(page, '#plain mark')).toBe('dotted');
    await setSettings(browser, fixtureOrigin, { annotationsEnabled: false });
    await page.waitForFunction(() => !document.querySelector('mark.oncology-glossary-term'));
    const { original, current } = await bodySnapshots(page);
    expect(current).toBe(original);
    await page.close();
  });

  it('a page rewriting its head, or writing a new document into itself, keeps its marks styled, its new text annotated and the tooltip working', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/self-rewriting.html`);
    await waitForPasses(page);
    await page.evaluate(() => (window as unknown as { rewriteHead(): void }).rewriteHead());
    await page.waitForFunction(() => document.title === 'Another view');
    expect(await underline(page, '#plain mark')).toBe('dotted');

    await page.evaluate(() => (window as unknown as { rewriteDocument(): void }).rewriteDocument());
    await page.waitForFunction(() => document.querySelectorAll('#written mark[data-glossary-id]').length === 2);
    const occurrences = await readOccurrences(page);
    expect(occurrences.map((o) => [o.in, o.text, o.id])).toEqual([
      ['written', 'Thalidomide', idOf('thalidomide')],
      ['written', 'multiple myeloma', idOf('multiple myeloma')],
    ]);
    expect(await underline(page, '#written mark')).toBe('dotted');
    expect(await page.evaluate(() => document.body.textContent)).toBe('Thalidomide in multiple myeloma.');
    // The tooltip went with the old document: it comes back for the new one.
    await page.hover('#written mark');
    await page.waitForFunction((id) => {
      const card = document
        .querySelector('oncology-glossary-tooltip')
        ?.shadowRoot?.querySelector<HTMLElement>('.og-card');
      return card?.hidden === false && card.dataset.entryId === id;
    }, idOf('thalidomide'));
    await page.close();
  });

  it('annotation leaves document.body.textContent exactly as the page has it', async () => {
    const page = await openArticle();
    expect(await markCount(page)).toBeGreaterThan(20);
    const { originalText } = await bodySnapshots(page);
    expect(await page.evaluate(() => document.body.textContent)).toBe(originalText);
    await page.close();
  });

  it("copying a passage and pasting it gives the page's own markup, without our marks", async () => {
    const page = await openArticle();
    expect(await page.evaluate(() => document.querySelectorAll('#split mark').length)).toBeGreaterThan(0);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('split')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.press('Control+c');
    // Pasted into a reader's notes: an editable box the test adds to the page.
    await page.evaluate(() => {
      const notes = document.createElement('div');
      notes.id = 'notes';
      notes.contentEditable = 'true';
      document.body.append(notes);
      notes.focus();
    });
    await page.press('Control+v');
    await page.waitForFunction(() => document.getElementById('notes')!.textContent !== '');
    const pasted = await page.evaluate(() => {
      const notes = document.getElementById('notes')!;
      return { text: notes.textContent, marks: notes.querySelectorAll('mark').length, html: notes.innerHTML };
    });
    expect(pasted.text).toBe('Some people receive CAR T-cell therapy, and some receive multiple myeloma drugs in\na clinical trial.');
    expect(pasted.marks, pasted.html).toBe(0);
    expect(pasted.html).not.toContain('dotted');
    // The page keeps its marks.
    expect(await page.evaluate(() => document.querySelectorAll('#split mark').length)).toBeGreaterThan(0);
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
    await occurrencesShown(page, annotated.length);
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
    await occurrencesShown(page, annotated.length);
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

  it.each([
    { file: 'plain-text.html', meetings: 6, nodes: 1 },
    // Past 64 K characters: matched a window at a time, its marks made apart from the page and put in at once.
    { file: 'generated/long-plain-text.html', meetings: LONG_MEETINGS, nodes: 1 },
    { file: 'generated/long-plain-text-inline.html', meetings: LONG_MEETINGS, nodes: 2 * LONG_MEETINGS + 1 },
  ])(
    "plain text in one long run of text ($file): every term marked, the page's nodes restored whole when off",
    async ({ file, meetings, nodes }) => {
      const page = await browser.newPage();
      await page.goto(`${fixtureOrigin}/${file}`);
      await waitForPasses(page);
      const notes = await readOccurrences(page);
      // The same terms in each meeting, in one text node (5 KB, or 85 KB).
      const meeting = [
        'multiple myeloma',
        'plasma cells',
        'bone marrow',
        'lenalidomide',
        'clinical trial',
        'CAR T-cell therapy',
        'angiogenesis',
        'remission',
        'relapse',
        'mesothelioma',
        'asbestos',
        'immunotherapy',
        'chemotherapy',
        'combination therapy',
      ];
      expect(notes.map((o) => o.text)).toEqual([
        'myeloma',
        ...Array.from({ length: meetings }, () => meeting).flat(),
      ]);
      // Each under its own entry ("plasma cells" is the plural of the form "plasma cell").
      const entries = meeting.map((text) => idOf(text === 'plasma cells' ? 'plasma cell' : text));
      expect(notes.map((o) => o.id).slice(1, 15)).toEqual(entries);
      const { originalText } = await bodySnapshots(page);
      expect(await page.evaluate(() => document.body.textContent)).toBe(originalText);

      await setSettings(browser, fixtureOrigin, { annotationsEnabled: false });
      await page.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length === 0);
      const off = await bodySnapshots(page);
      expect(off.current).toBe(off.original);
      expect(await page.evaluate(() => document.getElementById('notes')!.childNodes.length)).toBe(nodes);

      await setSettings(browser, fixtureOrigin, { annotationsEnabled: true });
      await occurrencesShown(page, notes.length);
      expect(await readOccurrences(page)).toEqual(notes);
      await page.close();
    },
  );
});
