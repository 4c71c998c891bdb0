// The stylesheet as a string, handed to the shadow root directly: no CSS file for WXT to fetch at run time and
// so nothing web-accessible in the manifest (cssInjectionMode 'ui' would need both).
import tooltipCss from './tooltip.css?inline';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ENTRY_ID_ATTRIBUTE, EXTENSION_UI_ATTRIBUTE, MARK_SELECTOR } from '../annotation/mark-selectors';
import type { ContentGlossary } from '../glossary/compiled-glossary';
import { findContentEntry } from '../glossary/find-entry';
import type { ContentToBackground } from '../messaging/messages';
import {
  DEFAULT_HOVER_DELAY_MS,
  hiddenTerms,
  readingLevel,
  tooltipTrigger,
  type ReadingLevel,
  type TooltipTrigger,
} from '../settings/settings-items';
import { focusTerm } from './focus-term';
import { createHoverIntent, type OpenReason } from './hover-intent';
import { liftTooltipHost, lowerTooltipHost } from './lift-tooltip-host';
import { occurrenceHead, occurrencePieces } from './occurrence-pieces';
import { occurrenceReference, placeTooltip, type PointerPosition } from './place-tooltip';
import { stepOccurrence, viewportPosition } from './step-occurrence';
import { createTermDescription } from './term-description';
import { tooltipContent, type PageDefinition } from './tooltip-content';
import { createTooltipView } from './tooltip-view';

/** Tag name of the shadow host (a custom element name, so no page rule for div or span reaches it). */
export const TOOLTIP_HOST_NAME = 'oncology-glossary-tooltip';

/** After the pointer leaves both term and tooltip, the tooltip waits this long before closing. */
export const HIDE_GRACE_MS = 400;

/** Longest hover delay honoured: a stored value beyond it is a mistake, not a wish. */
const MAX_HOVER_DELAY_MS = 3000;

/** What the tooltip needs from the annotator. */
export interface TooltipAnnotator {
  /** The head mark of every occurrence on the page, in page order. */
  occurrences(): readonly Element[];
  /** Makes sure `occurrences()` holds the one a step from `from` lands on. */
  prepareStep?(from: Element | null, direction: 'next' | 'previous'): void;
  /** What the page says the abbreviation `shortForm` stands for, when it defines it as `entryId`. */
  spelledOutAs?(shortForm: string, entryId: string): string | null;
}

export interface TooltipOptions {
  glossary: ContentGlossary;
  annotator: TooltipAnnotator;
  document?: Document;
}

/** What the content script drives: the keyboard commands, and teardown. */
export interface TooltipController {
  /** Goes to the next or previous occurrence: scrolls it into view, focuses it and shows its tooltip. */
  step(command: 'next-term' | 'previous-term'): void;
  /** Whether its shadow host is still in the page (a page writing a new document into itself takes it out). */
  isAttached(): boolean;
  destroy(): void;
}

function sanitizeTrigger(value: TooltipTrigger | null | undefined): TooltipTrigger {
  const mode = value?.mode === 'modifier' ? 'modifier' : 'hover';
  const delay = Number(value?.delayMs);
  const delayMs = Number.isFinite(delay)
    ? Math.min(Math.max(delay, 0), MAX_HOVER_DELAY_MS)
    : DEFAULT_HOVER_DELAY_MS;
  return { mode, delayMs };
}

const isElement = (target: EventTarget | null): target is Element =>
  typeof (target as Element | null)?.closest === 'function';

/**
 * Where an event really happened: seen from the document, an event inside an open shadow root is retargeted
 * to its host, but its composed path starts at the mark (a closed shadow root's path starts at the host).
 */
const innerTarget = (event: Event): EventTarget | null => event.composedPath?.()[0] ?? event.target;

/** Whether an event comes from inside an open shadow root (its target, seen from the document, is the host). */
const fromShadowHost = (event: Event): boolean =>
  (event.target as Element | null)?.shadowRoot != null && innerTarget(event) !== event.target;

/** The focused element, inside open shadow roots too (the document's activeElement is their host). */
function deepActiveElement(document: Document): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Mounts the glossary tooltip on the page: one card in an open shadow root (WXT `createShadowRootUi`, its own
 * stylesheet inside), reused for every term, driven by listeners delegated on the document and
 * registered through `ctx`, so nothing outlives the content script.
 */
