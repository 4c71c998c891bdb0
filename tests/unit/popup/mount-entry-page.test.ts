import { beforeEach, describe, expect, it } from 'vitest';
import { mountEntryPage } from '../../../src/popup/mount-entry-page';
import { sampleGlossary } from './sample-glossary';

function open(hash: string) {
  window.history.replaceState(null, '', `/entry.html${hash}`);
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  return mountEntryPage(window, root, sampleGlossary);
}

beforeEach(() => {
  document.title = '';
});

describe('full-entry page', () => {
  it('opens the entry named in the hash, titled after it, with the notice', () => {
    open('#entry=lenalidomide');
    expect(document.querySelector('article.entry h2')!.textContent).toBe('Lenalidomide');
    expect(document.title).toBe('Lenalidomide — Oncology Glossary');
    expect(document.querySelector('h1')!.textContent).toBe('Oncology Glossary');
    expect(document.querySelector('footer')!.textContent).toContain('Educational, not medical advice.');
  });

  it('runs the search named in the hash', () => {
    const app = open('#q=spread%20of%20cancer');
    expect(app.combobox.input.value).toBe('spread of cancer');
    expect(app.combobox.listbox.querySelector('[role="option"]')!.getAttribute('data-entry-id')).toBe('metastasis');
  });

  it('keeps the URL in step with the view, so a reload shows the same entry', () => {
    const app = open('#entry=lenalidomide');
    document.querySelector<HTMLAnchorElement>('.entry-related a[href$="=thalidomide"]')!.click();
    expect(window.location.hash).toBe('#entry=thalidomide');
    expect(document.title).toBe('Thalidomide — Oncology Glossary');
    app.back();
    expect(window.location.hash).toBe('#entry=lenalidomide');
  });

  it('lists every term A–Z while the search is empty', () => {
    open('');
    const names = [...document.querySelectorAll('.term-index a')].map((a) => a.textContent);
    expect(names).toHaveLength(sampleGlossary.entries.length);
    expect(names).toEqual([...names].sort((a, b) => a!.localeCompare(b!)));
    document.querySelector<HTMLAnchorElement>('.term-index a')!.click();
    expect(document.querySelector('article.entry h2')!.textContent).toBe(names[0]);
  });

  it('follows hash changes', async () => {
    open('#entry=lenalidomide');
    window.location.hash = '#entry=remission';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(document.querySelector('article.entry h2')!.textContent).toBe('Remission');
  });
});
