// @vitest-environment node
/** The real glossary in glossary/ compiles, and its sources file describes the seed documents faithfully. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGlossary, readGlossaryFiles } from '../../../src/build/glossary-vite-plugin';
import type { GlossarySource } from '../../../src/glossary/compiled-glossary';
import { findEntry } from '../../../src/glossary/find-entry';
import { buildTermMatcher } from '../../../src/matching/build-term-matcher';
import { normalizeSurfaceForm } from '../../../src/matching/normalize-surface-form';
import { PageEvidence } from '../../../src/matching/page-evidence';
import { glossaryDir, readSeeds, seedsDir } from './glossary-fixtures';

const { content, full } = loadGlossary(glossaryDir);

describe('the real glossary', () => {
  it('compiles without error', () => {
    expect(() => loadGlossary(glossaryDir)).not.toThrow();
    expect(full.entries.length).toBeGreaterThanOrEqual(60);
  });

  it('reads one file per entry, named after its id', () => {
    const files = readGlossaryFiles(glossaryDir)
      .entryFiles.map((f) => path.basename(f.path, '.yaml'))
      .sort();
    expect(files).toEqual(full.entries.map((e) => e.id).sort());
  });

  it('cites at least one source in every entry', () => {
    const uncited = full.entries.filter((e) => e.sources.length === 0).map((e) => e.id);
    expect(uncited).toEqual([]);
  });

  it('cites every one of the five sources somewhere', () => {
    const cited = new Set(full.entries.flatMap((e) => e.sources.map((s) => s.source)));
    expect([...cited].sort()).toEqual(full.sources.map((s) => s.id).sort());
    expect(full.sources).toHaveLength(5);
  });

  it('gives every entry a form of kind "name"', () => {
    const without = full.entries.filter((e) => !e.forms.some((f) => f.kind === 'name')).map((e) => e.id);
    expect(without).toEqual([]);
  });

  it('lists no plain plural of another form of the same entry', () => {
    const plurals = full.entries.flatMap((e) => {
      const keys = new Set(e.forms.map((f) => normalizeSurfaceForm(f.text, false)));
      return e.forms
        .map((f) => normalizeSurfaceForm(f.text, false))
        .filter((k) => keys.has(k.replace(/s$/, '')) && k.endsWith('s') && k !== k.replace(/s$/, ''))
        .map((k) => `${e.id}: ${k}`);
    });
    expect(plurals).toEqual([]);
  });

  it('sorts the full entries by name and keeps content and full in step', () => {
    const names = full.entries.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(Object.keys(content.entries).sort()).toEqual(full.entries.map((e) => e.id).sort());
    // Each form, and each phrase that holds one in another sense ("inflammatory breast cancer").
    expect(content.forms).toHaveLength(
      full.entries.reduce((n, e) => n + e.forms.length + e.otherSenses.length, 0),
    );
    expect(findEntry(content, 'lenalidomide')?.name).toBe('Lenalidomide');
    expect(findEntry(full, 'lenalidomide')?.forms.map((f) => f.text)).toContain('Revlimid');
  });

  it('spells both ways the long forms that an ambiguous abbreviation needs on the page', () => {
    // "acute myelogenous leukaemia (AML)" must define AML: a page supports an ambiguous abbreviation only with
    // a long form the glossary lists, and British pages spell them their way.
    const british = (text: string) =>
      text
        .replace(/leukemia/g, 'leukaemia')
        .replace(/tumor/g, 'tumour')
        .replace(/hema/g, 'haema')
        .replace(/anemia/g, 'anaemia');
    const missing = full.entries
      .filter((e) => e.forms.some((f) => f.ambiguous))
      .flatMap((e) => {
        const texts = new Set(e.forms.map((f) => f.text));
        return [...texts]
          .filter((text) => british(text) !== text && !texts.has(british(text)))
          .map((text) => `${e.id}: ${british(text)}`);
      });
    expect(missing).toEqual([]);
  });

  it('keeps terms that other fields use in another sense for pages about cancer, and names what tells one', () => {
    // A recovery page's "relapse", an allergy page's "immunotherapy", a blood-pressure page's "first-line treatment".
    const waiting = full.entries.filter((e) => e.cancerPagesOnly).map((e) => e.id);
    for (const id of [
      'relapse',
      'remission',
      'synergy',
      'immunotherapy',
      'first-line-therapy',
      'drug-resistance',
      // Same sense elsewhere, but defined through cancer: a COVID page's dexamethasone is not "paired with
      // lenalidomide", an arthritis page's targeted therapy is not "a kind of cancer drug treatment".
      'dexamethasone',
      'rituximab',
      'targeted-therapy',
      'refractory-disease',
      'cell-based-therapy',
      // A vaccine page's T cells do not "kill cancer cells", nor is a sclerosis page's immunomodulatory drug "a
      // family of cancer drugs", nor an arthritis page's inflammation a blog's note on tumors.
      't-cells',
      'nk-cells',
      'immunomodulatory-drugs',
      'immunomodulation',
      'inflammation',
      // A cook's roasted bone marrow is no "soft tissue where myeloma grows", a physio's personalised treatment
      // plan no genetic profiling.
      'bone-marrow',
      'precision-medicine',
    ]) {
      expect(waiting, id).toContain(id);
    }
    // Every cancer of the glossary tells such a page.
    const diseases = full.entries.filter((e) => e.category === 'disease');
    expect(diseases.filter((e) => !e.cancerSpecific).map((e) => e.id)).toEqual([]);
  });

  it('leaves "refractory" to the page\'s topic, not to the words "refractory disease" somewhere on it', () => {
    // A cancer page says "relapsed or refractory myeloma" and "refractory to lenalidomide"; a neurology page's
    // refractory seizures wait for a page about cancer like the entry.
    expect(content.forms.find((f) => f.text === 'refractory')).toMatchObject({ ambiguous: false });
    expect(full.entries.find((e) => e.id === 'refractory-disease')?.cancerPagesOnly).toBe(true);
  });

  it('marks abbreviations with other common meanings as ambiguous', () => {
    for (const text of ['MM', 'MDS', 'NK', 'AML', 'MCL', 'LEN', 'CAR', 'NHL', 'POM']) {
      const form = content.forms.find((f) => f.text === text);
      expect(form, text).toBeDefined();
      expect(form, text).toMatchObject({ kind: 'abbreviation', caseSensitive: true, ambiguous: true });
    }
  });
});

describe('the real glossary on a page', () => {
  const matcher = buildTermMatcher(content.forms, content.trie);
  const entries = Object.values(content.entries);
  const idsWhere = (test: (e: (typeof entries)[number]) => boolean | undefined) =>
    new Set(entries.filter(test).map((e) => e.id));
  const cancerSpecific = idsWhere((e) => e.cancerSpecific);
  const cancerPagesOnly = idsWhere((e) => e.cancerPagesOnly);

  /** What a page of these paragraphs gets marked, as "text → entry id" in order. */
  function marked(...paragraphs: string[]): string[] {
    const evidence = new PageEvidence(matcher, cancerSpecific, cancerPagesOnly);
    const read = paragraphs.map((text) => ({ text, matches: matcher.findMatches(text) }));
    for (const { text, matches } of read) evidence.record(text, matches);
    return read.flatMap(({ text, matches }) =>
      matches.flatMap((m) => {
        const id = evidence.resolve(text, m);
        return id ? [`${text.slice(m.start, m.end)} → ${id}`] : [];
      }),
    );
  }

  it("leaves radiation as a risk, and as a physicist's word, unmarked", () => {
    expect(
      marked(
        'Exposure to high levels of radiation raises the risk of leukemia, and so can ionizing radiation.',
        'Radiation exposure from scans is small; UV radiation and background radiation are everywhere.',
        'Some people are treated with radiation therapy; cranial radiation is rarely used.',
      ),
    ).toEqual([
      'leukemia → leukemia',
      'radiation therapy → radiation-therapy',
      'radiation → radiation-therapy',
    ]);
  });

  it('lets "B-cell non-Hodgkin lymphomas" license NHL, as "non-Hodgkin lymphoma" does', () => {
    expect(
      marked(
        'Most lymphomas in adults are B-cell non-Hodgkin lymphomas.',
        'NHL incidence rises with age, and most people with lymphoma are over 60.',
      ),
    ).toEqual([
      'lymphomas → lymphoma',
      'B-cell non-Hodgkin lymphomas → b-cell-lymphoma',
      'NHL → non-hodgkin-lymphoma',
      'lymphoma → lymphoma',
    ]);
    expect(marked('The NHL trade deadline is March 7; B-cell lymphoma is rare in players.')).toEqual([
      'B-cell lymphoma → b-cell-lymphoma',
    ]);
  });

  it("leaves a hockey story's NHL unmarked though it names non-Hodgkin lymphoma once", () => {
    const story = [
      'The NHL trade deadline is March 7.',
      'Fans honoured a survivor of non-Hodgkin lymphoma before the game.',
    ];
    expect(marked(...story)).toEqual(['non-Hodgkin lymphoma → non-hodgkin-lymphoma']);
    // On a page about cancer, or one that defines it, the long form makes NHL the lymphoma.
    expect(marked(...story, 'Lymphoma is a cancer of the lymph system.')).toContain(
      'NHL → non-hodgkin-lymphoma',
    );
    expect(
      marked('The NHL trade deadline is March 7.', 'Non-Hodgkin lymphoma (NHL) is treatable.'),
    ).toContain('NHL → non-hodgkin-lymphoma');
  });

  it('marks the verb and the adjectives readers meet beside the nouns', () => {
    expect(
      marked(
        'The cancer has metastasized to the liver; tumours that metastasise early.',
        'Chemotherapeutic agents block angiogenic signals; frontline therapy is chemotherapy.',
      ),
    ).toEqual([
      'metastasized → metastasis',
      'metastasise → metastasis',
      'Chemotherapeutic → chemotherapy',
      'angiogenic → angiogenesis',
      'frontline therapy → first-line-therapy',
      'chemotherapy → chemotherapy',
    ]);
  });

  it("leaves other fields' senses unmarked on a page about cancer", () => {
    expect(
      marked(
        'First-line therapy for this lymphoma is chemotherapy.',
        "The skin is the immune system's first line of defence.",
        'Myelodysplastic syndromes include refractory anemia with ring sideroblasts.',
        'The merger will deliver cost synergies.',
        'People with myeloma should avoid anti-inflammatory painkillers.',
      ),
    ).toEqual([
      'First-line therapy → first-line-therapy',
      'lymphoma → lymphoma',
      'chemotherapy → chemotherapy',
      'immune system → immune-system',
      'Myelodysplastic syndromes → myelodysplastic-syndromes',
      'myeloma → multiple-myeloma',
    ]);
  });

  it('reads TME as the microenvironment only on a page that spells it so', () => {
    // Total mesorectal excision, the operation for rectal cancer.
    expect(marked('After chemoradiotherapy, people with rectal cancer have TME surgery.')).toEqual([]);
    expect(marked('The tumor microenvironment (TME) shapes response; TME macrophages.')).toEqual([
      'tumor microenvironment → tumor-microenvironment',
      'TME → tumor-microenvironment',
      'TME → tumor-microenvironment',
    ]);
  });
});

