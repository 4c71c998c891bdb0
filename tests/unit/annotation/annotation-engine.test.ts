import Mark from 'mark.js';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MARK_CLASS,
  MARK_SELECTOR,
  MARK_STYLE_ELEMENT_ID,
  OCCURRENCE_SELECTOR,
} from '../../../src/annotation/mark-selectors';
import { AnnotationEngine } from '../../../src/annotation/annotation-engine';
import { makeTestGlossary } from '../matching/test-glossary';
import {
  annotate,
  fakeContext,
  occurrences,
  ON,
  setBody,
  settle,
  snapshot,
  stopAllEngines,
} from './annotation-helpers';

beforeEach(() => {
  stopAllEngines();
  document.head.replaceChildren();
  setBody('');
});

describe('marks', () => {
  it('wraps each occurrence in <mark data-glossary-id> with the styling class', async () => {
    setBody('<p>Lenalidomide is an IMiD used in multiple myeloma.</p>');
    await annotate();
    expect(occurrences()).toEqual([
      'Lenalidomide → lenalidomide',
      'IMiD → immunomodulatory-drugs',
      'multiple myeloma → multiple-myeloma',
    ]);
    for (const mark of document.querySelectorAll(MARK_SELECTOR)) {
      expect(mark.localName).toBe('mark');
      expect(mark.classList.contains(MARK_CLASS)).toBe(true);
      // Nothing that would make screen readers announce every term: <mark> alone is read as "highlighted".
      expect(mark.getAttribute('role')).toBe('none');
      expect(mark.hasAttribute('aria-label')).toBe(false);
      expect(mark.hasAttribute('tabindex')).toBe(false);
    }
  });

  it('marks words laid out one per element and spaced by CSS, though their text has no white space; not data shown as text', async () => {
    const words = 'Patients with myeloma received lenalidomide after transplant and were followed for years';
    const html = words
      .split(' ')
      .map((word) => `<span class="w">${word}</span>`)
      .join('');
    const blob = '{"disease":"myeloma","drug":"lenalidomide","id":12},'.repeat(8);
    setBody(`<p id="words">${html.repeat(4)}</p><p id="blob">${blob}</p>`);
    expect(document.getElementById('words')!.textContent!.length).toBeGreaterThanOrEqual(300);
    await annotate();
    expect(document.querySelectorAll(`#words ${MARK_SELECTOR}`)).toHaveLength(8);
    expect(document.querySelectorAll(`#blob ${MARK_SELECTOR}`)).toHaveLength(0);
  });

  it('injects the marks stylesheet into <head>, once', async () => {
    setBody('<p>myeloma</p>');
    await annotate();
    await annotate();
    expect(document.head.querySelectorAll(`#${MARK_STYLE_ELEMENT_ID}`)).toHaveLength(1);
    expect(document.body.querySelector('style')).toBeNull();
  });

  it('matches text split across inline elements: "<i>CAR</i> T-cell therapy"', async () => {
    setBody('<p>Then <i>CAR</i> T-cell therapy began.</p>');
    await annotate();
    expect(occurrences()).toEqual(['CAR T-cell therapy → car-t-cell-therapy']);
    const pieces = [...document.querySelectorAll(MARK_SELECTOR)];
    expect(pieces.map((p) => [p.parentElement!.localName, p.getAttribute('data-glossary-part')])).toEqual([
      ['i', null],
      ['p', 'rest'],
    ]);
    expect(document.querySelectorAll(OCCURRENCE_SELECTOR)).toHaveLength(1);
  });

  it('matches "multiple <b>myeloma</b>" as one occurrence', async () => {
    setBody('<p>About multiple <b>myeloma</b>.</p>');
    await annotate();
    expect(occurrences()).toEqual(['multiple myeloma → multiple-myeloma']);
  });

  it('treats markup between glued words as a word boundary: citation marks, adjacent spans', async () => {
    setBody(
      '<p>Given lenalidomide<sup>12</sup> and in multiple <b>myeloma</b><sup>3,4</sup>.</p>' +
        '<p><span>remission</span><span>angiogenesis</span></p><p>lenalidomide12 stays one word.</p>',
    );
    const before = document.body.textContent;
    await annotate();
    expect(occurrences()).toEqual([
      'lenalidomide → lenalidomide',
      'multiple myeloma → multiple-myeloma',
      'remission → remission',
      'angiogenesis → angiogenesis',
    ]);
    expect(document.querySelector('sup')!.textContent).toBe('12');
    expect(document.body.textContent).toBe(before);
  });

  it('never matches across a block boundary', async () => {
    setBody('<div>multiple</div><div>myeloma</div><p>multiple<br>myeloma</p>');
    await annotate();
    expect(occurrences()).toEqual(['myeloma → myeloma', 'myeloma → myeloma']);
  });

  it('annotates inside links without breaking them', async () => {
    setBody('<p>Read <a href="/lena" id="link">about lenalidomide</a> here.</p>');
    await annotate();
    const link = document.getElementById('link')!;
    expect(link.getAttribute('href')).toBe('/lena');
    expect(link.textContent).toBe('about lenalidomide');
    expect(link.querySelector(MARK_SELECTOR)?.textContent).toBe('lenalidomide');
  });

  it('applies the page-level abbreviation rules', async () => {
    setBody(
      '<p>Pomalidomide (POM) and lenalidomide (LEN) treat multiple myeloma (MM).</p>' +
        '<p>POM and LEN both help in MM.</p><p>Smith MM, Jones AB, Kumar S, et al. Blood. 2020.</p>',
    );
    await annotate();
    const abbreviations = occurrences().filter((o) => /^[A-Z]+ →/.test(o));
    expect(abbreviations).toEqual([
      'POM → pomalidomide',
      'LEN → lenalidomide',
      'MM → multiple-myeloma',
      'POM → pomalidomide',
      'LEN → lenalidomide',
      'MM → multiple-myeloma',
    ]);
  });
});

