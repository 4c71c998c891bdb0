import { mkdirSync, readFileSync } from 'node:fs';
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

const ARTIFACTS = path.join(REPO_ROOT, 'tests/.artifacts');
const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const HOST = 'oncology-glossary-tooltip';
const mark = (id: string) => `mark[data-glossary-id="${id}"]:not([data-glossary-part])`;

/** What the glossary itself says about an entry (read from its YAML file, not from the extension). */
function glossaryEntry(id: string): { name: string; plain: string } {
  const entry = parse(readFileSync(path.join(REPO_ROOT, `glossary/entries/${id}.yaml`), 'utf8')) as {
    name: string;
    plain: string;
  };
  return { name: entry.name, plain: entry.plain.replace(/\s+/g, ' ').trim() };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface TooltipState {
  entryId: string;
  /** The text of the role="tooltip" part, whitespace collapsed. */
  text: string;
  card: Box;
  /** The term's marks, united. */
  term: Box;
  side: string;
  /** The tooltip is what the reader sees at its centre (not covered, not transparent). */
  onTop: boolean;
  visible: boolean;
  describedBy: string | null;
  description: string;
}

/** The open tooltip as a reader (and a screen reader) would find it; null when closed. */
function tooltipState(page: TestPage): Promise<TooltipState | null> {
  return page.evaluate((hostName) => {
    const host = document.querySelector(hostName);
    const card = host?.shadowRoot?.querySelector<HTMLElement>('.og-card');
    if (!host || !card || card.hidden) return null;
    const tooltip = card.querySelector<HTMLElement>('[role="tooltip"]')!;
    const entryId = card.dataset.entryId!;
    const head = [...document.querySelectorAll(`mark[data-glossary-id="${entryId}"]`)].find((m) =>
      m.hasAttribute('aria-describedby'),
    );
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const rect = card.getBoundingClientRect();
    const pieces: Element[] = [];
    if (head) {
      pieces.push(head);
      const all = [...document.querySelectorAll('mark[data-glossary-id]')];
      for (const next of all.slice(all.indexOf(head) + 1)) {
        if (next.getAttribute('data-glossary-part') !== 'rest') break;
        pieces.push(next);
      }
    }
    const rects = pieces.map((p) => p.getBoundingClientRect());
    const term = {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
    const cx = (rect.left + rect.right) / 2;
    const cy = (rect.top + rect.bottom) / 2;
    const describedBy = head?.getAttribute('aria-describedby') ?? null;
    return {
      entryId,
      text: (tooltip.textContent ?? '').replace(/\s+/g, ' ').trim(),
      card: box(rect),
      term,
      side: card.dataset.side ?? '',
      onTop:
        document.elementFromPoint(cx, cy) === host &&
        card.contains(host.shadowRoot!.elementFromPoint(cx, cy)),
      visible: getComputedStyle(card).visibility === 'visible' && getComputedStyle(card).opacity === '1',
      describedBy,
      description: describedBy ? (document.getElementById(describedBy)?.textContent ?? '') : '',
    };
  }, HOST);
}

const waitForTooltip = (page: TestPage, entryId: string) =>
  page.waitForFunction(
    ({ hostName, id }) => {
      const card = document.querySelector(hostName)?.shadowRoot?.querySelector<HTMLElement>('.og-card');
      return card && !card.hidden && card.dataset.entryId === id && card.style.visibility === 'visible';
    },
    { hostName: HOST, id: entryId },
  );

const waitForClosed = (page: TestPage) =>
  page.waitForFunction((hostName) => {
    const card = document.querySelector(hostName)?.shadowRoot?.querySelector<HTMLElement>('.og-card');
    return card?.hidden === true;
  }, HOST);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The centre of an element (light DOM) or of a button in the tooltip, in viewport coordinates. */
function centreOf(page: TestPage, selector: string, inTooltip = false): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ hostName, selector: s, inTooltip: inside }) => {
      const root = inside ? document.querySelector(hostName)!.shadowRoot! : document;
      const rect = root.querySelector(s)!.getBoundingClientRect();
      return { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 };
    },
    { hostName: HOST, selector, inTooltip },
  );
}

