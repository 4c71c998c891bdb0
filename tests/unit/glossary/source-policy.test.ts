// @vitest-environment node
/**
 * The source policy, checked: no doses and no treatment advice in any entry, and no sentence of the seed
 * documents copied (no run of 8 consecutive words from a seed file appears in an entry's text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGlossary, readGlossaryFiles } from '../../../src/build/glossary-vite-plugin';
import type { GlossaryEntry } from '../../../src/glossary/compiled-glossary';
import { glossaryDir, readSeeds, seedsDir } from './glossary-fixtures';

const { full } = loadGlossary(glossaryDir);

/** The texts of an entry that readers see, except citation locators (verbatim quotes of source headings). */
function entryTexts(entry: GlossaryEntry): { field: string; text: string }[] {
  return [
    { field: 'name', text: entry.name },
    ...entry.forms.map((f, i) => ({ field: `forms[${i}].text`, text: f.text })),
    { field: 'plain', text: entry.plain },
    { field: 'expert', text: entry.expert },
    { field: 'full', text: entry.full },
  ];
}

const DOSE_PATTERNS: RegExp[] = [
  /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|mL|iu|IU|units?|milligrams?|micrograms?|grams?)\b/i,
  /\bmg\b/i,
  /\bmilligram/i,
  /\bmicrogram/i,
  /\bdos(?:e|es|ed|age|ages|ing)\b/i,
  /\b(?:once|twice|three times) (?:a|per) (?:day|week)\b/i,
];

const ADVICE_PATTERNS: RegExp[] = [
  /\byou (?:should|must|can|may|need)\b/i,
  /\b(?:ask|talk to|consult) (?:your|a) (?:doctor|physician|oncologist)\b/i,
  /\b(?:we|is|are) recommend(?:ed)?\b/i,
  /\bshould (?:be )?(?:take|taken|use|used|avoid|start|stop)\b/i,
];

describe('no dose and no treatment advice', () => {
  it('has no dose in any entry text', () => {
    const hits = full.entries.flatMap((e) =>
      entryTexts(e).flatMap(({ field, text }) =>
        DOSE_PATTERNS.filter((p) => p.test(text)).map(
          (p) => `${e.id} ${field}: ${String(text.match(p)?.[0])}`,
        ),
      ),
    );
    expect(hits).toEqual([]);
  });

  it('has no dose anywhere in the entry files except quoted locators', () => {
    // Read the raw YAML too, so that nothing outside the compiled fields (comments included) slips through.
    const hits = readGlossaryFiles(glossaryDir).entryFiles.flatMap((file) => {
      const data = parse(file.text) as { sources?: { locator?: string }[] };
      let text = file.text;
      for (const s of data.sources ?? []) if (s.locator) text = text.split(s.locator).join('');
      return DOSE_PATTERNS.filter((p) => p.test(text)).map(
        (p) => `${file.path}: ${String(text.match(p)?.[0])}`,
      );
    });
    expect(hits).toEqual([]);
  });

  it('has no dose figure in what sources.yaml shows readers (title, shortTitle, trustNote)', () => {
    const figure = DOSE_PATTERNS[0]!;
    const hits = full.sources.flatMap((s) =>
      [s.title, s.shortTitle, s.trustNote].filter((t) => figure.test(t)).map((t) => `${s.id}: ${t}`),
    );
    expect(hits).toEqual([]);
  });

  it('gives no treatment advice', () => {
    const hits = full.entries.flatMap((e) =>
      entryTexts(e).flatMap(({ field, text }) =>
        ADVICE_PATTERNS.filter((p) => p.test(text)).map(
          (p) => `${e.id} ${field}: ${String(text.match(p)?.[0])}`,
        ),
      ),
    );
    expect(hits).toEqual([]);
  });

  it('ships no dose figure to readers, not even inside a quoted heading', () => {
    const { content } = loadGlossary(glossaryDir);
    const shipped = JSON.stringify({ content, full });
    expect(shipped.match(DOSE_PATTERNS[0]!)).toBeNull();
    // The blog heading that carries a figure is still cited, shortened.
    expect(shipped).toContain('Lenalidomide … in Lymphoma and Myelodysplastic Syndromes');
  });

  it('catches the blog’s kind of dose statement (the patterns work)', () => {
    const blogLike = 'At a dosage of 5 mg, the drug is often used; the 25 mg dose is prescribed.';
    expect(DOSE_PATTERNS.some((p) => p.test(blogLike))).toBe(true);
    expect(DOSE_PATTERNS.some((p) => p.test('lenalidomide 10mg operates'))).toBe(true);
  });
});

describe('own words: nothing copied from the seed documents', () => {
  const RUN = 8;
  const words = (text: string): string[] =>
    text
      .toLowerCase()
      .replace(/[’‘ʼ′]/g, "'")
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const runs = (text: string): string[] => {
    const w = words(text);
    return Array.from({ length: Math.max(0, w.length - RUN + 1) }, (_, i) => w.slice(i, i + RUN).join(' '));
  };

  it(`finds the seed documents at ${seedsDir}`, () => {
    // readSeeds throws a clear error when ../shared/seeds is missing.
    expect(readSeeds()).toHaveLength(5);
  });

  it(`has no run of ${RUN} consecutive words from any seed document in any entry`, () => {
    const seedRuns = new Map<string, string>();
    for (const seed of readSeeds()) for (const run of runs(seed.text)) seedRuns.set(run, seed.file);
    const copied = full.entries.flatMap((e) =>
      entryTexts(e).flatMap(({ field, text }) =>
        runs(text)
          .filter((run) => seedRuns.has(run))
          .map((run) => `${e.id} ${field}: "${run}" (from ${seedRuns.get(run)})`),
      ),
    );
    expect(copied).toEqual([]);
  });

  it('detects a copied sentence (the check works)', () => {
    const seed = readSeeds().find((s) => s.file.startsWith('002'))!;
    const sentence = seed.text.split('\n').find((l) => l.startsWith('Lenalidomide is an orally active'))!;
    const seedRuns = new Set(runs(readFileSync(`${seedsDir}/${seed.file}`, 'utf8')));
    expect(runs(sentence).some((r) => seedRuns.has(r))).toBe(true);
  });
});
