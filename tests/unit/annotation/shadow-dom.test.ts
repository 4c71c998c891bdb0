import { beforeEach, describe, expect, it } from 'vitest';
import { composedTreeBefore } from '../../../src/annotation/composed-tree';
import {
  EXTENSION_UI_ATTRIBUTE,
  MARK_SELECTOR,
  MARK_STYLE_ELEMENT_ID,
  OCCURRENCE_SELECTOR,
} from '../../../src/annotation/mark-selectors';
import { TextRunCollector } from '../../../src/annotation/text-run-collector';
import { annotate, occurrences, ON, setBody, settle, snapshot, stopAllEngines } from './annotation-helpers';

beforeEach(() => {
  stopAllEngines();
  document.head.replaceChildren();
  setBody('');
});

/** Parsed HTML as nodes of this document (the lint rule forbids innerHTML, tests included). */
function nodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

/** Gives the element with `id` a shadow root holding `html`. */
function shadow(id: string, html: string, mode: ShadowRootMode = 'open'): ShadowRoot {
  const root = document.getElementById(id)!.attachShadow({ mode });
  root.append(...nodes(html));
  return root;
}

/** "text → entry id" of each occurrence the engine lists (document and shadow roots), in page order. */
const listed = (marks: Element[]) =>
  marks.map((m) => `${m.textContent} → ${m.getAttribute('data-glossary-id')}`);

/**
 * Whether a shadow root has the marks' stylesheet: adopted (happy-dom parses no @layer, so its rules cannot be
 * read back here: e2e checks the computed style), or as a <style> where adoption is missing.
 */
function styled(root: ShadowRoot): boolean {
  return root.adoptedStyleSheets.length > 0 || root.getElementById(MARK_STYLE_ELEMENT_ID) !== null;
}

