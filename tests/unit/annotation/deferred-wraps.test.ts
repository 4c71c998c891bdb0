import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DeferredWraps,
  nearRange,
  type FoundRun,
  type PendingRun,
} from '../../../src/annotation/deferred-wraps';
import type { TermMatch } from '../../../src/matching/build-term-matcher';
import { OCCURRENCE_SELECTOR } from '../../../src/annotation/mark-selectors';
import { annotate, occurrences, setBody, settle, stopAllEngines } from './annotation-helpers';

// happy-dom lays nothing out: each block's box is faked from its data-y (its top in the page), 100 px high,
// in an 800 px viewport scrolled by `scrollY`.
const VIEWPORT = 800;
let scrollY = 0;

function fakeLayout(): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const y = this.getAttribute('data-y');
    if (y === null || this.hasAttribute('hidden')) return new DOMRect(0, 0, 0, 0);
    return new DOMRect(0, Number(y) - scrollY, 600, 100);
  });
  Object.defineProperty(window, 'innerHeight', { value: VIEWPORT, configurable: true });
}

/** A page of `count` paragraphs, 100 px apart, each saying something about myeloma; `extra` by index. */
function longPage(count: number, extra: Record<number, string> = {}): void {
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++)
    paragraphs.push(`<p data-y="${i * 100}" id="p${i}">Part ${i} on myeloma. ${extra[i] ?? ''}</p>`);
  setBody(paragraphs.join(''));
}

const markedParagraphs = () =>
  [...document.querySelectorAll(OCCURRENCE_SELECTOR)].map((mark) => Number(mark.closest('p')!.id.slice(1)));

