import type { FullGlossary } from '../glossary/compiled-glossary';
import { findFullEntry } from '../glossary/find-entry';
import { el } from './create-element';
import { createGlossaryApp, type AppView, type GlossaryApp } from './glossary-app';
import { renderShell } from './render-shell';
import { parseViewHash, viewHash } from './view-hash';

/** Every entry A–Z, as links: the entry page's home while the search is empty. */
function termIndex(doc: Document, glossary: FullGlossary, open: (entryId: string) => void): HTMLElement {
  const list = el(doc, 'ul', { className: 'term-index' });
  for (const entry of [...glossary.entries].sort((a, b) => a.name.localeCompare(b.name))) {
    const link = el(doc, 'a', { text: entry.name, attrs: { href: viewHash({ kind: 'entry', entryId: entry.id }) } });
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(entry.id);
    });
    list.append(el(doc, 'li', {}, [link]));
  }
  return el(doc, 'section', { className: 'term-index-section', attrs: { 'aria-labelledby': 'term-index-heading' } }, [
    el(doc, 'h2', { text: `All ${glossary.entries.length} terms`, attrs: { id: 'term-index-heading' } }),
    list,
  ]);
}

/**
 * The full-entry page (entry.html): the popup's reading view in a tab, opened by a tooltip's "Full entry" or the
 * context-menu lookup where the popup cannot open. Reads `#entry=<id>` or `#q=<query>` and keeps the URL in step.
 */
export function mountEntryPage(win: Window, root: HTMLElement, glossary: FullGlossary): GlossaryApp {
  const doc = win.document;
  const { body } = renderShell(doc, root);
  const home = termIndex(doc, glossary, (id) => app.openEntry(id));

  function mirror(view: AppView): void {
    const hash = view.kind === 'entry' ? viewHash(view) : view.query ? viewHash({ kind: 'search', query: view.query }) : '';
    if (win.location.hash !== hash) win.history.replaceState(null, '', hash || win.location.pathname);
    const name = view.kind === 'entry' ? findFullEntry(glossary, view.entryId)?.name : undefined;
    doc.title = name ? `${name} — Oncology Glossary` : 'Oncology Glossary';
  }

  const app = createGlossaryApp(doc, body, { glossary, home, onViewChange: mirror });
  const showHash = (): void => app.show(parseViewHash(win.location.hash) ?? { kind: 'search', query: '' });
  showHash();
  win.addEventListener('hashchange', showHash);
  return app;
}
