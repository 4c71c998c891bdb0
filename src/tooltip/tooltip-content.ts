import type { ContentGlossary, EntryCategory, TrustLevel } from '../glossary/compiled-glossary';
import { citedSources, findContentEntry } from '../glossary/find-entry';
import type { ReadingLevel } from '../settings/settings-items';

/** Human labels for the glossary's categories, as the tooltip shows them. */
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

/** Words after a source's title, so the reader weighs it: a review and a commercial blog are not equal. */
export const TRUST_LABELS: Record<TrustLevel, string> = {
  high: 'high trust',
  medium: 'medium trust',
  low: 'low trust',
};

export const NOTICE_TEXT = 'Educational, not medical advice.';

/** Everything the tooltip shows for one entry, as plain strings (they are only ever set with textContent). */
export interface TooltipContent {
  entryId: string;
  name: string;
  category: string;
  /** Which text `definition` is, so the tooltip can say when it shows the expert note. */
  level: ReadingLevel;
  definition: string;
  /** One line per cited source (each source once, in the entry's order): "Short title · high trust". */
  sources: { text: string; trust: TrustLevel }[];
  notice: string;
}

/** What the tooltip shows for an entry at the reader's level; undefined for an id the glossary does not know. */
export function tooltipContent(
  glossary: ContentGlossary,
  entryId: string,
  level: ReadingLevel,
): TooltipContent | undefined {
  const entry = findContentEntry(glossary, entryId);
  if (!entry) return undefined;
  // An entry may cite two sections of one source; the reader needs the source once.
  const seen = new Set<string>();
  const sources = citedSources(glossary, entry).flatMap(({ source }) => {
    if (seen.has(source.id)) return [];
    seen.add(source.id);
    return [{ text: `${source.shortTitle} · ${TRUST_LABELS[source.trust]}`, trust: source.trust }];
  });
  return {
    entryId: entry.id,
    name: entry.name,
    category: CATEGORY_LABELS[entry.category],
    level,
    definition: level === 'expert' ? entry.expert : entry.plain,
    sources,
    notice: NOTICE_TEXT,
  };
}
