import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FLASH_CLASS, MARK_SELECTOR } from '../../../src/annotation/mark-selectors';
import { startAnnotator, type Annotator } from '../../../src/annotation/start-annotator';
import {
  annotationsEnabled,
  disabledSites,
  hiddenTerms,
  occurrenceMode,
} from '../../../src/settings/settings-items';
import { siteKey } from '../../../src/settings/site-key';
import { makeTestGlossary } from '../matching/test-glossary';
import { fakeContext, occurrences, setBody, stopAllEngines, type FakeContext } from './annotation-helpers';

const PAGE =
  '<p>Multiple myeloma (MM) is treated with lenalidomide.</p>' +
  '<p>Lenalidomide is an IMiD; MM cells respond to lenalidomide.</p>' +
  '<p>Then <i>CAR</i> T-cell therapy.</p>';

const started: { annotator: Annotator; ctx: FakeContext }[] = [];

async function start(): Promise<{ annotator: Annotator; ctx: FakeContext }> {
  const ctx = fakeContext();
  const annotator = startAnnotator(ctx, {
    glossary: makeTestGlossary(),
    document,
    engine: { batchDelayMs: 10 },
  });
  started.push({ annotator, ctx });
  await annotator.idle();
  return { annotator, ctx };
}

/** Lets a storage change reach the watchers, then waits for the work it causes. */
async function afterChange(annotator: Annotator): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await annotator.idle();
}

beforeEach(() => {
  for (const { annotator } of started.splice(0)) annotator.stop();
  stopAllEngines();
  fakeBrowser.reset();
  setBody(PAGE);
});

describe('page terms', () => {
  it('lists terms in page order of first occurrence, with counts', async () => {
    const { annotator } = await start();
    expect(annotator.pageTerms()).toEqual({
      site: siteKey(location.href),
      active: true,
      terms: [
        {
          entryId: 'multiple-myeloma',
          name: 'multiple myeloma',
          count: 3,
          abbreviations: [{ shortForm: 'MM', longForm: 'Multiple myeloma' }],
        },
        { entryId: 'lenalidomide', name: 'lenalidomide', count: 3, abbreviations: [] },
        { entryId: 'immunomodulatory-drugs', name: 'immunomodulatory drug', count: 1, abbreviations: [] },
        { entryId: 'car-t-cell-therapy', name: 'CAR T-cell therapy', count: 1, abbreviations: [] },
      ],
    });
  });

  it("leaves out a long form longer than the answer's bounds rather than cut it", async () => {
    // A headed long form of 210 characters: nine long words, then the glossary term.
    const words = Array.from({ length: 9 }, (_, i) => 'abcdefghi'[i] + 'x'.repeat(20)).join(' ');
    setBody(`<p>Lenalidomide is given. ${words} lenalidomide (ABCDEFGHIL) and POM (pomalidomide).</p>`);
    const { annotator } = await start();
    expect(annotator.pageTerms().terms.map((t) => [t.entryId, t.abbreviations])).toEqual([
      ['lenalidomide', []],
      ['pomalidomide', [{ shortForm: 'POM', longForm: 'pomalidomide' }]],
    ]);
  });

  it('occurrences() gives one head mark per occurrence, in document order', async () => {
    const { annotator } = await start();
    expect(annotator.occurrences().map((mark) => mark.textContent)).toEqual([
      'Multiple myeloma',
      'MM',
      'lenalidomide',
      'Lenalidomide',
      'IMiD',
      'MM',
      'lenalidomide',
      'CAR',
    ]);
  });
});

