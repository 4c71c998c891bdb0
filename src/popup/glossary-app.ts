import type { FullGlossary } from '../glossary/compiled-glossary';
import { findFullEntry } from '../glossary/find-entry';
import type { PendingView } from '../settings/settings-items';
import { el } from './create-element';
import { renderEntryView } from './entry-view';
import { createGlossarySearch, type GlossarySearch } from './glossary-search';
import { createSearchCombobox, type SearchCombobox } from './search-combobox';

/** A view of the app: the search (with its query and active result) or one entry. */
export type AppView = { kind: 'search'; query: string; activeIndex: number } | { kind: 'entry'; entryId: string };

export interface GlossaryAppOptions {
  glossary: FullGlossary;
  /** Shown below the field while the query is empty (this page's terms and controls, or the index of terms). */
  home: HTMLElement;
  /** After every view change (the entry page mirrors it in its URL and title). */
  onViewChange?(view: AppView): void;
  /** A search built elsewhere (tests); by default one is built over `glossary`. */
  search?: GlossarySearch;
}

export interface GlossaryApp {
  readonly combobox: SearchCombobox;
  /** The main landmark: home, or an entry. */
  readonly main: HTMLElement;
  readonly view: AppView;
  /** Shows a search or an entry as a fresh start (history cleared), e.g. the pending view or the URL's. */
  show(view: PendingView, focus?: boolean): void;
  /** Opens an entry on top of the current view (Back returns). */
  openEntry(entryId: string): void;
  /** Returns to the previous view; false when there is none. */
  back(): boolean;
  readonly canGoBack: boolean;
}

/**
 * The glossary's reading view, shared by the popup and the entry page: a search combobox over the glossary,
 * and entries that link to each other with a Back button (a history stack).
 */
export function createGlossaryApp(doc: Document, root: HTMLElement, options: GlossaryAppOptions): GlossaryApp {
  const { glossary, home } = options;
  const search = options.search ?? createGlossarySearch(glossary);
  const history: AppView[] = [];
  let view: AppView = { kind: 'search', query: '', activeIndex: -1 };

  const combobox = createSearchCombobox(doc, {
    search,
    onOpen: (entryId) => openEntry(entryId),
    onQueryChange: (query) => {
      // Typing starts a new search: whatever entry was open gives way to the results.
      history.length = 0;
      setView({ kind: 'search', query, activeIndex: -1 }, false);
    },
  });
  const entrySlot = el(doc, 'div', { className: 'entry-slot' });
  const main = el(doc, 'main', { className: 'main' }, [home, entrySlot]);
  root.append(combobox.element, main);

  function label(of: AppView): string {
    if (of.kind === 'search') return of.query.trim() ? 'results' : 'search';
    return findFullEntry(glossary, of.entryId)?.name ?? 'previous entry';
  }

  function renderMissing(entryId: string, backTo: AppView | undefined): HTMLElement {
    const missing = el(doc, 'div', { className: 'entry-missing' }, [
      el(doc, 'h2', { text: 'Entry not found', attrs: { tabindex: '-1' } }),
      el(doc, 'p', { text: `The glossary has no entry “${entryId}”. Try the search above.` }),
    ]);
    if (backTo) {
      const button = el(doc, 'button', { className: 'back', text: `Back to ${label(backTo)}`, attrs: { type: 'button' } });
      button.addEventListener('click', () => back());
      missing.append(button);
    }
    return missing;
  }

  function setView(next: AppView, focus: boolean): void {
    view = next;
    if (next.kind === 'search') {
      entrySlot.replaceChildren();
      entrySlot.hidden = true;
      // While there is a query the results take the home's place; the main landmark itself stays.
      home.hidden = next.query.trim() !== '';
      if (combobox.input.value !== next.query) combobox.setQuery(next.query);
      combobox.setExpanded(true);
      if (next.activeIndex >= 0) combobox.setActiveIndex(next.activeIndex);
      if (focus) combobox.input.focus();
    } else {
      const entry = findFullEntry(glossary, next.entryId);
      const previous = history.at(-1);
      const content = entry
        ? renderEntryView(doc, glossary, entry, {
            onNavigate: (id) => openEntry(id),
            back: previous ? { label: label(previous), onBack: () => back() } : null,
          })
        : renderMissing(next.entryId, previous);
      entrySlot.replaceChildren(content);
      entrySlot.hidden = false;
      home.hidden = true;
      combobox.setExpanded(false);
      if (focus) content.querySelector<HTMLElement>('h2')?.focus();
      doc.scrollingElement?.scrollTo?.(0, 0);
    }
    options.onViewChange?.(view);
  }

  function currentWithActive(): AppView {
    return view.kind === 'search' ? { ...view, activeIndex: combobox.activeIndex } : view;
  }

  function openEntry(entryId: string): void {
    history.push(currentWithActive());
    setView({ kind: 'entry', entryId }, true);
  }

  function back(): boolean {
    const previous = history.pop();
    if (!previous) return false;
    setView(previous, true);
    return true;
  }

  return {
    combobox,
    main,
    get view() {
      return view;
    },
    show(pending, focus = true) {
      history.length = 0;
      if (pending.kind === 'entry') {
        // Back from a shown entry leads to the (empty) search, so the reader is never stuck on one entry.
        history.push({ kind: 'search', query: '', activeIndex: -1 });
        setView({ kind: 'entry', entryId: pending.entryId }, focus);
      } else setView({ kind: 'search', query: pending.query, activeIndex: -1 }, focus);
    },
    openEntry,
    back,
    get canGoBack() {
      return history.length > 0;
    },
  };
}
