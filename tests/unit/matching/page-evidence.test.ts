import { describe, expect, it } from 'vitest';
import { buildTermMatcher, type TermMatcher } from '../../../src/matching/build-term-matcher';
import { PageEvidence } from '../../../src/matching/page-evidence';
import { makeTestGlossary } from './test-glossary';

const matcher = buildTermMatcher(makeTestGlossary().forms);

/** What a page made of these paragraphs gets annotated: "text → entry id", in page order. */
function annotatedOn(...paragraphs: string[]): string[] {
  return annotatedWith(matcher, paragraphs);
}

/** annotatedOn with another matcher, the entries that show a page is about cancer and those that wait for one. */
function annotatedWith(
  matcher: TermMatcher,
  paragraphs: string[],
  cancerSpecific: ReadonlySet<string> = new Set(),
  cancerPagesOnly: ReadonlySet<string> = new Set(),
): string[] {
  const evidence = new PageEvidence(matcher, cancerSpecific, cancerPagesOnly);
  const scanned = paragraphs.map((text) => ({ text, matches: matcher.findMatches(text) }));
  for (const { text, matches } of scanned) evidence.record(text, matches);
  const local = buildTermMatcher(evidence.localForms());
  const result: string[] = [];
  for (const { text, matches } of scanned) {
    const all = [...matches, ...local.findMatches(text)].sort((a, b) => a.start - b.start);
    for (const match of all) {
      const entryId = evidence.resolve(text, match);
      if (entryId) result.push(`${text.slice(match.start, match.end)} → ${entryId}`);
    }
  }
  return result;
}

const only = (list: string[], prefix: string) => list.filter((item) => item.startsWith(`${prefix} →`));

describe('web addresses written out in the text', () => {
  it('annotates nothing inside a web address, a site path or an e-mail address', () => {
    expect(
      annotatedOn(
        'See https://www.cancer.gov/types/myeloma/hp/myeloma-treatment-pdq, (/types/lymphoma/hp/b-cell), ' +
          'www.myeloma.org and info@lymphoma.org on lenalidomide.',
      ),
    ).toEqual(['lenalidomide → lenalidomide']);
  });

  it('still annotates the text of a markdown link beside its address', () => {
    expect(annotatedOn('[Multiple myeloma](https://example.org/multiple-myeloma)')).toEqual([
      'Multiple myeloma → multiple-myeloma',
    ]);
  });

  it('still annotates terms joined by slashes and hyphens in prose', () => {
    expect(annotatedOn('lenalidomide/pomalidomide-based, myeloma-related')).toEqual([
      'lenalidomide → lenalidomide',
      'pomalidomide → pomalidomide',
      'myeloma → myeloma',
    ]);
  });
});

describe('journals named in citations', () => {
  it("annotates a title's terms but not the journal named by one", () => {
    expect(
      annotatedOn('Smith A, et al.: Lenalidomide in multiple myeloma. Leuk Lymphoma 14 (5-6): 491-6, 1994.'),
    ).toEqual(['Lenalidomide → lenalidomide', 'multiple myeloma → multiple-myeloma']);
  });
});

