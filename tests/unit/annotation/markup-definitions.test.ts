import { describe, expect, it } from 'vitest';
import { markupDefinitions } from '../../../src/annotation/markup-definitions';

/** The definitions written by the `<abbr>` and `<dt>` elements of `html`. */
function definitionsIn(html: string): string[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return markupDefinitions(parsed.querySelectorAll('abbr, dt'));
}

describe('markupDefinitions', () => {
  it('writes each <abbr title> as the text that would define it, once', () => {
    expect(
      definitionsIn(
        '<p><abbr title="multiple\n   myeloma"> MM </abbr> and <abbr title="multiple myeloma">MM</abbr>, ' +
          '<span><abbr title="North Korea">NK</abbr></span></p>',
      ),
    ).toEqual(['multiple myeloma (MM)', 'North Korea (NK)']);
  });

  it('passes over what defines nothing: no title, a title no longer than the text, brackets, long text', () => {
    expect(
      definitionsIn(
        '<abbr>MM</abbr><abbr title="">MM</abbr><abbr title="MM">multiple myeloma</abbr>' +
          '<abbr title="multiple myeloma (MM)">MM</abbr><abbr title="a long title">not an abbreviation at all</abbr>' +
          `<abbr title="${'word '.repeat(30)}">W</abbr>`,
      ),
    ).toEqual([]);
  });

  it("writes each <dt> with the <dd> right after it, as PubMed Central's lists of abbreviations", () => {
    expect(
      definitionsIn(
        '<dl><dt>THAL</dt><dd><p>thalidomide</p></dd><dt> NK </dt>\n<dd>natural\n killer</dd></dl>',
      ),
    ).toEqual(['thalidomide (THAL)', 'natural killer (NK)']);
  });

  it('passes over a <dt> without its <dd>, and a glossary of long entries', () => {
    expect(
      definitionsIn(
        '<dl><dt>THAL</dt><dt>LEN</dt><dd>lenalidomide</dd></dl><dl><dt>POM</dt></dl>' +
          `<dl><dt>Myeloma</dt><dd>${'A cancer of plasma cells. '.repeat(6)}</dd></dl>`,
      ),
    ).toEqual(['lenalidomide (LEN)']);
  });
});
