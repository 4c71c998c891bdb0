import { beforeEach, describe, expect, it } from 'vitest';
import { AnnotationEngine } from '../../../src/annotation/annotation-engine';
import { EXTENSION_UI_ATTRIBUTE, MARK_SELECTOR } from '../../../src/annotation/mark-selectors';
import { makeTestGlossary } from '../matching/test-glossary';
import {
  annotate,
  fakeContext,
  occurrences,
  ON,
  setBody,
  settle,
  stopAllEngines,
} from './annotation-helpers';

beforeEach(() => {
  stopAllEngines();
  setBody('');
});

/** The text node the page holds for the first paragraph, split by the annotator. */
function pageTextNode(selector: string): Text {
  return document.querySelector(selector)!.firstChild as Text;
}

describe('content added later', () => {
  it('is annotated, in one batch for changes made together', async () => {
    setBody('<main id="feed"><p>angiogenesis</p></main>');
    const { engine } = await annotate();
    const passes = engine.stats.passes;
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.textContent = `Item ${i}: lenalidomide`;
      feed.append(p);
    }
    await settle(engine);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(21);
    expect(engine.stats.passes).toBe(passes + 1);
  });

  it('text typed into an inline element joins its run', async () => {
    setBody('<p id="p">multiple <span id="s"></span></p>');
    const { engine } = await annotate();
    document.getElementById('s')!.textContent = 'myeloma';
    await settle(engine);
    expect(occurrences()).toEqual(['multiple myeloma → multiple-myeloma']);
  });

  it('a clock ticking in a span of its own inside a long <main> is read again alone, not the whole <main>', async () => {
    setBody(
      `<main><span id="clock">12:00</span>${'<p>Multiple myeloma and angiogenesis.</p>'.repeat(50)}</main>`,
    );
    const { engine } = await annotate();
    const walked: Node[] = [];
    const createTreeWalker = document.createTreeWalker.bind(document);
    document.createTreeWalker = (root: Node, whatToShow?: number) => {
      walked.push(root);
      return createTreeWalker(root, whatToShow);
    };
    try {
      const clock = document.getElementById('clock')!;
      clock.textContent = '12:01';
      await settle(engine);
      clock.textContent = 'lenalidomide';
      await settle(engine);
      expect(walked).toEqual([clock, clock]);
    } finally {
      document.createTreeWalker = createTreeWalker;
    }
    expect(occurrences().filter((found) => found.startsWith('lenalidomide'))).toHaveLength(1);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(101);
  });

  it('a span read again alone, changed while a pass that read it with its block is under way, is not marked at its old offsets', async () => {
    setBody(`<main><span id="t">myeloma</span>${'<p>angiogenesis</p>'.repeat(5)}</main>`);
    const span = document.getElementById('t')!;
    const text = span.firstChild as Text;
    // The page changes the span's text (same length) right after the walk has read it, before the pass wraps.
    const createTreeWalker = document.createTreeWalker.bind(document);
    let changed = false;
    document.createTreeWalker = (root: Node, whatToShow?: number) => {
      const walker = createTreeWalker(root, whatToShow);
      const next = walker.nextNode.bind(walker);
      walker.nextNode = () => {
        const node = next();
        if (!changed && node?.nodeType === 1 && (node as Element).localName === 'p') {
          changed = true;
          text.data = 'mye-oma';
        }
        return node;
      };
      return walker;
    };
    try {
      const engine = new AnnotationEngine(fakeContext(), makeTestGlossary(), document, {
        batchDelayMs: 60_000,
        nearMargins: null,
      });
      engine.update(ON);
      for (let i = 0; i < 200 && occurrences().length < 5; i++) await new Promise((r) => setTimeout(r, 5));
      expect(span.textContent).toBe('mye-oma');
      expect(occurrences().filter((found) => !found.startsWith('angiogenesis'))).toEqual([]);
      engine.stop();
    } finally {
      document.createTreeWalker = createTreeWalker;
    }
  });

  it('a ticking clock in a light-DOM app of custom elements is read again alone, not the whole app', async () => {
    setBody(
      `<app-root><app-header><app-clock id="clock">12:00</app-clock></app-header>` +
        `<app-feed>${'<app-post><p>Multiple myeloma and angiogenesis.</p></app-post>'.repeat(50)}</app-feed></app-root>`,
    );
    const { engine } = await annotate();
    const walked: string[] = [];
    const createTreeWalker = document.createTreeWalker.bind(document);
    document.createTreeWalker = (root: Node, whatToShow?: number) => {
      walked.push((root as Element).localName);
      return createTreeWalker(root, whatToShow);
    };
    try {
      document.getElementById('clock')!.textContent = 'lenalidomide';
      await settle(engine);
    } finally {
      document.createTreeWalker = createTreeWalker;
    }
    expect(walked).toEqual(['app-clock']);
    expect(occurrences().filter((found) => found.startsWith('lenalidomide'))).toHaveLength(1);
  });

  it('twenty tickers, each a span between blocks, changed at once: every one is annotated', async () => {
    setBody(`<main>${'<span class="t">12:00</span><p>Angiogenesis.</p>'.repeat(20)}</main>`);
    const { engine } = await annotate();
    for (const ticker of document.querySelectorAll('.t')) ticker.textContent = 'lenalidomide';
    await settle(engine);
    expect(occurrences().filter((found) => found.startsWith('lenalidomide'))).toHaveLength(20);
    expect(occurrences().filter((found) => found.startsWith('Angiogenesis'))).toHaveLength(20);
  });

  it('our own marks never trigger another pass', async () => {
    setBody('<p>lenalidomide, myeloma, T cells</p>'.repeat(10));
    const { engine } = await annotate();
    const passes = engine.stats.passes;
    await settle(engine, 60);
    expect(engine.stats.passes).toBe(passes);
  });

  it("the tooltip's host moving into a block and out again causes no pass", async () => {
    setBody('<dialog open id="d"><p>lenalidomide, myeloma</p></dialog>');
    const { engine } = await annotate();
    const passes = engine.stats.passes;
    const host = document.createElement('oncology-glossary-tooltip');
    host.setAttribute(EXTENSION_UI_ATTRIBUTE, '');
    document.getElementById('d')!.append(host);
    await settle(engine, 60);
    document.documentElement.append(host);
    await settle(engine, 60);
    expect(engine.stats.passes).toBe(passes);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(2);
  });

  it('changes inside editable or skipped regions cause no work', async () => {
    setBody('<div contenteditable="true" id="editor"><p>x</p></div><textarea id="t"></textarea>');
    const { engine } = await annotate();
    const passes = engine.stats.passes;
    document.querySelector('#editor p')!.textContent = 'myeloma typed by the reader';
    (document.getElementById('t') as HTMLTextAreaElement).value = 'myeloma';
    await settle(engine);
    expect(engine.stats.passes).toBe(passes);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });

  it('a long form arriving later enables an ambiguous abbreviation seen before', async () => {
    setBody('<p>MM is common.</p>');
    const { engine } = await annotate();
    expect(occurrences()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Multiple myeloma is a blood cancer.';
    document.body.append(p);
    await settle(engine);
    await settle(engine);
    expect(occurrences()).toEqual(['MM → multiple-myeloma', 'Multiple myeloma → multiple-myeloma']);
  });

  it('a cancer named later enables a term that waits for a page about cancer ("remission")', async () => {
    const glossary = makeTestGlossary(
      { remission: ['remission'], lymphoma: ['lymphoma'] },
      ['lymphoma'],
      ['remission'],
    );
    setBody('<p>Remission can last for years.</p><p>A lymphoma walk.</p>');
    const { engine } = await annotate({}, {}, glossary);
    expect(occurrences()).toEqual(['lymphoma → lymphoma']);
    const p = document.createElement('p');
    p.textContent = 'This clinic treats lymphoma.';
    document.body.append(p);
    await settle(engine);
    await settle(engine);
    expect(occurrences()).toEqual(['Remission → remission', 'lymphoma → lymphoma', 'lymphoma → lymphoma']);
  });
});

