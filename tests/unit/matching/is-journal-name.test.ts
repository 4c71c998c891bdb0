import { describe, expect, it } from 'vitest';
import { isJournalName } from '../../../src/matching/is-journal-name';
import { occurrenceOf } from './occurrence-of';

/** isJournalName for the first occurrence of `word` in `text`. */
const journal = (text: string, word: string): boolean => isJournalName(text, ...occurrenceOf(text, word));

describe('isJournalName', () => {
  it('finds a journal named by the term, with volume, issue and pages', () => {
    expect(journal('Kumar S, et al.: Title. Leukemia 23 (2): 215-24, 2009.', 'Leukemia')).toBe(true);
    expect(journal('Title. Leukemia 23: 215-24, 2009.', 'Leukemia')).toBe(true);
    expect(journal('Title. Leukemia 23(Suppl 2):S1-9.', 'Leukemia')).toBe(true);
  });

  it('leaves a heading whose number and colon come before words alone', () => {
    expect(journal('Multiple Myeloma 2024: the year in review', 'Multiple Myeloma')).toBe(false);
    expect(journal("Leukemia 101: a beginner's guide", 'Leukemia')).toBe(false);
    expect(journal('Lymphoma Stage 4: what it means', 'Lymphoma')).toBe(false);
    expect(journal('Rituximab Day 1: given by drip.', 'Rituximab')).toBe(false);
    // Electronic page numbers are pages.
    expect(journal('Title. Leukemia 23 (2): e1234, 2009.', 'Leukemia')).toBe(true);
  });

  it('finds a term inside a longer journal name', () => {
    expect(journal('Title. Pediatr Blood Cancer 59 (7): 1234-8, 2012.', 'Blood Cancer')).toBe(true);
    expect(journal('Title. Blood Cancer J 10 (2): 19, 2020.', 'Blood Cancer')).toBe(true);
    expect(journal('Title. Leuk Lymphoma 14 (5-6): 491-6, 1994.', 'Lymphoma')).toBe(true);
    expect(journal('Title. Clin Lymphoma Myeloma Leuk 20 (8): 509-18, 2020.', 'Lymphoma')).toBe(true);
    expect(journal('Title. Bone Marrow Transplant 45 (3): 1-9, 2010.', 'Bone Marrow')).toBe(true);
    expect(journal('Title. Leukemia & Lymphoma. 2019;60(3):1-10.', 'Leukemia')).toBe(true);
    expect(journal('Title. Leukemia & Lymphoma 60 (3): 1-10, 2019.', 'Leukemia')).toBe(true);
    // Prose with an ampersand is no journal.
    expect(journal('Leukemia & lymphoma 2019 meeting notes.', 'Leukemia')).toBe(false);
  });

  it('finds a journal in a Vancouver citation', () => {
    expect(journal('Title. Leukemia. 2009;23(2):215-24.', 'Leukemia')).toBe(true);
    expect(journal('Title. Blood Cancer J. 2020 Feb 14;10(2):19.', 'Blood Cancer')).toBe(true);
    expect(journal('Title. Leuk Lymphoma. 2019 Mar;60(3):1-10.', 'Lymphoma')).toBe(true);
    expect(journal('Title. Blood Cancer J. 2020 Feb; 10(2): 19.', 'Blood Cancer')).toBe(true);
    // Line breaks of the page's source between the parts.
    expect(journal('Title. Leuk\n  Lymphoma.\n  2023;64(2):101-9.', 'Lymphoma')).toBe(true);
  });

  it('leaves a title that ends with the term alone', () => {
    expect(
      journal('How I treat smoldering Multiple Myeloma. Blood 140 (8): 828-838, 2022.', 'Multiple Myeloma'),
    ).toBe(false);
    expect(journal('Outcomes in Leukemia. Blood. 2020;136(1):1-9.', 'Leukemia')).toBe(false);
    expect(
      journal(
        'A report from the European Bone Marrow Transplantation Registry. Blood 85 (4): 1-9.',
        'Bone Marrow',
      ),
    ).toBe(false);
  });

  it('leaves prose alone: lower case, numbers without a locator, headings', () => {
    expect(journal('Patients with leukemia 23 (2): a note', 'leukemia')).toBe(false);
    expect(journal('Leukemia is a cancer of the blood.', 'Leukemia')).toBe(false);
    expect(journal('Leukemia 2 (the second part)', 'Leukemia')).toBe(false);
    expect(journal('Lymphoma in 2009 was rare.', 'Lymphoma')).toBe(false);
    expect(journal('Lymphoma. 2009 was a year of change.', 'Lymphoma')).toBe(false);
  });
});
