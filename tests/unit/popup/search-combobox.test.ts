import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createGlossarySearch } from '../../../src/popup/glossary-search';
import { createSearchCombobox, type SearchCombobox } from '../../../src/popup/search-combobox';
import { sampleGlossary } from './sample-glossary';

const search = createGlossarySearch(sampleGlossary);
let combobox: SearchCombobox;
let onOpen: ReturnType<typeof vi.fn<(id: string) => void>>;
let onQueryChange: ReturnType<typeof vi.fn<(query: string) => void>>;

function type(text: string): void {
  combobox.input.value = text;
  combobox.input.dispatchEvent(new Event('input', { bubbles: true }));
}

function press(key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  combobox.input.dispatchEvent(event);
  return event;
}

const options = () => [...combobox.listbox.querySelectorAll<HTMLElement>('[role="option"]')];
const activeOption = () => {
  const id = combobox.input.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

beforeEach(() => {
  document.body.replaceChildren();
  onOpen = vi.fn();
  onQueryChange = vi.fn();
  combobox = createSearchCombobox(document, { search, onOpen, onQueryChange, announceDelayMs: 0 });
  document.body.append(combobox.element);
});

describe('search combobox', () => {
  it('is an ARIA combobox that controls a labelled listbox, collapsed while empty', () => {
    const { input, listbox } = combobox;
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.labels?.[0]?.textContent).toBe('Search the glossary');
    expect(listbox.getAttribute('role')).toBe('listbox');
    expect(listbox.hidden).toBe(true);
    expect(combobox.element.getAttribute('role')).toBe('search');
  });

  it('lists results on every keystroke; each option reads the name first, then a short definition', () => {
    type('r');
    const afterOne = options().length;
    expect(afterOne).toBeGreaterThan(0);
    type('revlimid');
    expect(combobox.input.getAttribute('aria-expanded')).toBe('true');
    expect(combobox.listbox.hidden).toBe(false);
    const [first] = options();
    // The option is named by its content, in reading order.
    expect(first!.hasAttribute('aria-label')).toBe(false);
    expect(first!.textContent).toBe(
      'Lenalidomide (Brand name Revlimid): A cancer drug taken by mouth that helps the immune system attack cancer cells. (Drug)',
    );
    expect(first!.querySelector('.result-form')!.textContent).toBe('Brand name Revlimid');
    expect(onQueryChange).toHaveBeenLastCalledWith('revlimid');
    expect(document.querySelector('[role="status"]')!.textContent).toMatch(/^1 result\b/);
  });

  it('moves the active option with the arrow keys, wrapping at both ends', () => {
    type('lymph');
    const count = options().length;
    expect(count).toBeGreaterThan(1);
    expect(activeOption()).toBeNull();
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    expect(activeOption()).toBe(options()[0]);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    press('ArrowDown');
    expect(activeOption()).toBe(options()[1]);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('false');
    press('ArrowUp');
    press('ArrowUp');
    expect(activeOption()).toBe(options()[count - 1]);
    press('ArrowDown');
    expect(activeOption()).toBe(options()[0]);
  });

  it('opens the active option with Enter, or the first result when none is active', () => {
    type('lymph');
    press('Enter');
    expect(onOpen).toHaveBeenLastCalledWith(options()[0]!.dataset.entryId);
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    expect(onOpen).toHaveBeenLastCalledWith(options()[1]!.dataset.entryId);
  });

  it('opens a result on click without taking focus from the field', () => {
    type('thalomid');
    combobox.input.focus();
    const option = options()[0]!;
    const mousedown = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    option.dispatchEvent(mousedown);
    expect(mousedown.defaultPrevented).toBe(true);
    option.click();
    expect(onOpen).toHaveBeenCalledWith('thalidomide');
  });

  it('clears the field with Esc; a second Esc on the empty field is left alone', () => {
    type('remission');
    press('ArrowDown');
    const first = press('Escape');
    expect(first.defaultPrevented).toBe(true);
    expect(combobox.input.value).toBe('');
    expect(combobox.input.getAttribute('aria-expanded')).toBe('false');
    expect(combobox.input.hasAttribute('aria-activedescendant')).toBe(false);
    expect(options()).toHaveLength(0);
    expect(onQueryChange).toHaveBeenLastCalledWith('');
    const second = press('Escape');
    expect(second.defaultPrevented).toBe(false);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('says when nothing matches and offers "Did you mean …" suggestions that run the search', () => {
    type('lenolydomyde');
    expect(options()).toHaveLength(0);
    expect(combobox.input.getAttribute('aria-expanded')).toBe('false');
    const noMatch = combobox.element.querySelector('.no-match')!;
    expect(noMatch.textContent).toContain('No entry matches “lenolydomyde”.');
    expect(noMatch.textContent).toContain('Did you mean');
    expect(document.querySelector('[role="status"]')!.textContent).toContain('Did you mean Lenalidomide');
    const suggestion = [...noMatch.querySelectorAll('button')].find((b) => b.textContent === 'Lenalidomide')!;
    suggestion.click();
    expect(combobox.input.value).toBe('Lenalidomide');
    expect(options()[0]!.dataset.entryId).toBe('lenalidomide');
    expect(onQueryChange).toHaveBeenLastCalledWith('Lenalidomide');
    expect(noMatch.textContent).toBe('');
  });

  it('ignores arrow keys and Enter while there are no results', () => {
    type('zzzzqqqq');
    expect(press('ArrowDown').defaultPrevented).toBe(false);
    expect(press('Enter').defaultPrevented).toBe(false);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('hides its results while collapsed and shows them again with the same query', () => {
    type('lymph');
    combobox.setExpanded(false);
    expect(combobox.listbox.hidden).toBe(true);
    expect(combobox.input.getAttribute('aria-expanded')).toBe('false');
    press('ArrowDown');
    expect(combobox.listbox.hidden).toBe(false);
    expect(activeOption()).toBe(options()[0]);
  });

  it('shows result text as text, never as markup', () => {
    const hostile = createGlossarySearch({
      sources: sampleGlossary.sources,
      entries: [{ ...sampleGlossary.entries[0]!, name: '<img src=x onerror=alert(1)>', plain: '<b>bold</b>' }],
    });
    combobox = createSearchCombobox(document, { search: hostile, onOpen, onQueryChange, announceDelayMs: 0 });
    document.body.replaceChildren(combobox.element);
    type('img');
    expect(options()[0]!.querySelector('img, b')).toBeNull();
    expect(options()[0]!.textContent).toContain('<b>bold</b>');
  });
});