describe('a single-page app moving to another page', () => {
  const glossary = makeTestGlossary(
    { remission: ['remission'], relapse: ['relapse'], lymphoma: ['lymphoma'] },
    ['lymphoma'],
    ['remission', 'relapse'],
  );
  const showStory = (path: string, html: string) => {
    history.pushState({}, '', path);
    const main = document.getElementById('main')!;
    main.replaceChildren();
    main.append(document.createRange().createContextualFragment(html));
  };

  it("reads the new page with its own evidence: a sobriety story after a lymphoma article has no cancer's relapse", async () => {
    history.replaceState({}, '', '/articles/lymphoma');
    setBody(
      '<main id="main"><p>Lymphoma: remission.</p><p>A lymphoma relapse.</p></main><nav><p>Relapse</p></nav>',
    );
    const { engine } = await annotate({}, {}, glossary);
    expect(occurrences()).toEqual([
      'Lymphoma → lymphoma',
      'remission → remission',
      'lymphoma → lymphoma',
      'relapse → relapse',
      'Relapse → relapse',
    ]);
    showStory(
      '/stories/sobriety',
      '<p>A relapse in the first year of recovery.</p><p>Remission of the urge.</p>',
    );
    await settle(engine);
    await settle(engine);
    expect(occurrences()).toEqual([]);
    // A link inside the page, to a heading: the same page, not read whole again.
    const fullPasses = () =>
      performance
        .getEntriesByName('oncology-glossary:pass')
        .filter((entry) => (entry as PerformanceMark).detail?.full).length;
    const before = fullPasses();
    history.pushState({}, '', '#recovery');
    document.getElementById('main')!.append(document.createElement('p'));
    await settle(engine);
    expect(fullPasses()).toBe(before);
    // A hash router's next page is another page.
    history.pushState({}, '', '#/stories/2');
    document.getElementById('main')!.append(document.createElement('p'));
    await settle(engine);
    expect(fullPasses()).toBe(before + 1);
  });
});

