import type { PageTerm } from '../messaging/messages';
import { el, uniqueId, visuallyHidden } from './create-element';
import type { PageTermsState } from './request-page-terms';

export type PageTermsOrder = 'page' | 'alphabetical';

export interface PageTermsView {
  readonly element: HTMLElement;
  update(state: PageTermsState | { status: 'loading' }): void;
}

/** The terms in the chosen order: as they first appear on the page, or A–Z by name. */
export function orderPageTerms(terms: readonly PageTerm[], order: PageTermsOrder): PageTerm[] {
  return order === 'page' ? [...terms] : [...terms].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** A long form or a name as compared: lower case, one space between words, no plural s. */
const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s\u00a0\-\u2010\u2011\u2013]+/g, ' ')
    .trim()
    .replace(/s$/, '');

/**
 * The abbreviations the page defines as this term, for the line under its name: "Abbreviated MM, NDMM (newly
 * diagnosed multiple myeloma)". A long form that is just the term's name (its own bracket aside: "Mantle cell
 * lymphoma (MCL)") goes without saying. Null when the page defines none.
 */
export function abbreviationsNote(term: PageTerm): string | null {
  if (term.abbreviations.length === 0) return null;
  const name = comparable(term.name.replace(/\s*\([^)]*\)/g, ' '));
  const parts = term.abbreviations.map(({ shortForm, longForm }) =>
    comparable(longForm) === name ? shortForm : `${shortForm} (${longForm})`,
  );
  return `Abbreviated ${parts.join(', ')}`;
}

const UNAVAILABLE =
  'The glossary is not running on this page. Browsers keep extensions off their own pages, the web store and ' +
  'extension pages; on an ordinary web page, reload it once it has finished loading. Search still works.';

/** "On this page": the tab's annotated terms with counts; choosing one scrolls the page to its next occurrence. */
export function createPageTermsView(doc: Document, onReveal: (term: PageTerm) => Promise<boolean>): PageTermsView {
  const headingId = uniqueId('page-terms-heading');
  const groupName = uniqueId('page-terms-order');
  let order: PageTermsOrder = 'page';
  let terms: PageTerm[] = [];

  const message = el(doc, 'p', { className: 'page-terms-message' });
  const radios = (['page', 'alphabetical'] as const).map((value) => {
    const radio = el(doc, 'input', { attrs: { type: 'radio', name: groupName, value } });
    radio.checked = value === order;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      order = value;
      renderList();
    });
    return el(doc, 'label', { className: 'inline-choice' }, [radio, value === 'page' ? ' Page order' : ' A–Z']);
  });
  const orderControl = el(doc, 'fieldset', { className: 'page-terms-order' }, [el(doc, 'legend', { text: 'Order' }), ...radios]);
  const list = el(doc, 'ul', { className: 'page-terms', attrs: { 'aria-labelledby': headingId } });
  const feedback = el(doc, 'p', { className: 'page-terms-feedback', attrs: { role: 'status' } });
  const element = el(doc, 'section', { className: 'page-terms-section', attrs: { 'aria-labelledby': headingId } }, [
    el(doc, 'h2', { text: 'On this page', attrs: { id: headingId } }),
    message,
    orderControl,
    list,
    feedback,
  ]);

  function renderList(): void {
    list.replaceChildren(
      ...orderPageTerms(terms, order).map((term) => {
        // Named by its content: "Lenalidomide, 3 occurrences" (the words are for screen readers only).
        const note = abbreviationsNote(term);
        const label = el(doc, 'span', { className: 'page-term-label' }, [
          el(doc, 'span', { className: 'page-term-name', text: term.name }),
          ...(note === null
            ? []
            : [visuallyHidden(doc, '; '), el(doc, 'span', { className: 'page-term-abbreviations', text: note })]),
        ]);
        const button = el(doc, 'button', { className: 'page-term', attrs: { type: 'button', 'data-entry-id': term.entryId } }, [
          label,
          visuallyHidden(doc, ', '),
          el(doc, 'span', { className: 'page-term-count', text: String(term.count) }),
          visuallyHidden(doc, term.count === 1 ? ' occurrence' : ' occurrences'),
        ]);
        button.addEventListener('click', async () => {
          const shown = await onReveal(term);
          feedback.textContent = shown ? `Showing “${term.name}” on the page.` : `“${term.name}” is no longer on the page.`;
        });
        return el(doc, 'li', {}, [button]);
      }),
    );
  }

  function update(state: PageTermsState | { status: 'loading' }): void {
    terms = state.status === 'available' && state.response.active ? state.response.terms : [];
    const showList = terms.length > 0;
    orderControl.hidden = !showList;
    list.hidden = !showList;
    feedback.textContent = '';
    if (state.status === 'loading') message.textContent = 'Looking for glossary terms on this page…';
    else if (state.status === 'unavailable') message.textContent = UNAVAILABLE;
    else if (!state.response.active) message.textContent = 'Annotations are off on this page.';
    else if (!showList) message.textContent = 'No glossary terms on this page.';
    else {
      const total = terms.reduce((sum, t) => sum + t.count, 0);
      message.textContent = `${terms.length} ${terms.length === 1 ? 'term' : 'terms'}, ${total} ${total === 1 ? 'occurrence' : 'occurrences'}. Choose one to scroll to it.`;
    }
    renderList();
  }

  update({ status: 'loading' });
  return { element, update };
}
