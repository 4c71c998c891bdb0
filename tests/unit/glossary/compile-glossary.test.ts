// @vitest-environment node
/**
 * compileGlossary rejects every kind of bad input with a message naming file, entry and field, and
 * reports all problems at once (nothing is silently dropped).
 */
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../src/glossary/compile-glossary';
import {
  compileError,
  entryData,
  entryFile,
  expectProblems,
  glossaryInput,
  SOURCES_PATH,
  sourcesFile,
  validSource,
} from './glossary-fixtures';

const ALPHA = 'glossary/entries/alpha.yaml';
const BETA = 'glossary/entries/beta.yaml';

describe('compileGlossary accepts valid input', () => {
  it('compiles a small valid glossary into content and full data', () => {
    const { content, full } = compileGlossary(glossaryInput());
    expect(Object.keys(content.entries)).toEqual(['alpha', 'beta']);
    expect(content.entries.alpha).toEqual({
      id: 'alpha',
      name: 'Term alpha',
      category: 'drug',
      plain: 'A simple thing that is used in these tests.',
      expert: 'A precise note in one sentence.',
      sources: [{ sourceId: 'test-review', locator: 'ABSTRACT' }],
    });
    expect(content.forms).toContainEqual({
      text: 'alpha term',
      entryId: 'alpha',
      kind: 'name',
      caseSensitive: false,
      ambiguous: false,
    });
    expect(content.sources['test-review']).toEqual({
      id: 'test-review',
      title: 'A Test Review',
      shortTitle: 'Test review',
      kind: 'peer-reviewed-review',
      trust: 'high',
      year: 2023,
    });
    expect(full.entries.map((e) => e.id)).toEqual(['alpha', 'beta']);
    expect(full.sources).toHaveLength(1);
  });

  it('defaults abbreviations to case-sensitive and every form to not ambiguous', () => {
    const files = [
      entryFile(
        'alpha',
        entryData('alpha', {
          forms: [
            { text: 'alpha term', kind: 'name' },
            { text: 'ALT', kind: 'abbreviation' },
            { text: 'AT', kind: 'abbreviation', caseSensitive: false, ambiguous: true },
          ],
        }),
      ),
    ];
    const { content } = compileGlossary(glossaryInput(files));
    const byText = Object.fromEntries(content.forms.map((f) => [f.text, f]));
    expect(byText['ALT']).toMatchObject({ caseSensitive: true, ambiguous: false });
    expect(byText['AT']).toMatchObject({ caseSensitive: false, ambiguous: true });
    expect(byText['alpha term']).toMatchObject({ caseSensitive: false, ambiguous: false });
  });

  it('tells the content script which entries are cancer-specific and which wait for a page about cancer', () => {
    const files = [
      entryFile('alpha', entryData('alpha', { cancerSpecific: true })),
      entryFile('beta', entryData('beta', { cancerPagesOnly: true })),
      entryFile('gamma', entryData('gamma')),
    ];
    const { content, full } = compileGlossary(glossaryInput(files));
    expect(content.entries['alpha']!.cancerSpecific).toBe(true);
    expect(content.entries['beta']!.cancerPagesOnly).toBe(true);
    // Left out rather than false: the content script carries the glossary on every page.
    expect(Object.keys(content.entries['gamma']!)).not.toContain('cancerSpecific');
    expect(Object.keys(content.entries['gamma']!)).not.toContain('cancerPagesOnly');
    expect(full.entries.map((e) => [e.cancerSpecific, e.cancerPagesOnly])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it("ships an entry's phrases in another sense as forms that are matched and never reported", () => {
    const files = [
      entryFile('alpha', entryData('alpha', { otherSenses: ['alpha term syndrome'] })),
      entryFile('beta', entryData('beta')),
    ];
    const { content, full } = compileGlossary(glossaryInput(files));
    expect(content.forms).toContainEqual({
      text: 'alpha term syndrome',
      entryId: 'alpha',
      kind: 'variant',
      caseSensitive: false,
      ambiguous: false,
      otherSense: true,
    });
    expect(content.forms.filter((f) => f.entryId === 'beta').some((f) => f.otherSense)).toBe(false);
    // Not a form of the entry: the popup lists and searches forms only.
    expect(full.entries[0]!.forms.map((f) => f.text)).not.toContain('alpha term syndrome');
  });

  it('refuses a phrase in another sense that holds none of its forms, or claims a form', () => {
    const error = compileError(
      glossaryInput([
        entryFile('alpha', entryData('alpha', { otherSenses: ['something else'] })),
        entryFile('beta', entryData('beta', { otherSenses: ['beta term'] })),
      ]),
    );
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'otherSenses[0]', message: /must hold one of the entry's forms/ },
      { file: BETA, entry: 'beta', field: 'otherSenses[0]', message: /must hold one of the entry's forms/ },
      { file: BETA, entry: 'beta', field: 'otherSenses[0]', message: /repeats forms\[0\] \("beta term"\)/ },
    ]);
    const clash = compileError(
      glossaryInput([
        entryFile('alpha', entryData('alpha')),
        entryFile('beta', entryData('beta', { otherSenses: ['beta term alpha term'] })),
        entryFile('gamma', entryData('gamma', { forms: [{ text: 'beta term alpha term', kind: 'name' }] })),
      ]),
    );
    expectProblems(clash, [
      {
        file: 'glossary/entries/gamma.yaml',
        entry: 'gamma',
        field: 'forms[0].text',
        message: /also claimed by entry "beta" \(otherSenses\[0\] "beta term alpha term"\)/,
      },
    ]);
  });

  it('refuses an entry that both tells a page about cancer and waits for one, naming the file and field', () => {
    const files = [entryFile('alpha', entryData('alpha', { cancerSpecific: true, cancerPagesOnly: true }))];
    expect(() => compileGlossary(glossaryInput(files))).toThrow(
      /alpha\.yaml.*cancerPagesOnly.*cannot also wait/s,
    );
  });

  it('sorts forms longest first, so longer phrases win over the words inside them', () => {
    const files = [
      entryFile('lymphoma', entryData('lymphoma', { forms: [{ text: 'lymphoma', kind: 'name' }] })),
      entryFile('nhl', entryData('nhl', { forms: [{ text: 'non-Hodgkin lymphoma', kind: 'name' }] })),
    ];
    const { content } = compileGlossary(glossaryInput(files));
    expect(content.forms.map((f) => f.text)).toEqual(['non-Hodgkin lymphoma', 'lymphoma']);
  });

  it('lets two case-sensitive abbreviations differ only by case', () => {
    const files = [
      entryFile('alpha', entryData('alpha', { forms: [{ text: 'CAR', kind: 'abbreviation' }] })),
      entryFile('beta', entryData('beta', { forms: [{ text: 'Car', kind: 'abbreviation' }] })),
    ];
    expect(() => compileGlossary(glossaryInput(files))).not.toThrow();
  });
});

describe('compileGlossary rejects bad input, naming file, entry and field', () => {
  it('a YAML syntax error', () => {
    const error = compileError(
      glossaryInput([
        { path: ALPHA, text: 'id: alpha\nname: [unclosed\n' },
        entryFile('beta', entryData('beta')),
      ]),
    );
    expectProblems(error, [{ file: ALPHA, entry: 'alpha', message: /YAML syntax error/ }]);
  });

  it('a duplicate key in YAML', () => {
    const text = entryFile('alpha', entryData('alpha')).text + 'name: Again\n';
    const error = compileError(glossaryInput([{ path: ALPHA, text }]));
    expectProblems(error, [{ file: ALPHA, entry: 'alpha', message: /YAML syntax error.*unique/i }]);
  });

  it('an unknown field', () => {
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { synonyms: ['x'] }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'synonyms', message: /unknown field "synonyms"/ },
    ]);
  });

  it('an unknown field inside a surface form', () => {
    const forms = [{ text: 'alpha term', kind: 'name', plural: 'alpha terms' }];
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { forms }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'forms[0].plural', message: /unknown field/ },
    ]);
  });

  it('a missing field', () => {
    const error = compileError(
      glossaryInput([entryFile('alpha', entryData('alpha', { expert: undefined }))]),
    );
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'expert', message: /missing required field/ },
    ]);
  });

  it('a field of the wrong type', () => {
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { related: 'beta' }))]));
    expectProblems(error, [{ file: ALPHA, entry: 'alpha', field: 'related', message: /expected array/ }]);
  });

  it('an unknown category or form kind', () => {
    const error = compileError(
      glossaryInput([
        entryFile(
          'alpha',
          entryData('alpha', { category: 'pill', forms: [{ text: 'alpha term', kind: 'nickname' }] }),
        ),
      ]),
    );
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'category', message: /drug/ },
      { file: ALPHA, entry: 'alpha', field: 'forms[0].kind', message: /abbreviation/ },
    ]);
  });

  it('an entry without any source', () => {
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { sources: [] }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'sources', message: /at least one source/ },
    ]);
  });

  it('a duplicate id', () => {
    // The second file's id is also wrong for its name; both problems are reported.
    const error = compileError(
      glossaryInput([
        entryFile('alpha', entryData('alpha')),
        entryFile('beta', entryData('alpha', { forms: [{ text: 'other', kind: 'name' }] })),
      ]),
    );
    expectProblems(error, [
      { file: BETA, entry: 'alpha', field: 'id', message: /does not match the file name "beta.yaml"/ },
      {
        file: BETA,
        entry: 'alpha',
        field: 'id',
        message: /duplicate entry id "alpha": also used by glossary\/entries\/alpha.yaml/,
      },
    ]);
  });

  it('a duplicate id in two files listed twice under the same name', () => {
    const error = compileError(
      glossaryInput([
        entryFile('alpha', entryData('alpha')),
        entryFile('alpha', entryData('alpha', { forms: [{ text: 'x', kind: 'name' }] })),
      ]),
    );
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'id', message: /duplicate entry id "alpha"/ },
    ]);
  });

  it('an id that differs from the file name', () => {
    const error = compileError(glossaryInput([entryFile('alpha', entryData('gamma'))]));
    expectProblems(error, [
      {
        file: ALPHA,
        entry: 'gamma',
        field: 'id',
        message: /id "gamma" does not match the file name "alpha.yaml"/,
      },
    ]);
  });

  it('an id that is not kebab-case', () => {
    const error = compileError(
      glossaryInput([{ path: 'glossary/entries/Alpha.yaml', text: entryFile('x', entryData('Alpha')).text }]),
    );
    expectProblems(error, [
      { file: 'glossary/entries/Alpha.yaml', entry: 'Alpha', field: 'id', message: /kebab-case/ },
    ]);
  });

  it('an entry file that is not .yaml', () => {
    const error = compileError(glossaryInput([{ path: 'glossary/entries/alpha.json', text: '{}' }]));
    expectProblems(error, [{ file: 'glossary/entries/alpha.json', message: /must be named <id>\.yaml/ }]);
  });

  it('a surface form claimed by two entries', () => {
    const error = compileError(
      glossaryInput([
        entryFile(
          'alpha',
          entryData('alpha', {
            forms: [
              { text: 'multiple myeloma', kind: 'name' },
              { text: 'MM', kind: 'abbreviation' },
            ],
          }),
        ),
        entryFile(
          'beta',
          entryData('beta', {
            forms: [
              { text: 'beta term', kind: 'name' },
              { text: 'myeloma', kind: 'synonym' },
              { text: 'MM', kind: 'abbreviation' },
            ],
          }),
        ),
      ]),
    );
    expectProblems(error, [
      {
        file: BETA,
        entry: 'beta',
        field: 'forms[2].text',
        message: /surface form "MM" is also claimed by entry "alpha"/,
      },
    ]);
  });

  it('a surface form that only differs by separators, apostrophes or case from another entry’s', () => {
    const error = compileError(
      glossaryInput([
        entryFile('alpha', entryData('alpha', { forms: [{ text: 'non-Hodgkin’s lymphoma', kind: 'name' }] })),
        entryFile(
          'beta',
          entryData('beta', { forms: [{ text: "Non Hodgkin's\u00A0Lymphoma", kind: 'name' }] }),
        ),
      ]),
    );
    expectProblems(error, [
      { file: BETA, entry: 'beta', field: 'forms[0].text', message: /also claimed by entry "alpha"/ },
    ]);
  });

  it('a case-insensitive form that collides with a case-sensitive abbreviation', () => {
    const error = compileError(
      glossaryInput([
        entryFile('alpha', entryData('alpha', { forms: [{ text: 'NK', kind: 'abbreviation' }] })),
        entryFile('beta', entryData('beta', { forms: [{ text: 'nk', kind: 'name' }] })),
      ]),
    );
    expectProblems(error, [
      { file: BETA, entry: 'beta', field: 'forms[0].text', message: /also claimed by entry "alpha"/ },
    ]);
  });

  it('the same surface form listed twice in one entry', () => {
    const forms = [
      { text: 'CAR T', kind: 'abbreviation' },
      { text: 'CAR-T', kind: 'abbreviation' },
    ];
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { forms }))]));
    expectProblems(error, [
      {
        file: ALPHA,
        entry: 'alpha',
        field: 'forms[1].text',
        message: /repeats forms\[0\] \("CAR T"\) of the same entry/,
      },
    ]);
  });

  it('a related id that does not exist', () => {
    const error = compileError(
      glossaryInput([entryFile('alpha', entryData('alpha', { related: ['gamma'] }))]),
    );
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'related[0]', message: /related entry "gamma" does not exist/ },
    ]);
  });

  it('an entry that relates to itself', () => {
    const error = compileError(
      glossaryInput([entryFile('alpha', entryData('alpha', { related: ['alpha'] }))]),
    );
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'related[0]', message: /cannot relate to itself/ },
    ]);
  });

  it('a source id that does not exist', () => {
    const sources = [{ source: 'no-such-source', locator: 'ABSTRACT' }];
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { sources }))]));
    expectProblems(error, [
      {
        file: ALPHA,
        entry: 'alpha',
        field: 'sources[0].source',
        message: /source "no-such-source" does not exist in glossary\/sources.yaml/,
      },
    ]);
  });

  it('a locator that is not a heading of its source', () => {
    const sources = [{ source: 'test-review', locator: 'Abstract' }];
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { sources }))]));
    expectProblems(error, [
      {
        file: ALPHA,
        entry: 'alpha',
        field: 'sources[0].locator',
        message: /locator "Abstract" is not a heading of source "test-review"/,
      },
    ]);
  });

  it('a plain definition over 30 words', () => {
    const plain = `${'word '.repeat(30)}more.`;
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { plain }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'plain', message: /31 words; the limit is 30/ },
    ]);
  });

  it('a plain definition that starts by repeating the term (name or any form, plural or after "The")', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Angiogenesis', plain: 'Angiogenesis is the growth of vessels.' }, 'Angiogenesis'],
      [{ forms: [{ text: 'T cell', kind: 'name' }], plain: 'T cells are immune cells.' }, 'T cell'],
      [{ name: 'Immune system', plain: 'The immune system defends the body.' }, 'Immune system'],
    ];
    for (const [overrides, term] of cases) {
      const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', overrides))]));
      expectProblems(error, [
        {
          file: ALPHA,
          entry: 'alpha',
          field: 'plain',
          message: new RegExp(`must not start by repeating the term \\("${term}"\\)`),
        },
      ]);
    }
  });

  it('an expert note of more than three sentences', () => {
    const expert = 'One. Two. Three. Four.';
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { expert }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'expert', message: /4 sentences; it must have 1 to 3/ },
    ]);
  });

  it('a full entry of too many paragraphs', () => {
    const full = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { full }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'full', message: /6 paragraphs; the limit is 5/ },
    ]);
  });

  it('a full entry with an overlong paragraph', () => {
    const full = `${'word '.repeat(130)}end.`;
    const error = compileError(glossaryInput([entryFile('alpha', entryData('alpha', { full }))]));
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'full', message: /paragraph of 131 words; the limit is 120/ },
    ]);
  });

  it('an unknown field, a missing field and a bad heading in sources.yaml', () => {
    const { headings: _headings, ...withoutHeadings } = validSource;
    const input = {
      ...glossaryInput(),
      sourcesFile: sourcesFile([{ ...withoutHeadings, url: 'https://example.org' }]),
    };
    const error = compileError(input);
    expectProblems(error, [
      {
        file: SOURCES_PATH,
        entry: 'test-review',
        subject: 'source',
        field: 'headings',
        message: /missing required field/,
      },
      {
        file: SOURCES_PATH,
        entry: 'test-review',
        subject: 'source',
        field: 'url',
        message: /unknown field "url"/,
      },
      // With no headings, the entries' locators cannot be checked against them either.
      { file: ALPHA, entry: 'alpha', field: 'sources[0].locator', message: /not a heading/ },
      { file: BETA, entry: 'beta', field: 'sources[0].locator', message: /not a heading/ },
    ]);
    expect(error.message).toContain(
      'glossary/sources.yaml: source "test-review", field "url": unknown field "url"',
    );
  });

  it('a duplicate source id in sources.yaml', () => {
    const input = {
      ...glossaryInput(),
      sourcesFile: sourcesFile([validSource, { ...validSource, seedFile: 'other.txt' }]),
    };
    const error = compileError(input);
    expectProblems(error, [
      {
        file: SOURCES_PATH,
        entry: 'test-review',
        subject: 'source',
        field: 'id',
        message: /duplicate source id/,
      },
    ]);
  });

  it('a YAML syntax error in sources.yaml', () => {
    const error = compileError({
      ...glossaryInput(),
      sourcesFile: { path: SOURCES_PATH, text: 'sources:\n  - id: [x\n' },
    });
    expect(error.problems[0]).toMatchObject({
      file: SOURCES_PATH,
      message: expect.stringMatching(/YAML syntax error/),
    });
  });
});

