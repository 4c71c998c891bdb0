import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/build/glossary-vite-plugin';
import {
  buildTermMatcher,
  compileTermTrie,
  type TermMatch,
  type TermMatcher,
} from '../../../src/matching/build-term-matcher';
import { glossaryDir } from '../glossary/glossary-fixtures';
import { makeTestGlossary } from './test-glossary';

const matcher = buildTermMatcher(makeTestGlossary().forms);

/** "text of the match → entry id" for each occurrence, in order. */
function found(text: string): string[] {
  return matcher.findMatches(text).map((m) => `${text.slice(m.start, m.end)} → ${m.form.entryId}`);
}

describe('whole words', () => {
  it('matches a term standing alone', () => {
    expect(found('Treatment with lenalidomide works.')).toEqual(['lenalidomide → lenalidomide']);
  });

  it('never matches inside another word', () => {
    expect(found('a carton of mmHg readings and Revlimidx, pretumorous')).toEqual([]);
  });

  it('reads a letter or digit outside the Basic Multilingual Plane as part of the word, an emoji not', () => {
    // Mathematical bold A and 2, a CJK extension B ideograph, Deseret: two code units each, all word characters.
    expect(found('𝐀lenalidomide lenalidomide𝐀 lenalidomide𝟐 𠀀lenalidomide 𐐀lenalidomide')).toEqual([]);
    expect(found('💊lenalidomide, myeloma🙂')).toEqual(['lenalidomide → lenalidomide', 'myeloma → myeloma']);
    // A lone half of a pair is no letter.
    expect(found('\ud835lenalidomide myeloma\udc00')).toEqual([
      'lenalidomide → lenalidomide',
      'myeloma → myeloma',
    ]);
  });

  it('lets punctuation and brackets bound a word', () => {
    expect(found('One IMiD. (angiogenesis) "myeloma", tumor;')).toEqual([
      'IMiD → immunomodulatory-drugs',
      'angiogenesis → angiogenesis',
      'myeloma → myeloma',
      'tumor → tumor',
    ]);
  });

  it('matches at the very start and end of the text', () => {
    expect(found('myeloma')).toEqual(['myeloma → myeloma']);
  });

  it('treats a possessive as the end of the word', () => {
    expect(found("the myeloma's course")).toEqual(['myeloma → myeloma']);
  });

  it('reads a term followed by a hyphenated suffix as the term', () => {
    expect(found('lenalidomide-based regimens')).toEqual(['lenalidomide → lenalidomide']);
  });
});

describe('case', () => {
  it('matches names case-insensitively', () => {
    expect(found('LENALIDOMIDE, Lenalidomide, lenalidomide, REVLIMID')).toHaveLength(4);
  });

  it('matches abbreviations case-sensitively (IMiD is not IMID or imid)', () => {
    expect(found('IMiD IMID imid Imid')).toEqual(['IMiD → immunomodulatory-drugs']);
  });

  it('does not read a lower-case unit as an upper-case abbreviation', () => {
    expect(found('a width of 205 mm')).toEqual([]);
  });
});

describe('separators and apostrophes', () => {
  it.each([
    ['space', 'CAR T-cell therapy'],
    ['hyphen', 'CAR-T-cell therapy'],
    ['non-breaking hyphen', 'CAR\u2011T\u2011cell therapy'],
    ['en dash', 'CAR\u2013T-cell therapy'],
    ['no-break space', 'CAR\u00a0T-cell\u00a0therapy'],
    ['line break and spaces', 'CAR\n   T-cell therapy'],
  ])('%s inside a term', (_, text) => {
    expect(found(text)).toEqual([`${text} → car-t-cell-therapy`]);
  });

  it('treats straight and curly apostrophes alike', () => {
    expect(found("non-Hodgkin's lymphoma and non-Hodgkin’s lymphoma")).toEqual([
      "non-Hodgkin's lymphoma → non-hodgkin-lymphoma",
      'non-Hodgkin’s lymphoma → non-hodgkin-lymphoma',
    ]);
  });

  it('ignores a soft hyphen inside a word', () => {
    expect(found('lenali\u00addomide')).toEqual(['lenali\u00addomide → lenalidomide']);
  });

  it('does not join words across other punctuation', () => {
    expect(found('multiple, myeloma')).toEqual(['myeloma → myeloma']);
  });
});

