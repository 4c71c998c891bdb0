import type { FormKind, FullGlossary, GlossaryEntry, GlossarySource } from '../glossary/compiled-glossary';
import { findFullEntry } from '../glossary/find-entry';
import { el, uniqueId, visuallyHidden } from './create-element';
import { CATEGORY_LABELS, FORM_KIND_LABELS, SOURCE_KIND_LABELS, TRUST_LABELS } from '../glossary/glossary-labels';
import { viewHash } from './view-hash';

export interface EntryViewOptions {
  /** Follows a related-entry link inside the view (the caller keeps the history). */
  onNavigate(entryId: string): void;
  /** The Back button: where it leads ("results", an entry's name), or null on the first view. */
  back: { label: string; onBack(): void } | null;
}

/** Well-known public pages for a source's identifiers. Opened only when the reader clicks; nothing is fetched. */
export function identifierLinks(source: GlossarySource): { label: string; id: string; href: string }[] {
  const ids = source.identifiers ?? {};
  const links: { label: string; id: string; href: string }[] = [];
  if (ids.pmc) links.push({ label: 'PMC', id: ids.pmc, href: `https://pmc.ncbi.nlm.nih.gov/articles/${encodeURIComponent(ids.pmc)}/` });
  if (ids.pubmed) links.push({ label: 'PubMed', id: ids.pubmed, href: `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(ids.pubmed)}/` });
  if (ids.doi) {
    links.push({ label: 'DOI', id: ids.doi, href: `https://doi.org/${ids.doi.split('/').map(encodeURIComponent).join('/')}` });
  }
  return links;
}

/**
 * Paragraphs of a full entry: blocks separated by blank lines (the schema's rule; its own splitParagraphs lives in a
 * module that would bring zod into the popup).
 */
function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => p.length > 0);
}

function section(doc: Document, title: string, className: string, children: Node[]): HTMLElement {
  const headingId = uniqueId('entry-section');
  return el(doc, 'section', { className, attrs: { 'aria-labelledby': headingId } }, [
    el(doc, 'h3', { text: title, attrs: { id: headingId } }),
    ...children,
  ]);
}

/** Surface forms other than the name, grouped by kind: "Brand name: Revlimid", "Code name: CC-5013". */
function formsList(doc: Document, entry: GlossaryEntry): HTMLElement | null {
  const nameKey = entry.name.toLowerCase();
  const groups = new Map<FormKind, string[]>();
  for (const form of entry.forms) {
    if (form.text.toLowerCase() === nameKey) continue;
    // A second "name" form is a spelling of the name: shown with the variants.
    const kind = form.kind === 'name' ? 'variant' : form.kind;
    groups.set(kind, [...(groups.get(kind) ?? []), form.text]);
  }
  if (groups.size === 0) return null;
  const list = el(doc, 'dl', { className: 'entry-forms' });
  for (const [kind, texts] of groups) {
    const labels = FORM_KIND_LABELS[kind];
    list.append(
      el(doc, 'div', {}, [
        el(doc, 'dt', { text: texts.length > 1 ? labels.many : labels.one }),
        el(doc, 'dd', { text: texts.join(', ') }),
      ]),
    );
  }
  return list;
}

/** One cited source: full citation, trust level with its reason, identifiers, and where in it to look. */
export function renderCitation(doc: Document, source: GlossarySource, locators: string[]): HTMLLIElement {
  const meta = [SOURCE_KIND_LABELS[source.kind], source.journal, source.publisher, source.year?.toString()]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  const item = el(doc, 'li', { className: 'citation' }, [
    el(doc, 'cite', { className: 'citation-title', text: source.title }),
    el(doc, 'p', { className: 'citation-meta', text: meta }),
    el(doc, 'p', { className: `citation-trust trust-${source.trust}` }, [
      el(doc, 'strong', { text: TRUST_LABELS[source.trust] }),
      ` — ${source.trustNote}`,
    ]),
  ]);
  const links = identifierLinks(source);
  if (links.length > 0) {
    const ids = el(doc, 'p', { className: 'citation-ids' });
    links.forEach((link, i) => {
      if (i > 0) ids.append(' · ');
      ids.append(
        `${link.label} `,
        el(doc, 'a', { attrs: { href: link.href, target: '_blank', rel: 'noopener noreferrer' } }, [
          link.id,
          visuallyHidden(doc, ' (opens in a new tab)'),
        ]),
      );
    });
    item.append(ids);
  }
  const where = locators.map((l) => `“${l}”`).join(', ');
  item.append(el(doc, 'p', { className: 'citation-locator', text: `${locators.length > 1 ? 'Sections' : 'Section'}: ${where}` }));
  return item;
}

/**
 * The full view of one entry: name, forms, category, plain definition and expert note, the full text, related
 * entries (links that navigate inside the view) and every cited source.
 */
export function renderEntryView(doc: Document, glossary: FullGlossary, entry: GlossaryEntry, options: EntryViewOptions): HTMLElement {
  const titleId = uniqueId('entry-title');
  const article = el(doc, 'article', { className: 'entry', attrs: { 'aria-labelledby': titleId, 'data-entry-id': entry.id } });

  if (options.back) {
    const { label, onBack } = options.back;
    const back = el(doc, 'button', { className: 'back', attrs: { type: 'button' } }, [
      el(doc, 'span', { text: '← ', attrs: { 'aria-hidden': 'true' } }),
      `Back to ${label}`,
    ]);
    back.addEventListener('click', onBack);
    article.append(back);
  }

  const header = el(doc, 'header', { className: 'entry-header' }, [
    el(doc, 'h2', { className: 'entry-name', text: entry.name, attrs: { id: titleId, tabindex: '-1' } }),
    el(doc, 'p', { className: 'entry-category', text: CATEGORY_LABELS[entry.category] }),
  ]);
  const forms = formsList(doc, entry);
  if (forms) header.append(forms);
  article.append(header);

  article.append(
    section(doc, 'In plain words', 'entry-plain', [el(doc, 'p', { text: entry.plain })]),
    section(doc, 'Expert note', 'entry-expert', [el(doc, 'p', { text: entry.expert })]),
    section(doc, 'Full entry', 'entry-full', paragraphs(entry.full).map((p) => el(doc, 'p', { text: p }))),
  );

  const related = entry.related.flatMap((id) => findFullEntry(glossary, id) ?? []);
  if (related.length > 0) {
    const list = el(doc, 'ul', { className: 'entry-related' });
    for (const other of related) {
      // A real link: middle-click opens the entry page in a tab; a plain click stays in this view.
      const link = el(doc, 'a', { text: other.name, attrs: { href: `entry.html${viewHash({ kind: 'entry', entryId: other.id })}` } });
      link.addEventListener('click', (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        options.onNavigate(other.id);
      });
      list.append(el(doc, 'li', {}, [link]));
    }
    article.append(section(doc, 'Related', 'entry-related-section', [list]));
  }

  const bySource = new Map<string, string[]>();
  for (const citation of entry.sources) {
    const locators = bySource.get(citation.source) ?? [];
    if (!locators.includes(citation.locator)) locators.push(citation.locator);
    bySource.set(citation.source, locators);
  }
  const sourceList = el(doc, 'ol', { className: 'entry-sources' });
  for (const [sourceId, locators] of bySource) {
    const source = glossary.sources.find((s) => s.id === sourceId);
    if (source) sourceList.append(renderCitation(doc, source, locators));
  }
  article.append(section(doc, bySource.size > 1 ? 'Sources' : 'Source', 'entry-sources-section', [sourceList]));
  return article;
}
