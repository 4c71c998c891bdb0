/**
 * A small hand-made ContentGlossary for matcher and annotator tests: the shapes of the real one, with the
 * forms the rules are about. Kept independent of glossary/ so these tests state their own cases.
 */
import type { ContentForm, ContentGlossary, FormKind } from '../../../src/glossary/compiled-glossary';

type FormSpec = string | { text: string; kind?: FormKind; caseSensitive?: boolean; ambiguous?: boolean };

const ENTRIES: Record<string, FormSpec[]> = {
  lenalidomide: [
    'lenalidomide',
    { text: 'Revlimid', kind: 'brand' },
    { text: 'CC-5013', kind: 'code' },
    { text: 'LEN', kind: 'abbreviation', ambiguous: true },
  ],
  pomalidomide: ['pomalidomide', { text: 'Pomalyst', kind: 'brand' }],
  'multiple-myeloma': ['multiple myeloma', { text: 'MM', kind: 'abbreviation', ambiguous: true }],
  myeloma: ['myeloma'],
  'immunomodulatory-drugs': ['immunomodulatory drug', { text: 'IMiD', kind: 'abbreviation' }],
  antibody: ['antibody'],
  'monoclonal-antibodies': ['monoclonal antibody', { text: 'mAb', kind: 'abbreviation' }],
  'checkpoint-inhibitors': ['checkpoint inhibitor'],
  cytokines: ['cytokine'],
  metastasis: ['metastasis'],
  'car-t-cell-therapy': [
    'CAR T-cell therapy',
    { text: 'chimeric antigen receptor T-cell therapy', kind: 'synonym' },
    { text: 'CAR T', kind: 'abbreviation' },
    { text: 'CAR', kind: 'abbreviation', ambiguous: true },
  ],
  't-cells': ['T cell', { text: 'T lymphocyte', kind: 'synonym' }],
  'non-hodgkin-lymphoma': [
    'non-Hodgkin lymphoma',
    { text: "non-Hodgkin's lymphoma", kind: 'variant' },
    { text: 'NHL', kind: 'abbreviation', ambiguous: true },
  ],
  lymphoma: ['lymphoma'],
  angiogenesis: ['angiogenesis'],
  'natural-killer-cells': [
    'natural killer cell',
    { text: 'NK cell', kind: 'abbreviation' },
    { text: 'NK', kind: 'abbreviation', ambiguous: true },
  ],
  'acute-myeloid-leukemia': [
    'acute myeloid leukemia',
    { text: 'AML', kind: 'abbreviation', ambiguous: true },
  ],
  'mantle-cell-lymphoma': ['mantle cell lymphoma', { text: 'MCL', kind: 'abbreviation', ambiguous: true }],
  'myelodysplastic-syndromes': [
    'myelodysplastic syndrome',
    { text: 'MDS', kind: 'abbreviation', ambiguous: true },
  ],
  'antibody-dependent-cellular-cytotoxicity': [
    'antibody-dependent cellular cytotoxicity',
    { text: 'ADCC', kind: 'abbreviation' },
  ],
  relapse: ['relapse'],
  remission: ['remission'],
  'stem-cell-transplant': ['stem cell transplant'],
  immunotherapy: ['immunotherapy'],
  tumor: ['tumor', { text: 'tumour', kind: 'variant' }],
};

function toForm(entryId: string, spec: FormSpec, index: number): ContentForm {
  const {
    text,
    kind = index === 0 ? 'name' : 'synonym',
    caseSensitive,
    ambiguous = false,
  } = typeof spec === 'string' ? { text: spec } : spec;
  return { text, entryId, kind, caseSensitive: caseSensitive ?? kind === 'abbreviation', ambiguous };
}

/**
 * The test glossary, or one built from `entries` (entry id → forms; the first form is the name), with the
 * entries of `cancerSpecific` and of `cancerPagesOnly` marked so.
 */
export function makeTestGlossary(
  entries: Record<string, FormSpec[]> = ENTRIES,
  cancerSpecific: readonly string[] = [],
  cancerPagesOnly: readonly string[] = [],
): ContentGlossary {
  const glossary: ContentGlossary = { entries: {}, forms: [], sources: {} };
  for (const [id, specs] of Object.entries(entries)) {
    const forms = specs.map((spec, index) => toForm(id, spec, index));
    glossary.forms.push(...forms);
    glossary.entries[id] = {
      id,
      name: forms[0]!.text,
      category: 'clinical-concept',
      plain: `Plain words about ${forms[0]!.text}.`,
      expert: `Expert words about ${forms[0]!.text}.`,
      sources: [],
      ...(cancerSpecific.includes(id) ? { cancerSpecific: true as const } : {}),
      ...(cancerPagesOnly.includes(id) ? { cancerPagesOnly: true as const } : {}),
    };
  }
  glossary.forms.sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));
  return glossary;
}