describe('plurals and simple inflections', () => {
  it.each([
    ['IMiDs', 'immunomodulatory-drugs'],
    ['antibodies', 'antibody'],
    ['checkpoint inhibitors', 'checkpoint-inhibitors'],
    ['cytokines', 'cytokines'],
    ['metastases', 'metastasis'],
    ['T cells', 't-cells'],
    ['monoclonal antibodies', 'monoclonal-antibodies'],
    ['mAbs', 'monoclonal-antibodies'],
    ['relapsed', 'relapse'],
    ['stem cell transplants', 'stem-cell-transplant'],
  ])('%s', (text, entryId) => {
    expect(found(`Some ${text} here.`)).toEqual([`${text} → ${entryId}`]);
  });

  it('an abbreviation takes a lower-case plural s only', () => {
    expect(found('IMiDS')).toEqual([]);
  });
});

describe('longest match wins, one entry per occurrence', () => {
  it('prefers "CAR T-cell therapy" over "CAR T" and "T cell"', () => {
    expect(found('CAR T-cell therapy')).toEqual(['CAR T-cell therapy → car-t-cell-therapy']);
  });

  it('prefers "multiple myeloma" over "myeloma"', () => {
    expect(found('multiple myeloma')).toEqual(['multiple myeloma → multiple-myeloma']);
  });

  it('reports nothing for a phrase that holds a term in another sense, and the term elsewhere', () => {
    const forms = [
      {
        text: 'inflammation',
        entryId: 'inflammation',
        kind: 'name' as const,
        caseSensitive: false,
        ambiguous: false,
      },
      {
        text: 'inflammatory',
        entryId: 'inflammation',
        kind: 'variant' as const,
        caseSensitive: false,
        ambiguous: false,
      },
      {
        text: 'inflammatory breast cancer',
        entryId: 'inflammation',
        kind: 'variant' as const,
        caseSensitive: false,
        ambiguous: false,
        otherSense: true as const,
      },
    ];
    const senses = buildTermMatcher(forms);
    const text = 'Inflammatory breast cancers are not inflammatory; inflammatory breast tissue is.';
    expect(senses.findMatches(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'inflammatory',
      'inflammatory',
    ]);
    // The same from the trie compiled with the extension.
    const shipped = buildTermMatcher(forms, compileTermTrie(forms));
    expect(shipped.findMatches(text).map((m) => m.start)).toEqual([36, 50]);
  });

  it('falls back to the shorter term when the longer one does not complete', () => {
    expect(found('CAR T cells')).toEqual(['CAR T → car-t-cell-therapy']);
    expect(found('mantle cell lymphomas')).toEqual(['mantle cell lymphomas → mantle-cell-lymphoma']);
    expect(found('mantle lymphoma')).toEqual(['lymphoma → lymphoma']);
  });

  it('reports non-overlapping occurrences in text order', () => {
    const matches = matcher.findMatches('Myeloma cells make antibodies; multiple myeloma relapse.');
    expect(matches.map((m) => m.form.entryId)).toEqual([
      'myeloma',
      'antibody',
      'multiple-myeloma',
      'relapse',
    ]);
    for (let i = 1; i < matches.length; i++)
      expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  });
});

describe('glossary size', () => {
  it('finds the same occurrences with ten thousand extra forms', () => {
    const glossary = makeTestGlossary();
    const extra = Array.from({ length: 10_000 }, (_, i) => ({
      text: `synthetic term ${i.toString(36)}`,
      entryId: `synthetic-${i}`,
      kind: 'name' as const,
      caseSensitive: false,
      ambiguous: false,
    }));
    const big = buildTermMatcher([...glossary.forms, ...extra]);
    const text = 'Lenalidomide, an IMiD, treats multiple myeloma; a synthetic term 1a appears once.';
    expect(big.findMatches(text).map((m) => m.form.entryId)).toEqual([
      'lenalidomide',
      'immunomodulatory-drugs',
      'multiple-myeloma',
      'synthetic-46',
    ]);
  });
  it('finds every one of two thousand forms by itself, abbreviations only in their own case', () => {
    // Short generated spellings over a small alphabet: wide nodes, full buckets and shared keys everywhere.
    const letters = 'abcdeklmnrst';
    let state = 11;
    // The high bits of a linear congruential generator: its low bits cycle quickly.
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) >>> 16;
    const forms = new Map<string, { text: string; caseSensitive: boolean }>();
    while (forms.size < 2000) {
      const length = 2 + (next() % 6);
      const text = Array.from({ length }, () => letters[next() % letters.length]).join('');
      const caseSensitive = next() % 4 === 0;
      const spelled = caseSensitive ? text.toUpperCase() : text;
      if (!forms.has(text)) forms.set(text, { text: spelled, caseSensitive });
    }
    const list = [...forms.values()].map((f, i) => ({
      ...f,
      entryId: `generated-${i}`,
      kind: f.caseSensitive ? ('abbreviation' as const) : ('name' as const),
      ambiguous: false,
    }));
    const shipped = buildTermMatcher(list, compileTermTrie(list));
    for (const form of list) {
      expect(shipped.findMatches(`(${form.text})`).map((m) => m.form.entryId)).toEqual([form.entryId]);
      // In lower case it may be another form's plural ("mlts"), never the abbreviation.
      if (form.caseSensitive)
        expect(shipped.findMatches(form.text.toLowerCase()).map((m) => m.form.entryId)).not.toContain(
          form.entryId,
        );
    }
  });
});