describe("a page's own abbreviations", () => {
  it('marks a term written around its bracketed abbreviation as one occurrence, and the abbreviation after it', async () => {
    setBody(
      '<h2>Chimeric antigen receptor (<abbr>CAR</abbr>) T-cell therapy</h2>' +
        '<p>CAR T cells are made for each patient; CAR stands for a receptor.</p>',
    );
    const before = document.body.textContent;
    await annotate();
    expect(occurrences()).toEqual([
      'Chimeric antigen receptor (CAR) T-cell therapy → car-t-cell-therapy',
      'CAR T → car-t-cell-therapy',
      'CAR → car-t-cell-therapy',
    ]);
    const heading = document.querySelector('h2')!;
    expect(heading.querySelectorAll(OCCURRENCE_SELECTOR)).toHaveLength(1);
    expect(document.body.textContent).toBe(before);
  });

  it('and the other way round, the abbreviation first and its long form in brackets, across markup', async () => {
    setBody('<p><b>CAR</b> (chimeric antigen receptor) <i>T-cell</i> therapy; later CAR alone.</p>');
    const before = document.body.textContent;
    await annotate();
    expect(occurrences()).toEqual([
      'CAR (chimeric antigen receptor) T-cell therapy → car-t-cell-therapy',
      'CAR → car-t-cell-therapy',
    ]);
    expect(document.body.textContent).toBe(before);
  });

  it('a hyphenated abbreviation the page defines is marked whole wherever it stands, over a glossary one inside it', async () => {
    setBody(
      '<p>T-cell acute myeloid leukemia (T-AML) is rare.</p><p>Later, T-AML again.</p>' +
        '<p>EBV-specific cytotoxic T lymphocytes (EBV-CTLs) work.</p><p>Allogeneic EBV-CTLs, from donors.</p>',
    );
    const before = document.body.textContent;
    await annotate();
    expect(occurrences()).toEqual([
      'T-cell → t-cells',
      'acute myeloid leukemia → acute-myeloid-leukemia',
      'T-AML → acute-myeloid-leukemia',
      'T-AML → acute-myeloid-leukemia',
      'T lymphocytes → t-cells',
      'EBV-CTLs → t-cells',
      'EBV-CTLs → t-cells',
    ]);
    expect(document.body.textContent).toBe(before);
  });

  it('are annotated wherever they stand: alone, beside other terms, in nested blocks, before a citation mark', async () => {
    setBody(
      '<p>Only POM here.</p><p>Pomalidomide (POM) is an IMiD.</p>' +
        '<div>Before <p>nested POM</p> after POM and myeloma</div>' +
        '<p>POM<sup>3</sup> and <i>POM</i>s; not POMEGRANATE or pom.</p><p>Later, POM alone.</p>',
    );
    const before = document.body.textContent;
    await annotate();
    expect(occurrences().filter((o) => o.startsWith('POM'))).toEqual([
      'POM → pomalidomide',
      'POM → pomalidomide',
      'POM → pomalidomide',
      'POM → pomalidomide',
      'POM → pomalidomide',
      'POMs → pomalidomide',
      'POM → pomalidomide',
    ]);
    expect(document.body.textContent).toBe(before);
  });

  it("with first occurrences only, the page's first one is marked, though it was read before its definition", async () => {
    setBody(
      '<div>Before <p>nested text</p> then POM</div><p>Only POM here.</p>' +
        '<p>Pomalidomide (POM) and myeloma.</p><p>POM again.</p>',
    );
    await annotate({ occurrenceMode: 'first' });
    expect(occurrences()).toEqual(['POM → pomalidomide', 'myeloma → myeloma']);
    expect(document.querySelector('mark')!.parentElement!.localName).toBe('div');
  });
});

