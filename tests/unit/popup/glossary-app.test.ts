import { beforeEach, describe, expect, it } from 'vitest';
import { createGlossaryApp, type GlossaryApp } from '../../../src/popup/glossary-app';
import { sampleGlossary } from './sample-glossary';

let app: GlossaryApp;
let home: HTMLElement;

function type(text: string): void {
  app.combobox.input.value = text;
  app.combobox.input.dispatchEvent(new Event('input', { bubbles: true }));
}
function press(key: string): void {
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}
const shownEntry = () => document.querySelector<HTMLElement>('article.entry')?.dataset.entryId ?? null;
const backButton = () => document.querySelector<HTMLButtonElement>('button.back');

beforeEach(() => {
  document.body.replaceChildren();
  home = document.createElement('div');
  home.textContent = 'home';
  app = createGlossaryApp(document, document.body, { glossary: sampleGlossary, home });
  app.show({ kind: 'search', query: '' });
});

describe('glossary app (popup and entry page)', () => {
  it('opens with the search field focused and the home below it', () => {
    expect(document.activeElement).toBe(app.combobox.input);
    expect(home.hidden).toBe(false);
    expect(document.querySelector('main')!.contains(home)).toBe(true);
  });

  it('replaces the home with results while there is a query', () => {
    type('myeloma');
    expect(home.hidden).toBe(true);
    expect(app.combobox.listbox.hidden).toBe(false);
    type('');
    expect(home.hidden).toBe(false);
    expect(app.combobox.listbox.hidden).toBe(true);
  });

  it('keyboard only: type, arrow to a result, Enter opens it with focus on its name', () => {
    type('thalomid');
    press('ArrowDown');
    press('Enter');
    expect(shownEntry()).toBe('thalidomide');
    expect(document.activeElement).toBe(document.querySelector('article.entry h2'));
    expect(app.combobox.listbox.hidden).toBe(true);
    expect(app.combobox.input.getAttribute('aria-expanded')).toBe('false');
  });

  it('follows related links with a history: Back returns entry by entry, then to the results as they were', () => {
    type('lymph');
    press('ArrowDown');
    press('ArrowDown');
    const activeBefore = app.combobox.activeIndex;
    app.openEntry('lenalidomide');
    expect(backButton()!.textContent).toBe('← Back to results');
    document.querySelector<HTMLAnchorElement>('.entry-related a[href$="=thalidomide"]')!.click();
    expect(shownEntry()).toBe('thalidomide');
    expect(backButton()!.textContent).toBe('← Back to Lenalidomide');
    backButton()!.click();
    expect(shownEntry()).toBe('lenalidomide');
    expect(document.activeElement).toBe(document.querySelector('article.entry h2'));
    backButton()!.click();
    expect(shownEntry()).toBeNull();
    expect(app.combobox.input.value).toBe('lymph');
    expect(app.combobox.listbox.hidden).toBe(false);
    expect(app.combobox.activeIndex).toBe(activeBefore);
    expect(document.activeElement).toBe(app.combobox.input);
    expect(app.canGoBack).toBe(false);
  });

  it('typing while an entry is shown starts a new search and forgets the history', () => {
    app.openEntry('lenalidomide');
    app.combobox.input.focus();
    type('remission');
    expect(shownEntry()).toBeNull();
    expect(app.combobox.listbox.hidden).toBe(false);
    expect(app.canGoBack).toBe(false);
  });

  it('shows a requested entry with Back leading to the search, and a requested search with its results', () => {
    app.show({ kind: 'entry', entryId: 'angiogenesis' });
    expect(shownEntry()).toBe('angiogenesis');
    expect(backButton()!.textContent).toBe('← Back to search');
    app.show({ kind: 'search', query: 'blood vessels' });
    expect(shownEntry()).toBeNull();
    expect(app.combobox.input.value).toBe('blood vessels');
    expect(app.combobox.listbox.querySelector('[role="option"]')!.getAttribute('data-entry-id')).toBe('angiogenesis');
  });

  it('says plainly when an asked-for entry does not exist', () => {
    app.show({ kind: 'entry', entryId: 'no-such-entry' });
    expect(document.querySelector('main h2')!.textContent).toBe('Entry not found');
    expect(document.querySelector('main')!.textContent).toContain('“no-such-entry”');
    expect(document.activeElement).toBe(document.querySelector('main h2'));
    document.querySelector<HTMLButtonElement>('main button.back')!.click();
    expect(app.view).toMatchObject({ kind: 'search' });
  });
});