describe('open shadow roots', () => {
  it('are walked at their host: shadow text marked, slotted light text marked once, page order kept', async () => {
    setBody(
      '<p>Before: lenalidomide.</p><div id="host"><p id="light">Slotted angiogenesis.</p></div><p>After: myeloma.</p>',
    );
    const root = shadow('host', '<p>Shadow text on multiple myeloma.</p><slot></slot>');
    const { engine } = await annotate();
    expect(occurrences(root)).toEqual(['multiple myeloma → multiple-myeloma']);
    expect(document.querySelectorAll('#light mark')).toHaveLength(1);
    expect(listed(engine.marks(OCCURRENCE_SELECTOR))).toEqual([
      'lenalidomide → lenalidomide',
      'multiple myeloma → multiple-myeloma',
      'angiogenesis → angiogenesis',
      'myeloma → myeloma',
    ]);
  });

  it('never join text across the shadow boundary, and text at the top of a shadow root is walked', async () => {
    setBody('<p id="host">multiple</p>');
    const root = shadow('host', 'myeloma and lenalidomide');
    await annotate();
    expect(occurrences(root)).toEqual(['myeloma → myeloma', 'lenalidomide → lenalidomide']);
    expect(occurrences()).toEqual([]);
  });

  it('nested shadow roots are walked too', async () => {
    setBody('<div id="outer"></div>');
    const outer = shadow('outer', '<section><div id="inner"></div></section>');
    const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
    inner.append(...nodes('<p>Deep angiogenesis.</p>'));
    await annotate();
    expect(occurrences(inner)).toEqual(['angiogenesis → angiogenesis']);
    expect(styled(inner)).toBe(true);
  });

  it('keep skipped elements skipped, and the extension UI host is never entered', async () => {
    setBody(`<div id="host"></div><div id="ui" ${EXTENSION_UI_ATTRIBUTE}></div>`);
    const root = shadow('host', '<p>Text: <code>lenalidomide</code></p><textarea>myeloma</textarea>');
    const ui = shadow('ui', '<p>lenalidomide in our own UI</p>');
    await annotate();
    expect(root.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(ui.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });

  it('a closed shadow root is out of reach, and left untouched', async () => {
    setBody('<div id="closed"></div><p>lenalidomide</p>');
    const root = shadow('closed', '<p>Closed angiogenesis.</p>', 'closed');
    const before = snapshot(root.firstChild!);
    const { engine } = await annotate();
    expect(root.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(snapshot(root.firstChild!)).toBe(before);
    expect(root.adoptedStyleSheets).toHaveLength(0);
    expect(listed(engine.marks())).toEqual(['lenalidomide → lenalidomide']);
  });
});

describe('styles in shadow roots', () => {
  it('each shadow root with marks gets the stylesheet, without a node in its tree; one without marks gets none', async () => {
    setBody('<div id="a"></div><div id="b"></div>');
    const withTerms = shadow('a', '<p>lenalidomide</p>');
    const without = shadow('b', '<p>No terms here.</p>');
    const text = withTerms.textContent;
    await annotate();
    expect(styled(withTerms)).toBe(true);
    expect(withTerms.textContent).toBe(text);
    expect(withTerms.querySelector('style')).toBeNull();
    expect(styled(without)).toBe(false);
  });

  it('are removed when annotations are switched off', async () => {
    setBody('<div id="a"></div>');
    const root = shadow('a', '<p>lenalidomide</p>');
    const { engine } = await annotate();
    engine.update({ ...ON, enabled: false });
    expect(styled(root)).toBe(false);
  });
});

describe('changes inside shadow roots', () => {
  it('a paragraph added to a walked shadow root is annotated after the batch delay', async () => {
    setBody('<div id="host"></div>');
    const root = shadow('host', '<p>Nothing yet.</p>');
    const { engine } = await annotate();
    const p = document.createElement('p');
    p.textContent = 'Later: angiogenesis.';
    root.append(p);
    await settle(engine);
    expect(occurrences(root)).toEqual(['angiogenesis → angiogenesis']);
    expect(styled(root)).toBe(true);
  });

  it('text written into a shadow tree (top level or inline) is annotated', async () => {
    setBody('<div id="host"></div>');
    const root = shadow('host', '<span id="s"></span>');
    const { engine } = await annotate();
    root.getElementById('s')!.textContent = 'multiple myeloma';
    root.append(' and lenalidomide');
    await settle(engine);
    expect(occurrences(root)).toEqual(['multiple myeloma → multiple-myeloma', 'lenalidomide → lenalidomide']);
  });

  it('a host added later is walked with its shadow tree, and its empty shadow root filled later is watched', async () => {
    setBody('<main id="feed"></main>');
    const { engine } = await annotate();
    const filled = document.createElement('div');
    filled.attachShadow({ mode: 'open' }).append(...nodes('<p>Filled angiogenesis.</p>'));
    const empty = document.createElement('div');
    const emptyRoot = empty.attachShadow({ mode: 'open' });
    document.getElementById('feed')!.append(filled, empty);
    await settle(engine);
    expect(occurrences(filled.shadowRoot!)).toEqual(['angiogenesis → angiogenesis']);
    emptyRoot.append(...nodes('<p>Now lenalidomide.</p>'));
    await settle(engine);
    expect(occurrences(emptyRoot)).toEqual(['lenalidomide → lenalidomide']);
  });

  it('our own marks in a shadow root never trigger another pass', async () => {
    setBody('<div id="host"></div>');
    shadow('host', '<p>lenalidomide, myeloma, T cells</p>'.repeat(5));
    const { engine } = await annotate();
    const passes = engine.stats.passes;
    await settle(engine, 60);
    expect(engine.stats.passes).toBe(passes);
  });

  it('a page write to a split text node in a shadow root is repaired and annotated again', async () => {
    setBody('<div id="host"></div>');
    const root = shadow('host', '<p id="p">Old: lenalidomide and myeloma.</p>');
    const { engine } = await annotate();
    (root.getElementById('p')!.firstChild as Text).data = 'New: angiogenesis only.';
    await Promise.resolve();
    expect(root.getElementById('p')!.textContent).toBe('New: angiogenesis only.');
    await settle(engine);
    expect(occurrences(root)).toEqual(['angiogenesis → angiogenesis']);
  });
});

describe('switching off', () => {
  it('restores the text of shadow trees exactly: same text nodes, same textContent', async () => {
    setBody('<p>lenalidomide</p><div id="host"><p>Slotted myeloma.</p></div>');
    const root = shadow(
      'host',
      '<p>Shadow <i>CAR</i> T-cell therapy and multiple <b>myeloma</b>.</p><slot></slot>',
    );
    const text = root.textContent;
    const before = [...root.childNodes].map(snapshot).join('');
    const textNodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) textNodes.push(walker.currentNode as Text);

    const { engine } = await annotate();
    expect(root.querySelectorAll(MARK_SELECTOR).length).toBeGreaterThan(2);
    expect(root.textContent).toBe(text);
    engine.update({ ...ON, enabled: false });
    expect(root.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(root.textContent).toBe(text);
    expect([...root.childNodes].map(snapshot).join('')).toBe(before);
    const after: Text[] = [];
    const walker2 = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker2.nextNode()) after.push(walker2.currentNode as Text);
    expect(after).toEqual(textNodes);
    after.forEach((node, i) => expect(node).toBe(textNodes[i]));

    engine.update(ON);
    await engine.idle();
    expect(occurrences(root)).toEqual([
      'CAR T-cell therapy → car-t-cell-therapy',
      'multiple myeloma → multiple-myeloma',
    ]);
  });

  it('stops watching shadow roots: changes there after switching off add nothing', async () => {
    setBody('<div id="host"></div>');
    const root = shadow('host', '<p>x</p>');
    const { engine } = await annotate();
    engine.update({ ...ON, enabled: false });
    root.append(...nodes('<p>lenalidomide</p>'));
    await settle(engine);
    expect(root.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });
});

describe('counts and settings across shadow roots', () => {
  const PAGE = '<p>lenalidomide first.</p><div id="host"></div><p>angiogenesis and lenalidomide last.</p>';
  const SHADOW = '<p>Shadow: angiogenesis, lenalidomide, myeloma.</p>';

  it('termCounts include shadow marks, in page order of first occurrence', async () => {
    setBody(PAGE);
    shadow('host', SHADOW);
    const { engine } = await annotate();
    expect(engine.termCounts()).toEqual([
      { entryId: 'lenalidomide', count: 3 },
      { entryId: 'angiogenesis', count: 2 },
      { entryId: 'myeloma', count: 1 },
    ]);
    expect(engine.marks()).toHaveLength(6);
  });

  it('first occurrence only counts shadow marks at their host place; hiding a term reaches into shadow roots', async () => {
    setBody(PAGE);
    const root = shadow('host', SHADOW);
    const { engine } = await annotate({ occurrenceMode: 'first' });
    expect(listed(engine.marks())).toEqual([
      'lenalidomide → lenalidomide',
      'angiogenesis → angiogenesis',
      'myeloma → myeloma',
    ]);
    engine.update({ ...ON, occurrenceMode: 'every' });
    await engine.idle();
    expect(engine.marks()).toHaveLength(6);
    engine.update({ ...ON, occurrenceMode: 'first' });
    expect(listed(engine.marks())).toEqual([
      'lenalidomide → lenalidomide',
      'angiogenesis → angiogenesis',
      'myeloma → myeloma',
    ]);
    engine.update({ ...ON, hiddenTerms: ['angiogenesis'] });
    await engine.idle();
    expect(occurrences(root)).toEqual(['lenalidomide → lenalidomide', 'myeloma → myeloma']);
  });
});

describe('the walk and page order', () => {
  it('the collector reports each shadow root it enters, and treats it as a block boundary', () => {
    setBody('<div id="host">light <b>text</b></div>');
    const root = shadow('host', 'shadow <i>text</i>');
    const texts: string[] = [];
    const entered: ShadowRoot[] = [];
    const collector = new TextRunCollector(
      document.body,
      (text) => texts.push(text),
      (shadowRoot) => entered.push(shadowRoot),
    );
    expect(collector.step(Infinity, () => 0)).toBe(true);
    expect(texts).toEqual(['shadow text', 'light text']);
    expect(entered).toEqual([root]);
  });

  it('composedTreeBefore puts a shadow tree after its host, before the host’s light children', () => {
    setBody('<p id="a">a</p><div id="host"><span id="light">light</span></div><p id="z">z</p>');
    const root = shadow('host', '<p id="s">shadow</p>');
    const [a, host, light, z] = ['a', 'host', 'light', 'z'].map((id) => document.getElementById(id)!);
    const inShadow = root.getElementById('s')!;
    const order = [a!, host!, inShadow, light!, z!];
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j < order.length; j++) {
        if (i !== j) expect(composedTreeBefore(order[i]!, order[j]!)).toBe(i < j);
      }
    }
  });
});