describe('what the page says its abbreviations stand for', () => {
  it('tells the tooltip, from a bracket or a <dl>, while annotations are on', async () => {
    setBody(
      '<p>Newly diagnosed <b>multiple myeloma</b> (NDMM) and POM.</p><dl><dt>POM</dt><dd>pomalidomide</dd></dl>',
    );
    const { engine } = await annotate();
    expect(engine.spelledOutAs('NDMM', 'multiple-myeloma')).toBe('Newly diagnosed multiple myeloma');
    expect(engine.spelledOutAs('POM', 'pomalidomide')).toBe('pomalidomide');
    expect(engine.spelledOutAs('POM', 'lenalidomide')).toBeNull();
    engine.update({ ...ON, enabled: false });
    expect(engine.spelledOutAs('POM', 'pomalidomide')).toBeNull();
  });

  it('lists the abbreviations the page defines, in page order; none while annotations are off', async () => {
    setBody(
      '<p>Newly diagnosed <b>multiple myeloma</b> (NDMM) and POM.</p><dl><dt>POM</dt><dd>pomalidomide</dd></dl>',
    );
    const { engine } = await annotate();
    expect(engine.definedAbbreviations()).toEqual([
      { shortForm: 'NDMM', entryId: 'multiple-myeloma', longForm: 'Newly diagnosed multiple myeloma' },
      { shortForm: 'POM', entryId: 'pomalidomide', longForm: 'pomalidomide' },
    ]);
    engine.update({ ...ON, enabled: false });
    expect(engine.definedAbbreviations()).toEqual([]);
  });
});

describe("definitions in a list of abbreviations, as PubMed Central's <dl>", () => {
  it('<dt>POM</dt><dd>pomalidomide</dd> adds POM on that page; <dt>NK</dt><dd>North Korea</dd> rules NK out', async () => {
    setBody(
      '<p>POM was given first. Natural killer cells rose; NK counts fell.</p>' +
        '<dl><dt>POM</dt><dd><p>pomalidomide</p></dd><dt>NK</dt><dd>North Korea</dd></dl>',
    );
    await annotate();
    expect(occurrences()).toEqual([
      'POM → pomalidomide',
      'Natural killer cells → natural-killer-cells',
      'POM → pomalidomide',
      'pomalidomide → pomalidomide',
    ]);
  });
});

describe("definitions in a table of abbreviations, as MDPI's journals give them", () => {
  it('a two-cell row <td>POM</td><td>pomalidomide</td> adds POM on that page; NK | North Korea rules NK out', async () => {
    setBody(
      '<p>POM was given first. Natural killer cells rose; NK counts fell.</p>' +
        '<table><tr><th>Abbreviation</th><th>Meaning</th></tr><tr><td>POM</td><td>Pomalidomide</td></tr>' +
        '<tr><td>NK</td><td>North Korea</td></tr></table>',
    );
    await annotate();
    expect(occurrences()).toEqual([
      'POM → pomalidomide',
      'Natural killer cells → natural-killer-cells',
      'POM → pomalidomide',
      'Pomalidomide → pomalidomide',
    ]);
  });

  it('a row after hundreds of others still defines (they are read in slices)', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `<tr><td>R${i}</td><td>${i}</td></tr>`).join('');
    setBody(`<p>POM was given.</p><table>${rows}<tr><td>POM</td><td>pomalidomide</td></tr></table>`);
    await annotate();
    expect(occurrences()).toEqual([
      'POM → pomalidomide',
      'POM → pomalidomide',
      'pomalidomide → pomalidomide',
    ]);
  });

  it('a data table defines nothing: MM stays unannotated without its long form', async () => {
    setBody(
      '<p>Counts: MM rose.</p><table><tr><td>MM</td><td>45</td></tr><tr><td>Year</td><td>2020</td></tr></table>',
    );
    await annotate();
    expect(occurrences()).toEqual([]);
  });
});