describe('the page re-rendering text we annotated', () => {
  it('writing to a split text node (as React and Preact do) leaves no stale text, then annotates again', async () => {
    setBody('<p id="p">Old text about lenalidomide and myeloma.</p>');
    const { engine } = await annotate();
    const node = pageTextNode('#p');
    node.data = 'New text: angiogenesis only.';
    // Repaired in the observer callback, before the browser could paint.
    await Promise.resolve();
    expect(document.getElementById('p')!.textContent).toBe('New text: angiogenesis only.');
    await settle(engine);
    expect(document.getElementById('p')!.textContent).toBe('New text: angiogenesis only.');
    expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);
  });

  it('a section the page makes editable gets its own text nodes back whole; editable no more, it is read again', async () => {
    setBody(
      '<section id="s"><p id="p">Lenalidomide is used in multiple myeloma.</p></section><p>Myeloma.</p>',
    );
    const { engine } = await annotate();
    const section = document.getElementById('s')!;
    const node = pageTextNode('#p');
    section.setAttribute('contenteditable', 'true');
    // Before the reader can type: in the observer callback.
    await Promise.resolve();
    expect(section.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect([...document.getElementById('p')!.childNodes]).toEqual([node]);
    expect(node.data).toBe('Lenalidomide is used in multiple myeloma.');
    await settle(engine);
    expect(occurrences()).toEqual(['Myeloma → myeloma']);
    section.setAttribute('contenteditable', 'false');
    await settle(engine);
    expect(occurrences()).toEqual([
      'Lenalidomide → lenalidomide',
      'multiple myeloma → multiple-myeloma',
      'Myeloma → myeloma',
    ]);
  });

  it('removing a split text node takes our pieces with it', async () => {
    setBody('<p id="p">lenalidomide and myeloma</p>');
    const { engine } = await annotate();
    pageTextNode('#p').remove();
    await settle(engine);
    expect(document.getElementById('p')!.textContent).toBe('');
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });

  it('inserting a node right after a split text node keeps the text in order', async () => {
    setBody('<p id="p">lenalidomide and myeloma</p>');
    const { engine } = await annotate();
    const p = document.getElementById('p')!;
    const node = pageTextNode('#p');
    const added = document.createElement('b');
    added.textContent = ' (added)';
    // A framework placing a new node after its own: its "next sibling" is one of our marks.
    p.insertBefore(added, node.nextSibling);
    await settle(engine);
    expect(p.textContent).toBe('lenalidomide and myeloma (added)');
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'myeloma → myeloma']);
  });

  it('moving a split text node carries its whole text', async () => {
    setBody('<p id="from">lenalidomide and myeloma</p><p id="to"></p>');
    const { engine } = await annotate();
    const node = pageTextNode('#from');
    document.getElementById('to')!.append(node);
    await settle(engine);
    expect(document.getElementById('from')!.textContent).toBe('');
    expect(document.getElementById('to')!.textContent).toBe('lenalidomide and myeloma');
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'myeloma → myeloma']);
  });

  it('replacing a paragraph many times leaves exactly the last text, annotated', async () => {
    setBody('<p id="p">start</p>');
    const { engine } = await annotate();
    const p = document.getElementById('p')!;
    for (let i = 0; i < 200; i++) {
      const text = p.firstChild as Text;
      text.data = `Render ${i}: lenalidomide in multiple myeloma.`;
      if (i % 20 === 0) await settle(engine, 15);
    }
    await settle(engine);
    expect(p.textContent).toBe('Render 199: lenalidomide in multiple myeloma.');
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'multiple myeloma → multiple-myeloma']);
  });
});

