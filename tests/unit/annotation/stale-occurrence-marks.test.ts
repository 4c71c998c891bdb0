import { describe, expect, it } from 'vitest';
import { staleOccurrenceMarks } from '../../../src/annotation/stale-occurrence-marks';
import { TextRunCollector, type TextRun } from '../../../src/annotation/text-run-collector';
import { buildTermMatcher, type TermMatch } from '../../../src/matching/build-term-matcher';
import { makeTestGlossary } from '../matching/test-glossary';

const matcher = buildTermMatcher(makeTestGlossary().forms);
const byForm = (match: TermMatch) => match.form.entryId;

/** The one run of a paragraph parsed from HTML (the lint rule forbids innerHTML, tests included). */
function runOf(html: string): TextRun {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body><p>${html}</p></body>`, 'text/html');
  return runOfElement(document.importNode(parsed.body.firstElementChild!, true) as HTMLElement);
}

/** The one run of `root`. */
function runOfElement(root: Element): TextRun {
  const runs: TextRun[] = [];
  new TextRunCollector(root, (_, current) => runs.push(current.run())).step(Infinity, () => 0);
  expect(runs).toHaveLength(1);
  return runs[0]!;
}

/** The text of each stale mark, and whether it is a later piece. */
function stale(html: string, resolve: (match: TermMatch) => string | null = byForm): string[] {
  const run = runOf(html);
  return staleOccurrenceMarks(run, matcher.findMatches(run.text, [], run.soft), resolve).map(
    (mark) => `${mark.textContent}${mark.hasAttribute('data-glossary-part') ? ' (rest)' : ''}`,
  );
}

const mark = (id: string, text: string, rest = false) =>
  `<mark class="oncology-glossary-term" data-glossary-id="${id}"${rest ? ' data-glossary-part="rest"' : ''}>${text}</mark>`;

describe('staleOccurrenceMarks', () => {
  it('keeps occurrences that still stand: one piece, or pieces across inline elements', () => {
    expect(stale(`About ${mark('myeloma', 'myeloma')} and ${mark('lenalidomide', 'lenalidomide')}.`)).toEqual(
      [],
    );
    expect(
      stale(
        `Then <i>${mark('car-t-cell-therapy', 'CAR')}</i>${mark('car-t-cell-therapy', ' T-cell therapy', true)}.`,
      ),
    ).toEqual([]);
  });

  it('a run without marks has nothing stale, whatever its text', () => {
    expect(stale('lenalidomide and myeloma')).toEqual([]);
  });

  it('text put between the pieces of an occurrence: every piece is stale', () => {
    const id = 'natural-killer-cells';
    expect(stale(`${mark(id, 'natural ')}and ${mark(id, 'killer cells', true)}`)).toEqual([
      'natural ',
      'killer cells (rest)',
    ]);
  });

  it('letters glued to an occurrence, or the rest of a longer term written after it', () => {
    expect(stale(`${mark('myeloma', 'myeloma')}tous cells`)).toEqual(['myeloma']);
    expect(stale(`Then ${mark('t-cells', 'T cell')}s grow`)).toEqual(['T cell']);
    expect(stale(`${mark('car-t-cell-therapy', 'CAR T')}-cell therapy`)).toEqual(['CAR T']);
  });

  it('a later piece whose first piece is gone', () => {
    expect(stale(`About ${mark('natural-killer-cells', 'killer cells', true)} here`)).toEqual([
      'killer cells (rest)',
    ]);
  });

  it('an occurrence its text now gives another entry, or none', () => {
    expect(stale(`In ${mark('multiple-myeloma', 'MM')} cases`, () => null)).toEqual(['MM']);
    expect(stale(`In ${mark('myeloma', 'myeloma')} cases`, () => 'lymphoma')).toEqual(['myeloma']);
  });

  it('a second text node the page wrote into a mark is read with the first', () => {
    const run = runOf(`About ${mark('myeloma', 'myel')} cases`);
    run.block.querySelector('mark')!.append('oma');
    const again = runOfElement(run.block);
    expect(staleOccurrenceMarks(again, matcher.findMatches(again.text), byForm)).toEqual([]);
    run.block.querySelector('mark')!.append('tous');
    const glued = runOfElement(run.block);
    expect(staleOccurrenceMarks(glued, matcher.findMatches(glued.text), byForm)).toHaveLength(1);
  });

  it('an empty text node between two pieces parts nothing', () => {
    const run = runOf(`${mark('multiple-myeloma', 'multiple ')}${mark('multiple-myeloma', 'myeloma', true)}`);
    const block = run.block;
    block.firstChild!.after(document.createTextNode(''));
    const again = runOfElement(block);
    expect(again.nodes).toHaveLength(3);
    expect(staleOccurrenceMarks(again, matcher.findMatches(again.text), byForm)).toEqual([]);
  });
});
