import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARK_CLASS, OCCURRENCE_SELECTOR } from '../../../src/annotation/mark-selectors';
import { hiddenTerms, readingLevel, tooltipTrigger } from '../../../src/settings/settings-items';
import { mountTooltip, TOOLTIP_HOST_NAME, type TooltipController } from '../../../src/tooltip/mount-tooltip';
import { TERM_DESCRIPTION_ID } from '../../../src/tooltip/term-description';
import { sampleGlossary } from './sample-glossary';

// happy-dom does no layout: each mark gets a box from its data-top attribute (viewport 800 px high).
function fakeLayout() {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const top = Number((this as HTMLElement).dataset?.top ?? 0);
    return {
      x: 100,
      y: top,
      left: 100,
      top,
      right: 180,
      bottom: top + 20,
      width: 80,
      height: 20,
      toJSON: () => ({}),
    };
  });
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return [this.getBoundingClientRect()] as unknown as DOMRectList;
  });
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
}

function buildPage() {
  document.body.replaceChildren();
  const paragraph = document.createElement('p');
  const terms: [string, string, number][] = [
    ['lenalidomide', 'Lenalidomide', 100],
    ['angiogenesis', 'angiogenesis', 300],
    ['lenalidomide', 'Revlimid', 500],
  ];
  for (const [id, text, top] of terms) {
    const mark = document.createElement('mark');
    mark.className = MARK_CLASS;
    mark.dataset.glossaryId = id;
    mark.dataset.top = String(top);
    mark.textContent = text;
    paragraph.append(mark, ' text ');
  }
  const link = document.createElement('a');
  link.href = '#after';
  link.textContent = 'a link after the terms';
  document.body.append(paragraph, link);
  return [...document.querySelectorAll<HTMLElement>(OCCURRENCE_SELECTOR)];
}

let ctx: ContentScriptContext;
let tooltip: TooltipController;
let marks: HTMLElement[];

async function mount() {
  ctx = new ContentScriptContext('test');
  tooltip = await mountTooltip(ctx, {
    glossary: sampleGlossary,
    annotator: { occurrences: () => [...document.querySelectorAll(OCCURRENCE_SELECTOR)] },
    document,
  });
}

const host = () => document.querySelector(TOOLTIP_HOST_NAME)!;
const shadow = () => host().shadowRoot!;
const card = () => shadow().querySelector<HTMLElement>('.og-card')!;
const button = (action: string) => shadow().querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
const shownEntry = () => (card().hidden ? null : card().dataset.entryId);
const key = (target: EventTarget, init: KeyboardEventInit) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }),
  );
const pointer = (target: EventTarget, type: string, init: PointerEventInit = {}) =>
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'mouse', ...init }),
  );

beforeEach(async () => {
  fakeBrowser.reset();
  fakeLayout();
  marks = buildPage();
  await mount();
});

afterEach(() => {
  tooltip.destroy();
  vi.useRealTimers();
});

describe('mountTooltip: the shadow root', () => {
  it('mounts one open shadow host outside <body>, marked as the extension UI, with a hidden card', () => {
    expect(document.querySelectorAll(TOOLTIP_HOST_NAME)).toHaveLength(1);
    expect(document.body.contains(host())).toBe(false);
    expect(host().hasAttribute('data-oncology-glossary-ui')).toBe(true);
    expect(shadow().querySelectorAll('[role="tooltip"]')).toHaveLength(1);
    expect(card().hidden).toBe(true);
  });

  it('leaves nothing behind when the content script is invalidated while it is still mounting', async () => {
    tooltip.destroy();
    const early = new ContentScriptContext('test');
    const mounting = mountTooltip(early, {
      glossary: sampleGlossary,
      annotator: { occurrences: () => [] },
      document,
    });
    early.notifyInvalidated();
    await mounting;
    expect(document.querySelector(TOOLTIP_HOST_NAME)).toBeNull();
    expect(document.getElementById(TERM_DESCRIPTION_ID)).toBeNull();
  });

  it('leaves nothing behind when the content script is invalidated', async () => {
    ctx.notifyInvalidated();
    expect(document.querySelector(TOOLTIP_HOST_NAME)).toBeNull();
    expect(document.getElementById(TERM_DESCRIPTION_ID)).toBeNull();
  });
});