describe('what a page is about comes from its content, not its navigation, sidebars or footer', () => {
  const glossary = makeTestGlossary(
    { relapse: ['relapse'], remission: ['remission'], lymphoma: ['lymphoma'] },
    ['lymphoma'],
    ['relapse', 'remission'],
  );
  const sportsPage = (sidebar: string) =>
    `<main><p>The striker's relapse kept him out for six weeks.</p></main>${sidebar}` +
    '<footer><p>Partner: a charity for families touched by cancer, in remission or not.</p></footer>';

  it('a cancer named in a sidebar, a navigation bar or the footer makes no page about cancer', async () => {
    for (const sidebar of [
      '<aside><p>Run for lymphoma research this spring.</p></aside>',
      '<nav><ul><li><a href="/lymphoma">Our lymphoma appeal</a></li></ul></nav>',
      '<div role="complementary"><p>Run for lymphoma research.</p></div>',
      '<div role="navigation"><a href="/cancer">Cancer: a remission story</a></div>',
    ]) {
      setBody(sportsPage(sidebar));
      await annotate({}, {}, glossary);
      // The sidebar's own cancer is still explained; the striker's relapse is no cancer's.
      expect(occurrences(), sidebar).toEqual(sidebar.includes('lymphoma') ? ['lymphoma → lymphoma'] : []);
      stopAllEngines();
    }
  });

  it("the page's main heading names its topic as its title does: a short page's MM is the myeloma of its <h1>", async () => {
    const myeloma = makeTestGlossary(
      {
        'multiple-myeloma': ['multiple myeloma', { text: 'MM', kind: 'abbreviation', ambiguous: true }],
      },
      ['multiple-myeloma'],
    );
    const page = (heading: string) =>
      `<main><${heading}>Living with multiple myeloma</${heading}>` +
      `<p>Your MM team will explain each step. Many people with MM live for years.</p></main>`;
    setBody(page('h1'));
    await annotate({}, {}, myeloma);
    expect(occurrences()).toEqual([
      'multiple myeloma → multiple-myeloma',
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
    ]);
    stopAllEngines();
    // One paragraph naming it once is a passing mention: MM waits for more.
    setBody(page('p'));
    await annotate({}, {}, myeloma);
    expect(occurrences()).toEqual(['multiple myeloma → multiple-myeloma']);
    stopAllEngines();
    // A blog's index, each post with its own <h1>, has no heading that speaks for the page: tyres stay tyres.
    setBody(
      '<main><article><h1>Riding 100 miles for multiple myeloma research</h1></article>' +
        '<article><h1>New gravel tyres</h1><p>The MM width is great.</p></article></main>',
    );
    await annotate({}, {}, myeloma);
    expect(occurrences()).toEqual(['multiple myeloma → multiple-myeloma']);
  });

  it("a web component's shadow root inside the navigation is the navigation too", async () => {
    setBody(`${sportsPage('')}<nav id="menu"></nav>`);
    const host = document.createElement('site-links');
    const line = document.createElement('p');
    line.textContent = 'Run for lymphoma research.';
    host.attachShadow({ mode: 'open' }).append(line);
    document.getElementById('menu')!.append(host);
    await annotate({}, {}, glossary);
    expect(occurrences()).toEqual([]);
  });

  it('a title that names cancer makes a page about cancer, even when only the navigation names it', async () => {
    const title = document.title;
    try {
      document.title = 'After a relapse | Blood Cancer Support';
      setBody(
        '<nav><a href="/">Blood cancer support</a></nav><main><p>A relapse can come years later.</p></main>',
      );
      await annotate({}, {}, glossary);
      expect(occurrences()).toEqual(['relapse → relapse']);
    } finally {
      document.title = title;
    }
  });

  it("the same elements inside the article are the article's: a fact box, the article's footer", async () => {
    setBody(
      '<article><p>The relapse came in spring.</p><aside><p>Facts: lymphoma is a cancer.</p></aside>' +
        '<footer><p>Our lymphoma nurses.</p></footer></article>',
    );
    await annotate({}, {}, glossary);
    expect(occurrences()).toEqual(['relapse → relapse', 'lymphoma → lymphoma', 'lymphoma → lymphoma']);
  });
});

describe('<abbr title> definitions', () => {
  it("define an ambiguous abbreviation in the glossary's sense, or in another that rules it out", async () => {
    setBody(
      '<p>Treatment of <abbr title="multiple myeloma">MM</abbr> with lenalidomide; MM returns.</p>' +
        '<p>Natural killer cells rose.</p><p>Talks with <abbr title="North Korea">NK</abbr> stalled; NK left.</p>',
    );
    await annotate();
    expect(occurrences()).toEqual([
      'MM → multiple-myeloma',
      'lenalidomide → lenalidomide',
      'MM → multiple-myeloma',
      'Natural killer cells → natural-killer-cells',
    ]);
  });

  it('add an abbreviation the glossary lacks, on that page', async () => {
    setBody('<p>Of the IMiDs, <abbr title="pomalidomide">POM</abbr> came last.</p><p>POM again.</p>');
    await annotate();
    expect(occurrences()).toEqual([
      'IMiDs → immunomodulatory-drugs',
      'POM → pomalidomide',
      'POM → pomalidomide',
    ]);
  });
});

