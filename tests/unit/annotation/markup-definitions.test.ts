import { describe, expect, it } from 'vitest';
import { markupDefinitions } from '../../../src/annotation/markup-definitions';

/** The definitions written by the `<abbr>`, `<dt>` and `<tr>` elements of `html`. */
function definitionsIn(html: string): string[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return markupDefinitions(parsed.querySelectorAll('abbr, dt, tr'));
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

  it("writes each two-cell table row as a pair, the shorter cell the short form, as MDPI's journals list them", () => {
    expect(
      definitionsIn(
        '<table><tr><th>Abbreviation</th><th>Definition</th></tr>' +
          '<tr><td>ASCT</td><td>autologous stem cell\n transplantation</td></tr>' +
          '<tr><td>pomalidomide</td><td> POM </td></tr></table>',
      ),
    ).toEqual(['autologous stem cell transplantation (ASCT)', 'pomalidomide (POM)']);
  });

  it("passes over rows of other shapes: three cells, one cell, cells too long to be a pair, a long cell that does not start with the short one's first letter", () => {
    expect(
      definitionsIn(
        '<table><tr><td>MM</td><td>multiple myeloma</td><td>45</td></tr><tr><td colspan="2">MM</td></tr>' +
          `<tr><td>MM</td><td>${'multiple myeloma '.repeat(20)}</td></tr>` +
          '<tr><td>Row 12</td><td>Mean value of the lenalidomide arm</td></tr></table>',
      ),
    ).toEqual([]);
  });
});