describe('mountTooltip: keyboard', () => {
  it('next/previous-term walk the occurrences, focusing each and describing it', () => {
    tooltip.step('next-term');
    expect(document.activeElement).toBe(marks[0]);
    expect(shownEntry()).toBe('lenalidomide');
    expect(marks[0]!.getAttribute('tabindex')).toBe('-1');
    expect(marks[0]!.getAttribute('aria-describedby')).toBe(TERM_DESCRIPTION_ID);
    expect(document.getElementById(TERM_DESCRIPTION_ID)!.textContent).toMatch(
      /^Lenalidomide, Drug\. A cancer medicine/,
    );

    tooltip.step('next-term');
    expect(document.activeElement).toBe(marks[1]);
    expect(shownEntry()).toBe('angiogenesis');
    // The previous term is neither focusable nor described any more: marks never flood the tab order.
    expect(marks[0]!.hasAttribute('tabindex')).toBe(false);
    expect(marks[0]!.hasAttribute('aria-describedby')).toBe(false);

    tooltip.step('next-term');
    tooltip.step('next-term');
    expect(document.activeElement).toBe(marks[0]);
    tooltip.step('previous-term');
    expect(document.activeElement).toBe(marks[2]);
    expect(shownEntry()).toBe('lenalidomide');
  });

  it('starts from the first term in view, not the top of the page', () => {
    marks[0]!.dataset.top = '-400';
    tooltip.step('next-term');
    expect(document.activeElement).toBe(marks[1]);
  });

  it('Tab from the focused term reaches the actions; Shift+Tab goes back to the term', () => {
    tooltip.step('next-term');
    key(marks[0]!, { key: 'Tab' });
    expect(document.activeElement).toBe(host());
    expect(shadow().activeElement).toBe(button('full-entry'));
    expect(shownEntry()).toBe('lenalidomide');
    key(button('full-entry'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(marks[0]);
    expect(shownEntry()).toBe('lenalidomide');
  });

  it('Esc in the tooltip closes it and puts focus back on the term, which stays closed', () => {
    tooltip.step('next-term');
    key(marks[0]!, { key: 'Tab' });
    key(button('full-entry'), { key: 'Escape' });
    expect(shownEntry()).toBeNull();
    expect(document.activeElement).toBe(marks[0]);
    expect(marks[0]!.hasAttribute('aria-describedby')).toBe(false);
  });

  it('focus moving away from the term and tooltip closes it', () => {
    tooltip.step('next-term');
    document.querySelector<HTMLElement>('a')!.focus();
    expect(shownEntry()).toBeNull();
  });
});

describe('mountTooltip: pointer', () => {
  beforeEach(() => vi.useFakeTimers());

  it('shows the hovered term after the delay; a quick pass shows nothing', async () => {
    pointer(marks[1]!, 'pointerover');
    await vi.advanceTimersByTimeAsync(100);
    pointer(marks[1]!, 'pointerout');
    await vi.advanceTimersByTimeAsync(1000);
    expect(shownEntry()).toBeNull();

    pointer(marks[1]!, 'pointerover');
    await vi.advanceTimersByTimeAsync(300);
    expect(shownEntry()).toBe('angiogenesis');
    expect(marks[1]!.getAttribute('aria-describedby')).toBe(TERM_DESCRIPTION_ID);
  });

  it("says what the page's abbreviation stands for, as the annotator read it on the page", async () => {
    tooltip.destroy();
    const abbreviation = document.createElement('mark');
    abbreviation.className = MARK_CLASS;
    abbreviation.dataset.glossaryId = 'lenalidomide';
    abbreviation.textContent = 'LEN';
    document.body.append(abbreviation);
    const asked: string[] = [];
    ctx = new ContentScriptContext('test');
    tooltip = await mountTooltip(ctx, {
      glossary: sampleGlossary,
      annotator: {
        occurrences: () => [...document.querySelectorAll(OCCURRENCE_SELECTOR)],
        spelledOutAs: (shortForm, entryId) => {
          asked.push(`${shortForm} ${entryId}`);
          return shortForm === 'LEN' ? 'lenalidomide' : null;
        },
      },
      document,
    });
    const onPage = () => shadow().querySelector<HTMLElement>('.og-on-page')!;
    pointer(abbreviation, 'pointerover');
    await vi.advanceTimersByTimeAsync(300);
    expect(shownEntry()).toBe('lenalidomide');
    expect(onPage().hidden).toBe(false);
    expect(onPage().textContent).toBe('On this page, LEN stands for “lenalidomide”.');
    pointer(abbreviation, 'pointerout');
    pointer(marks[0]!, 'pointerover');
    await vi.advanceTimersByTimeAsync(1000);
    expect(card().querySelector('.og-definition')!.textContent).toBe('A cancer medicine taken by mouth.');
    expect(onPage().hidden).toBe(true);
    expect(asked).toEqual(['LEN lenalidomide', 'Lenalidomide lenalidomide']);
  });

  it('modifier mode: only Alt shows it, and the setting applies live', async () => {
    await tooltipTrigger.setValue({ mode: 'modifier', delayMs: 300 });
    pointer(marks[1]!, 'pointerover');
    await vi.advanceTimersByTimeAsync(2000);
    expect(shownEntry()).toBeNull();
    key(document, { key: 'Alt', altKey: true });
    expect(shownEntry()).toBe('angiogenesis');
  });

  it('stays while the pointer is on the tooltip; Esc closes it with the pointer unmoved', async () => {
    pointer(marks[0]!, 'pointerover');
    await vi.advanceTimersByTimeAsync(300);
    pointer(marks[0]!, 'pointerout', { relatedTarget: host() });
    pointer(card(), 'pointerenter');
    await vi.advanceTimersByTimeAsync(3000);
    expect(shownEntry()).toBe('lenalidomide');
    key(document.body, { key: 'Escape' });
    expect(shownEntry()).toBeNull();
  });

  it('a touch tap shows the term at once; a tap elsewhere closes it', async () => {
    pointer(marks[1]!, 'pointerover', { pointerType: 'touch' });
    marks[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(shownEntry()).toBe('angiogenesis');
    pointer(document.body, 'pointerdown', { pointerType: 'touch' });
    expect(shownEntry()).toBeNull();
  });

  it('a pointer dragging a selection across a term shows nothing', async () => {
    pointer(marks[1]!, 'pointerover', { buttons: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(shownEntry()).toBeNull();
  });

  it('an Alt press that opened the tooltip keeps its release from the browser (menu bar)', async () => {
    pointer(marks[1]!, 'pointerover');
    key(document, { key: 'Alt', altKey: true });
    expect(shownEntry()).toBe('angiogenesis');
    const release = new KeyboardEvent('keyup', { key: 'Alt', bubbles: true, cancelable: true });
    document.dispatchEvent(release);
    expect(release.defaultPrevented).toBe(true);
    const otherRelease = new KeyboardEvent('keyup', { key: 'Alt', bubbles: true, cancelable: true });
    document.dispatchEvent(otherRelease);
    expect(otherRelease.defaultPrevented).toBe(false);
  });

  it('ignores marks of ids the glossary does not know', async () => {
    const stray = document.createElement('mark');
    stray.className = MARK_CLASS;
    stray.dataset.glossaryId = 'not-in-glossary';
    document.body.append(stray);
    pointer(stray, 'pointerover');
    await vi.advanceTimersByTimeAsync(1000);
    expect(shownEntry()).toBeNull();
  });
});

describe('mountTooltip: settings and actions', () => {
  it('switches to the expert note live when the reading level changes', async () => {
    tooltip.step('next-term');
    await readingLevel.setValue('expert');
    await vi.waitFor(() =>
      expect(card().querySelector('.og-definition')!.textContent).toMatch(/^A thalidomide-derived/),
    );
  });

  it('"Hide this term" adds the entry to the hidden terms and closes the tooltip', async () => {
    await hiddenTerms.setValue(['angiogenesis']);
    tooltip.step('next-term');
    button('hide-term').click();
    expect(shownEntry()).toBeNull();
    await vi.waitFor(async () =>
      expect(await hiddenTerms.getValue()).toEqual(['angiogenesis', 'lenalidomide']),
    );
  });

  it('"Full entry" asks the background to open the entry', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    tooltip.step('next-term');
    tooltip.step('next-term');
    button('full-entry').click();
    expect(send).toHaveBeenCalledWith({ type: 'open-full-entry', entryId: 'angiogenesis' });
    expect(shownEntry()).toBeNull();
  });

  it('closes when its term is hidden from elsewhere (the popup, another tab)', async () => {
    tooltip.step('next-term');
    await hiddenTerms.setValue(['lenalidomide']);
    await vi.waitFor(() => expect(shownEntry()).toBeNull());
  });
});
