/** Lookup helpers over the compiled glossary. */
import type {
  ContentEntry,
  ContentGlossary,
  ContentSource,
  FullGlossary,
  GlossaryEntry,
} from './compiled-glossary';

/** The entry with this id in either the compact or the full glossary, or undefined. */
export function findEntry<G extends ContentGlossary | FullGlossary>(
  glossary: G,
  id: string,
): (G extends FullGlossary ? GlossaryEntry : ContentEntry) | undefined {
  const found = Array.isArray(glossary.entries)
    ? findFullEntry(glossary as FullGlossary, id)
    : findContentEntry(glossary as ContentGlossary, id);
  return found as (G extends FullGlossary ? GlossaryEntry : ContentEntry) | undefined;
}

/** The compact entry with this id, or undefined. */
export function findContentEntry(glossary: ContentGlossary, id: string): ContentEntry | undefined {
  return Object.prototype.hasOwnProperty.call(glossary.entries, id) ? glossary.entries[id] : undefined;
}

/** The full entry with this id, or undefined. */
export function findFullEntry(glossary: FullGlossary, id: string): GlossaryEntry | undefined {
  return glossary.entries.find((e) => e.id === id);
}

/** The sources cited by a compact entry, each with its locator (unknown source ids are skipped). */
export function citedSources(
  glossary: ContentGlossary,
  entry: ContentEntry,
): { source: ContentSource; locator: string }[] {
  return entry.sources.flatMap((c) => {
    const source = Object.prototype.hasOwnProperty.call(glossary.sources, c.sourceId)
      ? glossary.sources[c.sourceId]
      : undefined;
    return source ? [{ source, locator: c.locator }] : [];
  });
}

/** Full entries related to the given one, in the order listed (unknown ids are skipped). */
export function relatedEntries(glossary: FullGlossary, entry: GlossaryEntry): GlossaryEntry[] {
  return entry.related.flatMap((id) => {
    const found = findFullEntry(glossary, id);
    return found ? [found] : [];
  });
}