describe('the page changing the text around a mark', () => {
  it('text glued to a term ("metastases" + "CAR-T cell"): the mark goes, our marks are not read as markup', async () => {
    setBody('<p id="p">Lenalidomide metastases<span id="s"> in trials.</span></p>');
    const { engine } = await annotate();
    expect(occurrences()).toEqual(['Lenalidomide → lenalidomide', 'metastases → metastasis']);
    // The page's own text node after the term, written with no space: "metastasesCAR‑T cell" is not a word.
    document.getElementById('s')!.remove();
    document.getElementById('p')!.append('CAR\u2011T cell');
    await settle(engine);
    await settle(engine);
    expect(document.getElementById('p')!.textContent).toBe('Lenalidomide metastasesCAR\u2011T cell');
    expect(occurrences()).toEqual(['Lenalidomide → lenalidomide', 'T cell → t-cells']);
  });

  it('a node put between the pieces of an occurrence: it is no longer one term', async () => {
    setBody('<p id="p">About natural <span id="s">killer cells</span> here.</p>');
    const { engine } = await annotate();
    expect(occurrences()).toEqual(['natural killer cells → natural-killer-cells']);
    const s = document.getElementById('s')!;
    s.before(document.createElement('br'), 'and ');
    await settle(engine);
    await settle(engine);
    expect(document.getElementById('p')!.textContent).toBe('About natural and killer cells here.');
    expect(occurrences()).toEqual([]);
  });

  it('the rest of a longer term written after one ("CAR T" then "-cell therapy"): the longer term', async () => {
    setBody('<p id="p">Then CAR T<b id="b"></b> began.</p>');
    const { engine } = await annotate();
    expect(occurrences()).toEqual(['CAR T → car-t-cell-therapy']);
    document.getElementById('b')!.before('-cell therapy');
    await settle(engine);
    await settle(engine);
    expect(occurrences()).toEqual(['CAR T-cell therapy → car-t-cell-therapy']);
  });

  it('an ambiguous abbreviation whose context turns into a tyre size loses its mark', async () => {
    setBody('<p>In multiple myeloma (MM), we saw</p><p id="p"><b id="b">some</b> MM patients.</p>');
    const { engine } = await annotate();
    expect(occurrences()).toEqual([
      'multiple myeloma → multiple-myeloma',
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
    ]);
    document.getElementById('b')!.textContent = 'tyres 195/65 R15';
    await settle(engine);
    await settle(engine);
    expect(document.getElementById('p')!.textContent).toBe('tyres 195/65 R15 MM patients.');
    expect(occurrences()).toEqual(['multiple myeloma → multiple-myeloma', 'MM → multiple-myeloma']);
  });
});

