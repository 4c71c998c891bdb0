import { describe, expect, it } from 'vitest';
import { tooltipContent } from '../../../src/tooltip/tooltip-content';
import { createTooltipView, TOOLTIP_ID } from '../../../src/tooltip/tooltip-view';
import { sampleGlossary } from './sample-glossary';

const content = (id: string, level: 'plain' | 'expert' = 'plain') =>
  tooltipContent(sampleGlossary, id, level)!;

describe('createTooltipView', () => {
  it('starts hidden, with role="tooltip" on a stable id and the two actions beside it', () => {
    const view = createTooltipView(document);
    expect(view.card.hidden).toBe(true);
    expect(view.isOpen).toBe(false);
    expect(view.tooltip.getAttribute('role')).toBe('tooltip');
    expect(view.tooltip.id).toBe(TOOLTIP_ID);
    expect([view.fullEntryButton.textContent, view.hideTermButton.textContent]).toEqual([
      'Full entry',
      'Hide this term',
    ]);
    // The description holds nothing focusable; the actions are a labelled group next to it.
    expect(view.tooltip.contains(view.fullEntryButton)).toBe(false);
    expect(view.fullEntryButton.type).toBe('button');
    const group = view.fullEntryButton.parentElement!;
    expect(group.getAttribute('role')).toBe('group');
    expect(view.card.querySelector(`#${group.getAttribute('aria-labelledby')}`)).not.toBeNull();
  });

  it('renders an entry as text and shows the card', () => {
    const view = createTooltipView(document);
    view.render(content('lenalidomide'), { keyboardHint: false });
    expect(view.isOpen).toBe(true);
    expect(view.card.dataset.entryId).toBe('lenalidomide');
    const text = (selector: string) => view.card.querySelector<HTMLElement>(selector)!.textContent;
    expect(text('.og-name')).toBe('Lenalidomide');
    expect(text('.og-category')).toBe('Drug');
    expect(text('.og-definition')).toBe('A cancer medicine taken by mouth.');
    expect([...view.card.querySelectorAll('.og-source')].map((item) => item.textContent)).toEqual([
      'Cancers review, 2023 · high trust',
      'Lenalidomide blog post (commercial) · low trust',
    ]);
    expect(text('.og-notice')).toBe('Educational, not medical advice.');
    expect(view.card.querySelector<HTMLElement>('.og-level')!.hidden).toBe(true);
    expect(view.card.querySelector<HTMLElement>('.og-hint')!.hidden).toBe(true);
  });

  it('shows markup in entry text literally, never as elements', () => {
    const view = createTooltipView(document);
    view.render(content('car-t-cell-therapy'), { keyboardHint: false });
    const definition = view.card.querySelector('.og-definition')!;
    expect(definition.textContent).toBe(
      'A treatment <img src=x onerror="alert(1)"> that changes your own T cells.',
    );
    expect(definition.children).toHaveLength(0);
    expect(view.card.querySelector('img')).toBeNull();
    // No sources: no empty "Sources" heading either.
    expect(view.card.querySelector<HTMLElement>('.og-sources-label')!.hidden).toBe(true);
  });

  it('labels the expert note, and shows the keyboard hint when opened from the keyboard', () => {
    const view = createTooltipView(document);
    view.render(content('lenalidomide', 'expert'), { keyboardHint: true });
    expect(view.card.querySelector<HTMLElement>('.og-level')!.hidden).toBe(false);
    expect(view.card.querySelector('.og-definition')!.textContent).toMatch(/^A thalidomide-derived/);
    expect(view.card.querySelector<HTMLElement>('.og-hint')!.hidden).toBe(false);
  });

  it('reuses the same element for every term, replacing the previous one', () => {
    const view = createTooltipView(document);
    view.render(content('lenalidomide'), { keyboardHint: false });
    const card = view.card;
    view.render(content('angiogenesis'), { keyboardHint: false });
    expect(view.card).toBe(card);
    expect(view.card.querySelectorAll('.og-source')).toHaveLength(1);
    expect(view.card.querySelector('.og-name')!.textContent).toBe('Angiogenesis');
    view.hide();
    expect(view.isOpen).toBe(false);
    expect(view.card.dataset.entryId).toBeUndefined();
  });

  it("shows what the page's abbreviation stands for above the definition, and only when there is something", () => {
    const view = createTooltipView(document);
    const onPage = () => view.card.querySelector<HTMLElement>('.og-on-page')!;
    view.render(content('lenalidomide'), { keyboardHint: false });
    expect(onPage().hidden).toBe(true);
    const defined = { shortForm: 'LEN', longForm: 'lenalidomide <b>(LEN)</b>' };
    view.render(tooltipContent(sampleGlossary, 'lenalidomide', 'plain', defined)!, { keyboardHint: false });
    expect(onPage().hidden).toBe(false);
    // Page text, shown as text.
    expect(onPage().textContent).toBe('On this page, LEN stands for “lenalidomide <b>(LEN)</b>”.');
    expect(onPage().children).toHaveLength(0);
    expect(onPage().nextElementSibling).toBe(view.card.querySelector('.og-definition'));
    expect(view.descriptionText()).toMatch(
      /^Lenalidomide, Drug\. On this page, LEN stands for “lenalidomide/,
    );
    view.render(content('angiogenesis'), { keyboardHint: false });
    expect(onPage().hidden).toBe(true);
  });

  it('describes the term in one sentence-like string for screen readers', () => {
    const view = createTooltipView(document);
    view.render(content('angiogenesis'), { keyboardHint: true });
    expect(view.descriptionText()).toBe(
      'Angiogenesis, Biological process. The growth of new blood vessels. Tumors use it to get food and oxygen. ' +
        'Sources: Myeloma immunotherapy article · medium trust. Educational, not medical advice. ' +
        'Press Tab for its actions, Escape to close.',
    );
  });
});