describe('terms other fields use in another sense wait for a page about cancer', () => {
  // "relapse" after quitting alcohol, a merger's "synergies", allergy "immunotherapy": the entries define them
  // for cancer.
  const general = buildTermMatcher(
    makeTestGlossary({
      lymphoma: ['lymphoma'],
      'immune-system': ['immune system'],
      relapse: ['relapse'],
      synergy: ['synergy', { text: 'synergistic', kind: 'variant' }],
    }).forms,
  );
  const on = (...paragraphs: string[]) =>
    annotatedWith(general, paragraphs, new Set(['lymphoma']), new Set(['relapse', 'synergy']));

  it("a business page's synergies and a recovery page's relapse get nothing", () => {
    expect(
      on(
        'The merger promised synergies and a synergistic sales team.',
        'Relapse is common in the first year of recovery.',
      ),
    ).toEqual([]);
  });

  it('the same words on a page that names a cancer in two texts are annotated, wherever the cancer is named', () => {
    expect(
      on('Relapse is common.', 'The drugs act in synergy against lymphoma.', 'A lymphoma clinic.'),
    ).toEqual(['Relapse → relapse', 'synergy → synergy', 'lymphoma → lymphoma', 'lymphoma → lymphoma']);
  });

  it('one passing mention of a cancer does not make a page about cancer, nor the same text read again', () => {
    // A chemistry page's salt "also used against lymphoma", an immunology page's closing line on CAR T.
    expect(
      on('Relapse is common.', 'The salt is also used against lymphoma.', 'Synergy of ligands.'),
    ).toEqual(['lymphoma → lymphoma']);
    // A whole document in one text: two places far apart count as two texts.
    const filler = ' Then the weather.'.repeat(30);
    expect(on(`Relapse after lymphoma.${filler}`)).toEqual(['lymphoma → lymphoma']);
    expect(on(`Relapse after lymphoma.${filler} A cancer.`)).toEqual([
      'Relapse → relapse',
      'lymphoma → lymphoma',
    ]);
    expect(on('Relapse is common.', 'Used against lymphoma.', 'Used against lymphoma.')).toEqual([
      'lymphoma → lymphoma',
      'lymphoma → lymphoma',
    ]);
  });

  it('or on a page that says "cancer" in texts with a term, though it names no cancer of the glossary', () => {
    expect(on('Relapse of prostate cancer is rare.', 'Synergy in prostate cancer care.')).toEqual([
      'Relapse → relapse',
      'Synergy → synergy',
    ]);
    expect(on('After treatment for oral carcinoma, relapse is rare.', 'Carcinoma: synergy.')).toEqual([
      'relapse → relapse',
      'synergy → synergy',
    ]);
  });

  it('or names a cancer the glossary lacks: a melanoma, a sarcoma, a glioblastoma, a neoplasm', () => {
    for (const cancer of ['melanoma', 'Ewing sarcoma', 'glioma', 'glioblastoma', 'neuroblastoma', 'neoplasm'])
      expect(on(`Relapse of the ${cancer} is rare.`, `The ${cancer}: synergy.`), cancer).toEqual([
        'Relapse → relapse',
        'synergy → synergy',
      ]);
    expect(on('Relapse of the knee injury is rare.', 'The knee injury: synergy.')).toEqual([]);
  });

  it('a cancer named only inside a web address does not make a page about cancer', () => {
    expect(on('Join the walk at https://lymphoma-run.example/join. Relapse is common.')).toEqual([]);
  });

  it("a cancer named in the page's furniture (navigation, sidebar, footer) does not make a page about cancer", () => {
    const evidence = new PageEvidence(general, new Set(['lymphoma']), new Set(['relapse']));
    let asked = 0;
    const inFurniture = () => (asked++, true);
    const record = (text: string, furniture?: () => boolean) =>
      evidence.record(text, general.findMatches(text), furniture);
    record('Relapse is common in the first year of recovery.', inFurniture);
    // Asked only of a text that would say the page is about cancer.
    expect(asked).toBe(0);
    record('Run for lymphoma research; cancer charities.', inFurniture);
    expect(asked).toBeGreaterThan(0);
    const relapse = 'Relapse is common.';
    expect(evidence.resolve(relapse, general.findMatches(relapse)[0]!)).toBeNull();
    record('A talk on lymphoma.');
    record('A walk for lymphoma.');
    expect(evidence.resolve(relapse, general.findMatches(relapse)[0]!)).toBe('relapse');
  });

  it('general biology does not make a page about cancer', () => {
    expect(on('The immune system and a relapse of the disease.')).toEqual(['immune system → immune-system']);
  });

  it('an abbreviation the page defines waits for a page about cancer like its entry', () => {
    expect(on('The merger promised synergy (SYN). SYN drives the deal.')).toEqual([]);
    expect(on('Drugs act in synergy (SYN) against lymphoma. SYN is common.', 'A lymphoma clinic.')).toEqual([
      'synergy → synergy',
      'SYN → synergy',
      'lymphoma → lymphoma',
      'SYN → synergy',
      'lymphoma → lymphoma',
    ]);
  });

  it('a page naming a cancer after a word was refused asks to be looked at again', () => {
    const evidence = new PageEvidence(general, new Set(['lymphoma']), new Set(['relapse']));
    const text = 'Relapse is common.';
    const matches = general.findMatches(text);
    expect(evidence.record(text, matches)).toBe(false);
    expect(evidence.resolve(text, matches[0]!)).toBeNull();
    expect(evidence.record('Our lymphoma clinic.', general.findMatches('Our lymphoma clinic.'))).toBe(false);
    expect(evidence.record('A lymphoma walk.', general.findMatches('A lymphoma walk.'))).toBe(true);
    expect(evidence.resolve(text, matches[0]!)).toBe('relapse');
  });
});

