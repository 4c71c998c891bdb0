// @vitest-environment node
/** Every concept issue 3 asks for has an entry, with the forms (abbreviations, variants, brands) it names. */
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/build/glossary-vite-plugin';
import { normalizeSurfaceForm } from '../../../src/matching/normalize-surface-form';
import { glossaryDir } from './glossary-fixtures';

/** The list, concept by concept, with the entry id that covers it. */
const REQUIRED: [concept: string, entryId: string][] = [
  ['lenalidomide', 'lenalidomide'],
  ['thalidomide', 'thalidomide'],
  ['pomalidomide', 'pomalidomide'],
  ['immunomodulatory drugs (IMiDs)', 'immunomodulatory-drugs'],
  ['dexamethasone', 'dexamethasone'],
  ['rituximab', 'rituximab'],
  ['bortezomib', 'bortezomib'],
  ['B-cell receptor signaling inhibitors', 'b-cell-receptor-signaling-inhibitors'],
  ['monoclonal antibodies', 'monoclonal-antibodies'],
  ['checkpoint inhibitors', 'checkpoint-inhibitors'],
  ['immune checkpoint proteins', 'immune-checkpoint-proteins'],
  ['interferons', 'interferons'],
  ['cytokines', 'cytokines'],
  ['systemic therapy', 'systemic-therapy'],
  ['chemotherapy', 'chemotherapy'],
  ['hormonal therapy', 'hormonal-therapy'],
  ['immunotherapy', 'immunotherapy'],
  ['targeted therapy', 'targeted-therapy'],
  ['CAR T-cell therapy', 'car-t-cell-therapy'],
  ['cell-based therapy', 'cell-based-therapy'],
  ['stem cell transplant', 'stem-cell-transplant'],
  ['radiation therapy', 'radiation-therapy'],
  ['maintenance therapy', 'maintenance-therapy'],
  ['combination therapy', 'combination-therapy'],
  ['first-line therapy', 'first-line-therapy'],
  ['precision (personalized) medicine', 'precision-medicine'],
  ['clinical trial', 'clinical-trial'],
  ['multiple myeloma', 'multiple-myeloma'],
  ['myelodysplastic syndromes', 'myelodysplastic-syndromes'],
  ['mantle cell lymphoma', 'mantle-cell-lymphoma'],
  ['lymphoma', 'lymphoma'],
  ['non-Hodgkin lymphoma', 'non-hodgkin-lymphoma'],
  ['B-cell lymphoma', 'b-cell-lymphoma'],
  ['indolent lymphoma', 'indolent-lymphoma'],
  ['aggressive lymphoma', 'aggressive-lymphoma'],
  ['leukemia', 'leukemia'],
  ['acute myeloid leukemia', 'acute-myeloid-leukemia'],
  ['mesothelioma', 'mesothelioma'],
  ['hematologic malignancy (blood cancer)', 'hematologic-malignancy'],
  ['plasma cells', 'plasma-cells'],
  ['white blood cells', 'white-blood-cells'],
  ['bone marrow', 'bone-marrow'],
  ['lymphatic system', 'lymphatic-system'],
  ['immune system', 'immune-system'],
  ['T cells', 't-cells'],
  ['NK (natural killer) cells', 'nk-cells'],
  ['B cells', 'b-cells'],
  ['dendritic cells', 'dendritic-cells'],
  ['tumor microenvironment', 'tumor-microenvironment'],
  ['angiogenesis', 'angiogenesis'],
  ['anti-angiogenic', 'anti-angiogenic'],
  ['metastasis', 'metastasis'],
  ['cereblon', 'cereblon'],
  ['E3 ubiquitin ligase', 'e3-ubiquitin-ligase'],
  ['IRF4 (interferon regulatory factor 4)', 'irf4'],
  ['antibody-dependent cellular cytotoxicity (ADCC)', 'antibody-dependent-cellular-cytotoxicity'],
  ['inflammation', 'inflammation'],
  ['asbestos', 'asbestos'],
  ['remission', 'remission'],
  ['relapse', 'relapse'],
  ['refractory disease', 'refractory-disease'],
  ['drug resistance', 'drug-resistance'],
  ['synergy (synergistic effect)', 'synergy'],
  ['antineoplastic', 'antineoplastic'],
];

/** Page texts the issue names explicitly, and the entry each must lead to. */
const REQUIRED_FORMS: [text: string, entryId: string][] = [
  ['IMiDs', 'immunomodulatory-drugs'],
  ['Revlimid', 'lenalidomide'],
  ['CC-5013', 'lenalidomide'],
  ['LEN', 'lenalidomide'],
  ['Thalomid', 'thalidomide'],
  ['Pomalyst', 'pomalidomide'],
  ['Rituxan', 'rituximab'],
  ['Velcade', 'bortezomib'],
  ['MM', 'multiple-myeloma'],
  ['MDS', 'myelodysplastic-syndromes'],
  ['NK', 'nk-cells'],
  ['natural killer cells', 'nk-cells'],
  ['AML', 'acute-myeloid-leukemia'],
  ['MCL', 'mantle-cell-lymphoma'],
  ['NHL', 'non-hodgkin-lymphoma'],
  ['non-Hodgkin lymphoma', 'non-hodgkin-lymphoma'],
  ['non-Hodgkin’s lymphoma', 'non-hodgkin-lymphoma'],
  ['CAR T', 'car-t-cell-therapy'],
  ['CAR-T', 'car-t-cell-therapy'],
  ['CAR T-cell therapy', 'car-t-cell-therapy'],
  ['anti-angiogenic', 'anti-angiogenic'],
  ['antiangiogenic', 'anti-angiogenic'],
  ['ADCC', 'antibody-dependent-cellular-cytotoxicity'],
  ['IRF4', 'irf4'],
  ['personalized medicine', 'precision-medicine'],
  ['blood cancer', 'hematologic-malignancy'],
  ['immune-checkpoint proteins', 'immune-checkpoint-proteins'],
  ['synergistic', 'synergy'],
];

describe('required concepts (issue 3)', () => {
  const { content } = loadGlossary(glossaryDir);

  it.each(REQUIRED)('has an entry for %s', (_concept, id) => {
    expect(content.entries[id], id).toBeDefined();
  });

  it.each(REQUIRED_FORMS)('leads the page text "%s" to its entry', (text, id) => {
    // A form matches when it equals the text after normalization (exact case for case-sensitive forms),
    // allowing the plain plural ending the matcher adds itself.
    const candidates = [text, text.replace(/s$/, '')];
    const match = content.forms.find((f) =>
      candidates.some(
        (c) => normalizeSurfaceForm(f.text, f.caseSensitive) === normalizeSurfaceForm(c, f.caseSensitive),
      ),
    );
    expect(match?.entryId, text).toBe(id);
  });
});