describe('never inside', () => {
  it.each([
    ['script', '<script>var x = "myeloma";</script>'],
    ['style', '<style>/* myeloma */</style>'],
    ['noscript', '<noscript>myeloma</noscript>'],
    ['template', '<template>myeloma</template>'],
    ['textarea', '<textarea>myeloma</textarea>'],
    ['select/option', '<select><option>myeloma</option></select>'],
    ['contenteditable', '<div contenteditable="true"><p>myeloma</p></div>'],
    ['contenteditable (plaintext-only)', '<div contenteditable="plaintext-only">myeloma</div>'],
    ['code', '<p><code>myeloma</code></p>'],
    ['pre', '<pre>myeloma</pre>'],
    ['kbd', '<p><kbd>myeloma</kbd></p>'],
    ['samp', '<p><samp>myeloma</samp></p>'],
    ['svg', '<svg><text>myeloma</text></svg>'],
    ['math', '<math><mi>myeloma</mi></math>'],
    ['button', '<button>myeloma</button>'],
    ["the extension's own UI", '<div data-oncology-glossary-ui><p>myeloma</p></div>'],
    ["another highlighter's marks", '<p><mark data-markjs="true">myeloma</mark></p>'],
  ])('%s', async (_, html) => {
    setBody(`${html}<p id="control">angiogenesis</p>`);
    const before = snapshot(document.body);
    await annotate();
    expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);
    document.getElementById('control')!.replaceChildren('angiogenesis');
    expect(snapshot(document.body)).toBe(before);
  });

  it('the document title', async () => {
    document.title = 'Multiple myeloma';
    setBody('<p>text</p>');
    await annotate();
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(document.title).toBe('Multiple myeloma');
  });

  it('an existing annotation (a second annotator adds nothing)', async () => {
    setBody('<p>lenalidomide and myeloma</p>');
    await annotate();
    const once = snapshot(document.body);
    const { engine } = await annotate();
    await settle(engine);
    expect(snapshot(document.body)).toBe(once);
  });

  it('text fields keep their values', async () => {
    setBody('<input id="field" value="myeloma"><p>angiogenesis</p>');
    await annotate();
    expect((document.getElementById('field') as HTMLInputElement).value).toBe('myeloma');
    expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);
  });
});