describe('ambiguous abbreviations need the long form or a definition on the page', () => {
  it('MM alone on a page gets nothing', () => {
    expect(annotatedOn('The MM group met on Tuesday.')).toEqual([]);
  });

  it('MM on a page that uses "multiple myeloma" elsewhere is annotated', () => {
    expect(only(annotatedOn('MM is treatable.', 'About multiple myeloma.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
  });

  it('"multiple myeloma (MM)" defines MM', () => {
    expect(annotatedOn('In multiple myeloma (MM), relapse is common. MM cells')).toEqual([
      'multiple myeloma → multiple-myeloma',
      'MM → multiple-myeloma',
      'relapse → relapse',
      'MM → multiple-myeloma',
    ]);
  });

  it('"lenalidomide (LEN)" defines LEN', () => {
    expect(only(annotatedOn('We gave lenalidomide (LEN). LEN was well tolerated.'), 'LEN')).toEqual([
      'LEN → lenalidomide',
      'LEN → lenalidomide',
    ]);
  });

  it('"LEN (lenalidomide)" defines LEN the other way round', () => {
    expect(only(annotatedOn('LEN (lenalidomide) was given. LEN works.'), 'LEN')).toHaveLength(2);
  });

  it('white space of any kind around and inside the bracket: NBSP, em space, line break', () => {
    // POM is no glossary form: only a definition the page makes adds it.
    expect(only(annotatedOn('pomalidomide\u00a0( POM ). POM'), 'POM')).toHaveLength(2);
    expect(only(annotatedOn('pomalidomide\n(\u2003POM\u2003; n = 40). POM'), 'POM')).toHaveLength(2);
    expect(only(annotatedOn('POM\u00a0(\u2009pomalidomide\u00a0) was given. POM'), 'POM')).toHaveLength(2);
    expect(only(annotatedOn('pomalidomide (P\u00a0OM). POM'), 'POM')).toEqual([]);
  });

  it('brackets left open before a definition, or closing too far on, take nothing from it', () => {
    const open = 'see (figure 2 '.repeat(2000);
    expect(only(annotatedOn(`${open}pomalidomide (POM). POM`), 'POM')).toHaveLength(2);
    expect(only(annotatedOn(`pomalidomide (POM ${'x'.repeat(60)}). POM`), 'POM')).toEqual([]);
  });

  it('data shown as text (a JSON blob) is no words: nothing in it is marked, and it licenses nothing', () => {
    const blob = '{"disease":"multiple-myeloma","drug":"lenalidomide","abbr":"MM"},'.repeat(10);
    expect(annotatedOn(`Raw data: ${blob}`, 'MM is common.')).toEqual([]);
    expect(annotatedOn('Lenalidomide treats myeloma.', `Raw data: ${blob}`)).toEqual([
      'Lenalidomide → lenalidomide',
      'myeloma → myeloma',
    ]);
  });

  it('a bracket with text beside the glossary match defines nothing', () => {
    expect(only(annotatedOn('POM (pomalidomide) was given. POM'), 'POM')).toHaveLength(2);
    expect(only(annotatedOn('POM (oral pomalidomide) was given. POM'), 'POM')).toEqual([]);
    expect(only(annotatedOn('POM (pomalidomide 2) was given. POM'), 'POM')).toEqual([]);
  });

  it('a page-local abbreviation whose long form is a glossary form: "pomalidomide (POM)"', () => {
    expect(
      only(annotatedOn('Pomalidomide (POM) came later.', 'POM with dexamethasone; no POMEGRANATE.'), 'POM'),
    ).toEqual(['POM → pomalidomide', 'POM → pomalidomide']);
  });

  it('a page-local abbreviation is case-sensitive and whole-word', () => {
    expect(only(annotatedOn('pomalidomide (POM)', 'pom, Pom, POMS'), 'pom')).toEqual([]);
  });

  it('a bracket that does not abbreviate the long form defines nothing', () => {
    expect(only(annotatedOn('lenalidomide (MM) was given. MM'), 'MM')).toEqual([]);
  });

  it('"natural killer (NK) cells": a long form that begins a glossary form defines the abbreviation', () => {
    expect(
      only(annotatedOn('Lenalidomide expands natural killer (NK) cells. NK activity rose.'), 'NK'),
    ).toEqual(['NK → natural-killer-cells', 'NK → natural-killer-cells']);
    expect(only(annotatedOn('B, T, natural killer (NK), and dendritic cells'), 'NK')).toEqual([
      'NK → natural-killer-cells',
    ]);
  });

  it('"chimeric antigen receptors (CARs)": the plural of such a long form counts too', () => {
    expect(annotatedOn('Chimeric antigen receptors (CARs) on T cells. The CAR binds.')).toEqual([
      'CARs → car-t-cell-therapy',
      'T cells → t-cells',
      'CAR → car-t-cell-therapy',
    ]);
  });

  it('square brackets nested in round ones define too: "(B, T or natural killer [NK] cells)"', () => {
    expect(
      only(annotatedOn('Lineages (B, T or natural killer [NK] cells) differ. NK counts rose.'), 'NK'),
    ).toEqual(['NK → natural-killer-cells', 'NK → natural-killer-cells']);
    expect(only(annotatedOn('In multiple myeloma [MM], MM relapses.'), 'MM')).toHaveLength(2);
  });

  it('a long form opened by a bracket or a quote: "[Chimeric antigen receptor (CAR) T-cell therapy](…)"', () => {
    expect(only(annotatedOn('3. [Chimeric antigen receptor (CAR) T-cell therapy](#car)'), 'CAR')).toEqual([
      'CAR → car-t-cell-therapy',
    ]);
    expect(only(annotatedOn('“Natural killer (NK) cells”'), 'NK')).toEqual(['NK → natural-killer-cells']);
  });

  it('numbers and names in square brackets define nothing: "[25]", "Smith [MM]"', () => {
    expect(only(annotatedOn('Results [25] held (see [3]); Smith [MM] said so. MM'), 'MM')).toEqual([]);
  });

  it('"NK (natural killer) cells": the short form first, its long form outside the glossary, defines too', () => {
    expect(only(annotatedOn('NK (natural killer) cells expand. NK activity rose.'), 'NK')).toEqual([
      'NK → natural-killer-cells',
      'NK → natural-killer-cells',
    ]);
    expect(
      only(annotatedOn('CAR (chimeric antigen receptor) constructs. The CAR binds.'), 'CAR'),
    ).toHaveLength(2);
  });

  it('a glossary term may head a longer long form: "newly diagnosed multiple myeloma (NDMM)"', () => {
    expect(
      only(annotatedOn('Newly diagnosed multiple myeloma (NDMM) is treatable.', 'In NDMM, LEN.'), 'NDMM'),
    ).toEqual(['NDMM → multiple-myeloma', 'NDMM → multiple-myeloma']);
    expect(
      only(annotatedOn('relapsed/refractory multiple myeloma (RRMM)', 'RRMM trials.'), 'RRMM'),
    ).toHaveLength(2);
    expect(only(annotatedOn('autologous stem cell transplant (ASCT)', 'After ASCT.'), 'ASCT')).toEqual([
      'ASCT → stem-cell-transplant',
      'ASCT → stem-cell-transplant',
    ]);
    // The other way round, the bracket ending with the glossary term.
    expect(
      only(annotatedOn('NDMM (newly diagnosed multiple myeloma) is treatable.', 'NDMM'), 'NDMM'),
    ).toHaveLength(2);
  });

  it('a headed long form across a line break of the source, and one with glossary terms before its head', () => {
    expect(only(annotatedOn('Newly\n    diagnosed multiple myeloma (NDMM)', 'NDMM'), 'NDMM')).toHaveLength(2);
    // "relapsed" is a glossary match of its own, inside the bracket before the head.
    expect(
      only(annotatedOn('RRMM (relapsed/refractory multiple myeloma) is treatable.', 'RRMM'), 'RRMM'),
    ).toEqual(['RRMM → multiple-myeloma', 'RRMM → multiple-myeloma']);
  });

  it('a headed long form whose words do not give the letters defines nothing: trials and organisations', () => {
    // A trial's name: "previously treated" gives no "O", "L", "L", "O".
    expect(annotatedOn('Pomalidomide in previously treated multiple myeloma (APOLLO). APOLLO')).not.toContain(
      'APOLLO → multiple-myeloma',
    );
    // An organisation, whose name ends with an abbreviation.
    expect(annotatedOn('European Intergroup for Childhood NHL (EICNHL). EICNHL')).not.toContain(
      'EICNHL → non-hodgkin-lymphoma',
    );
  });

  it('a long form that only shares its first words with a glossary form defines nothing', () => {
    expect(only(annotatedOn('natural killing (NK) assays. NK values.'), 'NK')).toEqual([]);
    // Whole words: "natural kill" is not the start of "natural killer cell".
    expect(only(annotatedOn('natural kill (NK) scores. NK values.'), 'NK')).toEqual([]);
  });

  it('the plural of a defined abbreviation counts: "immunomodulatory drugs (IMiDs)"', () => {
    expect(only(annotatedOn('immunomodulatory drugs (IMiDs)'), 'IMiDs')).toEqual([
      'IMiDs → immunomodulatory-drugs',
    ]);
  });
});

describe('abbreviations defined in pairs: lists and legends', () => {
  it('an abbreviations list: "Abbreviations: AE, adverse event; POM, pomalidomide."', () => {
    expect(
      only(annotatedOn('Abbreviations: AE, adverse event; POM, pomalidomide.', 'POM was given.'), 'POM'),
    ).toEqual(['POM → pomalidomide', 'POM → pomalidomide']);
  });

  it('a list after other notes: "Data are n (%). ABBREVIATIONS: POM, pomalidomide; CR, complete response."', () => {
    expect(
      only(
        annotatedOn(
          'Data are n (%). ABBREVIATIONS: POM, pomalidomide; CR, complete response.',
          'POM was given.',
        ),
        'POM',
      ),
    ).toHaveLength(2);
  });

  it('three pairs or more are a list without the heading', () => {
    expect(
      only(
        annotatedOn('AE, adverse event; POM, pomalidomide; CR, complete response', 'POM was given.'),
        'POM',
      ),
    ).toHaveLength(2);
  });

  it("a list's pairs may have a colon or a dash between the letters and the words", () => {
    const colons =
      'Abbreviations: CAR: chimeric antigen receptor; NK: natural killer; CR: complete response.';
    expect(only(annotatedOn(colons, 'The CAR binds.'), 'CAR')).toHaveLength(2);
    const dashes =
      'Abbreviations: CAR – chimeric antigen receptor; IL-6 - interleukin 6; NK - natural killer.';
    expect(only(annotatedOn(dashes, 'The NK count and the CAR.'), 'NK')).toEqual([
      'NK → natural-killer-cells',
      'NK → natural-killer-cells',
    ]);
    // Without the heading, a colon is prose: "CAR: chimeric antigen receptor" alone defines nothing.
    expect(
      only(annotatedOn('Note: CAR: chimeric antigen receptor; CR: none.', 'The CAR binds.'), 'CAR'),
    ).toEqual([]);
  });

  it('a list headed "Abbreviation:" may hold a single pair', () => {
    expect(
      only(annotatedOn('Abbreviation: CAR, chimeric antigen receptor.', 'The CAR binds.'), 'CAR'),
    ).toHaveLength(2);
  });

  it('one pair with a comma is prose: "POM, pomalidomide and others"', () => {
    expect(only(annotatedOn('POM, pomalidomide and others were given.', 'POM was given.'), 'POM')).toEqual(
      [],
    );
  });

  it('"=" pairs anywhere, as in a legend: "CAR = chimeric antigen receptor; CNS = central nervous system"', () => {
    expect(
      only(
        annotatedOn('CAR = chimeric antigen receptor; CNS = central nervous system.', 'The CAR binds.'),
        'CAR',
      ),
    ).toEqual(['CAR → car-t-cell-therapy', 'CAR → car-t-cell-therapy']);
  });

  it('a legend after a sentence in the same note: "Values are medians. CAR = chimeric antigen receptor."', () => {
    expect(
      only(
        annotatedOn('Values are medians (range). CAR = chimeric antigen receptor.', 'The CAR binds.'),
        'CAR',
      ),
    ).toEqual(['CAR → car-t-cell-therapy', 'CAR → car-t-cell-therapy']);
    expect(
      only(annotatedOn('Note: CAR = chimeric antigen receptor; n = 40.', 'The CAR binds.'), 'CAR'),
    ).toHaveLength(2);
  });

  it('a sentence before "=" is no short form: "The model. Its CAR = the cost"', () => {
    expect(
      only(annotatedOn('Hire purchase. Your CAR = chimeric antigen receptor.', 'The CAR binds.'), 'CAR'),
    ).toEqual([]);
    expect(only(annotatedOn('It was set. AML = anti-money laundering.', 'AML rules apply.'), 'AML')).toEqual(
      [],
    );
  });

  it('a legend whose pairs are separated by commas: "CAR = chimeric antigen receptor, NHL = non-Hodgkin lymphoma"', () => {
    // Read whole, CAR's long form ran into the next pair, a meaning outside the glossary that ruled CAR out.
    const legend = 'Abbreviations: CAR = chimeric antigen receptor, NHL = non-Hodgkin lymphoma.';
    expect(only(annotatedOn(legend, 'The CAR binds.'), 'CAR')).toEqual([
      'CAR → car-t-cell-therapy',
      'CAR → car-t-cell-therapy',
    ]);
    expect(
      only(annotatedOn('AML = anti-money laundering, KYC = know your customer.', 'AML rules.'), 'AML'),
    ).toEqual([]);
  });

  it('a listed meaning outside the glossary rules the letters out: "AML = anti-money laundering"', () => {
    expect(
      only(annotatedOn('AML = anti-money laundering; KYC = know your customer.', 'AML rules.'), 'AML'),
    ).toEqual([]);
  });

  it('figures are no definitions: "HR = 0.75; MM = 4.5 mm"', () => {
    // Read as a definition, "MM = 4.5 mm" would rule MM out on this page.
    expect(
      only(annotatedOn('HR = 0.75; MM = 4.5 mm; n = 40.', 'In multiple myeloma, MM relapses.'), 'MM'),
    ).toHaveLength(2);
  });
});

describe('definitions in text with letters beyond ASCII', () => {
  it('"Für die Ärzte: LEN (lenalidomide)": a short form before the bracket, after accented words', () => {
    expect(
      only(annotatedOn('Für die Ärzte: LEN (lenalidomide) wirkt.', 'Später wurde LEN abgesetzt.'), 'LEN'),
    ).toEqual(['LEN → lenalidomide', 'LEN → lenalidomide']);
  });

  it('dashes, symbols and curly apostrophes beside a definition do not hide it', () => {
    expect(
      only(annotatedOn('Dosing – LEN (lenalidomide) ≥ 2 cycles.', 'LEN’s effect lasted.'), 'LEN'),
    ).toEqual(['LEN → lenalidomide', 'LEN → lenalidomide']);
    expect(only(annotatedOn('In multiple myeloma (MM) – the PDQ® summary –, MM relapses.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
    ]);
  });
});

describe('other meanings of the same letters get nothing', () => {
  it('NK in North Korea', () => {
    expect(annotatedOn('Talks with NK stalled; NK officials left.')).toEqual([]);
  });

  it('NK defined as North Korea, even next to the long form of natural killer cells', () => {
    expect(
      only(annotatedOn('North Korea (NK) news.', 'natural killer cells exist. NK said no.'), 'NK'),
    ).toEqual([]);
  });

  it('AML as anti-money laundering', () => {
    expect(annotatedOn('Banks follow anti-money laundering (AML) rules. AML checks apply.')).toEqual([]);
    // The other way round, even on a page that also names acute myeloid leukemia.
    expect(
      only(
        annotatedOn('AML (anti-money laundering) rules.', 'In acute myeloid leukemia, AML relapses.'),
        'AML',
      ),
    ).toEqual([]);
  });

  it('MCL as a knee ligament', () => {
    expect(annotatedOn('He tore his MCL skiing; the MCL heals slowly.')).toEqual([]);
  });

  it("Excel's LEN function", () => {
    expect(annotatedOn('Use =LEN(A1) to count characters; LEN returns a number.')).toEqual([]);
  });

  it('tyre sizes in mm', () => {
    expect(annotatedOn('Fits 205/55 R16 tyres, tread depth 8 mm, width 205 MM.')).toEqual([]);
  });
});

describe('author initials and date placeholders, even on a myeloma page', () => {
  const myelomaPage = 'Treatment of multiple myeloma (MM) has changed.';

  it('author initials in a reference list: "Smith MM, Jones AB"', () => {
    expect(
      only(annotatedOn(myelomaPage, 'Smith MM, Jones AB, Lee C: Outcomes in myeloma. Blood 2019.'), 'MM'),
    ).toEqual(['MM → multiple-myeloma']);
  });

  it('a single author with a year: "Kumar MM. Title. 2020"', () => {
    expect(only(annotatedOn(myelomaPage, 'Kumar MM. Long-term results. Lancet 2020;3:1-9.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
  });

  it('a run-in heading or a title ending in MM is no author: "Extramedullary MM.", "High-Risk Smoldering MM."', () => {
    expect(
      only(
        annotatedOn(
          myelomaPage,
          'Extramedullary MM. About 7% of patients have soft-tissue disease (data from 2018).',
          'Extramedullary MM. About 7% of patients present at Stage III — the most advanced stage.',
          'Extramedullary MM. About 7% of patients had it in March 2018.',
          'Extramedullary MM. About 7% of patients had it by June 5, 2018.',
          'Smoldering MM. These data were presented at ASH 2019.',
          'Smoldering MM. First shown at ASCO 2021, since 2015, 2019.',
          'Lenalidomide for High-Risk Smoldering MM. N Engl J Med. 2020;382:1234-45.',
        ),
        'MM',
      ),
    ).toEqual(Array(8).fill('MM → multiple-myeloma'));
    // A single author's reference, numbered or in a list, with its year cited, stays initials.
    expect(
      only(
        annotatedOn(
          myelomaPage,
          '12. Kumar MM. Long-term results. Blood. 2019 Mar 3;133:1-9.',
          'van der Berg MM. Outcomes. Lancet 2020;3:1-9.',
          'Kumar MM. Myeloma: a practical guide. London: Springer; 2019.',
          'Kumar MM. Myeloma in older adults. Blood 2021.',
        ),
        'MM',
      ),
    ).toEqual(['MM → multiple-myeloma']);
  });

  it('initials followed by et al', () => {
    expect(only(annotatedOn(myelomaPage, 'Rajkumar MM et al.: Updated criteria.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
  });

  it('date placeholders: MM/DD/YYYY, DD-MM-YYYY, HH:MM', () => {
    expect(only(annotatedOn(myelomaPage, 'Born (MM/DD/YYYY), seen DD-MM-YYYY at HH:MM.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
  });

  it('a unit after a number: "a 16 MM bolt"', () => {
    expect(only(annotatedOn(myelomaPage, 'Use a 16 MM bolt or a 16MM one.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
  });

  it('a count after a number, on a page that uses the long form: "120 MM patients", "1,024 MM cases"', () => {
    expect(
      only(annotatedOn(myelomaPage, 'We saw 120 MM patients and 1,024 MM cases; a 16 MM bolt.'), 'MM'),
    ).toEqual(['MM → multiple-myeloma', 'MM → multiple-myeloma', 'MM → multiple-myeloma']);
    // Sizes stay sizes; without the long form, no count either.
    expect(only(annotatedOn(myelomaPage, 'Tyres 195/65 R15 MM patients like.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
    expect(only(annotatedOn('Multiple myeloma is rare.', 'We saw 120 MM patients.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
    expect(only(annotatedOn('We saw 120 MM patients.'), 'MM')).toEqual([]);
  });

  it('samples and cell lines counted, and a year before the letters: "8 MM cell lines", "In 2020 MM…"', () => {
    expect(
      only(
        annotatedOn(
          myelomaPage,
          'We grew 8 MM cell lines from 40 MM samples. In 2020 MM accounted for more.',
        ),
        'MM',
      ),
    ).toEqual([
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
    ]);
    // A number of four digits is not always a year: "a 2020 MM sheet" is a size.
    expect(only(annotatedOn(myelomaPage, 'Cut a 2020 MM sheet.'), 'MM')).toEqual(['MM → multiple-myeloma']);
  });

  it('letters that are an English word, in text in capitals: "BY CAR", "A CAR"; not "MM AND AML", "TREATMENT OF NHL"', () => {
    const page = [
      'Chimeric antigen receptor (CAR) T-cell therapy and non-Hodgkin lymphoma (NHL).',
      'Multiple myeloma (MM) and acute myeloid leukemia (AML).',
    ];
    expect(annotatedOn(...page, 'GETTING TO HOSPITAL BY CAR', 'FIND A CAR NEAR YOU')).toEqual(
      annotatedOn(...page),
    );
    expect(
      only(annotatedOn(...page, 'MM AND AML: TREATMENT OF NHL'), 'MM')
        .concat(only(annotatedOn(...page, 'MM AND AML: TREATMENT OF NHL'), 'AML'))
        .concat(only(annotatedOn(...page, 'MM AND AML: TREATMENT OF NHL'), 'NHL')),
    ).toEqual([
      'MM → multiple-myeloma',
      'MM → multiple-myeloma',
      'AML → acute-myeloid-leukemia',
      'AML → acute-myeloid-leukemia',
      'NHL → non-hodgkin-lymphoma',
      'NHL → non-hodgkin-lymphoma',
    ]);
  });

  it('a term cut from a hyphenated word: "CAR T-shirts" is no CAR T, and makes no page about cancer', () => {
    const cancerPage = (...paragraphs: string[]) =>
      annotatedWith(matcher, paragraphs, new Set(['car-t-cell-therapy']), new Set(['relapse']));
    expect(cancerPage('CLASSIC CAR T-SHIRTS', 'Our CAR T-shirts and CAR T‑shirts.', 'No relapse.')).toEqual(
      [],
    );
    // Nor is it the long form an ambiguous CAR needs.
    expect(cancerPage('CAR T-shirts for a rental CAR.')).toEqual([]);
    expect(cancerPage('CAR T and CAR T-cell therapy; a relapse.', 'CAR T again.')).toEqual([
      'CAR T → car-t-cell-therapy',
      'CAR T-cell therapy → car-t-cell-therapy',
      'relapse → relapse',
      'CAR T → car-t-cell-therapy',
    ]);
  });

  it('a gene or protein named with a number: "MCL-1", not "MCL cells"', () => {
    const page = 'In mantle cell lymphoma (MCL), MCL-1 upregulation protects MCL cells.';
    expect(only(annotatedOn(page), 'MCL')).toEqual([
      'MCL → mantle-cell-lymphoma',
      'MCL → mantle-cell-lymphoma',
    ]);
  });

  it('author initials after surnames with accents and other scripts: "Müller MM, Øvrebø AB"', () => {
    expect(
      only(
        annotatedOn(myelomaPage, 'Müller MM, Øvrebø AB, Çelik C: Ergebnisse beim Myelom. Blood 2019.'),
        'MM',
      ),
    ).toEqual(['MM → multiple-myeloma']);
  });

  it('author initials in a reference list with dashes and curly apostrophes: "O’Brien MM, Smith AB – Blood"', () => {
    expect(only(annotatedOn(myelomaPage, 'O’Brien MM, Smith AB: Outcomes – Blood® 2019.'), 'MM')).toEqual([
      'MM → multiple-myeloma',
    ]);
    expect(
      only(annotatedOn(myelomaPage, 'Smith MM, Jones AB — outcomes in myeloma. Blood 2019.'), 'MM'),
    ).toEqual(['MM → multiple-myeloma']);
  });

  it('keeps MM in ordinary sentences that start with a capital word', () => {
    expect(
      only(annotatedOn(myelomaPage, 'Relapsed MM, however, responds. In MM, cells grow.'), 'MM'),
    ).toEqual(['MM → multiple-myeloma', 'MM → multiple-myeloma', 'MM → multiple-myeloma']);
  });
});

describe('record reports evidence that changes earlier decisions', () => {
  it('a long form arriving after a refused abbreviation', () => {
    const evidence = new PageEvidence(matcher);
    const first = 'MM is treatable.';
    const firstMatches = matcher.findMatches(first);
    expect(evidence.record(first, firstMatches)).toBe(false);
    expect(evidence.resolve(first, firstMatches[0]!)).toBeNull();
    const later = 'Multiple myeloma is a blood cancer.';
    expect(evidence.record(later, matcher.findMatches(later))).toBe(true);
    expect(evidence.resolve(first, firstMatches[0]!)).toBe('multiple-myeloma');
  });

  it("a short form's shape: up to ten characters, a second token of up to four, a capital, not all digits", () => {
    const defined = (text: string) => {
      const evidence = new PageEvidence(matcher);
      evidence.record(text, matcher.findMatches(text));
      return evidence.localForms().map((f) => f.text);
    };
    expect(defined('pomalidomide (POMALIDOMI)')).toEqual(['POMALIDOMI']);
    expect(defined('pomalidomide (POMALIDOMID)')).toEqual([]);
    expect(defined("pomalidomide (Po-M'a D)")).toEqual(["Po M'a D"]); // keyed as the matcher folds it;
    expect(defined('pomalidomide (POM DMID)')).toEqual(['POM DMID']);
    expect(defined('pomalidomide (POM DMIDE)')).toEqual([]);
    expect(defined('pomalidomide (pom)')).toEqual([]);
    expect(defined('pomalidomide (12)')).toEqual([]);
  });

  it('a new page-local abbreviation', () => {
    const evidence = new PageEvidence(matcher);
    const text = 'pomalidomide (POM)';
    expect(evidence.record(text, matcher.findMatches(text))).toBe(true);
    expect(evidence.localForms().map((f) => [f.text, f.entryId])).toEqual([['POM', 'pomalidomide']]);
  });
});

describe('what the page says an abbreviation stands for', () => {
  /** The evidence of a page made of these paragraphs. */
  function evidenceOf(...paragraphs: string[]): PageEvidence {
    const evidence = new PageEvidence(matcher);
    for (const text of paragraphs) evidence.record(text, matcher.findMatches(text));
    return evidence;
  }

  it('the long form as the page writes it, either way round and in a list', () => {
    const evidence = evidenceOf(
      'Patients with Multiple Myeloma (MM) received LEN (lenalidomide).',
      'Abbreviations: POM, pomalidomide; AE, adverse event.',
    );
    expect(evidence.spelledOutAs('MM', 'multiple-myeloma')).toBe('Multiple Myeloma');
    expect(evidence.spelledOutAs('LEN', 'lenalidomide')).toBe('lenalidomide');
    expect(evidence.spelledOutAs('POM', 'pomalidomide')).toBe('pomalidomide');
  });

  it('a long form the glossary term heads, its white space made single spaces', () => {
    const evidence = evidenceOf(
      'in newly\n  diagnosed multiple myeloma (NDMM) and RRMM (relapsed/refractory multiple myeloma)',
    );
    expect(evidence.spelledOutAs('NDMM', 'multiple-myeloma')).toBe('newly diagnosed multiple myeloma');
    expect(evidence.spelledOutAs('RRMM', 'multiple-myeloma')).toBe('relapsed/refractory multiple myeloma');
  });

  it('a headed long form with hyphenated words read whole, and capitals that give several letters', () => {
    const evidence = evidenceOf(
      'In T-cell acute myeloid leukemia (T-AML) and after EBV-specific cytotoxic T lymphocytes (EBV-CTLs).',
    );
    expect(evidence.spelledOutAs('T-AML', 'acute-myeloid-leukemia')).toBe('T-cell acute myeloid leukemia');
    expect(evidence.spelledOutAs('EBV-CTLs', 't-cells')).toBe('EBV-specific cytotoxic T lymphocytes');
    // Read apart at hyphens first: "high-dose" gives H and D.
    expect(evidenceOf('high-dose lymphoma (HDL)').spelledOutAs('HDL', 'lymphoma')).toBe('high-dose lymphoma');
    // Capitals must be the short form's next letters, and every word must give one.
    expect(evidenceOf('EBV-specific cytotoxic T lymphocytes (EBC-CTLs)').definedAbbreviations()).toEqual([]);
    expect(evidenceOf('T-cell rare acute myeloid leukemia (T-AML)').definedAbbreviations()).toEqual([]);
  });

  it('a long form that begins a glossary form, and the plural of the short form', () => {
    const evidence = evidenceOf('natural killer (NK) cells and chimeric antigen receptors (CARs)');
    expect(evidence.spelledOutAs('NK', 'natural-killer-cells')).toBe('natural killer');
    expect(evidence.spelledOutAs('CAR', 'car-t-cell-therapy')).toBe('chimeric antigen receptors');
  });

  it('nothing for letters the page does not define, or defines as something else', () => {
    const evidence = evidenceOf('North Korea (NK) and multiple myeloma; later MM and LEN.');
    expect(evidence.spelledOutAs('NK', 'natural-killer-cells')).toBeNull();
    expect(evidence.spelledOutAs('MM', 'multiple-myeloma')).toBeNull();
    expect(evidence.spelledOutAs('LEN', 'lenalidomide')).toBeNull();
  });

  it("the first of two definitions of the same letters, only for that definition's entry", () => {
    const evidence = evidenceOf(
      'multiple myeloma (MM)',
      'smouldering multiple myeloma (SMM) and myeloma (MM)',
    );
    expect(evidence.spelledOutAs('MM', 'multiple-myeloma')).toBe('multiple myeloma');
    expect(evidence.spelledOutAs('MM', 'myeloma')).toBeNull();
  });

  it('every abbreviation defined as an entry, once each (its plural too), in the order the page defines them', () => {
    const evidence = evidenceOf(
      'in newly diagnosed multiple myeloma (NDMM) and North Korea (NK)',
      'Abbreviations: POM, pomalidomide; MM, multiple myeloma; AE, adverse event.',
      'NDMM (newly diagnosed myeloma); pomalidomide (POMs)',
    );
    expect(evidence.definedAbbreviations()).toEqual([
      { shortForm: 'NDMM', entryId: 'multiple-myeloma', longForm: 'newly diagnosed multiple myeloma' },
      { shortForm: 'POM', entryId: 'pomalidomide', longForm: 'pomalidomide' },
      { shortForm: 'MM', entryId: 'multiple-myeloma', longForm: 'multiple myeloma' },
    ]);
  });
});
