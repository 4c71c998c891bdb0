import type { ContentGlossary } from '../glossary/compiled-glossary';
import type { PageTerm } from '../messaging/messages';
import { ENTRY_ID_ATTRIBUTE, OCCURRENCE_SELECTOR } from './mark-selectors';

/** The terms annotated in `root`, in page order of their first occurrence, with their occurrence counts. */
export function collectPageTerms(root: ParentNode, glossary: ContentGlossary): PageTerm[] {
  const terms = new Map<string, PageTerm>();
  for (const mark of root.querySelectorAll(OCCURRENCE_SELECTOR)) {
    const entryId = mark.getAttribute(ENTRY_ID_ATTRIBUTE)!;
    const term = terms.get(entryId);
    if (term) term.count++;
    else terms.set(entryId, { entryId, name: glossary.entries[entryId]?.name ?? entryId, count: 1 });
  }
  return [...terms.values()];
}