describe('integrity', () => {
  const PAGE =
    '<h1>Multiple myeloma</h1><p>Lenalidomide (LEN) is an <i>IMiD</i>; <i>CAR</i> T-cell therapy, ' +
    'multiple <b>myeloma</b>, <a href="#x">antibodies</a> and cytokines.</p><ul><li>T cells</li><li>NK cells</li></ul>';

  it('leaves document.body.textContent exactly as it was', async () => {
    setBody(PAGE);
    const text = document.body.textContent;
    await annotate();
    expect(document.querySelectorAll(MARK_SELECTOR).length).toBeGreaterThan(8);
    expect(document.body.textContent).toBe(text);
  });

  it('off restores the exact DOM: the same text nodes, unsplit; on annotates again', async () => {
    setBody(PAGE);
    const before = snapshot(document.body);
    const textNodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) textNodes.push(walker.currentNode as Text);

    const { engine } = await annotate();
    const annotated = occurrences();
    engine.update({ ...ON, enabled: false });
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(document.getElementById(MARK_STYLE_ELEMENT_ID)).toBeNull();
    expect(snapshot(document.body)).toBe(before);
    const after: Text[] = [];
    const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker2.nextNode()) after.push(walker2.currentNode as Text);
    expect(after.length).toBe(textNodes.length);
    after.forEach((node, i) => expect(node).toBe(textNodes[i]));

    engine.update(ON);
    await engine.idle();
    expect(occurrences()).toEqual(annotated);
  });

  it("keeps a framework's adjacent text nodes apart (mark.js unmark would merge them)", async () => {
    // Preact renders "Dose of {drug}" as two text nodes and keeps a reference to each.
    const p = document.createElement('p');
    const label = document.createTextNode('Dose of ');
    const value = document.createTextNode('lenalidomide today');
    p.append(label, value);
    document.body.append(p);
    const { engine } = await annotate();
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide']);
    engine.update({ ...ON, enabled: false });
    expect([...p.childNodes]).toEqual([label, value]);
    expect(value.data).toBe('lenalidomide today');

    // What mark.js's own unmark would do: normalize() merges the page's two nodes into one.
    engine.update(ON);
    await engine.idle();
    new Mark(p).unmark({ done: () => {} });
    expect(p.childNodes).toHaveLength(1);
  });

  it('a long text node with hundreds of terms: every one marked, copying its text a few times, not once per term', async () => {
    // One text node of 24 KB (a plain-text document in a pre-wrap <div>), with a term running into it from the
    // text before and another running out of it into the next.
    const sentence = 'Lenalidomide slows angiogenesis in people with myeloma, the report said. ';
    const long = `myeloma. ${sentence.repeat(320)}CAR`;
    const p = document.createElement('div');
    p.append('multiple ', long, ' T-cell therapy');
    document.body.append(p);
    const longNode = p.childNodes[1] as Text;
    const before = snapshot(document.body);
    const text = document.body.textContent;

    let copied = 0;
    const splitText = Text.prototype.splitText;
    Text.prototype.splitText = function (this: Text, offset: number) {
      copied += this.data.length;
      return splitText.call(this, offset);
    };
    let engine;
    try {
      ({ engine } = await annotate({}, { nearMargins: null }));
    } finally {
      Text.prototype.splitText = splitText;
    }

    const found = occurrences();
    expect(found).toHaveLength(2 + 3 * 320);
    expect(found[0]).toBe('multiple myeloma → multiple-myeloma');
    expect(found.slice(1, 4)).toEqual([
      'Lenalidomide → lenalidomide',
      'angiogenesis → angiogenesis',
      'myeloma → myeloma',
    ]);
    expect(found.at(-1)).toBe('CAR T-cell therapy → car-t-cell-therapy');
    expect(document.body.textContent).toBe(text);
    // Cutting at each term in turn would copy the 24 KB text once per term (nearly 500 times its length).
    expect(copied).toBeLessThan(20 * long.length);

    engine.update({ ...ON, enabled: false });
    expect(snapshot(document.body)).toBe(before);
    expect(p.childNodes[1]).toBe(longNode);
    expect(longNode.data).toBe(long);
  });

  it('stops and restores everything when the content script is invalidated', async () => {
    setBody(PAGE);
    const before = snapshot(document.body);
    const { ctx, engine } = await annotate();
    ctx.invalidate();
    expect(snapshot(document.body)).toBe(before);
    const p = document.createElement('p');
    p.textContent = 'myeloma';
    document.body.append(p);
    await settle(engine);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });

  it("leaves the page's own <mark data-glossary-id> elements as they are (a site's glossary), on and off", async () => {
    setBody(
      '<p>See <mark data-glossary-id="note-1">note 1</mark> on lenalidomide.</p>' +
        '<p><mark data-glossary-id="lenalidomide" style="background: pink">angiogenesis</mark></p>',
    );
    const before = snapshot(document.body);
    const { engine } = await annotate();
    // Its text is read like any other: the term inside the page's mark gets a mark of ours.
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'angiogenesis → angiogenesis']);
    expect(document.querySelectorAll('mark[data-glossary-id="note-1"]')).toHaveLength(1);
    engine.update({ ...ON, enabled: false });
    expect(snapshot(document.body)).toBe(before);
  });

  it('an element of the page with the id of our stylesheet is neither taken for it nor removed with it', async () => {
    setBody(`<p id="${MARK_STYLE_ELEMENT_ID}">Keep this sentence.</p><p>myeloma</p>`);
    const before = snapshot(document.body);
    const { engine } = await annotate();
    expect(document.head.querySelectorAll(`style#${MARK_STYLE_ELEMENT_ID}`)).toHaveLength(1);
    engine.update({ ...ON, enabled: false });
    expect(snapshot(document.body)).toBe(before);
    expect(document.head.querySelector(`style#${MARK_STYLE_ELEMENT_ID}`)).toBeNull();
  });

  it('a page rewriting its <head> gets the marks stylesheet back', async () => {
    setBody('<p>myeloma</p>');
    const { engine } = await annotate();
    const title = document.createElement('title');
    title.textContent = 'Rewritten';
    document.head.replaceChildren(title);
    await Promise.resolve();
    expect(document.head.querySelectorAll(`style#${MARK_STYLE_ELEMENT_ID}`)).toHaveLength(1);
    engine.update({ ...ON, enabled: false });
    expect(document.head.querySelector(`style#${MARK_STYLE_ELEMENT_ID}`)).toBeNull();
  });

  it('a page that takes out whatever is added to its <head> wins after a few tries, without freezing', async () => {
    setBody('<p>myeloma</p>');
    const own = new Set(document.head.children);
    let removals = 0;
    const guard = new MutationObserver(() => {
      for (const element of [...document.head.children]) {
        if (own.has(element)) continue;
        removals++;
        element.remove();
      }
    });
    guard.observe(document.head, { childList: true });
    try {
      // An endless exchange of microtasks would never let this resolve.
      await annotate();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(removals).toBeGreaterThanOrEqual(1);
      expect(removals).toBeLessThanOrEqual(4);
      expect(occurrences()).toEqual(['myeloma → myeloma']);
    } finally {
      guard.disconnect();
    }
  });

  it("a <style> of the page's own with our stylesheet's id stays when annotations are switched off", async () => {
    const own = document.createElement('style');
    own.id = MARK_STYLE_ELEMENT_ID;
    own.textContent = 'p { color: rgb(200, 0, 0); }';
    document.head.append(own);
    try {
      setBody('<p>myeloma</p>');
      const { engine } = await annotate();
      engine.update({ ...ON, enabled: false });
      expect(own.isConnected).toBe(true);
      expect(document.head.querySelectorAll(`style#${MARK_STYLE_ELEMENT_ID}`)).toHaveLength(1);
    } finally {
      own.remove();
    }
  });

  it('a page replacing its body, or its whole root element, is read again', async () => {
    setBody('<p>myeloma</p>');
    const { engine } = await annotate();
    const body = document.createElement('body');
    body.append(Object.assign(document.createElement('p'), { textContent: 'angiogenesis' }));
    document.body.replaceWith(body);
    await settle(engine);
    expect(occurrences()).toEqual(['angiogenesis → angiogenesis']);

    const oldRoot = document.documentElement;
    const root = document.createElement('html');
    const newBody = document.createElement('body');
    newBody.append(Object.assign(document.createElement('p'), { textContent: 'lenalidomide' }));
    root.append(document.createElement('head'), newBody);
    // Removed, then the new one added (happy-dom's replaceChild refuses a second root element midway).
    oldRoot.remove();
    document.append(root);
    try {
      await settle(engine);
      expect(occurrences()).toEqual(['lenalidomide → lenalidomide']);
      // And followed as it changes.
      newBody.append(Object.assign(document.createElement('p'), { textContent: 'pomalidomide' }));
      await settle(engine);
      expect(occurrences()).toEqual(['lenalidomide → lenalidomide', 'pomalidomide → pomalidomide']);
    } finally {
      engine.stop();
      root.remove();
      document.append(oldRoot);
    }
  });
});