describe('glossary/sources.yaml', () => {
  const seeds = (): Map<string, string> => new Map(readSeeds().map((s) => [s.file, s.text]));

  it('points each source at an existing seed file', () => {
    const missing = full.sources
      .filter((s) => !existsSync(path.join(seedsDir, s.seedFile)))
      .map((s) => s.seedFile);
    expect(seeds().size).toBe(5);
    expect(missing).toEqual([]);
  });

  it('lists only headings that stand verbatim in the document', () => {
    const texts = seeds();
    // The verbatim headings of sources.yaml (the compiled ones shorten dose figures for display).
    const declared = parse(readGlossaryFiles(glossaryDir).sourcesFile.text) as { sources: GlossarySource[] };
    const absent = declared.sources.flatMap((s) =>
      s.headings.filter((h) => !(texts.get(s.seedFile) ?? '').includes(h)).map((h) => `${s.id}: "${h}"`),
    );
    expect(absent).toEqual([]);
  });

  it('gives year and identifiers only where the document states them', () => {
    const texts = seeds();
    for (const s of full.sources) {
      const text = texts.get(s.seedFile) ?? '';
      if (s.year !== undefined) expect(text, s.id).toContain(String(s.year));
      for (const value of Object.values(s.identifiers ?? {})) expect(text, s.id).toContain(value);
      if (s.publisher !== undefined) expect(text, s.id).toContain(s.publisher);
    }
  });

  it('rates the reviews high, the general-audience pages medium and the commercial blog low', () => {
    const trustByKind = Object.fromEntries(full.sources.map((s) => [s.kind, new Set<string>()]));
    for (const s of full.sources) trustByKind[s.kind]!.add(s.trust);
    expect(trustByKind).toEqual({
      'peer-reviewed-review': new Set(['high']),
      'general-audience-article': new Set(['medium']),
      'commercial-blog': new Set(['low']),
    });
  });
});
