import { EXTENSION_UI_ATTRIBUTE } from '../annotation/mark-selectors';

/** Id of the light-DOM element that carries the open tooltip's text for assistive technology. */
export const TERM_DESCRIPTION_ID = 'oncology-glossary-term-description';

/** Points the term being shown at a description of it that screen readers can reach. */
export interface TermDescription {
  readonly element: HTMLElement;
  describe(term: Element, text: string): void;
  clear(): void;
  remove(): void;
}

/**
 * Why a mirror: the tooltip lives in a shadow root, and an `aria-describedby` id in the page's DOM cannot refer
 * to an element inside a shadow tree (ids are scoped to their tree; ARIA element reflection forbids references
 * into a descendant shadow root too). The alternative, a focusable proxy of the term inside the shadow tree,
 * would take focus away from the real term in the page, its position and its link. So the shadow tree keeps the
 * visible role="tooltip", and this hidden element in the page's DOM mirrors its text for the term's
 * `aria-describedby`: accessible-name computation reads hidden elements when they are referenced directly, so
 * it is heard as the description and never read on its own. It is hidden with an inline `!important` rule,
 * which no page stylesheet can override, sits outside <body> (the page's text is unchanged), and carries the
 * extension-UI attribute, so the annotator never marks its text.
 */
export function createTermDescription(document: Document): TermDescription {
  const element = createMirror(document);
  document.documentElement.append(element);
  let described: Element | null = null;
  // For a term inside a page's open shadow root: ids do not cross tree boundaries either way, so the mirror
  // must sit in the term's own tree. It is put there only while the term is described.
  let shadowMirror: HTMLElement | null = null;

  const clear = () => {
    if (described?.getAttribute('aria-describedby') === TERM_DESCRIPTION_ID) {
      described.removeAttribute('aria-describedby');
    }
    described = null;
    element.textContent = '';
    shadowMirror?.remove();
    shadowMirror = null;
  };

  return {
    element,
    describe(term, text) {
      if (described !== term) clear();
      const root = term.getRootNode() as Node & Partial<ShadowRoot>;
      if (root.nodeType === 11 && root.host) {
        shadowMirror ??= root.appendChild(createMirror(document));
        shadowMirror.textContent = text;
      } else element.textContent = text;
      term.setAttribute('aria-describedby', TERM_DESCRIPTION_ID);
      described = term;
    },
    clear,
    remove() {
      clear();
      element.remove();
    },
  };
}

/** A hidden element with the description's id that the annotator skips. */
function createMirror(document: Document): HTMLElement {
  const element = document.createElement('div');
  element.id = TERM_DESCRIPTION_ID;
  element.hidden = true;
  element.style.setProperty('display', 'none', 'important');
  element.setAttribute(EXTENSION_UI_ATTRIBUTE, '');
  return element;
}