describe('settings applied live', () => {
  it('hiding a term removes its marks only; restoring it brings them back', async () => {
    setBody('<p>lenalidomide and myeloma; lenalidomide again.</p>');
    const { engine } = await annotate();
    const text = document.body.textContent;
    engine.update({ ...ON, hiddenTerms: ['lenalidomide'] });
    expect(occurrences()).toEqual(['myeloma → myeloma']);
    expect(document.body.textContent).toBe(text);
    engine.update(ON);
    await engine.idle();
    expect(occurrences()).toEqual([
      'lenalidomide → lenalidomide',
      'myeloma → myeloma',
      'lenalidomide → lenalidomide',
    ]);
  });

  it('hidden terms are never annotated', async () => {
    setBody('<p>lenalidomide and myeloma</p>');
    await annotate({ hiddenTerms: ['myeloma'] });
    expect(occurrences()).toEqual(['lenalidomide → lenalidomide']);
  });

  it('first occurrence only, and back to every occurrence', async () => {
    setBody(
      '<p>myeloma, lenalidomide</p><p>myeloma and <i>CAR</i> T-cell therapy, myeloma, CAR T-cell therapy</p>',
    );
    const { engine } = await annotate({ occurrenceMode: 'first' });
    expect(occurrences()).toEqual([
      'myeloma → myeloma',
      'lenalidomide → lenalidomide',
      'CAR T-cell therapy → car-t-cell-therapy',
    ]);
    engine.update(ON);
    await engine.idle();
    expect(occurrences()).toHaveLength(6);
    engine.update({ ...ON, occurrenceMode: 'first' });
    expect(occurrences()).toEqual([
      'myeloma → myeloma',
      'lenalidomide → lenalidomide',
      'CAR T-cell therapy → car-t-cell-therapy',
    ]);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(4);
  });

  it('first occurrence only: when the page removes a term’s mark, its next occurrence gets it', async () => {
    setBody('<section id="old"><p>myeloma, lenalidomide</p></section><p>Then myeloma again.</p>');
    const { engine } = await annotate({ occurrenceMode: 'first' });
    expect(occurrences()).toEqual(['myeloma → myeloma', 'lenalidomide → lenalidomide']);
    // A feed dropping the items scrolled past, a section collapsed.
    document.getElementById('old')!.remove();
    await settle(engine);
    await settle(engine);
    expect(occurrences()).toEqual(['myeloma → myeloma']);
    expect(document.querySelector(MARK_SELECTOR)!.parentElement!.textContent).toBe('Then myeloma again.');
  });
});

describe('work in slices', () => {
  it('gives the same marks when every slice is cut as short as possible', async () => {
    const paragraphs = Array.from(
      { length: 300 },
      (_, i) => `<p>Paragraph ${i}: lenalidomide, multiple <b>myeloma</b> and T cells.</p>`,
    ).join('');
    setBody(paragraphs);
    const { engine } = await annotate({}, { sliceMs: 0 });
    expect(engine.stats.passes).toBe(1);
    expect(document.querySelectorAll(OCCURRENCE_SELECTOR)).toHaveLength(900);
    const sliced = snapshot(document.body);
    engine.stop();
    await annotate({}, { sliceMs: 1000 });
    expect(snapshot(document.body)).toBe(sliced);
  });
});