describe('reveal a term', () => {
  it('scrolls to the next occurrence each time, cycling, and focuses and flashes it', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    const { annotator } = await start();
    const lenalidomide = annotator.occurrences().filter((m) => m.dataset.glossaryId === 'lenalidomide');
    for (const expected of [0, 1, 2, 0]) {
      expect(annotator.revealTerm('lenalidomide')).toBe(true);
      expect(scrolled.at(-1)).toBe(lenalidomide[expected]);
      expect(document.activeElement).toBe(lenalidomide[expected]);
      expect(lenalidomide[expected]!.classList.contains(FLASH_CLASS)).toBe(true);
    }
    expect(annotator.revealTerm('angiogenesis')).toBe(false);
  });

  it('flashes every piece of an occurrence split across elements, for a moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
      const ctx = fakeContext();
      const annotator = startAnnotator(ctx, { glossary: makeTestGlossary(), document });
      started.push({ annotator, ctx });
      // Until the pass is over: on a busy machine it takes several slices, and the term comes last.
      let idle = false;
      void annotator.idle().then(() => (idle = true));
      await vi.waitFor(async () => {
        await vi.advanceTimersByTimeAsync(50);
        expect(idle).toBe(true);
      });
      annotator.revealTerm('car-t-cell-therapy');
      const pieces = [...document.querySelectorAll('mark[data-glossary-id="car-t-cell-therapy"]')];
      expect(pieces).toHaveLength(2);
      expect(pieces.every((p) => p.classList.contains(FLASH_CLASS))).toBe(true);
      await vi.advanceTimersByTimeAsync(2000);
      expect(pieces.some((p) => p.classList.contains(FLASH_CLASS))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('settings', () => {
  it('annotations off globally: nothing is marked and the popup is told so', async () => {
    await annotationsEnabled.setValue(false);
    const { annotator } = await start();
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(annotator.pageTerms()).toMatchObject({ active: false, terms: [] });
    expect(annotator.revealTerm('lenalidomide')).toBe(false);
  });

  it('off for this site only', async () => {
    await disabledSites.setValue([siteKey(location.href)!]);
    const { annotator } = await start();
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(annotator.pageTerms().active).toBe(false);
  });

  it('turning annotations off and on applies live, restoring the exact text', async () => {
    const { annotator } = await start();
    const annotated = occurrences();
    const changed = vi.fn();
    annotator.onChange(changed);
    await annotationsEnabled.setValue(false);
    await afterChange(annotator);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(document.body.textContent).toBe(
      'Multiple myeloma (MM) is treated with lenalidomide.Lenalidomide is an IMiD; MM cells respond to lenalidomide.Then CAR T-cell therapy.',
    );
    await annotationsEnabled.setValue(true);
    await afterChange(annotator);
    expect(occurrences()).toEqual(annotated);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('switching this site off and on applies live', async () => {
    const { annotator } = await start();
    await disabledSites.setValue(['example.org', siteKey(location.href)!]);
    await afterChange(annotator);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    await disabledSites.setValue(['example.org']);
    await afterChange(annotator);
    expect(document.querySelectorAll(MARK_SELECTOR).length).toBeGreaterThan(0);
  });

  it('hiding a term removes its marks live', async () => {
    const { annotator } = await start();
    await hiddenTerms.setValue(['lenalidomide']);
    await afterChange(annotator);
    expect(annotator.pageTerms().terms.map((t) => t.entryId)).toEqual([
      'multiple-myeloma',
      'immunomodulatory-drugs',
      'car-t-cell-therapy',
    ]);
  });

  it('first occurrence only, live', async () => {
    const { annotator } = await start();
    await occurrenceMode.setValue('first');
    await afterChange(annotator);
    expect(occurrences()).toEqual([
      'Multiple myeloma → multiple-myeloma',
      'lenalidomide → lenalidomide',
      'IMiD → immunomodulatory-drugs',
      'CAR T-cell therapy → car-t-cell-therapy',
    ]);
    expect(annotator.pageTerms().terms.map((t) => [t.entryId, t.count])).toEqual([
      ['multiple-myeloma', 1],
      ['lenalidomide', 1],
      ['immunomodulatory-drugs', 1],
      ['car-t-cell-therapy', 1],
    ]);
    // And back to every occurrence.
    await occurrenceMode.setValue('every');
    await afterChange(annotator);
    expect(annotator.pageTerms().terms.map((t) => t.count)).toEqual([3, 3, 1, 1]);
  });

  it('stops following settings once the content script is invalidated', async () => {
    const { annotator, ctx } = await start();
    ctx.invalidate();
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    await annotationsEnabled.setValue(false);
    await annotationsEnabled.setValue(true);
    await afterChange(annotator);
    expect(document.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });
});
