import type { GlossaryEntry } from '../glossary/compiled-glossary';
import { el, uniqueId, visuallyHidden } from './create-element';
import { CATEGORY_LABELS, FORM_KIND_LABELS } from '../glossary/glossary-labels';
import type { GlossarySearch, SearchHit } from './glossary-search';
import { shortDefinition } from './short-definition';

export interface SearchComboboxOptions {
  search: GlossarySearch;
  /** The reader chose a result (Enter or click). */
  onOpen(entryId: string): void;
  /** The query changed by typing, clearing or a suggestion (not by `setQuery`). */
  onQueryChange(query: string): void;
  /** Label shown above the field. */
  label?: string;
  /** Most results listed. */
  limit?: number;
  /** Delay before the result count is announced, so a screen reader is not interrupted on every keystroke. */
  announceDelayMs?: number;
}

export interface SearchCombobox {
  /** The search landmark: label, field, results, status and suggestions. */
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  readonly listbox: HTMLElement;
  /** Sets the field and refreshes the results (no onQueryChange). */
  setQuery(query: string): void;
  /** Shows or hides the results without losing them (hidden while an entry is shown). */
  setExpanded(expanded: boolean): void;
  /** The active option's index, -1 when none. */
  readonly activeIndex: number;
  setActiveIndex(index: number): void;
  readonly hits: readonly SearchHit[];
}

/**
 * The search field as an ARIA 1.2 combobox with a listbox popup (list autocomplete, no automatic selection):
 * results follow every keystroke, arrow keys move the active option, Enter opens it (or the first result),
 * Esc clears the field.
 */