describe('a plain-text document: one text node of over 64 K characters', () => {
  const SENTENCE = 'Lenalidomide slows angiogenesis in multiple myeloma, the report said. ';
  const LONG = `Pomalidomide (POM) is an IMiD. ${SENTENCE.repeat(1000)}POM and lenalidomide.`;

  /** The long text in a pre-wrap <div>, as browsers show a plain-text document. */
  function plainText(text = LONG): { div: HTMLDivElement; node: Text } {
    const div = document.createElement('div');
    div.style.whiteSpace = 'pre-wrap';
    const node = document.createTextNode(text);
    div.append(node);
    document.body.append(div);
    return { div, node };
  }

  /** Runs `action` once, the first time text is split outside the page: while marks are being made apart. */
  function whileMadeApart(action: () => void): () => void {
    const splitText = Text.prototype.splitText;
    Text.prototype.splitText = function (this: Text, offset: number) {
      if (!this.isConnected) {
        Text.prototype.splitText = splitText;
        action();
      }
      return splitText.call(this, offset);
    };
    return () => (Text.prototype.splitText = splitText);
  }

  it('marks every term, its own abbreviations included, in one change to the page, and puts the page node back', async () => {
    const { div, node } = plainText();
    const before = snapshot(document.body);
    const text = document.body.textContent;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });

    const { engine } = await annotate({}, { nearMargins: null });
    records.push(...observer.takeRecords());
    observer.disconnect();

    const found = occurrences();
    expect(found).toHaveLength(3 + 3 * 1000 + 2);
    expect(found.slice(0, 6)).toEqual([
      'Pomalidomide → pomalidomide',
      'POM → pomalidomide',
      'IMiD → immunomodulatory-drugs',
      'Lenalidomide → lenalidomide',
      'angiogenesis → angiogenesis',
      'multiple myeloma → multiple-myeloma',
    ]);
    // The page's own abbreviation, found again in the text read before it was defined: a window at a time.
    expect(found.slice(-2)).toEqual(['POM → pomalidomide', 'lenalidomide → lenalidomide']);
    expect(document.body.textContent).toBe(text);
    // Its text is cut once, to what comes before the first term, and the rest is put in after it: no text of the
    // page is split in place thousands of times, each split making the browser lay the whole text out again.
    expect(records.filter((record) => record.type === 'characterData').map((r) => r.target)).toEqual([node]);
    expect(
      records.every((r) => r.type === 'characterData' || (r.target === div && r.removedNodes.length === 0)),
    ).toBe(true);

    engine.update({ ...ON, enabled: false });
    expect(snapshot(document.body)).toBe(before);
    expect(div.firstChild).toBe(node);
  });

  it('matches and wraps it in many short slices, with the same result as in one', async () => {
    plainText();
    const { engine: sliced } = await annotate({}, { sliceMs: 0, nearMargins: null });
    const result = snapshot(document.body);
    // About 66 K characters in windows of 16 K, 3,000 occurrences in chunks: many slices, however long each.
    expect(sliced.stats.slices).toBeGreaterThan(15);
    sliced.stop();
    const { engine: whole } = await annotate({}, { sliceMs: 1000, nearMargins: null });
    expect(snapshot(document.body)).toBe(result);
    expect(whole.stats.slices).toBeLessThan(5);
  });

  it('the page writes to the text while its marks are made apart: they are dropped, and its new text is marked', async () => {
    const { div, node } = plainText();
    const edited = `Edited. ${SENTENCE.repeat(1000)}`;
    const restore = whileMadeApart(() => (node.data = edited));
    let engine: AnnotationEngine;
    try {
      ({ engine } = await annotate({}, { nearMargins: null }));
    } finally {
      restore();
    }
    await settle(engine);
    expect(document.body.textContent).toBe(edited);
    const found = occurrences();
    expect(found).toHaveLength(3 * 1000);
    expect(found[0]).toBe('Lenalidomide → lenalidomide');
    engine.update({ ...ON, enabled: false });
    expect([...div.childNodes]).toEqual([node]);
    expect(node.data).toBe(edited);
  });

  it('a term the reader hides while its marks are made apart gets none', async () => {
    plainText();
    const text = document.body.textContent;
    const engine = new AnnotationEngine(fakeContext(), makeTestGlossary(), document, { nearMargins: null });
    const restore = whileMadeApart(() => engine.update({ ...ON, hiddenTerms: ['angiogenesis'] }));
    try {
      engine.update(ON);
      await engine.idle();
    } finally {
      restore();
    }
    const found = occurrences();
    expect(found.filter((o) => o.startsWith('angiogenesis'))).toEqual([]);
    expect(found.filter((o) => o.startsWith('Lenalidomide'))).toHaveLength(1000);
    expect(document.body.textContent).toBe(text);
    engine.stop();
  });
});
