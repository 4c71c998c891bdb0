import { describe, expect, it } from 'vitest';
import { TextRunCollector, type TextRun } from '../../../src/annotation/text-run-collector';
import { buildTermMatcher } from '../../../src/matching/build-term-matcher';
import { makeTestGlossary } from '../matching/test-glossary';

const matcher = buildTermMatcher(makeTestGlossary().forms);

/** A detached paragraph parsed from HTML (the lint rule forbids innerHTML, tests included). */
function paragraph(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body><p>${html}</p></body>`, 'text/html');
  return document.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
}

/** Every run of `root`, each with what softBoundaries() said while onText looked at it. */
function collect(root: Element): { run: TextRun; soft: readonly number[] | null }[] {
  const runs: { run: TextRun; soft: readonly number[] | null }[] = [];
  const collector = new TextRunCollector(root, (_, current) => {
    runs.push({ run: current.run(), soft: current.softBoundaries() });
  });
  collector.step(Infinity, () => 0);
  return runs;
}

/** The terms found in each run of `root` as the annotator would find them: "text → entry id". */
function terms(root: Element): string[] {
  return collect(root).flatMap(({ run, soft }) =>
    matcher
      .findMatches(run.text, [], soft)
      .map((m) => `${run.text.slice(m.start, m.end)} → ${m.form.entryId}`),
  );
}

describe('runs', () => {
  it('join the text nodes of one block across inline elements', () => {
    const runs = collect(paragraph('<i>CAR</i> T and multiple <b>myeloma</b>'));
    expect(runs.map(({ run }) => run.text)).toEqual(['CAR T and multiple myeloma']);
    expect(runs[0]!.run.starts).toEqual([0, 3, 19]);
  });

  it('hold only their own nodes: a short run after a longer one keeps nothing of it', () => {
    const root = document.createElement('div');
    root.append(paragraph('<i>CAR</i> T and multiple <b>myeloma</b>'), paragraph('angiogenesis'));
    const runs = collect(root).map(({ run }) => run);
    expect(runs.map((run) => run.text)).toEqual(['CAR T and multiple myeloma', 'angiogenesis']);
    expect(runs[1]!.nodes.map((node) => node.data)).toEqual(['angiogenesis']);
    expect(runs[1]!.starts).toEqual([0]);
    // The first run, kept by the annotator, is not changed by the walk going on.
    expect(runs[0]!.nodes.map((node) => node.data)).toEqual(['CAR', ' T and multiple ', 'myeloma']);
  });

  it('go on through an <abbr title>, which the walk reports for its definition', () => {
    const abbrs: string[] = [];
    const runs: string[] = [];
    const root = paragraph('Of <abbr title="multiple myeloma">MM</abbr> and <abbr>NK</abbr> cells');
    new TextRunCollector(
      root,
      (text) => runs.push(text),
      undefined,
      (abbr) => abbrs.push(`${abbr.textContent} = ${abbr.getAttribute('title')}`),
    ).step(Infinity, () => 0);
    expect(runs).toEqual(['Of MM and NK cells']);
    expect(abbrs).toEqual(['MM = multiple myeloma']);
  });

  it("end at a definition list's terms and descriptions, and report each <dt> for its definition", () => {
    const terms: string[] = [];
    const runs: string[] = [];
    const root = document.createElement('div');
    root.append(
      ...new DOMParser().parseFromString('<dl><dt>POM</dt><dd>pomalidomide</dd></dl>', 'text/html').body
        .childNodes,
    );
    new TextRunCollector(
      root,
      (text) => runs.push(text),
      undefined,
      (element) => terms.push(`${element.localName} ${element.textContent}`),
    ).step(Infinity, () => 0);
    expect(runs).toEqual(['POM', 'pomalidomide']);
    expect(terms).toEqual(['dt POM']);
  });

  it('end at table cells, and report each row for the definition it may pair', () => {
    const rows: string[] = [];
    const runs: string[] = [];
    const root = document.createElement('div');
    root.append(
      ...new DOMParser().parseFromString(
        '<table><tr><th>Abbreviation</th><th>Meaning</th></tr><tr><td>POM</td><td>pomalidomide</td></tr></table>',
        'text/html',
      ).body.childNodes,
    );
    new TextRunCollector(
      root,
      (text) => runs.push(text),
      undefined,
      (element) => rows.push(`${element.localName} ${element.textContent}`),
    ).step(Infinity, () => 0);
    expect(runs).toEqual(['Abbreviation', 'Meaning', 'POM', 'pomalidomide']);
    expect(rows).toEqual(['tr AbbreviationMeaning', 'tr POMpomalidomide']);
  });

  it('go on through a custom element without a shadow tree, as browsers draw it inline; end at a component', () => {
    const root = paragraph(
      'Patients with non-Hodgkin <x-term>lymphoma</x-term> and CAR <x-term class="t">T-cell therapy</x-term>.',
    );
    expect(collect(root).map(({ run }) => run.text)).toEqual([
      'Patients with non-Hodgkin lymphoma and CAR T-cell therapy.',
    ]);
    expect(terms(root)).toEqual([
      'non-Hodgkin lymphoma → non-hodgkin-lymphoma',
      'CAR T-cell therapy → car-t-cell-therapy',
    ]);
    const component = paragraph('multiple <x-card>myeloma</x-card>');
    component.querySelector('x-card')!.attachShadow({ mode: 'open' }).append('card');
    expect(collect(component).map(({ run }) => run.text)).toEqual(['multiple ', 'card', 'myeloma']);
    // With an icon, it still flows with the text.
    for (const icon of ['<svg></svg>', '<img alt="">']) {
      expect(terms(paragraph(`Then <x-term>${icon}CAR</x-term> T-cell therapy began.`)), icon).toEqual([
        'CAR T-cell therapy → car-t-cell-therapy',
      ]);
    }
    // A custom element laying out other elements is a container, as the page's styles draw it.
    const container = paragraph('multiple <x-post><b>myeloma</b> <x-term>news</x-term></x-post> today');
    expect(collect(container).map(({ run }) => run.text)).toEqual(['multiple ', 'myeloma news', ' today']);
  });

  it('keep to their block going into and out of nested inline elements, and across a nested block', () => {
    const parsed = new DOMParser().parseFromString(
      '<section>a<span>b<b>c<i>d</i>e</b>f</span>g<span><div>h<span>i</span></div>j</span>k</section>',
      'text/html',
    );
    const root = document.importNode(parsed.body.firstElementChild!, true);
    expect(collect(root).map(({ run }) => [run.text, run.block.localName])).toEqual([
      ['abcdefg', 'section'],
      ['hi', 'div'],
      ['jk', 'section'],
    ]);
    let deep = '';
    for (let i = 0; i < 300; i++) deep = `<span>x${deep}y</span>`;
    const [only] = collect(paragraph(`lenalidomide ${deep}`));
    expect(only!.run.text).toBe(`lenalidomide ${'x'.repeat(300)}${'y'.repeat(300)}`);
    expect(only!.run.block.localName).toBe('p');
  });

  it('leave out white space between blocks, however it is spelled', () => {
    const root = document.createElement('div');
    root.append(paragraph('myeloma'), '\n\u00a0\u2003\t', paragraph('angiogenesis'));
    expect(collect(root).map(({ run }) => run.text)).toEqual(['myeloma', 'angiogenesis']);
  });
});

describe('soft boundaries', () => {
  it('are none, and null, where markup does not fall inside a word', () => {
    const [only] = collect(paragraph('<i>CAR</i> T and multiple <b>myeloma</b>.'));
    expect(only!.soft).toBeNull();
    expect(only!.run.soft).toBeNull();
  });

  it('mark where two elements glue two words: both words match', () => {
    const root = paragraph('<span>remission</span><span>angiogenesis</span>');
    expect(collect(root)[0]!.soft).toEqual([9]);
    expect(terms(root)).toEqual(['remission → remission', 'angiogenesis → angiogenesis']);
  });

  it('let a term end before a citation mark, and make nothing of its number', () => {
    const root = paragraph('Treated with lenalidomide<sup>12</sup> daily.');
    expect(collect(root)[0]!.run.soft).toEqual([25]);
    expect(terms(root)).toEqual(['lenalidomide → lenalidomide']);
  });

  it('let a multi-word term end before a citation mark', () => {
    expect(terms(paragraph('multiple <b>myeloma</b><sup>3,4</sup>'))).toEqual([
      'multiple myeloma → multiple-myeloma',
    ]);
  });

  it('still let a word split by markup match as one', () => {
    const root = paragraph('lenalido<b>mide</b> works');
    expect(collect(root)[0]!.soft).toEqual([8]);
    expect(terms(root)).toEqual(['lenalidomide → lenalidomide']);
  });

  it('still let the longer inflection win across one', () => {
    expect(terms(paragraph('<b>myeloma</b>s'))).toEqual(['myelomas → myeloma']);
  });

  it('are not made of a word glued to digits inside one text node', () => {
    const root = paragraph('lenalidomide12 works');
    expect(collect(root)[0]!.soft).toBeNull();
    expect(terms(root)).toEqual([]);
  });

  it('are not made between adjacent sibling text nodes', () => {
    const root = document.createElement('p');
    root.appendChild(document.createTextNode('lenalidomide'));
    root.appendChild(document.createTextNode('12'));
    expect(collect(root)[0]!.soft).toBeNull();
    expect(terms(root)).toEqual([]);
  });

  it('are not made by a comment between two text nodes', () => {
    const root = document.createElement('p');
    root.append('lenalidomide', document.createComment('x'), '12');
    expect(collect(root)[0]!.soft).toBeNull();
  });

  it('see past empty text nodes to the word before', () => {
    const root = document.createElement('p');
    const span = document.createElement('span');
    span.textContent = 'remission';
    root.append(span, '');
    const next = document.createElement('span');
    next.textContent = 'angiogenesis';
    root.append(next);
    expect(collect(root)[0]!.soft).toEqual([9]);
  });

  it('our own marks are not markup: text glued to a mark reads as one word, markup beside a mark still counts', () => {
    const mark = '<mark class="oncology-glossary-term" data-glossary-id="metastasis">metastases</mark>';
    // The page wrote "CAR T cell" right after a marked term: "metastasesCAR" is one word, as without the mark.
    const glued = collect(paragraph(`Some ${mark}CAR T cell`))[0]!;
    expect(glued.soft).toBeNull();
    expect(terms(paragraph(`Some ${mark}CAR T cell`))).toEqual(['T cell → t-cells']);
    // A page element between the mark and the next word is markup, as it would be without the mark.
    expect(collect(paragraph(`Some ${mark}<b>CAR</b> T cell`))[0]!.soft).toEqual([15]);
    expect(collect(paragraph(`<i>lenalidomide</i>${mark}`))[0]!.soft).toEqual([12]);
  });

  it('are kept per run: the next run starts without them', () => {
    const root = document.createElement('div');
    root.append(paragraph('lenalidomide<sup>1</sup>'), paragraph('myeloma'));
    expect(collect(root).map(({ soft }) => soft)).toEqual([[12], null]);
  });

  it('count from the start of their own run, after a run that ended in a word', () => {
    const root = document.createElement('div');
    root.append(paragraph('lenalidomide<sup>1</sup>'), paragraph('The pomalidomide<sup>2</sup> <i>and</i>'));
    expect(collect(root).map(({ soft }) => soft)).toEqual([[12], [16]]);
  });

  it('are found in a run of many glued elements, each at its own offset', () => {
    const root = paragraph('<span>ab</span>'.repeat(2000));
    const soft = collect(root)[0]!.soft!;
    expect(soft).toHaveLength(1999);
    expect(soft.slice(0, 3)).toEqual([2, 4, 6]);
    expect(soft.at(-1)).toBe(3998);
  });
});

describe('slices', () => {
  /** A detached article of `count` paragraphs, each `length` characters long. */
  function article(count: number, length: number): HTMLElement {
    const root = document.createElement('article');
    for (let i = 0; i < count; i++) {
      const p = document.createElement('p');
      p.textContent = 'x'.repeat(length);
      root.append(p);
    }
    return root;
  }

  /** How many steps the walk of `root` takes when the clock is past the deadline at every reading. */
  function stepsToWalk(root: Element): number {
    const collector = new TextRunCollector(root, () => {});
    let steps = 1;
    while (!collector.step(0, () => 1)) steps++;
    return steps;
  }

  it('read the clock after long texts, not only after many nodes: long paragraphs end a slice sooner', () => {
    // 40 paragraphs are 80 nodes, far fewer than a check's worth of nodes; their 200,000 characters are not.
    expect(stepsToWalk(article(40, 5_000))).toBeGreaterThan(10);
    expect(stepsToWalk(article(40, 10))).toBe(1);
  });

  it('hand over every run once, however many slices the walk takes', () => {
    const texts: string[] = [];
    const root = article(30, 3_000);
    const collector = new TextRunCollector(root, (text) => texts.push(text));
    while (!collector.step(0, () => 1));
    expect(texts).toHaveLength(30);
    expect(texts.every((text) => text.length === 3_000)).toBe(true);
  });

  it('stop after a run onText pauses at, and go on from there: every run handed over once, in order', () => {
    const root = document.createElement('article');
    root.append(paragraph('one <b>two</b> three'), paragraph('four'), paragraph('<i>five</i>'));
    const texts: string[] = [];
    const collector = new TextRunCollector(root, (text, current) => {
      texts.push(text);
      current.pause();
    });
    const results: boolean[] = [];
    for (let steps = 0; steps < 10 && !results.at(-1); steps++) {
      results.push(collector.step(Infinity, () => 0));
      // The walk goes no further than the run it paused at.
      expect(texts).toHaveLength(results.length);
    }
    expect(texts).toEqual(['one two three', 'four', 'five']);
    // Paused after the last run, the walk is done all the same.
    expect(results).toEqual([false, false, true]);
  });

  it('pause and go on across an open shadow root: into it, out of it, every run once, in order', () => {
    const root = document.createElement('article');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(paragraph('inside <b>one</b>'), paragraph('inside two'));
    host.append(paragraph('light child'));
    root.append(paragraph('before'), host, paragraph('after'));
    const texts: string[] = [];
    const collector = new TextRunCollector(root, (text, current) => {
      texts.push(text);
      current.pause();
    });
    let steps = 1;
    while (!collector.step(Infinity, () => 0) && steps < 20) steps++;
    expect(texts).toEqual(['before', 'inside one', 'inside two', 'light child', 'after']);
    expect(steps).toBe(texts.length);
  });
});
