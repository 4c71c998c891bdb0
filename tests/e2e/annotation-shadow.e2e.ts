import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import {
  BROWSERS,
  launchExtensionBrowser,
  REPO_ROOT,
  type ExtensionBrowser,
  type TestPage,
} from '../harness/extension-browser';
import { bodySnapshots, idOf, readOccurrences, setSettings, waitForPasses } from './annotation-helpers';

const HOST = 'oncology-glossary-tooltip';

/** The name the glossary gives an entry (read from its YAML file, not from the extension). */
function entryName(id: string): string {
  return (
    parse(readFileSync(path.join(REPO_ROOT, `glossary/entries/${id}.yaml`), 'utf8')) as { name: string }
  ).name;
}

interface ShadowOccurrence {
  text: string;
  id: string;
  /** Id of the nearest element with one, inside the shadow tree. */
  in: string;
}

/** The occurrences inside the article component's open shadow root, pieces joined, in tree order. */
function shadowOccurrences(page: TestPage): Promise<ShadowOccurrence[]> {
  return page.evaluate(() => {
    const root = document.getElementById('card')!.shadowRoot!;
    const result: { text: string; id: string; in: string }[] = [];
    for (const mark of root.querySelectorAll('mark[data-glossary-id]')) {
      if (mark.hasAttribute('data-glossary-part')) {
        result[result.length - 1]!.text += mark.textContent;
        continue;
      }
      result.push({
        text: mark.textContent ?? '',
        id: mark.getAttribute('data-glossary-id')!,
        in: mark.closest('[id]')?.id ?? '',
      });
    }
    return result;
  });
}

/** The text of both shadow trees as the page built them: a fresh component of each kind, never annotated. */
function pristineShadowText(page: TestPage): Promise<{ open: string; closed: string }> {
  return page.evaluate(() => {
    const w = window as unknown as { closedShadowRoot: ShadowRoot };
    const seen = w.closedShadowRoot;
    const fresh = document.createElement('article-card');
    document.createElement('closed-card');
    const closed = w.closedShadowRoot.textContent ?? '';
    w.closedShadowRoot = seen;
    return { open: fresh.shadowRoot!.textContent ?? '', closed };
  });
}

/** The text of both shadow trees in the page now. */
function shadowText(page: TestPage): Promise<{ open: string; closed: string }> {
  return page.evaluate(() => ({
    open: document.getElementById('card')!.shadowRoot!.textContent ?? '',
    closed: (window as unknown as { closedShadowRoot: ShadowRoot }).closedShadowRoot.textContent ?? '',
  }));
}

/** The centre of the first element matching `selector` in the article component's shadow root. */
function shadowCentre(page: TestPage, selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate((s) => {
    const rect = document.getElementById('card')!.shadowRoot!.querySelector(s)!.getBoundingClientRect();
    return { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 };
  }, selector);
}