describe('many forms sharing their first words', () => {
  it('finds each of them, and the longest where they nest', () => {
    const forms = Array.from({ length: 30 }, (_, i) => ({
      text: `cell type ${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`,
      entryId: `cell-${i}`,
      kind: 'name' as const,
      caseSensitive: false,
      ambiguous: false,
    }));
    forms.push({
      text: 'cell type',
      entryId: 'cell-type',
      kind: 'name',
      caseSensitive: false,
      ambiguous: false,
    });
    const shared = buildTermMatcher(forms);
    const text = 'A cell type q, a cell type ax, cell types, a cell type zz.';
    expect(shared.findMatches(text).map((m) => `${text.slice(m.start, m.end)} → ${m.form.entryId}`)).toEqual([
      'cell type q → cell-16',
      'cell type ax → cell-26',
      'cell types → cell-type',
      'cell type → cell-type',
    ]);
  });
});

describe('caseSensitiveFormsSpelled', () => {
  it('finds an abbreviation by its spelling or plural, case kept', () => {
    expect(matcher.caseSensitiveFormsSpelled('MM').map((f) => f.entryId)).toEqual(['multiple-myeloma']);
    expect(matcher.caseSensitiveFormsSpelled('IMiDs').map((f) => f.entryId)).toEqual([
      'immunomodulatory-drugs',
    ]);
    expect(matcher.caseSensitiveFormsSpelled('mm')).toEqual([]);
  });
});

describe('soft boundaries (markup between two words the text glues)', () => {
  /** Like `found`, with offsets that also count as word boundaries. */
  const foundWithSoft = (text: string, soft: number[]) =>
    matcher.findMatches(text, [], soft).map((m) => `${text.slice(m.start, m.end)} → ${m.form.entryId}`);

  it('matches both words of "<span>remission</span><span>angiogenesis</span>"', () => {
    expect(foundWithSoft('remissionangiogenesis', [9])).toEqual([
      'remission → remission',
      'angiogenesis → angiogenesis',
    ]);
  });

  it('ends a term before a citation mark ("lenalidomide<sup>12</sup>"), and makes nothing of the number', () => {
    expect(foundWithSoft('lenalidomide12 works', [12])).toEqual(['lenalidomide → lenalidomide']);
  });

  it('ends a multi-word term before a citation mark ("multiple <b>myeloma</b><sup>3,4</sup>")', () => {
    expect(foundWithSoft('multiple myeloma3,4', [16])).toEqual(['multiple myeloma → multiple-myeloma']);
  });

  it('still matches a word split by markup ("lenalido<b>mide</b>")', () => {
    expect(foundWithSoft('lenalidomide', [8])).toEqual(['lenalidomide → lenalidomide']);
  });

  it('still prefers the longer inflection across one ("<b>myeloma</b>s")', () => {
    expect(foundWithSoft('myelomas', [7])).toEqual(['myelomas → myeloma']);
  });

  it('lets a term start at one, in the middle of what the text reads as a word', () => {
    expect(foundWithSoft('x12lenalidomide', [3])).toEqual(['lenalidomide → lenalidomide']);
  });

  it('without them, a word glued to digits in the text is not the term', () => {
    expect(found('lenalidomide12')).toEqual([]);
    expect(matcher.findMatches('lenalidomide12', [], null)).toEqual([]);
    expect(matcher.findMatches('lenalidomide12', [], [])).toEqual([]);
  });

  it('counts only the offsets given (a soft boundary elsewhere does not help)', () => {
    expect(foundWithSoft('lenalidomide12', [5])).toEqual([]);
  });
});