describe('compileGlossary reports every problem at once', () => {
  it('collects problems from several files and fields into one error, one line each', () => {
    const error = compileError(
      glossaryInput([
        entryFile(
          'alpha',
          entryData('alpha', { extra: 1, related: ['nope'], plain: `${'word '.repeat(40)}end.` }),
        ),
        entryFile(
          'beta',
          entryData('beta', {
            forms: [{ text: 'alpha term', kind: 'name' }],
            sources: [{ source: 'test-review', locator: 'Methods' }],
          }),
        ),
        { path: 'glossary/entries/gamma.yaml', text: 'id: gamma\nname: [unclosed\n' },
      ]),
    );
    // Grouped by file; within a file, in the order found.
    expectProblems(error, [
      { file: ALPHA, entry: 'alpha', field: 'plain', message: /41 words/ },
      { file: ALPHA, entry: 'alpha', field: 'extra', message: /unknown field/ },
      { file: ALPHA, entry: 'alpha', field: 'related[0]', message: /"nope" does not exist/ },
      { file: BETA, entry: 'beta', field: 'forms[0].text', message: /also claimed by entry "alpha"/ },
      { file: BETA, entry: 'beta', field: 'sources[0].locator', message: /"Methods" is not a heading/ },
      { file: 'glossary/entries/gamma.yaml', entry: 'gamma', message: /YAML syntax error/ },
    ]);
    expect(error.message.split('\n')[0]).toBe('The glossary has 6 problems:');
  });
});
