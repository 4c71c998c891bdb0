import type { ContentGlossary, TrustLevel } from '../glossary/compiled-glossary';
import { CATEGORY_LABELS, TRUST_LABELS } from '../glossary/glossary-labels';
import { citedSources, findContentEntry } from '../glossary/find-entry';
import type { ReadingLevel } from '../settings/settings-items';

export const NOTICE_TEXT = 'Educational, not medical advice.';

/** Everything the tooltip shows for one entry, as plain strings (they are only ever set with textContent). */
export interface TooltipContent {
  entryId: string;
  name: string;
  category: string;
  /** Which text `definition` is, so the tooltip can say when it shows the expert note. */
  level: ReadingLevel;
  definition: string;
  /**
   * What the page says the occurrence stands for, when it is an abbreviation the page defines ("On this page,
   * ALL stands for “acute lymphoblastic leukemia”."); null otherwise.
   */
  onPage: string | null;
  /** One line per cited source (each source once, in the entry's order): "Short title · high trust". */
  sources: { text: string; trust: TrustLevel }[];
  notice: string;
}

/** An abbreviation as the page defines it: the short form hovered, the long form the page gives it. */
export interface PageDefinition {
  shortForm: string;
  longForm: string;
}

/**
 * What the tooltip shows for an entry at the reader's level, with what the page says the occurrence stands for
 * when it defines it; undefined for an id the glossary does not know.
 */
export function tooltipContent(
  glossary: ContentGlossary,
  entryId: string,
  level: ReadingLevel,
  defined: PageDefinition | null = null,
): TooltipContent | undefined {
  const entry = findContentEntry(glossary, entryId);
  if (!entry) return undefined;
  // An entry may cite two sections of one source; the reader needs the source once.
  const seen = new Set<string>();
  const sources = citedSources(glossary, entry).flatMap(({ source }) => {
    if (seen.has(source.id)) return [];
    seen.add(source.id);
    // Lower case: the label follows the title mid-line ("Cancers review · high trust").
    return [
      { text: `${source.shortTitle} · ${TRUST_LABELS[source.trust].toLowerCase()}`, trust: source.trust },
    ];
  });
  return {
    entryId: entry.id,
    name: entry.name,
    category: CATEGORY_LABELS[entry.category],
    level,
    definition: level === 'expert' ? entry.expert : entry.plain,
    onPage: defined ? `On this page, ${defined.shortForm} stands for “${defined.longForm}”.` : null,
    sources,
    notice: NOTICE_TEXT,
  };
}
