import type { TooltipContent } from './tooltip-content';

/** Stable id of the element with role="tooltip" (inside the shadow root). */
export const TOOLTIP_ID = 'oncology-glossary-tooltip';
const NAME_ID = 'oncology-glossary-tooltip-name';

export const KEYBOARD_HINT = 'Tab: actions · Esc: close';
export const FULL_ENTRY_LABEL = 'Full entry';
export const HIDE_TERM_LABEL = 'Hide this term';

/** The one tooltip element, built once and filled for each term. */
export interface TooltipView {
  /** The floating card: positioned by placeTooltip, hidden while closed. */
  card: HTMLElement;
  /** The part with role="tooltip": the text that describes the term. */
  tooltip: HTMLElement;
  arrow: HTMLElement;
  fullEntryButton: HTMLButtonElement;
  hideTermButton: HTMLButtonElement;
  /** Fills the card (text only) and shows it. */
  render(content: TooltipContent, options: { keyboardHint: boolean }): void;
  hide(): void;
  readonly isOpen: boolean;
  /** The text a screen reader should hear as the term's description: what the role="tooltip" part shows. */
  descriptionText(): string;
}

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Builds the tooltip's DOM. The actions sit next to, not inside, the role="tooltip" part: a tooltip is a
 * description and holds nothing focusable (WAI-ARIA), while the card as a whole still offers the two actions.
 */
export function createTooltipView(document: Document): TooltipView {
  const card = element(document, 'div', 'og-card');
  card.hidden = true;

  const tooltip = element(document, 'div', 'og-tooltip');
  tooltip.id = TOOLTIP_ID;
  tooltip.setAttribute('role', 'tooltip');

  const header = element(document, 'p', 'og-header');
  const name = element(document, 'span', 'og-name');
  name.id = NAME_ID;
  const category = element(document, 'span', 'og-category');
  const level = element(document, 'span', 'og-level', 'Expert note');
  header.append(name, category, level);

  const onPage = element(document, 'p', 'og-on-page');
  const definition = element(document, 'p', 'og-definition');
  const sourcesLabel = element(document, 'p', 'og-sources-label', 'Sources');
  const sourceList = element(document, 'ul', 'og-sources');
  const notice = element(document, 'p', 'og-notice');
  const hint = element(document, 'p', 'og-hint', KEYBOARD_HINT);
  tooltip.append(header, onPage, definition, sourcesLabel, sourceList, notice, hint);

  const actions = element(document, 'div', 'og-actions');
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-labelledby', NAME_ID);
  const fullEntryButton = element(document, 'button', 'og-button og-button-primary', FULL_ENTRY_LABEL);
  fullEntryButton.type = 'button';
  fullEntryButton.dataset.action = 'full-entry';
  const hideTermButton = element(document, 'button', 'og-button', HIDE_TERM_LABEL);
  hideTermButton.type = 'button';
  hideTermButton.dataset.action = 'hide-term';
  actions.append(fullEntryButton, hideTermButton);

  const arrow = element(document, 'div', 'og-arrow');
  arrow.setAttribute('aria-hidden', 'true');
  card.append(tooltip, actions, arrow);

  return {
    card,
    tooltip,
    arrow,
    fullEntryButton,
    hideTermButton,
    get isOpen() {
      return !card.hidden;
    },
    render(content, options) {
      name.textContent = content.name;
      category.textContent = content.category;
      level.hidden = content.level !== 'expert';
      onPage.textContent = content.onPage ?? '';
      onPage.hidden = content.onPage === null;
      definition.textContent = content.definition;
      sourcesLabel.hidden = content.sources.length === 0;
      sourceList.replaceChildren(
        ...content.sources.map((source) => {
          const item = element(document, 'li', 'og-source', source.text);
          item.dataset.trust = source.trust;
          return item;
        }),
      );
      notice.textContent = content.notice;
      hint.hidden = !options.keyboardHint;
      card.dataset.entryId = content.entryId;
      card.hidden = false;
    },
    hide() {
      card.hidden = true;
      delete card.dataset.entryId;
    },
    descriptionText() {
      const parts = [`${name.textContent}, ${category.textContent}.`];
      if (!onPage.hidden) parts.push(onPage.textContent ?? '');
      if (!level.hidden) parts.push(`${level.textContent}:`);
      parts.push(definition.textContent ?? '');
      const sources = [...sourceList.children].map((item) => item.textContent);
      if (sources.length > 0) parts.push(`Sources: ${sources.join('; ')}.`);
      parts.push(notice.textContent ?? '');
      if (!hint.hidden) parts.push('Press Tab for its actions, Escape to close.');
      return parts.join(' ');
    },
  };
}