/** Which element has focus: a mark's entry id, a tooltip action, or another element's id. */
function focusedThing(page: TestPage): Promise<string> {
  return page.evaluate((hostName) => {
    const active = document.activeElement;
    if (active?.matches(hostName))
      return `tooltip:${(active.shadowRoot!.activeElement as HTMLElement)?.dataset.action}`;
    if (active?.matches('mark[data-glossary-id]')) return `term:${active.getAttribute('data-glossary-id')}`;
    return `${active?.tagName.toLowerCase()}#${active?.id}`;
  }, HOST);
}

const inside = (inner: Box, outer: { width: number; height: number }) =>
  inner.left >= 0 && inner.top >= 0 && inner.right <= outer.width && inner.bottom <= outer.height;
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each(BROWSERS)('%s: glossary tooltip', (name) => {
  let browser: ExtensionBrowser;
  let page: TestPage;
  const fixtureOrigin = inject('fixtureOrigin');

  async function open(fixture: string) {
    await page.goto(`${fixtureOrigin}/${fixture}`);
    await page.waitForFunction(
      (hostName) => document.querySelector('mark[data-glossary-id]') && document.querySelector(hostName),
      HOST,
    );
    await page.mouseMove(1, 1);
  }

  async function setSetting(key: string, value: unknown) {
    await browser.runInExtension(
      async ({ key: k, value: v }) => {
        const api =
          (globalThis as unknown as { browser?: typeof globalThis; chrome?: typeof globalThis }).browser ??
          (globalThis as unknown as { chrome: typeof globalThis }).chrome;
        await (api as unknown as { storage: { sync: { set(o: object): Promise<void> } } }).storage.sync.set({
          [k]: v,
        });
      },
      { key, value },
      fixtureOrigin,
    );
  }

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
    page = await browser.newPage();
  });
  afterAll(() => browser?.close());

  it('hovering a term shows its own entry next to it, on top of the page, and describes the term', async () => {
    await open('tooltip.html');
    for (const id of ['angiogenesis', 'lenalidomide']) {
      await page.hover(mark(id));
      await waitForTooltip(page, id);
      const state = (await tooltipState(page))!;
      const entry = glossaryEntry(id);
      expect(state.text.startsWith(entry.name)).toBe(true);
      expect(state.text).toContain(entry.plain);
      expect(state.text).toMatch(/· (high|medium|low) trust/);
      expect(state.text).toContain('Educational, not medical advice.');
      expect(state.onTop && state.visible).toBe(true);
      // Next to the term (above it when there is room, else below), never over it.
      expect(overlaps(state.card, state.term)).toBe(false);
      const gap =
        state.side === 'top' ? state.term.top - state.card.bottom : state.card.top - state.term.bottom;
      expect(['top', 'bottom']).toContain(state.side);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(16);
      expect(state.describedBy).toBe('oncology-glossary-term-description');
      expect(state.description.startsWith(entry.name)).toBe(true);
      expect(state.description).toContain(entry.plain);
      await page.mouseMove(1, 1);
      await waitForClosed(page);
    }
  });

  it('an occurrence split across elements ("<i>CAR</i> T-cell therapy") is one term with one tooltip', async () => {
    await open('tooltip.html');
    await page.hover('mark[data-glossary-id="car-t-cell-therapy"][data-glossary-part="rest"]');
    await waitForTooltip(page, 'car-t-cell-therapy');
    const state = (await tooltipState(page))!;
    expect(state.text.startsWith(glossaryEntry('car-t-cell-therapy').name)).toBe(true);
    // It points at the whole occurrence, both pieces.
    expect(state.card.right).toBeGreaterThan(state.term.left);
    expect(state.card.left).toBeLessThan(state.term.right);
  });

  it('an abbreviation the page defines says what it stands for there, from brackets, a list or a <dl>', async () => {
    await open('pubmed-abstract.html');
    const cases: [string, string, string, string | null][] = [
      ['#methods', 'NDMM', 'multiple-myeloma', 'Newly diagnosed multiple myeloma'],
      ['#results', 'POM', 'pomalidomide', 'pomalidomide'],
      ['#conclusion', 'DEX', 'dexamethasone', 'dexamethasone'],
      ['#history', 'THAL', 'thalidomide', 'thalidomide'],
      ['#background', 'lenalidomide', 'lenalidomide', null],
    ];
    for (const [block, text, id, longForm] of cases) {
      // The occurrence with that text (not its definition), picked out for the pointer.
      await page.evaluate(
        ({ block: b, text: t }) => {
          document.querySelector('[data-test-target]')?.removeAttribute('data-test-target');
          const marks = [...document.querySelectorAll(`${b} mark[data-glossary-id]`)];
          marks.findLast((m) => m.textContent === t)!.setAttribute('data-test-target', '');
        },
        { block, text },
      );
      await page.hover('[data-test-target]');
      await waitForTooltip(page, id);
      const state = (await tooltipState(page))!;
      const line = `On this page, ${text} stands for “${longForm}”.`;
      if (longForm === null) expect(state.text).not.toContain('On this page');
      else {
        // After the entry's name, before its definition, and read out with the term's description.
        expect(state.text).toContain(`${line}${glossaryEntry(id).plain}`);
        expect(state.description).toContain(line);
        if (text === 'NDMM') {
          // The card with its extra line stays accessible (axe-core on the tooltip's host, shadow root included).
          await page.evaluate(AXE_SOURCE as never);
          const violations = await page.evaluate(async (hostName) => {
            type Result = { violations: { id: string }[] };
            const axe = (window as unknown as { axe: { run(context: Element): Promise<Result> } }).axe;
            const { violations: found } = await axe.run(document.querySelector(hostName)!);
            return found.map((v) => v.id);
          }, HOST);
          expect(violations).toEqual([]);
        }
      }
      await page.mouseMove(1, 1);
      await waitForClosed(page);
    }
  });

  it('a quick pass over a term shows nothing', async () => {
    await open('tooltip.html');
    await page.evaluate(() => {
      const w = window as unknown as { entered: number };
      w.entered = 0;
      document.addEventListener('pointerover', (e) => {
        if ((e.target as Element).closest('mark[data-glossary-id="remission"]')) w.entered += 1;
      });
    });
    const { x, y } = await centreOf(page, mark('remission'));
    // Straight across the term: one pointer position on it, then off it at once.
    await page.mouseMove(x, y - 60);
    await page.mouseMove(x, y);
    await page.mouseMove(x, y + 60);
    await pause(800);
    expect(await page.evaluate(() => (window as unknown as { entered: number }).entered)).toBeGreaterThan(0);
    expect(await tooltipState(page)).toBeNull();
  });

  it('the pointer can move from the term onto the tooltip and it stays; leaving both closes it', async () => {
    await open('tooltip.html');
    await page.hover(mark('angiogenesis'));
    await waitForTooltip(page, 'angiogenesis');
    const term = await centreOf(page, mark('angiogenesis'));
    const target = await centreOf(page, '[role="tooltip"]', true);
    await page.mouseMove(target.x, target.y, 12);
    await pause(1200);
    const state = await tooltipState(page);
    expect(state?.entryId).toBe('angiogenesis');
    expect(term.y).toBeGreaterThan(target.y);
    await page.mouseMove(target.x, target.y + 400, 4);
    await waitForClosed(page);
  });

  it('Esc closes it without moving the pointer, and it stays closed', async () => {
    await open('tooltip.html');
    await page.hover(mark('lenalidomide'));
    await waitForTooltip(page, 'lenalidomide');
    await page.press('Escape');
    await waitForClosed(page);
    await pause(800);
    expect(await tooltipState(page)).toBeNull();
  });

  it('a term in a modal dialog or a popover gets its tooltip on top, reachable by pointer and keys', async () => {
    await open('tooltip-layers.html');
    const hostParent = () =>
      page.evaluate((hostName) => {
        const host = document.querySelector(hostName)!;
        return `${host.parentElement!.localName}${host.hasAttribute('popover') ? '[popover]' : ''}`;
      }, HOST);
    await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).showModal());
    await page.hover(`#modal-text ${mark('lenalidomide')}`);
    await waitForTooltip(page, 'lenalidomide');
    expect(await tooltipState(page)).toMatchObject({ onTop: true, visible: true });
    // The page dims everything it puts in the top layer; the tooltip dims the page no further.
    const backdrop = await page.evaluate(
      (hostName) => getComputedStyle(document.querySelector(hostName)!, '::backdrop').display,
      HOST,
    );
    expect(backdrop).toBe('none');
    // The dialog's transform squeezes nothing: the whole definition shows, with nothing to scroll.
    const squeezed = await page.evaluate((hostName) => {
      const text = document.querySelector(hostName)!.shadowRoot!.querySelector('[role="tooltip"]')!;
      return text.scrollHeight > text.clientHeight + 1;
    }, HOST);
    expect(squeezed).toBe(false);
    // The rest of the page is inert under a modal dialog: the pointer reaches the tooltip, and it stays.
    const target = await centreOf(page, '[role="tooltip"]', true);
    await page.mouseMove(target.x, target.y, 12);
    await pause(1200);
    expect((await tooltipState(page))?.entryId).toBe('lenalidomide');
    await page.mouseMove(1, 1);
    await waitForClosed(page);
    // From the focused term, Tab reaches the tooltip's actions; Esc is for the tooltip on top, and the dialog
    // under it stays open.
    await page.evaluate(() => {
      const term = document.querySelector<HTMLElement>('#modal-text mark[data-glossary-id]')!;
      term.tabIndex = -1;
      term.focus();
    });
    await waitForTooltip(page, 'lenalidomide');
    await page.press('Tab');
    expect(await focusedThing(page)).toBe('tooltip:full-entry');
    await page.press('Escape');
    await waitForClosed(page);
    expect(await focusedThing(page)).toBe('term:lenalidomide');
    expect(await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).open)).toBe(
      true,
    );
    expect(await hostParent()).toBe('html');

    await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).close());
    await page.evaluate(() => document.getElementById('note')!.showPopover());
    await page.hover(`#note-text ${mark('angiogenesis')}`);
    await waitForTooltip(page, 'angiogenesis');
    expect(await tooltipState(page)).toMatchObject({ onTop: true, visible: true });
    // A click in the tooltip is a click inside the popover: the page's popover stays open (and the page's
    // "one popover at a time" script left it open when the tooltip appeared).
    const inTooltip = await centreOf(page, '[role="tooltip"]', true);
    await page.mouseMove(inTooltip.x, inTooltip.y, 8);
    await page.mouseClick(inTooltip.x, inTooltip.y);
    await pause(300);
    expect(await page.evaluate(() => document.getElementById('note')!.matches(':popover-open'))).toBe(true);
    expect((await tooltipState(page))?.entryId).toBe('angiogenesis');
    await page.mouseMove(1, 1);
    await waitForClosed(page);

    // A term on the page itself: the host is an ordinary element again.
    await page.evaluate(() => document.getElementById('note')!.hidePopover());
    await page.hover(`#page-text ${mark('remission')}`);
    await waitForTooltip(page, 'remission');
    expect(await tooltipState(page)).toMatchObject({ onTop: true, visible: true });
    expect(await hostParent()).toBe('html');
  });

  it('modifier mode: hovering shows nothing until Alt is pressed', async () => {
    await open('tooltip.html');
    await setSetting('tooltipTrigger', { mode: 'modifier', delayMs: 300 });
    await page.bringToFront();
    try {
      await page.hover(mark('remission'));
      await pause(900);
      expect(await tooltipState(page)).toBeNull();
      await page.press('Alt');
      await waitForTooltip(page, 'remission');
    } finally {
      await setSetting('tooltipTrigger', { mode: 'hover', delayMs: 300 });
      await page.bringToFront();
    }
  });

  it('the next/previous-term commands walk the terms: scrolled into view, focused, described, shown', async () => {
    await open('tooltip.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('mark[data-glossary-id]:not([data-glossary-part])')].map((m) =>
        m.getAttribute('data-glossary-id'),
      ),
    );
    expect(order.length).toBeGreaterThanOrEqual(5);
    expect(order.at(-1)).toBe('mesothelioma');

    const walked: string[] = [];
    for (let i = 0; i < order.length; i += 1) {
      await browser.triggerCommand('next-term', page, fixtureOrigin);
      await page.waitForFunction(() => {
        const w = window as unknown as { lastFocused?: Element };
        const active = document.activeElement;
        if (!active?.matches('mark[data-glossary-id]') || active === w.lastFocused) return false;
        w.lastFocused = active;
        return true;
      });
      const id = await page.evaluate(() => document.activeElement!.getAttribute('data-glossary-id')!);
      walked.push(id);
      await waitForTooltip(page, id);
      const state = (await tooltipState(page))!;
      expect(state.describedBy).toBe('oncology-glossary-term-description');
      expect(state.description).toContain('Press Tab for its actions');
      // The term is on screen (scrolled to if needed), and so is its tooltip.
      await page.waitForFunction(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
    }
    expect(walked).toEqual(order);

    // At the end it wraps to the first; previous goes back.
    await browser.triggerCommand('next-term', page, fixtureOrigin);
    await waitForTooltip(page, order[0]!);
    await browser.triggerCommand('previous-term', page, fixtureOrigin);
    await waitForTooltip(page, order.at(-1)!);
    expect(await focusedThing(page)).toBe(`term:${order.at(-1)}`);
    // Only the focused mark is focusable: marks never join the tab order.
    expect(await page.evaluate(() => document.querySelectorAll('mark[tabindex]').length)).toBe(1);
  });

  it('Tab from the focused term reaches the actions, then moves on to what follows the term', async () => {
    await open('tooltip.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.triggerCommand('next-term', page, fixtureOrigin);
    await page.waitForFunction(() =>
      document.activeElement?.matches('mark[data-glossary-id="lenalidomide"]'),
    );
    await browser.triggerCommand('next-term', page, fixtureOrigin);
    await page.waitForFunction(() =>
      document.activeElement?.matches('mark[data-glossary-id="angiogenesis"]'),
    );
    await waitForTooltip(page, 'angiogenesis');
    await page.press('Tab');
    expect(await focusedThing(page)).toBe('tooltip:full-entry');
    await page.press('Tab');
    expect(await focusedThing(page)).toBe('tooltip:hide-term');
    await page.press('Shift+Tab');
    await page.press('Shift+Tab');
    expect(await focusedThing(page)).toBe('term:angiogenesis');
    expect(await tooltipState(page)).not.toBeNull();
    await page.press('Tab');
    await page.press('Tab');
    await page.press('Tab');
    // Past the last action, focus goes where Tab from the term would: the link after it. The tooltip closes.
    expect(await focusedThing(page)).toBe('a#after-first');
    await waitForClosed(page);
  });

  it('Esc inside the tooltip closes it and returns focus to the term', async () => {
    await open('tooltip.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.triggerCommand('next-term', page, fixtureOrigin);
    await waitForTooltip(page, 'lenalidomide');
    await page.press('Tab');
    expect(await focusedThing(page)).toBe('tooltip:full-entry');
    await page.press('Escape');
    await waitForClosed(page);
    expect(await focusedThing(page)).toBe('term:lenalidomide');
  });

  it('axe-core finds no violation with the tooltip open on a focused term (shadow root included)', async () => {
    await open('tooltip.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.triggerCommand('next-term', page, fixtureOrigin);
    await waitForTooltip(page, 'lenalidomide');
    // Injected as a string: both drivers evaluate it as a script in the page.
    await page.evaluate(AXE_SOURCE as never);
    const violations = await page.evaluate(async () => {
      type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
      const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
      const { violations: found } = await axe.run(document);
      return found.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);
    // The card really was checked: it is open and inside the document axe walked.
    expect((await tooltipState(page))?.entryId).toBe('lenalidomide');
  });

  it('a hostile page stylesheet changes nothing in the tooltip (computed styles equal a normal page)', async () => {
    const styles = async (fixture: string) => {
      await open(fixture);
      await page.hover(mark('lenalidomide'));
      await waitForTooltip(page, 'lenalidomide');
      const snapshot = await page.evaluate((hostName) => {
        const host = document.querySelector(hostName)!;
        const card = host.shadowRoot!.querySelector<HTMLElement>('.og-card')!;
        const properties = [
          'display',
          'position',
          'visibility',
          'opacity',
          'color',
          'background-color',
          'font-family',
          'font-size',
          'font-weight',
          'font-style',
          'line-height',
          'letter-spacing',
          'text-transform',
          'text-align',
          'text-decoration-line',
          'padding-top',
          'padding-left',
          'margin-top',
          'margin-left',
          'border-top-width',
          'border-top-color',
          'border-top-style',
          'border-radius',
          'box-shadow',
          'list-style-type',
          'cursor',
          'width',
          'height',
          'content',
          'z-index',
          'transform',
        ];
        // Where the tooltip sits depends on the page's layout (the hostile page moves the term): its height may
        // be capped to the room available, and the arrow's visible sides follow the side it is on. Everything
        // else must be identical.
        const placementDependent: Record<string, string[]> = {
          'og-card': ['height'],
          'og-tooltip': ['height'],
          'og-arrow': ['border-top-color'],
        };
        const parts = [card, ...card.querySelectorAll('*')].map((element) => {
          const computed = getComputedStyle(element);
          const label = `${element.tagName.toLowerCase()}.${element.className}`;
          const skip = placementDependent[element.className] ?? [];
          const values = properties
            .filter((p) => !skip.includes(p))
            .map((p) => [p, computed.getPropertyValue(p)]);
          return [label, Object.fromEntries(values)] as const;
        });
        const contentHeight = card.querySelector('.og-tooltip')!.scrollHeight;
        const beforeSource = card.querySelector('.og-source');
        const hostStyle = getComputedStyle(host);
        const description = document.getElementById('oncology-glossary-term-description')!;
        return {
          parts,
          contentHeight,
          sourceDot: beforeSource
            ? getComputedStyle(beforeSource, '::before').getPropertyValue('content')
            : null,
          host: ['position', 'z-index', 'display', 'opacity', 'transform'].map((p) =>
            hostStyle.getPropertyValue(p),
          ),
          descriptionDisplay: getComputedStyle(description).display,
        };
      }, HOST);
      const state = (await tooltipState(page))!;
      return { snapshot, state };
    };
    const normal = await styles('tooltip.html');
    const hostile = await styles('tooltip-hostile-css.html');
    expect(hostile.snapshot.parts.length).toBeGreaterThan(10);
    expect(hostile.snapshot).toEqual(normal.snapshot);
    expect(hostile.snapshot.host).toEqual(['fixed', '2147483647', 'block', '1', 'none']);
    expect(hostile.snapshot.descriptionDisplay).toBe('none');
    expect(hostile.state.text).toBe(normal.state.text);
    expect(hostile.state.onTop && hostile.state.visible).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot(path.join(ARTIFACTS, `tooltip-hostile-${name}.png`));
  });

  it('stays inside the viewport near the edges and below a fixed header, and follows scrolling', async () => {
    await open('tooltip-edges.html');
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    const header = await page.evaluate(
      () => document.querySelector('header')!.getBoundingClientRect().bottom,
    );
    for (const id of ['remission', 'asbestos']) {
      await page.hover(mark(id));
      await waitForTooltip(page, id);
      const state = (await tooltipState(page))!;
      expect(inside(state.card, viewport)).toBe(true);
      expect(overlaps(state.card, state.term)).toBe(false);
      // No room between the header and the term: below the term, not over the site's header.
      expect(state.side).toBe('bottom');
      expect(state.card.top).toBeGreaterThanOrEqual(header);
      await page.mouseMove(viewport.width / 2, viewport.height - 5);
      await waitForClosed(page);
    }

    // A term far down a long page, at the bottom-right corner of the viewport.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.hover(mark('angiogenesis'));
    await waitForTooltip(page, 'angiogenesis');
    let state = (await tooltipState(page))!;
    expect(inside(state.card, viewport)).toBe(true);
    expect(state.side).toBe('top');
    expect(overlaps(state.card, state.term)).toBe(false);

    // Scrolling (focus keeps it open) moves it with its term.
    await page.evaluate(() => document.querySelector<HTMLElement>('#bottom-right mark')!.focus());
    await page.evaluate(() => window.scrollBy(0, -150));
    await page.waitForFunction((hostName) => {
      const card = document
        .querySelector(hostName)!
        .shadowRoot!.querySelector('.og-card')!
        .getBoundingClientRect();
      const term = document.querySelector('#bottom-right mark')!.getBoundingClientRect();
      return Math.abs(term.top - card.bottom - 8) < 2;
    }, HOST);
    state = (await tooltipState(page))!;
    expect(state.entryId).toBe('angiogenesis');
  });

  it('"Hide this term" removes its marks everywhere on the page; restoring it in the popup brings them back', async () => {
    await open('tooltip.html');
    const count = (id: string) =>
      page.evaluate((s) => document.querySelectorAll(s).length, `mark[data-glossary-id="${id}"]`);
    expect(await count('remission')).toBeGreaterThan(0);
    const othersBefore = await count('lenalidomide');
    await page.hover(mark('remission'));
    await waitForTooltip(page, 'remission');
    const button = await centreOf(page, '[data-action="hide-term"]', true);
    await page.mouseMove(button.x, button.y, 10);
    await page.mouseClick(button.x, button.y);
    await page.waitForFunction(
      () => document.querySelectorAll('mark[data-glossary-id="remission"]').length === 0,
    );
    await waitForClosed(page);
    expect(await count('lenalidomide')).toBe(othersBefore);
    expect(await page.evaluate(() => document.querySelector('#second')!.textContent)).toContain('remission');

    const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
    try {
      await popup.waitForFunction(() => document.querySelector('button.restore[data-entry-id="remission"]'));
      await popup.click('button.restore[data-entry-id="remission"]');
      // The setting is written once the list has updated.
      await popup.waitForFunction(() => !document.querySelector('button.restore[data-entry-id="remission"]'));
    } finally {
      await popup.close();
    }
    await page.bringToFront();
    await page.waitForFunction(
      () => document.querySelectorAll('mark[data-glossary-id="remission"]').length > 0,
    );
  });

  it('"Full entry" opens the full entry (the popup where the browser allows it, else the entry page)', async () => {
    // An extension page sees every view of the extension (`extension.getViews`): the toolbar popup if the
    // background could open it, or the entry page in a new tab if not.
    const viewer = await browser.openExtensionPage('entry.html', fixtureOrigin);
    await open('tooltip.html');
    await page.bringToFront();
    await page.hover(mark('angiogenesis'));
    await waitForTooltip(page, 'angiogenesis');
    const button = await centreOf(page, '[data-action="full-entry"]', true);
    await page.mouseMove(button.x, button.y, 10);
    await page.mouseClick(button.x, button.y);
    try {
      await viewer.waitForFunction(
        ({ id, entryName }) => {
          type Api = { extension: { getViews(): Window[] } };
          const api = ((globalThis as unknown as { browser?: Api }).browser ??
            (globalThis as unknown as { chrome: Api }).chrome) as Api;
          return api.extension.getViews().some((view) => {
            const where = view.location;
            const isPopup = where.pathname.endsWith('/popup.html');
            const isEntryTab = where.pathname.endsWith('/entry.html') && where.hash === `#entry=${id}`;
            const article = view.document.querySelector(`article.entry[data-entry-id="${id}"]`);
            return (isPopup || isEntryTab) && article?.textContent?.includes(entryName);
          });
        },
        { id: 'angiogenesis', entryName: glossaryEntry('angiogenesis').name },
      );
    } finally {
      await viewer.evaluate(() => {
        type Api = { extension: { getViews(): Window[] } };
        const api = ((globalThis as unknown as { browser?: Api }).browser ??
          (globalThis as unknown as { chrome: Api }).chrome) as Api;
        for (const view of api.extension.getViews()) {
          const { pathname, hash } = view.location;
          if (pathname.endsWith('/popup.html') || hash.startsWith('#entry=')) view.close();
        }
      });
      await viewer.close();
      await page.bringToFront();
    }
  });

  it('light and dark themes follow the reader (screenshots in tests/.artifacts, kept for the README)', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const suffix = name === 'chromium' ? '' : `-${name}`;
    const colours: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      // Firefox cannot switch colour scheme at run time: each scheme gets a browser launched with it.
      const themed = await launchExtensionBrowser(name, { colorScheme: scheme });
      try {
        const themedPage = await themed.newPage();
        await themedPage.setViewport(900, 640);
        await themedPage.goto(`${fixtureOrigin}/tooltip.html`);
        await themedPage.waitForFunction(
          (hostName) => document.querySelector('mark[data-glossary-id]') && document.querySelector(hostName),
          HOST,
        );
        await themedPage.hover(mark('lenalidomide'));
        await waitForTooltip(themedPage, 'lenalidomide');
        const state = (await tooltipState(themedPage))!;
        expect(state.onTop && state.visible).toBe(true);
        // Shown whole: nothing cut off or scrolled away.
        expect(
          await themedPage.evaluate((hostName) => {
            const part = document.querySelector(hostName)!.shadowRoot!.querySelector('[role="tooltip"]')!;
            return part.scrollHeight <= part.clientHeight;
          }, HOST),
        ).toBe(true);
        colours[scheme] = await themedPage.evaluate(
          (hostName) =>
            getComputedStyle(document.querySelector(hostName)!.shadowRoot!.querySelector('.og-card')!)
              .backgroundColor,
          HOST,
        );
        await themedPage.screenshot(path.join(ARTIFACTS, `tooltip${suffix}-${scheme}.png`));
      } finally {
        await themed.close();
      }
    }
    expect(colours).toEqual({ light: 'rgb(255, 255, 255)', dark: 'rgb(31, 35, 41)' });
  });
});