describe('edits the observer reports together', () => {
  it('a split text node written to and then removed: none of its old text stays', async () => {
    setBody('<p id="p">lenalidomide and myeloma</p><p>next</p>');
    const { engine } = await annotate();
    const node = pageTextNode('#p');
    node.data = 'rewritten';
    node.remove();
    await settle(engine);
    expect(document.getElementById('p')!.textContent).toBe('');
    expect(occurrences()).toEqual([]);
  });

  it('a split text node moved after being written to: only the new text, where it went', async () => {
    setBody('<p id="from">lenalidomide and myeloma</p><p id="to"></p>');
    const { engine } = await annotate();
    const node = pageTextNode('#from');
    node.data = 'angiogenesis now';
    document.getElementById('to')!.append(node);
    await settle(engine);
    expect(document.getElementById('from')!.textContent).toBe('');
    expect(document.getElementById('to')!.textContent).toBe('angiogenesis now');
    expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);
  });

  it('a node put after a split text node, then the text node removed: its text goes with it', async () => {
    setBody('<p id="p">lenalidomide and myeloma</p>');
    const { engine } = await annotate();
    const p = document.getElementById('p')!;
    const node = pageTextNode('#p');
    // A framework placing a node after its own (before our mark), then dropping its own.
    p.insertBefore(document.createTextNode('angiogenesis'), node.nextSibling);
    node.remove();
    await settle(engine);
    expect(p.textContent).toBe('angiogenesis');
    expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);
  });
});

describe('edits the observer reports together, continued', () => {
  it('a split text node moved out, then its old parent emptied: the node carries its whole text', async () => {
    setBody('<p><strong id="s">with lenalidomide and myeloma today</strong></p><p id="to"></p>');
    const { engine } = await annotate();
    const node = pageTextNode('#s');
    document.getElementById('to')!.append(node);
    // Our pieces stayed behind in the old parent, and go with its children.
    document.getElementById('s')!.textContent = 'replaced';
    await settle(engine);
    expect(document.getElementById('to')!.textContent).toBe('with lenalidomide and myeloma today');
    expect(document.getElementById('s')!.textContent).toBe('replaced');
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'myeloma → myeloma']);
  });
});

describe('the reader changing settings while the page edits', () => {
  it('switched off with the page’s edits not yet reported: the page keeps what it wrote', async () => {
    setBody('<p id="p">lenalidomide and myeloma</p>');
    const { engine } = await annotate();
    const p = document.getElementById('p')!;
    // The page drops its text node and writes another; the observer has not reported it yet.
    pageTextNode('#p').remove();
    p.append('angiogenesis');
    engine.update({ ...ON, enabled: false });
    expect(p.textContent).toBe('angiogenesis');
    expect(occurrences()).toEqual([]);
  });

  it('a term hidden while a pass is under way is not marked by that pass', async () => {
    setBody('<p>myeloma and lenalidomide</p><p>more myeloma</p>');
    const { engine } = await annotate({ hiddenTerms: ['myeloma'] }, { sliceMs: 0 });
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide']);
    // Showing myeloma again starts a pass; hiding it again comes while that pass waits for its next slice.
    engine.update({ ...ON, hiddenTerms: [] });
    engine.update({ ...ON, hiddenTerms: ['myeloma'] });
    await engine.idle();
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide']);
  });
});

