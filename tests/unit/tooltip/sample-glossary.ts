import type { ContentGlossary } from '../../../src/glossary/compiled-glossary';

/** A hand-made glossary for the tooltip's unit tests: three entries, sources of each trust level. */
export const sampleGlossary: ContentGlossary = {
  entries: {
    lenalidomide: {
      id: 'lenalidomide',
      name: 'Lenalidomide',
      category: 'drug',
      plain: 'A cancer medicine taken by mouth.',
      expert: 'A thalidomide-derived immunomodulatory drug that acts through cereblon.',
      sources: [
        { sourceId: 'myeloma-review', locator: 'SIMPLE SUMMARY' },
        { sourceId: 'myeloma-review', locator: 'ABSTRACT' },
        { sourceId: 'drug-blog', locator: 'How Does Lenalidomide Work?' },
      ],
    },
    angiogenesis: {
      id: 'angiogenesis',
      name: 'Angiogenesis',
      category: 'biological-process',
      plain: 'The growth of new blood vessels. Tumors use it to get food and oxygen.',
      expert: 'Formation of new vessels from existing vasculature, driven by VEGF signalling.',
      sources: [{ sourceId: 'immunotherapy-article', locator: 'Types of Immunotherapy' }],
    },
    'car-t-cell-therapy': {
      id: 'car-t-cell-therapy',
      name: 'CAR T-cell therapy',
      category: 'treatment',
      // Entry text is data, never markup: the tooltip must show this literally.
      plain: 'A treatment <img src=x onerror="alert(1)"> that changes your own T cells.',
      expert: 'Autologous T cells engineered to express a chimeric antigen receptor.',
      sources: [],
    },
  },
  forms: [],
  sources: {
    'myeloma-review': {
      id: 'myeloma-review',
      title: 'Lenalidomide in Multiple Myeloma: a review',
      shortTitle: 'Cancers review, 2023',
      kind: 'peer-reviewed-review',
      trust: 'high',
      year: 2023,
    },
    'immunotherapy-article': {
      id: 'immunotherapy-article',
      title: 'Immunotherapy for Multiple Myeloma',
      shortTitle: 'Myeloma immunotherapy article',
      kind: 'general-audience-article',
      trust: 'medium',
    },
    'drug-blog': {
      id: 'drug-blog',
      title: 'A drug treatment that treats cancer throughout the body',
      shortTitle: 'Lenalidomide blog post (commercial)',
      kind: 'commercial-blog',
      trust: 'low',
    },
  },
};