describe.each(BROWSERS)('%s: annotation inside shadow DOM', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');
  const open = async (): Promise<TestPage> => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/shadow-dom.html`);
    await waitForPasses(page);
    await page.waitForFunction(
      () => document.getElementById('card')!.shadowRoot!.querySelector('mark[data-glossary-id]') !== null,
    );
    return page;
  };

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
    await setSettings(browser, fixtureOrigin, {
      annotationsEnabled: true,
      disabledSites: [],
      hiddenTerms: [],
    });
  });
  afterAll(() => browser?.close());

  it('terms inside an open shadow root are marked and styled; slotted text once; a closed shadow root is untouched', async () => {
    const page = await open();
    expect(await shadowOccurrences(page)).toEqual([
      { text: 'multiple myeloma', id: idOf('multiple myeloma'), in: 'shadow-text' },
      { text: 'lenalidomide', id: idOf('lenalidomide'), in: 'shadow-text' },
    ]);
    const light = await readOccurrences(page);
    expect(light.map((o) => [o.text, o.id, o.in])).toEqual([
      ['remission', idOf('remission'), 'intro'],
      ['angiogenesis', idOf('angiogenesis'), 'slotted'],
      ['rituximab', idOf('rituximab'), 'outro'],
    ]);
    const looks = await page.evaluate(() => {
      const root = document.getElementById('card')!.shadowRoot!;
      const mark = root.querySelector('mark[data-glossary-id]')!;
      const style = getComputedStyle(mark);
      const closed = (window as unknown as { closedShadowRoot: ShadowRoot }).closedShadowRoot;
      return {
        underline: style.textDecorationLine,
        decorationStyle: style.textDecorationStyle,
        background: style.backgroundColor,
        color: style.color === getComputedStyle(mark.parentElement!).color,
        // The stylesheet is adopted: no node of ours in the component's tree.
        styleElements: root.querySelectorAll('style').length,
        closedMarks: closed.querySelectorAll('mark').length,
        closedSheets: closed.adoptedStyleSheets.length,
      };
    });
    expect(looks).toEqual({
      underline: 'underline',
      decorationStyle: 'dotted',
      background: 'rgba(0, 0, 0, 0)',
      color: true,
      styleElements: 1,
      closedMarks: 0,
      closedSheets: 0,
    });
    expect(await shadowText(page)).toEqual(await pristineShadowText(page));
    const { originalText } = await bodySnapshots(page);
    expect(await page.evaluate(() => document.body.textContent)).toBe(originalText);
    await page.close();
  });

  it('hovering a term inside the shadow root shows its tooltip, and moving to another term there switches it', async () => {
    const page = await open();
    await page.bringToFront();
    await page.mouseMove(1, 1);
    // Moves inside one shadow tree send no pointerover to the document: start on the shadow tree's heading.
    const heading = await shadowCentre(page, 'h2');
    await page.mouseMove(heading.x, heading.y);
    for (const form of ['lenalidomide', 'multiple myeloma']) {
      const id = idOf(form);
      const { x, y } = await shadowCentre(page, `mark[data-glossary-id="${id}"]`);
      await page.mouseMove(x, y, 4);
      await page.waitForFunction(
        ({ hostName, entryId }) => {
          const card = document.querySelector(hostName)?.shadowRoot?.querySelector<HTMLElement>('.og-card');
          return (
            card && !card.hidden && card.dataset.entryId === entryId && card.style.visibility === 'visible'
          );
        },
        { hostName: HOST, entryId: id },
      );
      const text = await page.evaluate((hostName) => {
        const card = document.querySelector(hostName)!.shadowRoot!.querySelector('.og-card')!;
        return (card.querySelector('[role="tooltip"]')!.textContent ?? '').replace(/\s+/g, ' ').trim();
      }, HOST);
      expect(text.startsWith(entryName(id))).toBe(true);
    }
    await page.mouseMove(1, 1);
    await page.close();
  });

  it('a focused term inside the shadow root is described to screen readers from within its own tree', async () => {
    const page = await open();
    await page.bringToFront();
    const id = idOf('lenalidomide');
    await page.evaluate((entryId) => {
      const mark = document
        .getElementById('card')!
        .shadowRoot!.querySelector<HTMLElement>(`mark[data-glossary-id="${entryId}"]`)!;
      mark.tabIndex = -1;
      mark.focus();
    }, id);
    await page.waitForFunction((entryId) => {
      const root = document.getElementById('card')!.shadowRoot!;
      const mark = root.querySelector(`mark[data-glossary-id="${entryId}"]`)!;
      const target = root.getElementById(mark.getAttribute('aria-describedby') ?? '');
      return Boolean(target?.textContent);
    }, id);
    const description = await page.evaluate((entryId) => {
      const root = document.getElementById('card')!.shadowRoot!;
      const mark = root.querySelector(`mark[data-glossary-id="${entryId}"]`)!;
      return root.getElementById(mark.getAttribute('aria-describedby')!)!.textContent!;
    }, id);
    expect(description.startsWith(entryName(id))).toBe(true);
    // Gone from the component's tree once the term is left.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.press('Escape');
    await page.waitForFunction(
      () => !document.getElementById('card')!.shadowRoot!.querySelector('[data-oncology-glossary-ui]'),
    );
    await page.close();
  });

  it('text the component adds to its shadow root later is marked', async () => {
    const page = await open();
    await page.click('#add');
    await page.waitForFunction(
      () =>
        document.getElementById('card')!.shadowRoot!.querySelector('#late mark[data-glossary-id]') !== null,
    );
    const late = (await shadowOccurrences(page)).filter((o) => o.in === 'late');
    expect(late).toEqual([{ text: 'checkpoint inhibitors', id: idOf('checkpoint inhibitor'), in: 'late' }]);
    expect(await page.evaluate(() => document.getElementById('card')!.shadowRoot!.textContent)).toContain(
      'Update: checkpoint inhibitors entered a new trial.',
    );
    await page.close();
  });

  it('switching annotations off removes every mark, shadow roots included, and restores their text exactly', async () => {
    const page = await open();
    const pristine = await pristineShadowText(page);
    try {
      await setSettings(browser, fixtureOrigin, { annotationsEnabled: false });
      await page.waitForFunction(
        () =>
          document.querySelectorAll('mark[data-glossary-id]').length === 0 &&
          document.getElementById('card')!.shadowRoot!.querySelectorAll('mark[data-glossary-id]').length ===
            0,
      );
      expect(await shadowText(page)).toEqual(pristine);
      const sheets = await page.evaluate(
        () => document.getElementById('card')!.shadowRoot!.adoptedStyleSheets.length,
      );
      expect(sheets).toBe(0);
      const off = await bodySnapshots(page);
      expect(off.current).toBe(off.original);
      // The shadow tree's text nodes are whole again: one per element, as the component made them.
      const split = await page.evaluate(
        () => document.getElementById('card')!.shadowRoot!.getElementById('shadow-text')!.childNodes.length,
      );
      expect(split).toBe(1);
    } finally {
      await setSettings(browser, fixtureOrigin, { annotationsEnabled: true });
    }
    await page.waitForFunction(
      () =>
        document.getElementById('card')!.shadowRoot!.querySelectorAll('mark[data-glossary-id]').length === 2,
    );
    await page.close();
  });
});
