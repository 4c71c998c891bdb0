import { describe, expect, it, vi } from 'vitest';
import { findFullEntry } from '../../../src/glossary/find-entry';
import { identifierLinks, renderEntryView } from '../../../src/popup/entry-view';
import { sampleGlossary } from './sample-glossary';

const lenalidomide = findFullEntry(sampleGlossary, 'lenalidomide')!;
const text = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((n) => n.textContent?.trim());

function render(entryId = 'lenalidomide', back: { label: string; onBack(): void } | null = null) {
  const onNavigate = vi.fn();
  const view = renderEntryView(document, sampleGlossary, findFullEntry(sampleGlossary, entryId)!, { onNavigate, back });
  document.body.replaceChildren(view);
  return { view, onNavigate };
}

describe('entry view', () => {
  it('shows the name, category, surface forms, plain definition, expert note and the full entry', () => {
    const { view } = render();
    expect(view.getAttribute('aria-labelledby')).toBe(view.querySelector('h2')!.id);
    expect(view.querySelector('h2')!.textContent).toBe('Lenalidomide');
    expect(view.querySelector('.entry-category')!.textContent).toBe('Drug');
    expect(text(view, '.entry-forms div')).toEqual(['Brand nameRevlimid', 'Code nameCC-5013', 'AbbreviationLEN']);
    expect(text(view, 'h3')).toEqual(['In plain words', 'Expert note', 'Full entry', 'Related', 'Sources']);
    expect(view.querySelector('.entry-plain p')!.textContent).toBe(lenalidomide.plain);
    expect(view.querySelector('.entry-expert p')!.textContent).toBe(lenalidomide.expert);
    expect(text(view, '.entry-full p')).toEqual([
      'Lenalidomide is a newer relative of thalidomide.',
      'It is used in myeloma and some lymphomas.',
    ]);
  });

  it('cites every source: title, kind, journal, publisher, year, trust with its note, identifiers and locator', () => {
    const { view } = render();
    const [review, blog] = [...view.querySelectorAll('.citation')];
    expect(review!.querySelector('cite')!.textContent).toBe('A Review of Lenalidomide in Myeloma');
    expect(review!.querySelector('.citation-meta')!.textContent).toBe('Peer-reviewed review · Cancers · MDPI · 2023');
    expect(review!.querySelector('.citation-trust')!.textContent).toBe('High trust — A peer-reviewed review in a scientific journal.');
    expect(review!.querySelector('.citation-ids')!.textContent).toBe(
      'PMC PMC9913106 (opens in a new tab) · PubMed 36765919 (opens in a new tab) · DOI 10.3390/cancers15030963 (opens in a new tab)',
    );
    const links = [...review!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC9913106/',
      'https://pubmed.ncbi.nlm.nih.gov/36765919/',
      'https://doi.org/10.3390/cancers15030963',
    ]);
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    expect(review!.querySelector('.citation-locator')!.textContent).toBe('Section: “ABSTRACT”');
    // A source without identifiers shows none, and its low trust says why.
    expect(blog!.querySelector('.citation-ids')).toBeNull();
    expect(blog!.querySelector('.citation-trust')!.textContent).toBe('Low trust — A commercial blog without references.');
    expect(blog!.querySelector('.citation-meta')!.textContent).toBe('Commercial blog');
    expect(blog!.querySelector('.citation-locator')!.textContent).toBe('Section: “How Does Lenalidomide Work?”');
  });

  it('groups several locators of one source under one citation', () => {
    const entry = { ...lenalidomide, sources: [{ source: 'review', locator: 'ABSTRACT' }, { source: 'review', locator: 'SIMPLE SUMMARY' }] };
    const view = renderEntryView(document, sampleGlossary, entry, { onNavigate: () => {}, back: null });
    expect(view.querySelectorAll('.citation')).toHaveLength(1);
    expect(view.querySelector('.citation-locator')!.textContent).toBe('Sections: “ABSTRACT”, “SIMPLE SUMMARY”');
    expect(text(view, 'h3')).toContain('Source');
  });

  it('links related entries; a plain click navigates inside the view, a modified click is left to the browser', () => {
    const { view, onNavigate } = render();
    const links = [...view.querySelectorAll<HTMLAnchorElement>('.entry-related a')];
    expect(links.map((a) => a.textContent)).toEqual(['Thalidomide', 'Immunomodulatory drugs', 'Angiogenesis']);
    expect(links[0]!.getAttribute('href')).toBe('entry.html#entry=thalidomide');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    links[0]!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(onNavigate).toHaveBeenCalledWith('thalidomide');
    const ctrlClick = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    links[1]!.dispatchEvent(ctrlClick);
    expect(ctrlClick.defaultPrevented).toBe(false);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('has a Back button only when there is somewhere to go back to', () => {
    expect(render().view.querySelector('button.back')).toBeNull();
    const onBack = vi.fn();
    const { view } = render('thalidomide', { label: 'Lenalidomide', onBack });
    const back = view.querySelector<HTMLButtonElement>('button.back')!;
    expect(back.textContent).toBe('← Back to Lenalidomide');
    back.click();
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('sets entry text as text, never as markup', () => {
    const entry = { ...lenalidomide, name: '<img src=x>', plain: '<script>alert(1)</script>', full: '<b>x</b>' };
    const view = renderEntryView(document, sampleGlossary, entry, { onNavigate: () => {}, back: null });
    expect(view.querySelector('img, script, b')).toBeNull();
    expect(view.querySelector('h2')!.textContent).toBe('<img src=x>');
  });
});

describe('identifier links', () => {
  it('point only at the well-known public pages, one per identifier the source has', () => {
    const links = identifierLinks(sampleGlossary.sources[0]!);
    expect(links.map((l) => new URL(l.href).origin)).toEqual([
      'https://pmc.ncbi.nlm.nih.gov',
      'https://pubmed.ncbi.nlm.nih.gov',
      'https://doi.org',
    ]);
    expect(identifierLinks(sampleGlossary.sources[1]!)).toEqual([]);
    expect(identifierLinks({ ...sampleGlossary.sources[0]!, identifiers: { doi: '10.1000/a b?c#d' } })[0]!.href).toBe(
      'https://doi.org/10.1000/a%20b%3Fc%23d',
    );
  });
});
