import { beforeEach, describe, expect, it } from 'vitest';
import { copyWithoutMarks } from '../../../src/annotation/copy-without-marks';
import { MARK_SELECTOR } from '../../../src/annotation/mark-selectors';
import { annotate, setBody, stopAllEngines } from './annotation-helpers';

beforeEach(() => {
  stopAllEngines();
  setBody('');
});

/** Selects the contents of the element with `id`, as a reader's drag would. */
function select(id: string): Selection {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id)!);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('copyWithoutMarks', () => {
  it("gives the page's markup and text without our marks", async () => {
    setBody('<div id="d"><p>Lenalidomide in <b>multiple myeloma</b>.</p><p>Angiogenesis.</p></div>');
    await annotate();
    expect(document.querySelectorAll(MARK_SELECTOR).length).toBe(3);
    expect(copyWithoutMarks(select('d'), document)).toEqual({
      html: '<p>Lenalidomide in <b>multiple myeloma</b>.</p><p>Angiogenesis.</p>',
      text: expect.stringContaining('Lenalidomide in multiple myeloma.'),
    });
  });

  it('leaves a selection without our marks to the browser, and the page keeps its marks', async () => {
    setBody('<p id="plain">Nothing to mark here.</p><p id="p">Lenalidomide.</p>');
    await annotate();
    expect(copyWithoutMarks(select('plain'), document)).toBeNull();
    getSelection()!.removeAllRanges();
    expect(copyWithoutMarks(getSelection()!, document)).toBeNull();
    copyWithoutMarks(select('p'), document);
    expect(document.querySelectorAll(MARK_SELECTOR).length).toBe(1);
  });
});