describe('a long text read a window at a time (findMatchesBetween)', () => {
  /** Every occurrence as "start-end entry id", reading `text` in windows of `size` characters. */
  function inWindows(m: TermMatcher, text: string, size: number, soft: number[] | null = null): string[] {
    const out: TermMatch[] = [];
    for (let from = 0; from < text.length;) {
      const next = m.findMatchesBetween(text, from, from + size, out, soft);
      expect(next).toBeGreaterThanOrEqual(Math.min(from + size, text.length));
      from = next;
    }
    return out.map((o) => `${o.start}-${o.end} ${o.form.entryId}`);
  }
  const atOnce = (m: TermMatcher, text: string, soft: number[] | null = null) =>
    m.findMatches(text, [], soft).map((o) => `${o.start}-${o.end} ${o.form.entryId}`);

  const text =
    'CAR T-cell therapy after multiple myeloma; non-Hodgkin\u2019s IMiDs, a carton, xmyeloma and mmHg. ' +
    'remissionangiogenesis lenalidomide12 multiple  myeloma (MM) and CAR\u2011T cells.';
  const soft = [text.indexOf('angiogenesis'), text.indexOf('12')];

  it('finds what one reading finds, whatever the window, even where one cuts a term or a word', () => {
    const expected = atOnce(matcher, text, soft);
    expect(expected.length).toBeGreaterThan(8);
    for (let size = 1; size <= text.length; size++)
      expect(inWindows(matcher, text, size, soft)).toEqual(expected);
  });

  it('starts no term inside a word a window cuts ("x|myeloma")', () => {
    const glued = 'xmyeloma';
    expect(matcher.findMatchesBetween(glued, 1, glued.length, [])).toBe(glued.length);
    const out: TermMatch[] = [];
    matcher.findMatchesBetween(glued, 1, glued.length, out);
    expect(out).toEqual([]);
  });

  it("lets a term that starts before the window's end run past it, and goes on after it", () => {
    const out: TermMatch[] = [];
    const next = matcher.findMatchesBetween('multiple myeloma here', 0, 3, out);
    expect(out.map((o) => o.form.entryId)).toEqual(['multiple-myeloma']);
    expect(next).toBe('multiple myeloma'.length);
  });

  it('finds the same in the fixture pages read in windows of a few kilobytes', () => {
    const real = loadGlossary(glossaryDir).content;
    const m = buildTermMatcher(real.forms, real.trie);
    const fixtures = path.join(import.meta.dirname, '../../fixtures');
    const pages = ['article.html', 'pubmed-abstract.html', 'plain-text.html', 'decoys.html']
      .map((file) => readFileSync(path.join(fixtures, file), 'utf8'))
      .join('\n');
    const expected = atOnce(m, pages);
    expect(expected.length).toBeGreaterThan(50);
    for (const size of [7, 64, 1000, 4096]) expect(inWindows(m, pages, size)).toEqual(expected);
  });
});

describe('the trie compiled when the extension is built', () => {
  const real = loadGlossary(glossaryDir).content;
  /** Every occurrence as "start-end entry id", to compare two matchers. */
  const occurrences = (m: ReturnType<typeof buildTermMatcher>, text: string) =>
    m.findMatches(text).map((o) => `${o.start}-${o.end} ${o.form.entryId}`);

  it('ships with the glossary and finds exactly what a trie built on the page finds', () => {
    expect(real.trie).toBeTypeOf('string');
    const shipped = buildTermMatcher(real.forms, real.trie);
    const built = buildTermMatcher(real.forms);
    // Every form as written, in plural, in capitals, hyphenated: each key of the trie is walked.
    const text = real.forms
      .map((f) => `${f.text}, ${f.text}s; ${f.text.toUpperCase()} (${f.text.replace(/ /g, '-')})`)
      .join('. ');
    const found = occurrences(shipped, text);
    expect(found.length).toBeGreaterThan(real.forms.length);
    expect(found).toEqual(occurrences(built, text));
    for (const form of real.forms.filter((f) => f.caseSensitive)) {
      expect(shipped.caseSensitiveFormsSpelled(form.text)).toEqual(
        built.caseSensitiveFormsSpelled(form.text),
      );
    }
  });

  it('is not used for other forms: a stale trie would name the wrong entries', () => {
    const forms = makeTestGlossary().forms;
    const stale = compileTermTrie(forms.filter((f) => f.entryId !== 'pomalidomide'));
    const m = buildTermMatcher(forms, stale);
    expect(m.findMatches('pomalidomide and lenalidomide').map((o) => o.form.entryId)).toEqual([
      'pomalidomide',
      'lenalidomide',
    ]);
  });

  it('is not used when its format is another version', () => {
    const forms = makeTestGlossary().forms;
    const other = JSON.stringify({ ...JSON.parse(compileTermTrie(forms)), version: 0, cells: [] });
    expect(
      buildTermMatcher(forms, other)
        .findMatches('myeloma')
        .map((o) => o.form.entryId),
    ).toEqual(['myeloma']);
  });

  it('finds no abbreviation spelled like an object property ("(constructor)", "__proto__")', () => {
    const m = buildTermMatcher(real.forms, real.trie);
    for (const spelling of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(m.caseSensitiveFormsSpelled(spelling)).toEqual([]);
  });
});
