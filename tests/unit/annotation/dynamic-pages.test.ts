import { beforeEach, describe, expect, it } from 'vitest';
import { MARK_SELECTOR } from '../../../src/annotation/mark-selectors';
import { makeTestGlossary } from '../matching/test-glossary';
import { annotate, occurrences, setBody, settle, stopAllEngines } from './annotation-helpers';

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

  it('our own marks never trigger another pass', async () => {
    setBody('<p>lenalidomide, myeloma, T cells</p>'.repeat(10));
    const { engine } = await annotate();
    const passes = engine.stats.passes;
    await settle(engine, 60);
    expect(engine.stats.passes).toBe(passes);
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
    setBody('<p>Remission can last for years.</p>');
    const { engine } = await annotate({}, {}, glossary);
    expect(occurrences()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'This clinic treats lymphoma.';
    document.body.append(p);
    await settle(engine);
    await settle(engine);
    expect(occurrences()).toEqual(['Remission → remission', 'lymphoma → lymphoma']);
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