export function createSearchCombobox(doc: Document, options: SearchComboboxOptions): SearchCombobox {
  const { search, onOpen, onQueryChange, limit = 10, announceDelayMs = 400 } = options;
  const win = doc.defaultView;
  const inputId = uniqueId('search-input');
  const listboxId = uniqueId('search-results');
  const statusId = uniqueId('search-status');

  const input = el(doc, 'input', {
    className: 'search-input',
    attrs: {
      id: inputId,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listboxId,
      'aria-describedby': statusId,
      placeholder: 'Lenalidomide, Revlimid, blood vessels…',
    },
  });
  const listbox = el(doc, 'ul', {
    className: 'search-results',
    attrs: { id: listboxId, role: 'listbox', 'aria-label': 'Glossary entries' },
  });
  listbox.hidden = true;
  const status = el(doc, 'p', { className: 'visually-hidden', attrs: { id: statusId, role: 'status' } });
  const noMatch = el(doc, 'div', { className: 'no-match' });
  noMatch.hidden = true;
  const element = el(doc, 'div', { className: 'search', attrs: { role: 'search' } }, [
    el(doc, 'label', { className: 'search-label', text: options.label ?? 'Search the glossary', attrs: { for: inputId } }),
    input,
    listbox,
    noMatch,
    status,
  ]);

  let hits: SearchHit[] = [];
  let active = -1;
  let expanded = true;
  let announceTimer: number | undefined;

  function announce(text: string): void {
    if (announceTimer !== undefined) win?.clearTimeout(announceTimer);
    if (!win || announceDelayMs <= 0) {
      status.textContent = text;
      return;
    }
    announceTimer = win.setTimeout(() => {
      status.textContent = text;
    }, announceDelayMs);
  }

  function optionId(index: number): string {
    return `${listboxId}-option-${index}`;
  }

  function syncExpanded(): void {
    const open = expanded && hits.length > 0;
    listbox.hidden = !open;
    noMatch.hidden = !expanded || noMatch.childNodes.length === 0;
    input.setAttribute('aria-expanded', String(open));
    if (!open || active < 0) input.removeAttribute('aria-activedescendant');
    else input.setAttribute('aria-activedescendant', optionId(active));
  }

  function setActiveIndex(index: number): void {
    const options = listbox.children;
    options[active]?.setAttribute('aria-selected', 'false');
    options[active]?.classList.remove('active');
    active = hits.length === 0 ? -1 : Math.max(-1, Math.min(index, hits.length - 1));
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      option.classList.add('active');
      option.scrollIntoView?.({ block: 'nearest' });
    }
    syncExpanded();
  }

  function renderOption(hit: SearchHit, index: number): HTMLLIElement {
    // The accessible name comes from the content, in reading order: the name (and the form the query matched),
    // then the short definition, then the category; hidden punctuation keeps a screen reader's pauses right.
    const option = el(doc, 'li', {
      className: 'result',
      attrs: { id: optionId(index), role: 'option', 'aria-selected': 'false', 'data-entry-id': hit.entry.id },
    });
    const title = el(doc, 'span', { className: 'result-title' }, [el(doc, 'span', { className: 'result-name', text: hit.entry.name })]);
    if (hit.matchedForm) {
      const form = `${FORM_KIND_LABELS[hit.matchedForm.kind].one} ${hit.matchedForm.text}`;
      title.append(visuallyHidden(doc, ' ('), el(doc, 'span', { className: 'result-form', text: form }), visuallyHidden(doc, ')'));
    }
    option.append(
      title,
      visuallyHidden(doc, ': '),
      el(doc, 'span', { className: 'result-definition', text: shortDefinition(hit.entry.plain) }),
      visuallyHidden(doc, ' ('),
      el(doc, 'span', { className: 'result-category', text: CATEGORY_LABELS[hit.entry.category] }),
      visuallyHidden(doc, ')'),
    );
    // Keep focus in the field: a click on an option opens it without blurring the combobox first.
    option.addEventListener('mousedown', (event) => event.preventDefault());
    option.addEventListener('click', () => onOpen(hit.entry.id));
    return option;
  }

  function renderNoMatch(query: string, suggestions: readonly GlossaryEntry[]): void {
    noMatch.replaceChildren();
    if (query.trim() === '' || hits.length > 0) return;
    noMatch.append(el(doc, 'p', { text: `No entry matches “${query.trim()}”.` }));
    if (suggestions.length === 0) return;
    const line = el(doc, 'p', { className: 'did-you-mean', text: 'Did you mean ' });
    suggestions.forEach((entry, i) => {
      if (i > 0) line.append(i === suggestions.length - 1 ? ' or ' : ', ');
      const button = el(doc, 'button', { className: 'suggestion', text: entry.name, attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        update(entry.name);
        onQueryChange(entry.name);
        input.focus();
      });
      line.append(button);
    });
    line.append('?');
    noMatch.append(line);
  }

  function update(query: string): void {
    if (input.value !== query) input.value = query;
    hits = search.search(query, limit);
    active = -1;
    listbox.replaceChildren(...hits.map(renderOption));
    const searching = query.trim() !== '';
    const suggestions = searching && hits.length === 0 ? search.suggest(query) : [];
    renderNoMatch(query, suggestions);
    syncExpanded();
    if (!searching) announce('');
    else if (hits.length === 0) {
      const names = suggestions.map((e) => e.name);
      announce(`No entry matches. ${names.length ? `Did you mean ${names.join(', ')}?` : ''}`.trim());
    } else announce(`${hits.length} ${hits.length === 1 ? 'result' : 'results'}. Use up and down arrows to choose.`);
  }

  input.addEventListener('input', () => {
    expanded = true;
    update(input.value);
    onQueryChange(input.value);
  });

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (hits.length === 0) return;
        event.preventDefault();
        if (!expanded) {
          expanded = true;
          syncExpanded();
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = active === -1 ? (step === 1 ? 0 : hits.length - 1) : (active + step + hits.length) % hits.length;
        setActiveIndex(next);
        return;
      }
      case 'Enter': {
        const hit = hits[active] ?? hits[0];
        if (!hit) return;
        event.preventDefault();
        onOpen(hit.entry.id);
        return;
      }
      case 'Escape':
        // First Esc clears the field; on an empty field Esc is left to the browser (which may close the popup).
        if (input.value === '') return;
        event.preventDefault();
        event.stopPropagation();
        update('');
        onQueryChange('');
        return;
    }
  });

  return {
    element,
    input,
    listbox,
    setQuery: (query) => {
      expanded = true;
      update(query);
    },
    setExpanded: (value) => {
      expanded = value;
      syncExpanded();
    },
    get activeIndex() {
      return active;
    },
    setActiveIndex,
    get hits() {
      return hits;
    },
  };
}