export async function mountTooltip(
  ctx: ContentScriptContext,
  options: TooltipOptions,
): Promise<TooltipController> {
  const { glossary, annotator } = options;
  const document = options.document ?? window.document;
  const view = createTooltipView(document);
  const description = createTermDescription(document);
  // The awaits below give the context time to be invalidated before the rest is wired up.
  ctx.onInvalidated(() => description.remove());

  const ui = await createShadowRootUi(ctx, {
    name: TOOLTIP_HOST_NAME,
    css: tooltipCss,
    position: 'inline',
    // Outside <body>: a page's transform or filter on body cannot move it, and body's text stays the page's own.
    anchor: document.documentElement,
    append: 'last',
    mode: 'open',
    // Keys typed in the tooltip's buttons are not the page's shortcuts.
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute(EXTENSION_UI_ATTRIBUTE, '');
      container.className = 'og-container';
      container.append(view.card);
    },
  });
  ui.mount();
  const host = ui.shadowHost;
  const shadow = ui.shadow;
  const home = document.documentElement;

  let trigger = sanitizeTrigger(await tooltipTrigger.getValue());
  let level: ReadingLevel = await readingLevel.getValue();

  let shown: { head: Element; reason: OpenReason } | null = null;
  let lastStepped: Element | null = null;
  let lastPointer: PointerPosition | undefined;
  /** The term under the pointer inside a page's open shadow root (see the pointermove listener). */
  let shadowTerm: Element | null = null;
  let stopPlacing: (() => void) | null = null;
  /** The last Alt press opened the tooltip (its release must not reach the browser's menu bar). */
  let altShowedTooltip = false;

  const entryIdOf = (head: Element) => head.getAttribute(ENTRY_ID_ATTRIBUTE) ?? '';

  /** The occurrence (its head mark) an event target is in, if it is a term this glossary knows. */
  const termFrom = (target: EventTarget | null): Element | null => {
    if (!isElement(target)) return null;
    const mark = target.closest(MARK_SELECTOR);
    if (!mark) return null;
    const head = occurrenceHead(mark);
    return findContentEntry(glossary, entryIdOf(head)) ? head : null;
  };

  /** The abbreviation at `head` as the page defines it ("multiple myeloma (MM)"), or null. */
  const definedOnPage = (head: Element): PageDefinition | null => {
    const shortForm = occurrencePieces(head)
      .map((piece) => piece.textContent ?? '')
      .join('');
    const longForm = annotator.spelledOutAs?.(shortForm, entryIdOf(head)) ?? null;
    return longForm === null ? null : { shortForm, longForm };
  };

  const render = (head: Element, reason: OpenReason) => {
    const content = tooltipContent(glossary, entryIdOf(head), level, definedOnPage(head));
    if (!content) return;
    const moved = shown?.head !== head;
    shown = { head, reason };
    view.render(content, { keyboardHint: reason === 'focus' });
    description.describe(head, view.descriptionText());
    if (moved) {
      stopPlacing?.();
      liftTooltipHost(host, head, home);
      const reference = occurrenceReference(occurrencePieces(head));
      stopPlacing = placeTooltip(reference, view.card, view.arrow, {
        pointer: reason === 'pointer' ? lastPointer : undefined,
        // The page re-rendered the text, or annotations were turned off: nothing left to point at.
        onReferenceGone: () => intent.close(),
      });
    }
  };

  const hideView = () => {
    stopPlacing?.();
    stopPlacing = null;
    view.hide();
    description.clear();
    shown = null;
    lowerTooltipHost(host, home);
  };

  const intent = createHoverIntent<Element>({
    trigger: () => trigger,
    graceMs: HIDE_GRACE_MS,
    schedule: (callback, ms) => {
      const id = ctx.setTimeout(callback, ms);
      return () => clearTimeout(id);
    },
    show: render,
    hide: hideView,
  });

  // Seen from the document, anything inside the shadow root is retargeted to the host (checked both ways).
  const isInTooltip = (target: EventTarget | null) =>
    target === host || (target as Node | null)?.getRootNode?.() === shadow;
  const focusIsInTooltip = () => document.activeElement === host && shadow.activeElement !== null;

  /** Puts focus back on the term the tooltip belongs to (after Esc in the tooltip, or Shift+Tab out of it). */
  const refocusTerm = (head: Element) => {
    if (head.isConnected) focusTerm(head as HTMLElement);
  };

  // Everything registered here is removed when the context is invalidated (ctx) or on destroy (removers).
  const removers: (() => void)[] = [];
  const listen = <E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    listenerOptions: AddEventListenerOptions = {},
  ) => {
    ctx.addEventListener(target, type, handler as EventListener, listenerOptions);
    removers.push(() => target.removeEventListener(type, handler as EventListener, listenerOptions));
  };
  // Capture phase: the page's own handlers cannot stop these from reaching us.
  const capture = { capture: true, passive: true };

  listen<PointerEvent>(
    document,
    'pointerover',
    (event) => {
      // Touch has no hover (a tap is handled by the click below); a held button is a text selection in progress.
      if (event.pointerType === 'touch' || event.buttons !== 0) return;
      lastPointer = { x: event.clientX, y: event.clientY };
      const head = termFrom(innerTarget(event));
      if (fromShadowHost(event)) shadowTerm = head;
      if (head && termFrom(event.relatedTarget) !== head) intent.pointerEnterTerm(head, event.altKey);
    },
    capture,
  );

  // Inside one shadow tree, pointerover/out never reach the document (target and relatedTarget retarget to the
  // same host, and such events stop at it): the pointer's moves there tell which term it is on.
  listen<PointerEvent>(
    document,
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch' || event.buttons !== 0 || !fromShadowHost(event)) return;
      const head = termFrom(innerTarget(event));
      if (head === shadowTerm) return;
      if (shadowTerm) intent.pointerLeaveTerm(shadowTerm);
      shadowTerm = head;
      lastPointer = { x: event.clientX, y: event.clientY };
      if (head) intent.pointerEnterTerm(head, event.altKey);
    },
    capture,
  );

  listen<PointerEvent>(
    document,
    'pointerout',
    (event) => {
      if (event.pointerType === 'touch') return;
      const head = termFrom(innerTarget(event));
      // Seen from the document, the pointer only leaves a shadow tree as a whole.
      if (fromShadowHost(event)) shadowTerm = null;
      if (head && termFrom(event.relatedTarget) !== head) intent.pointerLeaveTerm(head);
    },
    capture,
  );

  listen<PointerEvent>(view.card, 'pointerenter', (event) => {
    if (event.pointerType !== 'touch') intent.pointerEnterTooltip();
  });
  listen<PointerEvent>(view.card, 'pointerleave', (event) => {
    if (event.pointerType !== 'touch') intent.pointerLeaveTooltip();
  });

  listen<MouseEvent>(
    document,
    'click',
    (event) => {
      const head = termFrom(innerTarget(event));
      // Selecting text inside a term is not a request for its definition.
      if (head && (document.getSelection()?.isCollapsed ?? true)) intent.request(head, 'tap');
    },
    capture,
  );

  listen<PointerEvent>(
    document,
    'pointerdown',
    (event) => {
      if (!isInTooltip(event.target) && !termFrom(innerTarget(event))) intent.pointerDownOutside();
    },
    capture,
  );

  listen<FocusEvent>(
    document,
    'focusin',
    (event) => {
      if (isInTooltip(event.target)) return intent.focusEnterTooltip();
      const head = termFrom(innerTarget(event));
      if (head) intent.focusTerm(head);
    },
    { capture: true },
  );

  listen<FocusEvent>(
    document,
    'focusout',
    (event) => {
      // Moving between the tooltip's own buttons, or between the term and the tooltip, keeps focus "within".
      const next = event.relatedTarget;
      intent.focusMoved(isInTooltip(next) ? 'tooltip' : termFrom(next));
    },
    { capture: true },
  );

  listen<KeyboardEvent>(
    document,
    'keydown',
    (event) => {
      if (event.key === 'Alt') {
        if (event.repeat) return;
        const before = intent.openTerm;
        intent.modifierPressed();
        altShowedTooltip = intent.openTerm !== before;
        return;
      }
      if (event.key === 'Escape') {
        const head = shown?.head;
        // Focus goes back to the term before the tooltip closes: closing takes the host out of a modal dialog,
        // and focus inside it would be dropped (and the focus leaving would end Esc's "stay closed").
        if (intent.openTerm !== null && head && focusIsInTooltip()) refocusTerm(head);
        if (!intent.dismiss()) return;
        // The Esc was for the tooltip on top, not for the page underneath.
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      // Tab from the focused term enters the tooltip, as if its actions followed the term in the tab order.
      if (
        event.key === 'Tab' &&
        !event.shiftKey &&
        shown &&
        deepActiveElement(document) === shown.head &&
        view.isOpen
      ) {
        event.preventDefault();
        view.fullEntryButton.focus();
      }
    },
    { capture: true },
  );

  listen<KeyboardEvent>(
    document,
    'keyup',
    (event) => {
      if (event.key !== 'Alt') return;
      // Released alone, Alt opens the browser's menu bar (Firefox on Windows and Linux); this press was for us.
      if (altShowedTooltip) event.preventDefault();
      altShowedTooltip = false;
    },
    { capture: true },
  );

  listen<KeyboardEvent>(view.card, 'keydown', (event) => {
    if (event.key !== 'Tab' || !shown) return;
    const head = shown.head;
    if (event.shiftKey && event.target === view.fullEntryButton) {
      event.preventDefault();
      refocusTerm(head);
    } else if (!event.shiftKey && event.target === view.hideTermButton) {
      // Focus goes back to the term and the browser's own Tab then moves on from it, to whatever follows the
      // term in the page: the tooltip's actions behave as if they sat right after the term.
      refocusTerm(head);
    }
  });

  listen<MouseEvent>(view.fullEntryButton, 'click', () => {
    if (!shown) return;
    const message: ContentToBackground = { type: 'open-full-entry', entryId: entryIdOf(shown.head) };
    intent.close();
    // The background answers by opening the popup or a tab; a stale context has no background to answer.
    browser.runtime.sendMessage(message).catch(() => undefined);
  });

  listen<MouseEvent>(view.hideTermButton, 'click', () => {
    if (!shown) return;
    const entryId = entryIdOf(shown.head);
    intent.close();
    // The annotator watches this setting and removes the term's marks, here and in every other tab.
    void hiddenTerms
      .getValue()
      .then((ids) => (ids.includes(entryId) ? undefined : hiddenTerms.setValue([...ids, entryId])));
  });

  const unwatchers = [
    tooltipTrigger.watch((value) => {
      trigger = sanitizeTrigger(value);
    }),
    readingLevel.watch((value) => {
      level = value;
      if (shown) render(shown.head, shown.reason);
    }),
    hiddenTerms.watch((ids) => {
      if (shown && ids.includes(entryIdOf(shown.head))) intent.close();
    }),
  ];

  const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  const step = (command: 'next-term' | 'previous-term') => {
    const from = [shown?.head, lastStepped].find((element) => element?.isConnected) ?? null;
    const direction = command === 'next-term' ? 'next' : 'previous';
    annotator.prepareStep?.(from ?? null, direction);
    const target = stepOccurrence(annotator.occurrences(), from, direction, (element) =>
      viewportPosition(element, window.innerHeight),
    );
    if (!target) return;
    lastStepped = target;
    // Leave a term that is well inside the viewport where it is; bring any other to the middle, clear of fixed
    // headers and footers.
    const rect = target.getBoundingClientRect();
    const margin = window.innerHeight * 0.15;
    if (rect.top < margin || rect.bottom > window.innerHeight - margin) {
      target.scrollIntoView({
        block: 'center',
        inline: 'nearest',
        behavior: reducedMotion() ? 'auto' : 'smooth',
      });
    }
    focusTerm(target as HTMLElement);
    // Focus events do not fire while the window itself is not focused; show it either way (and even if the
    // reader had dismissed this term: the command is an explicit request).
    intent.request(target, 'focus');
  };

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    intent.close();
    removers.forEach((remove) => remove());
    unwatchers.forEach((unwatch) => unwatch());
    description.remove();
    ui.remove();
  };
  ctx.onInvalidated(destroy);
  if (ctx.isInvalid) destroy();

  return { step, isAttached: () => host.isConnected, destroy };
}
