import type { FullGlossary } from '../glossary/compiled-glossary';
import { findFullEntry } from '../glossary/find-entry';
import {
  annotationsEnabled,
  DEFAULT_HOVER_DELAY_MS,
  disabledSites,
  hiddenTerms,
  occurrenceMode,
  readingLevel,
  tooltipTrigger,
  type OccurrenceMode,
  type ReadingLevel,
  type TooltipTrigger,
} from '../settings/settings-items';
import { el, uniqueId, visuallyHidden } from './create-element';

/** Longest hover delay the popup accepts; longer would feel broken. */
export const MAX_HOVER_DELAY_MS = 2000;

export interface SettingsPanel {
  /** On/off for this site and everywhere. */
  readonly siteControls: HTMLElement;
  /** Reading level, occurrences, tooltip trigger, hidden terms. */
  readonly element: HTMLElement;
  /** Resolves once every control shows the stored value. */
  readonly ready: Promise<void>;
  /** The site of the active tab, as its content script reported it (null: none, e.g. a browser page). */
  setSite(site: string | null): void;
  /** Stops watching storage. */
  dispose(): void;
}

export interface SettingsPanelOptions {
  glossary: FullGlossary;
  /** Annotations were switched on or off here or everywhere (the page's term list is then out of date). */
  onAnnotationsChange?(): void;
}

function switchControl(doc: Document, text: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el(doc, 'input', { className: 'switch', attrs: { type: 'checkbox', role: 'switch' } });
  const label = el(doc, 'label', { className: 'switch-label' }, [input, el(doc, 'span', { text })]);
  return { label, input };
}

function radioGroup<T extends string>(
  doc: Document,
  legend: string,
  choices: readonly { value: T; text: string }[],
  onChoose: (value: T) => void,
): { element: HTMLFieldSetElement; set(value: T): void; radios: HTMLInputElement[] } {
  const name = uniqueId('setting');
  const radios = choices.map(({ value }) => {
    const radio = el(doc, 'input', { attrs: { type: 'radio', name, value } });
    radio.addEventListener('change', () => radio.checked && onChoose(value));
    return radio;
  });
  const element = el(doc, 'fieldset', { className: 'setting' }, [
    el(doc, 'legend', { text: legend }),
    ...choices.map((choice, i) => el(doc, 'label', { className: 'choice' }, [radios[i]!, ` ${choice.text}`])),
  ]);
  return { element, radios, set: (value) => radios.forEach((r) => (r.checked = r.value === value)) };
}