describe('a page that takes our marks out as soon as they appear', () => {
  /**
   * Starts the page's guard over #guarded: whenever a mark shows up in it, `undo` puts the page's own markup
   * back. Returns how many times it did.
   */
  function guard(undo: (guarded: Element) => void): { undos: () => number; stop: () => void } {
    let undos = 0;
    const guarded = document.getElementById('guarded')!;
    const observer = new MutationObserver(() => {
      const current = document.getElementById('guarded');
      if (current?.querySelector('mark')) {
        undos++;
        undo(current);
      }
    });
    observer.observe(guarded.parentNode!, { childList: true, subtree: true, characterData: true });
    return { undos: () => undos, stop: () => observer.disconnect() };
  }

  const TEXT = 'lenalidomide and multiple myeloma';
  const undoes: [string, (guarded: Element) => void][] = [
    ['resetting its text', (guarded) => (guarded.textContent = TEXT)],
    [
      'unwrapping each mark',
      (guarded) => {
        for (const mark of guarded.querySelectorAll('mark')) mark.replaceWith(...mark.childNodes);
        guarded.normalize();
      },
    ],
    [
      'unwrapping each mark, leaving its text a node of its own',
      (guarded) => {
        for (const mark of guarded.querySelectorAll('mark')) mark.replaceWith(...mark.childNodes);
      },
    ],
    [
      'removing each mark, as it removes any element it did not make',
      (guarded) => {
        for (const mark of guarded.querySelectorAll('mark')) mark.remove();
      },
    ],
    [
      'replacing the element',
      (guarded) => {
        const fresh = document.createElement('p');
        fresh.id = 'guarded';
        fresh.textContent = TEXT;
        guarded.replaceWith(fresh);
      },
    ],
  ];

  it.each(undoes)(
    'by %s: the annotator leaves that text alone after a few rounds, and the rest of the page works',
    async (_, undo) => {
      setBody(`<div><p id="guarded">${TEXT}</p></div><p id="other">angiogenesis</p>`);
      const page = guard(undo);
      const { engine } = await annotate();
      const passes = engine.stats.passes;
      // A loop would never be idle: annotate() waited for idle, and no more passes come.
      await settle(engine, 100);
      expect(engine.stats.passes).toBe(passes);
      expect(passes).toBeLessThanOrEqual(8);
      expect(page.undos()).toBe(passes - 1);
      expect(document.getElementById('guarded')!.textContent).toBe(TEXT);
      expect(document.querySelectorAll('#guarded mark')).toHaveLength(0);
      expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);

      // New text elsewhere is annotated as before.
      const added = document.createElement('p');
      added.textContent = 'Pomalidomide is an IMiD.';
      document.body.append(added);
      await settle(engine);
      expect(occurrences()).toEqual([
        'angiogenesis → angiogenesis',
        'Pomalidomide → pomalidomide',
        'IMiD → immunomodulatory-drugs',
      ]);
      page.stop();
    },
  );

  it('switched off and on, the text gets another chance', async () => {
    setBody(`<p id="guarded">${TEXT}</p>`);
    const page = guard((guarded) => (guarded.textContent = TEXT));
    const { engine } = await annotate();
    expect(occurrences()).toEqual([]);
    page.stop();
    engine.update({ ...ON, enabled: false });
    engine.update(ON);
    await engine.idle();
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'multiple myeloma → multiple-myeloma']);
  });

  it('a page that stopped taking the marks out gets them back after a while', async () => {
    setBody(`<div><p id="guarded">${TEXT}</p></div>`);
    const page = guard((guarded) => (guarded.textContent = TEXT));
    const { engine } = await annotate({}, { anotherChanceMs: [150, 300] });
    expect(occurrences()).toEqual([]);
    // The page re-rendered that text many times a second (while the reader scrolled, say), and stops.
    page.stop();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await engine.idle();
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'multiple myeloma → multiple-myeloma']);
  });

  it('a page that keeps taking them out costs a few rounds per chance, and no more once the chances are used', async () => {
    setBody(`<div><p id="guarded">${TEXT}</p></div>`);
    const page = guard((guarded) => (guarded.textContent = TEXT));
    const { engine } = await annotate({}, { anotherChanceMs: [50, 50] });
    const first = engine.stats.passes;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await engine.idle();
    const passes = engine.stats.passes;
    // Each chance costs as many rounds as the first refusal did.
    expect(passes - first).toBeGreaterThan(0);
    expect(passes - first).toBeLessThanOrEqual(2 * first);
    await settle(engine, 200);
    expect(engine.stats.passes).toBe(passes);
    expect(occurrences()).toEqual([]);
    page.stop();
  });

  it('a page rendering the same text again on a timer is annotated again after each render', async () => {
    setBody(`<p id="p">${TEXT}</p>`);
    const p = document.getElementById('p')!;
    const { engine } = await annotate();
    // Ten renders, 150 ms apart: the marks made after each stay well over a tenth of a second.
    for (let render = 0; render < 10; render++) {
      p.textContent = TEXT;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(occurrences(), `after render ${render}`).toEqual([
        'lenalidomide → lenalidomide',
        'multiple myeloma → multiple-myeloma',
      ]);
    }
    await engine.idle();
  });

  it('a page rewriting the text each time with new words is annotated again every time', async () => {
    setBody('<p id="p">Render 0: lenalidomide</p>');
    const p = document.getElementById('p')!;
    let renders = 0;
    // Like a ticker that re-renders as soon as anything changes: each time, new text.
    const observer = new MutationObserver(() => {
      if (renders < 20 && p.querySelector('mark')) p.textContent = `Render ${++renders}: lenalidomide`;
    });
    observer.observe(p, { childList: true, subtree: true });
    const { engine } = await annotate();
    await settle(engine, 50);
    observer.disconnect();
    expect(renders).toBe(20);
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide']);
    expect(p.textContent).toBe('Render 20: lenalidomide');
  });
});
