import type { ContentGlossary } from '../glossary/compiled-glossary';
import { ABBREVIATION_LIMITS, type PageTerm } from '../messaging/messages';
import type { DefinedAbbreviation } from '../matching/page-evidence';

/**
 * The popup's list of the page's terms: each annotated entry with its name, its count and the abbreviations
 * the page defines as it. Page text beyond the message's bounds is left out rather than cut (a hostile page
 * must not make the answer invalid, and half a long form would misquote the page).
 */
export function listPageTerms(
  glossary: ContentGlossary,
  counts: readonly { entryId: string; count: number }[],
  defined: readonly DefinedAbbreviation[],
): PageTerm[] {
  const byEntry = new Map<string, { shortForm: string; longForm: string }[]>();
  for (const { shortForm, entryId, longForm } of defined) {
    if (shortForm.length > ABBREVIATION_LIMITS.shortForm || longForm.length > ABBREVIATION_LIMITS.longForm)
      continue;
    const list = byEntry.get(entryId) ?? [];
    if (list.length < ABBREVIATION_LIMITS.perTerm) list.push({ shortForm, longForm });
    byEntry.set(entryId, list);
  }
  return counts.map(({ entryId, count }) => ({
    entryId,
    name: glossary.entries[entryId]?.name ?? entryId,
    count,
    abbreviations: byEntry.get(entryId) ?? [],
  }));
}
