import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BROWSERS,
  launchExtensionBrowser,
  type ExtensionBrowser,
  type TestPage,
} from '../harness/extension-browser';
import {
  bodySnapshots,
  idOf,
  passCount,
  readOccurrences,
  waitForPasses,
  waitForQuiet,
} from './annotation-helpers';

describe.each(BROWSERS)('%s: annotation on fixture pages', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');
  const open = async (fixture: string): Promise<TestPage> => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/${fixture}`);
    await waitForPasses(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
  });
  afterAll(() => browser?.close());

  it('article: each term marked with its entry, inflections and split text included, plain words and a term inside the name of a cancer (inflammatory breast cancer) left alone', async () => {
    const page = await open('article.html');
    const occurrences = await readOccurrences(page);
    const inside = (id: string) => occurrences.filter((o) => o.in === id).map((o) => [o.text, o.id]);
    expect(inside('drugs')).toEqual([
      ['lenalidomide', idOf('lenalidomide')],
      ['IMiD', idOf('IMiD')],
      ['dexamethasone', idOf('dexamethasone')],
      ['Lenalidomide', idOf('lenalidomide')],
      ['Revlimid', idOf('lenalidomide')],
      ['IMiDs', idOf('IMiD')],
      ['thalidomide', idOf('thalidomide')],
      ['pomalidomide', idOf('pomalidomide')],
    ]);
    expect(inside('item-1')).toEqual([
      ['Monoclonal antibodies', idOf('monoclonal antibody')],
      ['T cells', idOf('T cell')],
    ]);
    expect(inside('biology')).toEqual([
      ['angiogenesis', idOf('angiogenesis')],
      ['cytokines', idOf('cytokine')],
      ['metastases', idOf('metastasis')],
    ]);
    expect(inside('cell-1')).toEqual([['stem cell transplant', idOf('stem cell transplant')]]);
    expect(inside('words')).toEqual([]);
    const lenalidomide = occurrences.filter((o) => o.id === idOf('lenalidomide'));
    expect(lenalidomide).toHaveLength(3);
    const myeloma = occurrences.filter((o) => o.id === idOf('multiple myeloma'));
    expect(myeloma.map((o) => o.text)).toEqual(['multiple myeloma', 'Multiple myeloma', 'multiple myeloma']);
    await page.close();
  });

  it('article: text across inline elements is one occurrence; the link still works', async () => {
    const page = await open('article.html');
    const split = await page.evaluate(() => {
      const paragraph = document.getElementById('split')!;
      const marks = [...paragraph.querySelectorAll('mark[data-glossary-id]')];
      const link = document.getElementById('trial-link') as HTMLAnchorElement;
      return {
        pieces: marks.map((m) => [
          m.textContent,
          m.parentElement!.localName,
          m.getAttribute('data-glossary-part'),
        ]),
        heads: paragraph.querySelectorAll('mark[data-glossary-id]:not([data-glossary-part])').length,
        linkHref: link.getAttribute('href'),
        linkText: link.textContent,
        linkMark: link.querySelector('mark')?.getAttribute('data-glossary-id'),
      };
    });
    expect(split.pieces).toEqual([
      ['CAR', 'i', null],
      [' T-cell therapy', 'p', 'rest'],
      ['multiple ', 'p', null],
      ['myeloma', 'b', 'rest'],
      ['clinical trial', 'a', null],
    ]);
    expect(split.heads).toBe(3);
    expect(split.linkHref).toBe('#trials');
    expect(split.linkText).toBe('clinical trial');
    expect(split.linkMark).toBe(idOf('clinical trial'));
    await page.click('#trial-link');
    expect(await page.evaluate(() => location.hash)).toBe('#trials');
    await page.close();
  });

  it("abstract: the abbreviations it defines are marked (LEN, MM, POM, NK, MCL in an <abbr title>, and BTZ, DEX, NDMM, THAL and ASCT, which the glossary lacks, in brackets, a list, a <dl> or a table); author initials, dates, a journal's name and a web address are not", async () => {
    const page = await open('pubmed-abstract.html');
    const occurrences = await readOccurrences(page);
    const abbreviations = occurrences.filter((o) => /^[A-Z]{2,4}$/.test(o.text));
    const byParagraph = (id: string) =>
      abbreviations.filter((o) => o.in === id).map((o) => `${o.text} ${o.id}`);
    const [len, mm, pom, btz, nk, dex, mcl] = [
      'lenalidomide',
      'multiple myeloma',
      'pomalidomide',
      'bortezomib',
      'natural killer cell',
      'dexamethasone',
      'mantle cell lymphoma',
    ].map(idOf);
    expect(byParagraph('background')).toEqual([`MM ${mm}`, `LEN ${len}`, `POM ${pom}`, `BTZ ${btz}`]);
    // MCL is defined by HTML's own <abbr title="mantle cell lymphoma">, and only there. NDMM, which the
    // glossary lacks, by "newly diagnosed multiple myeloma (NDMM)": a long form headed by a glossary term.
    expect(byParagraph('methods')).toEqual([
      `MM ${mm}`,
      `LEN ${len}`,
      `POM ${pom}`,
      `BTZ ${btz}`,
      `MCL ${mcl}`,
      `MCL ${mcl}`,
      `NDMM ${mm}`,
      `NDMM ${mm}`,
    ]);
    // "natural killer (NK) cells": the long form begins a glossary form ("natural killer cell"), so NK is
    // defined in the glossary's sense; the words around the brackets are one occurrence of that term.
    expect(byParagraph('results')).toEqual([`POM ${pom}`, `BTZ ${btz}`, `LEN ${len}`, `NK ${nk}`]);
    expect(occurrences.filter((o) => o.id === nk).map((o) => o.text)).toEqual([
      'natural killer (NK) cells',
      'NK',
    ]);
    // DEX is defined only by the list of abbreviations at the end.
    expect(byParagraph('conclusion')).toEqual([`POM ${pom}`, `MM ${mm}`, `LEN ${len}`, `DEX ${dex}`]);
    expect(byParagraph('abbreviations')).toEqual([`BTZ ${btz}`, `DEX ${dex}`]);
    // THAL is defined only by the definition list after it, as PubMed Central lists abbreviations.
    expect(byParagraph('history')).toEqual([`THAL ${idOf('thalidomide')}`]);
    // ASCT only by a two-cell row of a table of abbreviations, as MDPI's journals list them; its long form is
    // headed by a glossary term.
    expect(byParagraph('transplant')).toEqual([`ASCT ${idOf('stem cell transplantation')}`, `LEN ${len}`]);
    expect(occurrences.filter((o) => ['authors', 'cite'].includes(o.in))).toEqual([]);
    // A reference: its title's terms are marked; the journal ("Leuk Lymphoma") and the address are not.
    expect(occurrences.filter((o) => o.in === 'reference').map((o) => o.text)).toEqual([
      'Lenalidomide',
      'multiple myeloma',
    ]);
    // "MM/DD/YYYY" in the header line: no mark there.
    expect(await page.evaluate(() => document.querySelector('.meta mark'))).toBeNull();
    await page.close();
  });

  it('decoys: a page of other meanings (Excel LEN, NK, AML, a knee MCL, tyres in mm, dates, terms in web addresses, business synergies, relapse in recovery, remission of bowel disease, allergy immunotherapy, first-line treatment of blood pressure, antibiotic drug resistance, COVID dexamethasone, arthritis rituximab and targeted therapies, refractory seizures, knee cell therapy, T cells after a flu shot, sclerosis immunomodulatory drugs, joint inflammation, bone marrow on toast, personalised treatment from a physio, a refractory shoulder, CAR T-shirts, a cancer charity in the sidebar) gets no mark at all', async () => {
    const page = await open('decoys.html');
    expect(await readOccurrences(page)).toEqual([]);
    const { original, current } = await bodySnapshots(page);
    expect(current).toBe(original);
    // Nothing of ours is added to a page without terms: the tooltip's host waits for a first mark.
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.localName)).toBe('body');
    expect(await page.evaluate(() => document.querySelector('oncology-glossary-tooltip'))).toBeNull();
    await page.close();
  });

  it('forms: inputs, text areas, selects, buttons, editable areas, code and SVG are left alone', async () => {
    const page = await open('forms.html');
    const occurrences = await readOccurrences(page);
    // The page's own text (a paragraph, a label) is annotated; what is typed or chosen in controls is not.
    expect(occurrences.map((o) => [o.text, o.in])).toEqual([
      ['lenalidomide', 'control'],
      ['multiple myeloma', 'label'],
      ['Lenalidomide', 'note'],
      ['multiple myeloma', 'note'],
    ]);
    const values = await page.evaluate(() => ({
      input: (document.getElementById('name') as HTMLInputElement).value,
      textarea: (document.getElementById('message') as HTMLTextAreaElement).value,
    }));
    expect(values).toEqual({
      input: 'lenalidomide and multiple myeloma',
      textarea: 'I take lenalidomide for multiple myeloma.',
    });
    // Typing into the editable area and the text area adds text there, never marks.
    const caretAtEnd = (selector: string) =>
      page.evaluate((target) => {
        const element = document.querySelector<HTMLElement>(target)!;
        element.focus();
        if (element instanceof HTMLTextAreaElement)
          element.setSelectionRange(element.value.length, element.value.length);
        else getSelection()!.collapse(element.lastChild, (element.lastChild as Text).length);
      }, selector);
    await caretAtEnd('#editor p');
    await page.type(' More about angiogenesis and lenalidomide.');
    await caretAtEnd('#message');
    await page.type(' Also angiogenesis.');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(
      await page.evaluate(
        () =>
          document.querySelectorAll('#editor mark, select mark, button mark, pre mark, code mark, svg mark')
            .length,
      ),
    ).toBe(0);
    expect(await page.evaluate(() => document.getElementById('editor')!.textContent)).toContain(
      'More about angiogenesis',
    );
    expect(await page.evaluate(() => (document.getElementById('message') as HTMLTextAreaElement).value)).toBe(
      'I take lenalidomide for multiple myeloma. Also angiogenesis.',
    );
    await page.close();
  });

  it('forms: text the page makes editable after it was marked is typed into as the page wrote it', async () => {
    const page = await open('forms.html');
    await page.click('#edit');
    // The reader clicks at the start of the paragraph and types.
    await page.evaluate(() => {
      const note = document.getElementById('note')!;
      note.focus();
      getSelection()!.collapse(note.firstChild, 0);
    });
    await page.type('Many say ');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
    const note = await page.evaluate(() => {
      const element = document.getElementById('note')!;
      // What an editor saves: the page's markup, no marks of ours.
      return {
        text: element.textContent,
        html: element.innerHTML,
        marks: element.querySelectorAll('mark').length,
      };
    });
    expect(note).toEqual({
      text: 'Many say Lenalidomide is used in multiple myeloma.',
      html: 'Many say Lenalidomide is used in multiple myeloma.',
      marks: 0,
    });
    await page.close();
  });

  it('a server-rendered app is left to hydrate: no mark before the page has loaded, then its terms marked', async () => {
    // Chromium starts content scripts at document_idle before a slow page's load event (without the wait this
    // saw 4 marks); Firefox starts them after it.
    const page = await open('server-rendered.html');
    const marksBeforeLoad = await page.evaluate(
      () => (window as unknown as { marksBeforeLoad: number }).marksBeforeLoad,
    );
    expect(marksBeforeLoad).toBe(0);
    expect((await readOccurrences(page)).map((o) => o.text)).toEqual([
      'Multiple myeloma',
      'lenalidomide',
      'dexamethasone',
      'multiple myeloma',
    ]);
    await page.close();
  });

  it('dynamic: content added later is annotated, changes made together in one batch', async () => {
    const page = await open('dynamic.html');
    const before = await passCount(page);
    await page.evaluate(() => (window as unknown as { addPosts(n: number): void }).addPosts(60));
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.post mark[data-glossary-id]:not([data-glossary-part])').length === 120,
    );
    const after = await passCount(page);
    // 60 posts appended at once: annotated in one pass (two if a pass was already under way), not sixty.
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(2);

    await page.evaluate(() => (window as unknown as { replaceFeed(): void }).replaceFeed());
    await page.waitForFunction(() => document.querySelector('#replaced mark[data-glossary-id]') !== null);
    await page.evaluate(() =>
      (window as unknown as { setStatus(t: string): void }).setStatus('Status: read about remission'),
    );
    await page.waitForFunction(
      () => document.querySelector('#status mark[data-glossary-id]')?.textContent === 'remission',
    );
    const occurrences = await readOccurrences(page);
    expect(occurrences.filter((o) => o.in === 'replaced').map((o) => [o.text, o.id])).toEqual([
      ['Angiogenesis', idOf('angiogenesis')],
      ['checkpoint inhibitors', idOf('checkpoint inhibitor')],
    ]);
    expect(occurrences.filter((o) => o.in === 'hidden-text').map((o) => o.id)).toEqual([
      idOf('angiogenesis'),
    ]);
    expect(await page.evaluate(() => document.getElementById('status')!.textContent)).toBe(
      'Status: read about remission',
    );
    await page.close();
  });

  it('dynamic: the page editing around marked terms keeps its text, and marks only what are terms now', async () => {
    const page = await open('dynamic.html');
    const marked = (id: string) =>
      readOccurrences(page).then((all) => all.filter((o) => o.in === id).map((o) => [o.text, o.id]));
    expect(await marked('glue')).toEqual([
      ['Lenalidomide', idOf('lenalidomide')],
      ['myeloma', idOf('myeloma')],
    ]);
    expect(await marked('between')).toEqual([['natural killer cells', idOf('natural killer cell')]]);
    expect(await marked('drop')).toEqual([
      ['lenalidomide', idOf('lenalidomide')],
      ['angiogenesis', idOf('angiogenesis')],
    ]);
    const before = await passCount(page);
    await page.evaluate(() => (window as unknown as { editAroundTerms(): void }).editAroundTerms());
    // The pass that reads the edited text, then the one that reads again what it unmarked.
    await waitForQuiet(page, before);
    const text = (id: string) => page.evaluate((i) => document.getElementById(i)!.textContent, id);
    expect(await text('glue')).toBe('Lenalidomide and myelomatous cells');
    expect(await text('between')).toBe('About natural and killer cells here.');
    expect(await text('drop')).toBe('');
    expect(await marked('glue')).toEqual([['Lenalidomide', idOf('lenalidomide')]]);
    expect(await marked('between')).toEqual([]);
    expect(await marked('drop')).toEqual([]);
    await page.close();
  });

  it('guarded: a page that takes our marks out of a section as soon as they appear, or removes them with their words, keeps its text and does not keep the annotator in a loop; once it stops, the marks come back', async () => {
    const page = await open('guarded.html');
    // A few rounds, then the annotator leaves the section's text alone: the passes stop.
    await waitForQuiet(page, 1);
    const passes = await passCount(page);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await passCount(page)).toBe(passes);
    const undos = await page.evaluate(() => (window as unknown as { guardUndos: number }).guardUndos);
    expect(undos).toBeGreaterThanOrEqual(1);
    expect(undos).toBeLessThanOrEqual(7);
    expect(
      await page.evaluate(() => ({
        text: document.getElementById('guarded')!.textContent!.trim(),
        marks: document.querySelectorAll('#guarded mark').length,
      })),
    ).toEqual({ text: 'Lenalidomide is used in multiple myeloma.', marks: 0 });
    // A section that removes the marks, words and all, gets its words back each time.
    expect(
      await page.evaluate(() => (window as unknown as { strippedRemovals: number }).strippedRemovals),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await page.evaluate(() => ({
        text: document.getElementById('stripped')!.textContent!.trim(),
        marks: document.querySelectorAll('#stripped mark').length,
      })),
    ).toEqual({ text: 'Pomalidomide is used in myeloma too.', marks: 0 });

    // The rest of the page is annotated, now and as it changes.
    await page.evaluate(() =>
      (window as unknown as { addParagraph(text: string): void }).addParagraph(
        'Thalidomide and pomalidomide are IMiDs.',
      ),
    );
    await page.waitForFunction(() => document.querySelector('#added mark[data-glossary-id]') !== null);
    const occurrences = await readOccurrences(page);
    expect(occurrences.map((o) => [o.in, o.text, o.id])).toEqual([
      ['free', 'Angiogenesis', idOf('angiogenesis')],
      ['added', 'Thalidomide', idOf('thalidomide')],
      ['added', 'pomalidomide', idOf('pomalidomide')],
      ['added', 'IMiDs', idOf('IMiD')],
    ]);

    // A page that stops taking the marks out gets them a few seconds later, without any change of its own.
    await page.evaluate(() => (window as unknown as { stopGuard(): void }).stopGuard());
    await page.waitForFunction(
      () => document.querySelectorAll('#guarded mark[data-glossary-id]').length === 2,
      undefined,
      15_000,
    );
    await page.close();
  });

  it('hostile CSS: the marks are there, styled as a dotted underline that moves nothing, and the text is intact', async () => {
    const page = await open('hostile-css.html');
    const occurrences = await readOccurrences(page);
    expect(occurrences.map((o) => [o.text, o.id])).toEqual([
      ['Lenalidomide', idOf('lenalidomide')],
      ['multiple myeloma', idOf('multiple myeloma')],
      ['angiogenesis', idOf('angiogenesis')],
    ]);
    const styles = await page.evaluate(() => {
      const mark = document.querySelector('#text mark[data-glossary-id]')!;
      const style = getComputedStyle(mark);
      const paragraph = getComputedStyle(document.getElementById('text')!);
      return {
        display: style.display,
        visibility: style.visibility,
        padding: [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].join(' '),
        margin: [style.marginTop, style.marginRight, style.marginBottom, style.marginLeft].join(' '),
        fontSize: style.fontSize === paragraph.fontSize,
        fontFamily: style.fontFamily === paragraph.fontFamily,
        lineHeight: style.lineHeight === paragraph.lineHeight,
        color: style.color === paragraph.color,
        letterSpacing: style.letterSpacing,
        background: style.backgroundColor,
        underline: style.textDecorationLine,
        decorationStyle: style.textDecorationStyle,
        ownMarkDisplay: getComputedStyle(document.getElementById('own-mark')!).display,
      };
    });
    expect(styles).toEqual({
      display: 'inline',
      visibility: 'visible',
      padding: '0px 0px 0px 0px',
      margin: '0px 0px 0px 0px',
      fontSize: true,
      fontFamily: true,
      lineHeight: true,
      color: true,
      letterSpacing: 'normal',
      background: 'rgba(0, 0, 0, 0)',
      underline: 'underline',
      decorationStyle: 'dotted',
      // The page's own <mark> keeps the page's styling.
      ownMarkDisplay: 'none',
    });
    const { originalText } = await bodySnapshots(page);
    expect(await page.evaluate(() => document.body.textContent)).toBe(originalText);
    await page.close();
  });
});