/** The popup's controls, bound to the settings items; content scripts watch the same items and apply changes live. */
export function createSettingsPanel(doc: Document, options: SettingsPanelOptions): SettingsPanel {
  const { glossary, onAnnotationsChange } = options;
  let site: string | null = null;
  let sites: string[] = [];
  const unwatch: (() => void)[] = [];

  // --- This site / everywhere -----------------------------------------------------------------------------
  const siteSwitch = switchControl(doc, 'Annotate this site');
  const siteName = siteSwitch.label.querySelector('span')!;
  siteSwitch.label.hidden = true;
  const globalSwitch = switchControl(doc, 'Annotate web pages');
  const globalNote = el(doc, 'p', { className: 'setting-note', text: 'Annotations are off everywhere.' });
  globalNote.hidden = true;
  const siteHeadingId = uniqueId('site-heading');
  const siteControls = el(doc, 'section', { className: 'site-controls', attrs: { 'aria-labelledby': siteHeadingId } }, [
    el(doc, 'h2', { className: 'visually-hidden', text: 'Annotations', attrs: { id: siteHeadingId } }),
    siteSwitch.label,
    globalSwitch.label,
    globalNote,
  ]);

  function renderSite(): void {
    siteSwitch.label.hidden = site === null;
    if (site !== null) {
      siteName.textContent = `Annotate ${site}`;
      siteSwitch.input.checked = !sites.includes(site);
    }
  }
  siteSwitch.input.addEventListener('change', async () => {
    if (site === null) return;
    // Read the reader's choice now: a storage event from an earlier toggle may redraw the switch during the await.
    const on = siteSwitch.input.checked;
    const key = site;
    const current = await disabledSites.getValue();
    const next = on ? current.filter((s) => s !== key) : [...new Set([...current, key])];
    await disabledSites.setValue(next);
    onAnnotationsChange?.();
  });
  globalSwitch.input.addEventListener('change', async () => {
    const on = globalSwitch.input.checked;
    globalNote.hidden = on;
    await annotationsEnabled.setValue(on);
    onAnnotationsChange?.();
  });

  // --- Reading level, occurrences, tooltip ---------------------------------------------------------------
  const level = radioGroup<ReadingLevel>(
    doc,
    'Tooltips show',
    [
      { value: 'plain', text: 'Plain definitions' },
      { value: 'expert', text: 'Expert notes (for students)' },
    ],
    (value) => void readingLevel.setValue(value),
  );
  const occurrences = radioGroup<OccurrenceMode>(
    doc,
    'Mark a term',
    [
      { value: 'every', text: 'Every time it appears' },
      { value: 'first', text: 'Only the first time on a page' },
    ],
    (value) => void occurrenceMode.setValue(value),
  );

  let trigger: TooltipTrigger = { mode: 'hover', delayMs: DEFAULT_HOVER_DELAY_MS };
  const triggerGroup = radioGroup<TooltipTrigger['mode']>(
    doc,
    'Open a tooltip',
    [
      { value: 'hover', text: 'When the pointer rests on a term' },
      { value: 'modifier', text: 'Only while holding Alt (Option on a Mac)' },
    ],
    (mode) => void saveTrigger({ ...trigger, mode }),
  );
  const delayId = uniqueId('hover-delay');
  const delayInput = el(doc, 'input', {
    className: 'delay-input',
    attrs: { id: delayId, type: 'number', min: '0', max: String(MAX_HOVER_DELAY_MS), step: '50', inputmode: 'numeric' },
  });
  const delayRow = el(doc, 'div', { className: 'delay-row' }, [
    el(doc, 'label', { text: 'Hover delay (milliseconds)', attrs: { for: delayId } }),
    delayInput,
  ]);
  triggerGroup.element.append(delayRow);
  delayInput.addEventListener('change', () => {
    const value = Number.parseInt(delayInput.value, 10);
    const delayMs = Number.isFinite(value) ? Math.min(MAX_HOVER_DELAY_MS, Math.max(0, value)) : trigger.delayMs;
    delayInput.value = String(delayMs);
    void saveTrigger({ ...trigger, delayMs });
  });
  function renderTrigger(): void {
    triggerGroup.set(trigger.mode);
    delayInput.value = String(trigger.delayMs);
    delayInput.disabled = trigger.mode !== 'hover';
  }
  async function saveTrigger(next: TooltipTrigger): Promise<void> {
    trigger = next;
    renderTrigger();
    await tooltipTrigger.setValue(next);
  }

  // --- Hidden terms -------------------------------------------------------------------------------------
  const hiddenHeadingId = uniqueId('hidden-heading');
  const hiddenHeading = el(doc, 'h3', { text: 'Hidden terms', attrs: { id: hiddenHeadingId, tabindex: '-1' } });
  const hiddenMessage = el(doc, 'p', { className: 'setting-note' });
  const hiddenList = el(doc, 'ul', { className: 'hidden-terms', attrs: { 'aria-labelledby': hiddenHeadingId } });
  let hidden: string[] = [];

  function renderHidden(): void {
    hiddenMessage.textContent = hidden.length
      ? 'Terms you chose to hide are not marked on any page.'
      : 'None. “Hide this term” in a tooltip puts a term you know here.';
    hiddenList.hidden = hidden.length === 0;
    const entries = hidden
      .map((id) => ({ id, name: findFullEntry(glossary, id)?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name));
    hiddenList.replaceChildren(
      ...entries.map(({ id, name }) => {
        const restore = el(doc, 'button', { className: 'restore', attrs: { type: 'button', 'data-entry-id': id } }, [
          'Restore',
          visuallyHidden(doc, ` ${name}`),
        ]);
        restore.addEventListener('click', async () => {
          const items = [...hiddenList.querySelectorAll<HTMLButtonElement>('button.restore')];
          const at = items.indexOf(restore);
          hidden = (await hiddenTerms.getValue()).filter((h) => h !== id);
          await hiddenTerms.setValue(hidden);
          renderHidden();
          // Keep keyboard users in the list: the next Restore button, else the heading.
          const left = [...hiddenList.querySelectorAll<HTMLButtonElement>('button.restore')];
          (left[Math.min(at, left.length - 1)] ?? hiddenHeading).focus();
        });
        return el(doc, 'li', {}, [el(doc, 'span', { className: 'hidden-term-name', text: name }), restore]);
      }),
    );
  }

  const settingsHeadingId = uniqueId('settings-heading');
  const element = el(doc, 'section', { className: 'settings', attrs: { 'aria-labelledby': settingsHeadingId } }, [
    el(doc, 'h2', { text: 'Settings', attrs: { id: settingsHeadingId } }),
    level.element,
    occurrences.element,
    triggerGroup.element,
    el(doc, 'section', { className: 'hidden-terms-section', attrs: { 'aria-labelledby': hiddenHeadingId } }, [
      hiddenHeading,
      hiddenMessage,
      hiddenList,
    ]),
  ]);

  const ready = Promise.all([
    annotationsEnabled.getValue(),
    disabledSites.getValue(),
    readingLevel.getValue(),
    occurrenceMode.getValue(),
    tooltipTrigger.getValue(),
    hiddenTerms.getValue(),
  ]).then(([enabled, disabled, levelValue, occurrenceValue, triggerValue, hiddenValue]) => {
    globalSwitch.input.checked = enabled;
    globalNote.hidden = enabled;
    sites = disabled;
    renderSite();
    level.set(levelValue);
    occurrences.set(occurrenceValue);
    trigger = triggerValue;
    renderTrigger();
    hidden = hiddenValue;
    renderHidden();
  });

  // Another window (or a tooltip's "Hide this term") may change a setting while the popup is open.
  unwatch.push(
    annotationsEnabled.watch((value) => {
      globalSwitch.input.checked = value;
      globalNote.hidden = value;
    }),
    disabledSites.watch((value) => {
      sites = value;
      renderSite();
    }),
    readingLevel.watch((value) => level.set(value)),
    occurrenceMode.watch((value) => occurrences.set(value)),
    tooltipTrigger.watch((value) => {
      trigger = value;
      renderTrigger();
    }),
    hiddenTerms.watch((value) => {
      if (value.join('\n') === hidden.join('\n')) return;
      hidden = value;
      renderHidden();
    }),
  );

  return {
    siteControls,
    element,
    ready,
    setSite(value) {
      site = value;
      renderSite();
    },
    dispose: () => unwatch.forEach((stop) => stop()),
  };
}
