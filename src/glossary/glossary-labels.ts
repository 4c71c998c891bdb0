import type { EntryCategory, FormKind, SourceKind, TrustLevel } from '../glossary/compiled-glossary';

/** Reader-facing names of the glossary's enumerations. */
export const CATEGORY_LABELS: Record<EntryCategory, string> = {
  drug: 'Drug',
  'drug-class': 'Drug class',
  disease: 'Disease',
  'cell-or-tissue': 'Cell or tissue',
  molecule: 'Molecule',
  'biological-process': 'Biological process',
  treatment: 'Treatment',
  'clinical-concept': 'Clinical concept',
};

/** How a surface form relates to its entry, as a heading for a list of forms ("Brand names: Revlimid"). */
export const FORM_KIND_LABELS: Record<FormKind, { one: string; many: string }> = {
  name: { one: 'Also written', many: 'Also written' },
  synonym: { one: 'Also called', many: 'Also called' },
  abbreviation: { one: 'Abbreviation', many: 'Abbreviations' },
  variant: { one: 'Also written', many: 'Also written' },
  brand: { one: 'Brand name', many: 'Brand names' },
  code: { one: 'Code name', many: 'Code names' },
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  'peer-reviewed-review': 'Peer-reviewed review',
  'general-audience-article': 'General-audience article',
  'commercial-blog': 'Commercial blog',
};

export const TRUST_LABELS: Record<TrustLevel, string> = {
  high: 'High trust',
  medium: 'Medium trust',
  low: 'Low trust',
};
