import { describe, expect, it } from 'vitest';
import { addNamesInside } from '../../../src/glossary/add-names-inside';
import type { ContentForm } from '../../../src/glossary/compiled-glossary';

const form = (entryId: string, text: string, extra: Partial<ContentForm> = {}): ContentForm => ({
  entryId,
  text,
  kind: 'synonym',
  caseSensitive: false,
  ambiguous: false,
  ...extra,
});

const named = (forms: ContentForm[]) =>
  Object.fromEntries(addNamesInside(forms).map((f) => [f.text, f.alsoNames ?? []]));

describe('addNamesInside', () => {
  const nhl = [
    form('nhl', 'non-Hodgkin lymphoma'),
    form('nhl', 'NHL', { kind: 'abbreviation', caseSensitive: true, ambiguous: true }),
  ];

  it('names an entry with an ambiguous abbreviation whose long form a longer form holds as words', () => {
    expect(
      named([
        ...nhl,
        form('bcl', 'B-cell non-Hodgkin lymphoma'),
        form('bcl', 'B-cell non‑Hodgkin’s lymphoma'),
      ]),
    ).toMatchObject({ 'B-cell non-Hodgkin lymphoma': ['nhl'], 'non-Hodgkin lymphoma': [] });
  });

  it('names no entry its form negates: "non-Hodgkin lymphoma" is no Hodgkin lymphoma', () => {
    const forms = [
      ...nhl,
      form('hl', 'Hodgkin lymphoma'),
      form('hl', 'HL', { kind: 'abbreviation', caseSensitive: true, ambiguous: true }),
    ];
    expect(named(forms)['non-Hodgkin lymphoma']).toEqual([]);
  });

  it('names nothing inside a word, nor entries without an ambiguous abbreviation, nor for another sense', () => {
    expect(
      named([
        ...nhl,
        form('x', 'pre-non-Hodgkin lymphomatous'),
        form('myeloma', 'myeloma'),
        form('mm', 'multiple myeloma'),
        form('nhl', 'hockey non-Hodgkin lymphoma league', { otherSense: true }),
      ]),
    ).toEqual({
      'non-Hodgkin lymphoma': [],
      NHL: [],
      'pre-non-Hodgkin lymphomatous': [],
      myeloma: [],
      'multiple myeloma': [],
      'hockey non-Hodgkin lymphoma league': [],
    });
  });
});