async function scrollTo(y: number): Promise<void> {
  scrollY = y;
  window.dispatchEvent(new Event('scroll'));
  // The check waits for a frame.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

beforeEach(() => {
  stopAllEngines();
  document.head.replaceChildren();
  scrollY = 0;
  fakeLayout();
});
afterEach(() => vi.restoreAllMocks());

describe('occurrences far from the viewport', () => {
  it('are found but wrapped only near the viewport (one viewport above, two below)', async () => {
    longPage(100);
    const { engine } = await annotate();
    expect(markedParagraphs()).toEqual([...Array(25).keys()]);
    expect(engine.termCounts()).toEqual([{ entryId: 'myeloma', count: 100 }]);
  });

  it('are wrapped as the reader scrolls near them, and the text stays the same', async () => {
    longPage(100);
    const text = document.body.textContent;
    const { engine } = await annotate();
    await scrollTo(5000);
    await engine.idle();
    const marked = markedParagraphs();
    expect(marked).toContain(42);
    expect(marked).toContain(74);
    expect(marked).not.toContain(30);
    expect(marked).not.toContain(80);
    await scrollTo(9500);
    await engine.idle();
    expect(markedParagraphs()).toContain(99);
    expect(document.body.textContent).toBe(text);
    expect(engine.termCounts()).toEqual([{ entryId: 'myeloma', count: 100 }]);
  });

  it('inside a dialog or popover the page opens later are wrapped at once, wherever it sits in the source', async () => {
    longPage(100);
    for (const [tag, id, part] of [
      ['dialog', 'd', 200],
      ['div', 'n', 201],
    ] as const) {
      const layer = document.createElement(tag);
      layer.id = id;
      if (tag === 'div') layer.setAttribute('popover', '');
      const paragraph = document.createElement('p');
      paragraph.id = `p${part}`;
      paragraph.textContent = `Part ${part} on myeloma.`;
      layer.append(paragraph);
      document.body.append(layer);
    }
    const { engine } = await annotate();
    expect(markedParagraphs()).toEqual([...Array(25).keys()]);
    // Shown in the middle of the viewport, in the top layer; nothing scrolls, nothing is resized.
    for (const [id, layer] of [
      ['p200', 'd'],
      ['p201', 'n'],
    ] as const) {
      document.getElementById(id)!.setAttribute('data-y', '300');
      document.getElementById(layer)!.dispatchEvent(new Event('toggle'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await engine.idle();
    }
    expect(markedParagraphs()).toEqual([...Array(25).keys(), 200, 201]);
  });

  it("inside a web component's dialog that opens later are wrapped at once too", async () => {
    longPage(100);
    const host = document.createElement('x-panel');
    const dialog = document.createElement('dialog');
    const paragraph = document.createElement('p');
    paragraph.id = 'p200';
    paragraph.textContent = 'Part 200 on myeloma.';
    dialog.append(paragraph);
    host.attachShadow({ mode: 'open' }).append(dialog);
    document.body.append(host);
    const { engine } = await annotate();
    const marked = () => paragraph.querySelectorAll(OCCURRENCE_SELECTOR).length;
    expect(marked()).toBe(0);
    paragraph.dataset.y = '300';
    // A toggle event is not composed: it never leaves the shadow root.
    dialog.dispatchEvent(new Event('toggle'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await engine.idle();
    expect(marked()).toBe(1);
  });

  it('inside a dialog open when the page is read, or filled once open, none wait', async () => {
    longPage(100);
    // An interstitial at the end of the source, shown over the page from the start.
    const dialog = document.createElement('dialog');
    dialog.open = true;
    for (const part of [200, 201]) {
      const paragraph = document.createElement('p');
      paragraph.id = `p${part}`;
      paragraph.dataset.y = '300';
      paragraph.textContent = `Part ${part} on myeloma.`;
      dialog.append(paragraph);
    }
    document.body.append(dialog);
    const { engine } = await annotate();
    expect(markedParagraphs()).toEqual([...Array(25).keys(), 200, 201]);
    // The page fills the dialog with a long text, most of it below the dialog's fold.
    for (let part = 300; part < 400; part++) {
      const paragraph = document.createElement('p');
      paragraph.id = `p${part}`;
      paragraph.dataset.y = String(300 + (part - 300) * 100);
      paragraph.textContent = `Part ${part} on myeloma.`;
      dialog.append(paragraph);
    }
    await settle(engine);
    expect(markedParagraphs().filter((part) => part >= 300)).toHaveLength(100);
  });

  it('count in page order of first occurrence, waiting ones included', async () => {
    longPage(100, { 90: 'Then lenalidomide.', 5: 'About angiogenesis.' });
    const { engine } = await annotate();
    expect(engine.termCounts()).toEqual([
      { entryId: 'myeloma', count: 100 },
      { entryId: 'angiogenesis', count: 1 },
      { entryId: 'lenalidomide', count: 1 },
    ]);
  });

  it('of one term are wrapped on demand (to show them one after another)', async () => {
    longPage(100, { 90: 'Then lenalidomide.' });
    const { engine } = await annotate();
    expect(document.querySelector('[data-glossary-id="lenalidomide"]')).toBeNull();
    engine.materializeEntry('lenalidomide');
    expect(document.querySelector('[data-glossary-id="lenalidomide"]')!.closest('p')!.id).toBe('p90');
    expect(markedParagraphs()).not.toContain(80);
  });

  it('next to a term are wrapped for a step to it, and the first and last of the page for wrapping round', async () => {
    longPage(100);
    const { engine } = await annotate();
    const last = [...document.querySelectorAll(OCCURRENCE_SELECTOR)].at(-1)!;
    engine.materializeStep(last, 'next');
    expect(markedParagraphs()).toEqual([...Array(26).keys(), 99]);
    // Without a term to start from, the waiting ones next to the viewport (the page's last is marked now).
    engine.materializeStep(null, 'previous');
    expect(markedParagraphs()).toEqual([...Array(27).keys(), 99]);
  });

  it('of a hidden term are dropped, and the counts follow', async () => {
    longPage(100, { 90: 'Then lenalidomide.' });
    const { engine } = await annotate();
    engine.update({ enabled: true, hiddenTerms: ['lenalidomide'], occurrenceMode: 'every' });
    await engine.idle();
    expect(engine.termCounts().map((t) => t.entryId)).toEqual(['myeloma']);
    engine.materializeEntry('lenalidomide');
    expect(document.querySelector('[data-glossary-id="lenalidomide"]')).toBeNull();
  });

  it('in text the page changed meanwhile are read again, never wrapped at stale offsets', async () => {
    longPage(100);
    const { engine } = await annotate();
    const paragraph = document.getElementById('p80')!;
    paragraph.firstChild!.textContent = 'Now about lenalidomide and myeloma.';
    await new Promise((resolve) => setTimeout(resolve, 40));
    await engine.idle();
    await scrollTo(7500);
    await engine.idle();
    expect(occurrences(paragraph)).toEqual(['lenalidomide → lenalidomide', 'myeloma → myeloma']);
    expect(engine.termCounts().find((t) => t.entryId === 'myeloma')!.count).toBe(100);
  });

  it('in many blocks the page changed at once (a table sorted) are each read again, the others kept', async () => {
    longPage(100);
    const { engine } = await annotate();
    for (const i of [60, 70, 80])
      document.getElementById(`p${i}`)!.firstChild!.textContent = `Part ${i}: lenalidomide.`;
    await new Promise((resolve) => setTimeout(resolve, 40));
    await engine.idle();
    expect(engine.termCounts()).toEqual([
      { entryId: 'myeloma', count: 97 },
      { entryId: 'lenalidomide', count: 3 },
    ]);
    await scrollTo(7500);
    await engine.idle();
    expect(occurrences(document.getElementById('p70')!)).toEqual(['lenalidomide → lenalidomide']);
    expect(occurrences(document.getElementById('p75')!)).toEqual(['myeloma → myeloma']);
  });

  it('go when annotations are switched off, and are found again when switched on', async () => {
    longPage(100);
    const text = document.body.textContent;
    const { engine } = await annotate();
    engine.update({ enabled: false, hiddenTerms: [], occurrenceMode: 'every' });
    expect(engine.termCounts()).toEqual([]);
    expect(document.querySelector(OCCURRENCE_SELECTOR)).toBeNull();
    expect(document.body.textContent).toBe(text);
    engine.update({ enabled: true, hiddenTerms: [], occurrenceMode: 'every' });
    await engine.idle();
    expect(engine.termCounts()).toEqual([{ entryId: 'myeloma', count: 100 }]);
    expect(markedParagraphs()).toHaveLength(25);
  });

  it('decide the first occurrence with the rest of the page when the reader switches to first only', async () => {
    longPage(100, { 90: 'Then lenalidomide.' });
    const { engine } = await annotate();
    engine.update({ enabled: true, hiddenTerms: [], occurrenceMode: 'first' });
    await engine.idle();
    expect(occurrences()).toEqual(['myeloma → myeloma', 'lenalidomide → lenalidomide']);
    expect(engine.termCounts()).toEqual([
      { entryId: 'myeloma', count: 1 },
      { entryId: 'lenalidomide', count: 1 },
    ]);
  });

  it('that the page gives no meaning are neither counted nor a step: "MM" without its long form', async () => {
    longPage(100);
    // Paragraph 98 holds only an abbreviation this page never explains.
    document.getElementById('p98')!.textContent = 'The MM group met.';
    const { engine } = await annotate();
    expect(engine.termCounts()).toEqual([{ entryId: 'myeloma', count: 99 }]);
    // The page's last term, then a step back: it lands on paragraph 97, past the MM one.
    engine.materializeStep(null, 'next');
    expect(markedParagraphs().at(-1)).toBe(99);
    engine.materializeStep(document.querySelector('#p99 [data-glossary-id]'), 'previous');
    expect(markedParagraphs()).toContain(97);
    expect(document.querySelector('#p98 [data-glossary-id]')).toBeNull();
  });

  it('are decided with what the page says when the reader nears them: a long form added later', async () => {
    longPage(100, { 90: 'The MM group met.' });
    const { engine } = await annotate();
    document.getElementById('p2')!.append(' Multiple myeloma is a blood cancer.');
    await new Promise((resolve) => setTimeout(resolve, 40));
    await engine.idle();
    await scrollTo(8500);
    await engine.idle();
    expect(occurrences(document.getElementById('p90')!)).toEqual([
      'myeloma → myeloma',
      'MM → multiple-myeloma',
    ]);
  });

  it('in a long text of one node, wrapped on demand, come in one change to the page, as when the reader nears them', async () => {
    const long = 'Then lenalidomide slows angiogenesis. '.repeat(2000);
    longPage(100, { 90: long });
    const paragraph = document.getElementById('p90')!;
    const node = paragraph.firstChild as Text;
    const text = document.body.textContent;
    const { engine } = await annotate();
    expect(paragraph.querySelector(OCCURRENCE_SELECTOR)).toBeNull();
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(paragraph, { childList: true, subtree: true, characterData: true });
    engine.materializeEntry('lenalidomide');
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(occurrences(paragraph)).toHaveLength(1 + 2 * 2000);
    expect(document.body.textContent).toBe(text);
    // Wrapped in place, each of 4,001 marks would split the page's text and make it lay it out again.
    expect(records.filter((r) => r.type === 'characterData').map((r) => r.target)).toEqual([node]);
    expect(records.every((r) => r.type === 'characterData' || r.removedNodes.length === 0)).toBe(true);
  });

  it('are all wrapped at once without margins', async () => {
    longPage(100);
    await annotate({}, { nearMargins: null });
    expect(markedParagraphs()).toHaveLength(100);
  });
});

describe('nearRange', () => {
  const item = (y: number | null): PendingRun => {
    const block = document.createElement('p');
    if (y !== null) block.setAttribute('data-y', String(y));
    return { run: { text: '', nodes: [], starts: [], annotated: null, block, soft: null }, accepted: [] };
  };

  it('finds the items within the margins by their boxes', () => {
    const items = [0, 1000, 2000, 3000, 4000, 5000].map(item);
    scrollY = 2000;
    expect(nearRange(items, VIEWPORT, { above: 0, below: 0 })).toEqual([2, 3]);
    expect(nearRange(items, VIEWPORT, { above: 1, below: 2 })).toEqual([2, 5]);
  });

  it('judges items without a box by the next one with a box', () => {
    const items = [item(0), item(null), item(1000), item(null), item(null), item(5000)];
    scrollY = 5000;
    expect(nearRange(items, VIEWPORT, { above: 0, below: 0 })).toEqual([3, 6]);
    scrollY = 0;
    expect(nearRange(items, VIEWPORT, { above: 0, below: 0 })).toEqual([0, 1]);
  });

  it('takes everything when nothing has a box', () => {
    expect(nearRange([item(null), item(null)], VIEWPORT, { above: 0, below: 0 })).toEqual([0, 2]);
  });

  it('steps over a hidden tab or a closed <details> at once, judging its runs by the next run with a box', () => {
    document.body.replaceChildren();
    const inside = (container: Element, count: number) =>
      Array.from({ length: count }, () => {
        const run = item(null);
        container.append(run.run.block);
        return run;
      });
    const placed = (y: number) => {
      const run = item(y);
      document.body.append(run.run.block);
      return run;
    };
    const tab = document.createElement('div');
    tab.setAttribute('hidden', '');
    const details = document.createElement('details');
    const items = [placed(0), placed(1000)];
    document.body.append(tab);
    items.push(...inside(tab, 1000), placed(2000));
    document.body.append(details);
    items.push(...inside(details, 1000), placed(3000));
    const measure = vi.mocked(Element.prototype.getBoundingClientRect);
    for (const [y, expected] of [
      [1000, [1, 2]],
      [2000, [2, 1003]],
      [3000, [1003, 2004]],
    ] as const) {
      scrollY = y;
      measure.mockClear();
      expect(nearRange(items, VIEWPORT, { above: 0, below: 0 })).toEqual(expected);
      expect(measure.mock.calls.length).toBeLessThan(150);
    }
  });
});

describe('DeferredWraps', () => {
  /** A run of one text node in a block at `y`, with one match of `entryId` over its whole text. */
  const found = (y: number, entryId: string): FoundRun => {
    const block = document.createElement('p');
    block.setAttribute('data-y', String(y));
    const node = document.createTextNode('term');
    block.append(node);
    document.body.append(block);
    const match = { start: 0, end: 4, form: { entryId } } as unknown as TermMatch;
    return {
      run: { text: 'term', nodes: [node], starts: [0], annotated: null, block, soft: null },
      matches: [match],
    };
  };

  it('decides a run when it is taken, not when it is added', () => {
    document.body.replaceChildren();
    const decide = vi.fn(({ matches }: FoundRun) =>
      matches.map((m) => ({ start: m.start, end: m.end, entryId: m.form.entryId })),
    );
    const deferred = new DeferredWraps(decide);
    deferred.add(Array.from({ length: 100 }, (_, i) => found(i * 100, 'myeloma')));
    expect(decide).not.toHaveBeenCalled();
    const near = deferred.takeNear(VIEWPORT, { above: 0, below: 0 });
    // Blocks 100 px high at 0, 100 … 800 meet an 800 px viewport.
    expect(near).toHaveLength(9);
    expect(decide).toHaveBeenCalledTimes(9);
    expect(deferred.size).toBe(91);
  });

  it('leaves out runs with nothing to annotate when it takes or counts them', () => {
    document.body.replaceChildren();
    const decide = ({ matches }: FoundRun) =>
      matches
        .filter((m) => m.form.entryId !== 'refused')
        .map((m) => ({ start: m.start, end: m.end, entryId: m.form.entryId }));
    const ids = (runs: PendingRun[]) => runs.map((r) => r.accepted[0]!.entryId);

    const edges = new DeferredWraps(decide);
    edges.add([found(0, 'refused'), found(100, 'myeloma'), found(200, 'refused')]);
    expect(ids(edges.takeEdge('last', null))).toEqual(['myeloma']);
    expect(edges.entries().size).toBe(0);
    expect(edges.size).toBe(0);

    const steps = new DeferredWraps(decide);
    steps.add([found(0, 'refused'), found(100, 'refused'), found(200, 'angiogenesis')]);
    expect(ids(steps.takeAdjacent(null, 'next'))).toEqual(['angiogenesis']);
    expect(steps.size).toBe(0);

    const back = new DeferredWraps(decide);
    back.add([found(0, 'myeloma'), found(100, 'angiogenesis'), found(200, 'refused'), found(300, 'refused')]);
    expect(ids(back.takeAdjacent(null, 'previous'))).toEqual(['angiogenesis']);
    expect(ids(back.takeAll())).toEqual(['myeloma']);
  });

  it('drops the runs inside the roots about to be read again, in a shadow tree too, for a few roots or many', () => {
    document.body.replaceChildren();
    const decide = ({ matches }: FoundRun) =>
      matches.map((m) => ({ start: m.start, end: m.end, entryId: m.form.entryId }));
    const runs = Array.from({ length: 12 }, (_, i) => found(i * 100, `e${i}`));
    // Run 3 sits in a span of its paragraph; run 5 in a shadow tree whose host is its paragraph.
    const span = document.createElement('span');
    span.append(runs[3]!.run.nodes[0]!);
    runs[3]!.run.block.append(span);
    const host = runs[5]!.run.block;
    host.attachShadow({ mode: 'open' }).append(runs[5]!.run.nodes[0]!);
    const remaining = (deferred: DeferredWraps) =>
      deferred.takeAll().map(({ accepted }) => accepted[0]!.entryId);

    const few = new DeferredWraps(decide);
    few.add(runs);
    few.dropInside([span, host, runs[8]!.run.block]);
    expect(remaining(few)).toEqual(['e0', 'e1', 'e2', 'e4', 'e6', 'e7', 'e9', 'e10', 'e11']);

    const many = new DeferredWraps(decide);
    many.add(runs);
    many.dropInside([span, host, ...[0, 1, 9, 10, 11].map((i) => runs[i]!.run.block)]);
    expect(remaining(many)).toEqual(['e2', 'e4', 'e6', 'e7', 'e8']);
  });
});
