import type { FormKind, FullGlossary, GlossaryEntry, GlossarySource } from '../../../src/glossary/compiled-glossary';

// A small hand-made glossary (written for these tests) so search and view tests do not move when the real
// glossary grows. tests/unit/popup/real-glossary-search.test.ts checks the same queries on the real one.

type FormSpec = string | [text: string, kind: FormKind];

function entry(
  spec: Omit<GlossaryEntry, 'cancerSpecific' | 'cancerPagesOnly' | 'forms' | 'otherSenses' | 'expert' | 'full' | 'related' | 'sources'> & {
    forms?: FormSpec[];
    expert?: string;
    full?: string;
    related?: string[];
    sources?: GlossaryEntry['sources'];
  },
): GlossaryEntry {
  const forms = [spec.name.toLowerCase(), ...(spec.forms ?? [])].map((f) => {
    const [text, kind] = typeof f === 'string' ? [f, 'name' as FormKind] : f;
    return { text, kind, caseSensitive: kind === 'abbreviation', ambiguous: false };
  });
  return {
    id: spec.id,
    name: spec.name,
    category: spec.category,
    cancerSpecific: false,
    cancerPagesOnly: false,
    forms: forms.filter((f, i) => forms.findIndex((g) => g.text === f.text) === i),
    otherSenses: [],
    plain: spec.plain,
    expert: spec.expert ?? `${spec.name} in technical terms.`,
    full: spec.full ?? `${spec.plain}\n\nA second paragraph about ${spec.name.toLowerCase()}.`,
    related: spec.related ?? [],
    sources: spec.sources ?? [{ source: 'review', locator: 'ABSTRACT' }],
  };
}

const sources: GlossarySource[] = [
  {
    id: 'review',
    title: 'A Review of Lenalidomide in Myeloma',
    shortTitle: 'Myeloma review',
    kind: 'peer-reviewed-review',
    year: 2023,
    publisher: 'MDPI',
    journal: 'Cancers',
    identifiers: { pmc: 'PMC9913106', pubmed: '36765919', doi: '10.3390/cancers15030963' },
    trust: 'high',
    trustNote: 'A peer-reviewed review in a scientific journal.',
    seedFile: 'review.txt',
    headings: ['SIMPLE SUMMARY', 'ABSTRACT'],
  },
  {
    id: 'blog',
    title: 'A blog post about systemic treatment',
    shortTitle: 'Treatment blog',
    kind: 'commercial-blog',
    trust: 'low',
    trustNote: 'A commercial blog without references.',
    seedFile: 'blog.txt',
    headings: ['How Does Lenalidomide Work?'],
  },
];

const entries: GlossaryEntry[] = [
  entry({
    id: 'angiogenesis',
    name: 'Angiogenesis',
    category: 'biological-process',
    forms: [['anti-angiogenic', 'variant'], ['antiangiogenic', 'variant']],
    plain: 'The growth of new blood vessels, which a tumor needs to get food and oxygen.',
    related: ['lenalidomide'],
  }),
  entry({
    id: 'bone-marrow',
    name: 'Bone marrow',
    category: 'cell-or-tissue',
    plain: 'The soft tissue inside bones where new blood cells are made.',
  }),
  entry({
    id: 'hematologic-malignancy',
    name: 'Hematologic malignancy',
    category: 'disease',
    forms: [['blood cancer', 'synonym'], ['haematological malignancy', 'variant']],
    plain: 'Cancer of the blood, bone marrow or lymph nodes, such as leukemia, lymphoma or myeloma.',
  }),
  entry({
    id: 'immunomodulatory-drugs',
    name: 'Immunomodulatory drugs',
    category: 'drug-class',
    forms: [['IMiD', 'abbreviation'], ['IMiDs', 'abbreviation'], ['immunomodulatory drug', 'variant']],
    plain: 'Medicines that change how the immune system works, used against myeloma.',
    related: ['lenalidomide', 'thalidomide'],
  }),
  entry({
    id: 'lenalidomide',
    name: 'Lenalidomide',
    category: 'drug',
    forms: [['Revlimid', 'brand'], ['CC-5013', 'code'], ['LEN', 'abbreviation']],
    plain: 'A cancer drug taken by mouth that helps the immune system attack cancer cells.',
    expert: 'An oral immunomodulatory drug that binds cereblon.',
    full: 'Lenalidomide is a newer relative of thalidomide.\n\nIt is used in myeloma and some lymphomas.',
    related: ['thalidomide', 'immunomodulatory-drugs', 'angiogenesis'],
    sources: [
      { source: 'review', locator: 'ABSTRACT' },
      { source: 'blog', locator: 'How Does Lenalidomide Work?' },
    ],
  }),
  entry({
    id: 'lymphoma',
    name: 'Lymphoma',
    category: 'disease',
    plain: 'Cancer that starts in white blood cells of the lymph system.',
  }),
  entry({
    id: 'metastasis',
    name: 'Metastasis',
    category: 'biological-process',
    forms: [['metastases', 'variant'], ['metastatic', 'variant']],
    plain: 'The spread of cancer from where it started to other parts of the body.',
  }),
  entry({
    id: 'multiple-myeloma',
    name: 'Multiple myeloma',
    category: 'disease',
    forms: [['myeloma', 'synonym'], ['MM', 'abbreviation']],
    plain: 'Cancer of plasma cells, the white blood cells in the bone marrow that make antibodies.',
  }),
  entry({
    id: 'non-hodgkin-lymphoma',
    name: 'Non-Hodgkin lymphoma',
    category: 'disease',
    forms: [["non-Hodgkin's lymphoma", 'variant'], ['NHL', 'abbreviation']],
    plain: 'A large group of lymphomas that start in B cells or T cells.',
  }),
  entry({
    id: 'relapse',
    name: 'Relapse',
    category: 'clinical-concept',
    forms: ['relapsed', 'relapses'],
    plain: 'Signs of cancer coming back after a period when it was gone or smaller.',
  }),
  entry({
    id: 'remission',
    name: 'Remission',
    category: 'clinical-concept',
    plain: 'A time when signs of cancer get smaller or go away, after treatment.',
    related: ['relapse'],
  }),
  entry({
    id: 'thalidomide',
    name: 'Thalidomide',
    category: 'drug',
    forms: [['Thalomid', 'brand']],
    plain: 'An old drug, once given for morning sickness, now used to treat myeloma.',
    related: ['lenalidomide'],
  }),
  entry({
    id: 'white-blood-cells',
    name: 'White blood cells',
    category: 'cell-or-tissue',
    forms: ['white blood cell', ['leukocytes', 'synonym']],
    plain: 'Cells of the immune system that fight infection.',
  }),
];

/** The sample glossary, entries sorted by name like the compiled one. */
export const sampleGlossary: FullGlossary = {
  entries: [...entries].sort((a, b) => a.name.localeCompare(b.name)),
  sources,
};
