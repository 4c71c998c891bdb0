import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsPanel, MAX_HOVER_DELAY_MS, type SettingsPanel } from '../../../src/popup/settings-panel';
import {
  annotationsEnabled,
  disabledSites,
  hiddenTerms,
  occurrenceMode,
  readingLevel,
  tooltipTrigger,
} from '../../../src/settings/settings-items';
import { sampleGlossary } from './sample-glossary';

let panel: SettingsPanel;
let onAnnotationsChange: ReturnType<typeof vi.fn<() => void>>;

async function create(): Promise<SettingsPanel> {
  onAnnotationsChange = vi.fn();
  panel = createSettingsPanel(document, { glossary: sampleGlossary, onAnnotationsChange });
  document.body.replaceChildren(panel.siteControls, panel.element);
  await panel.ready;
  return panel;
}

const switches = () => [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
const radio = (legend: string, value: string) =>
  [...document.querySelectorAll('fieldset')]
    .find((f) => f.querySelector('legend')!.textContent === legend)!
    .querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
const delay = () => document.querySelector<HTMLInputElement>('input[type="number"]')!;
const restoreButtons = () => [...document.querySelectorAll<HTMLButtonElement>('button.restore')];

beforeEach(() => fakeBrowser.reset());
afterEach(() => panel?.dispose());

describe('settings panel', () => {
  it('switches annotations off and on for this site only', async () => {
    await disabledSites.setValue(['other.net']);
    await create();
    const [site] = switches();
    expect(site!.closest('label')!.hidden).toBe(true);
    panel.setSite('example.org');
    expect(site!.closest('label')!.hidden).toBe(false);
    expect(site!.closest('label')!.textContent).toBe('Annotate example.org');
    expect(site!.checked).toBe(true);
    site!.click();
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual(['other.net', 'example.org']));
    expect(onAnnotationsChange).toHaveBeenCalled();
    site!.click();
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual(['other.net']));
  });

  it("acts on the reader's click even if a late storage event redraws the switch meanwhile", async () => {
    await disabledSites.setValue(['example.org']);
    await create();
    panel.setSite('example.org');
    const [site] = switches();
    expect(site!.checked).toBe(false);
    // The read before the write is slow, and a change made elsewhere arrives during it and redraws the switch.
    const read = disabledSites.getValue.bind(disabledSites);
    vi.spyOn(disabledSites, 'getValue').mockImplementationOnce(async () => {
      await disabledSites.setValue(['example.org', 'other.net']);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return read();
    });
    site!.click();
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual(['other.net']));
    await vi.waitFor(() => expect(site!.checked).toBe(true));
  });

  it('shows a site that is already off as off', async () => {
    await disabledSites.setValue(['example.org']);
    await create();
    panel.setSite('example.org');
    expect(switches()[0]!.checked).toBe(false);
  });

  it('switches annotations off and on everywhere', async () => {
    await create();
    const global = switches()[1]!;
    expect(global.closest('label')!.textContent).toBe('Annotate web pages');
    expect(global.checked).toBe(true);
    global.click();
    await vi.waitFor(async () => expect(await annotationsEnabled.getValue()).toBe(false));
    expect(document.querySelector<HTMLElement>('.site-controls .setting-note')!.hidden).toBe(false);
    global.click();
    await vi.waitFor(async () => expect(await annotationsEnabled.getValue()).toBe(true));
  });

  it('stores the reading level and the occurrence mode', async () => {
    await create();
    expect(radio('Tooltips show', 'plain').checked).toBe(true);
    radio('Tooltips show', 'expert').click();
    await vi.waitFor(async () => expect(await readingLevel.getValue()).toBe('expert'));
    expect(radio('Mark a term', 'every').checked).toBe(true);
    radio('Mark a term', 'first').click();
    await vi.waitFor(async () => expect(await occurrenceMode.getValue()).toBe('first'));
  });

  it('stores the hover delay (kept within bounds) or the modifier key', async () => {
    await create();
    expect(delay().value).toBe('300');
    delay().value = '550';
    delay().dispatchEvent(new Event('change'));
    await vi.waitFor(async () => expect(await tooltipTrigger.getValue()).toEqual({ mode: 'hover', delayMs: 550 }));
    delay().value = '99999';
    delay().dispatchEvent(new Event('change'));
    expect(delay().value).toBe(String(MAX_HOVER_DELAY_MS));
    await vi.waitFor(async () => expect(await tooltipTrigger.getValue()).toEqual({ mode: 'hover', delayMs: MAX_HOVER_DELAY_MS }));
    delay().value = 'abc';
    delay().dispatchEvent(new Event('change'));
    expect(delay().value).toBe(String(MAX_HOVER_DELAY_MS));
    radio('Open a tooltip', 'modifier').click();
    await vi.waitFor(async () => expect(await tooltipTrigger.getValue()).toEqual({ mode: 'modifier', delayMs: MAX_HOVER_DELAY_MS }));
    expect(delay().disabled).toBe(true);
  });

  it('lists hidden terms by name and restores them one by one, keeping keyboard focus in the list', async () => {
    await hiddenTerms.setValue(['lenalidomide', 'angiogenesis', 'gone-from-glossary']);
    await create();
    expect(restoreButtons().map((b) => b.textContent)).toEqual([
      'Restore Angiogenesis',
      'Restore gone-from-glossary',
      'Restore Lenalidomide',
    ]);
    restoreButtons()[0]!.focus();
    restoreButtons()[0]!.click();
    await vi.waitFor(async () => expect(await hiddenTerms.getValue()).toEqual(['lenalidomide', 'gone-from-glossary']));
    await vi.waitFor(() => expect(document.activeElement).toBe(restoreButtons()[0]));
    expect(restoreButtons()).toHaveLength(2);
  });

  it('says when no term is hidden', async () => {
    await create();
    expect(restoreButtons()).toHaveLength(0);
    expect(document.querySelector('.hidden-terms-section')!.textContent).toContain('None.');
  });

  it('follows changes made elsewhere while open (a tooltip hiding a term, another window)', async () => {
    await create();
    await hiddenTerms.setValue(['remission']);
    await vi.waitFor(() => expect(restoreButtons().map((b) => b.textContent)).toEqual(['Restore Remission']));
    await readingLevel.setValue('expert');
    await vi.waitFor(() => expect(radio('Tooltips show', 'expert').checked).toBe(true));
    await annotationsEnabled.setValue(false);
    await vi.waitFor(() => expect(switches()[1]!.checked).toBe(false));
  });
});
