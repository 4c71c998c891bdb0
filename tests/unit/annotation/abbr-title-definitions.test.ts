import { describe, expect, it } from 'vitest';
import { abbrTitleDefinitions } from '../../../src/annotation/abbr-title-definitions';

/** The definitions written by the `<abbr>` elements of `html`. */
function definitionsIn(html: string): string[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return abbrTitleDefinitions(parsed.querySelectorAll('abbr'));
}

describe('abbrTitleDefinitions', () => {
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
});
