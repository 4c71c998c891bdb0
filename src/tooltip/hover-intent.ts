import type { TooltipTrigger } from '../settings/settings-items';

/** Why the tooltip is open; the view shows a keyboard hint only when it was opened by focus. */
export type OpenReason = 'pointer' | 'modifier' | 'focus' | 'tap';

/** Cancels something scheduled. */
export type Cancel = () => void;

/** What the state machine needs from its surroundings (timers tied to the content script's context). */
export interface HoverIntentOptions<Term> {
  /** Read at each decision, so a change of the setting applies at once. */
  trigger(): TooltipTrigger;
  /**
   * How long the tooltip stays after the pointer has left both the term and the tooltip: enough to cross the
   * gap between them (WCAG 1.4.13 "hoverable"), short enough that a tooltip the reader has left goes away.
   */
  graceMs: number;
  schedule(callback: () => void, ms: number): Cancel;
  show(term: Term, reason: OpenReason): void;
  hide(): void;
}

/** The inputs of the state machine: what the pointer, the keyboard and focus did. */
export interface HoverIntent<Term> {
  /** The pointer (mouse or pen) entered an occurrence; `modifierHeld` when Alt was down. */
  pointerEnterTerm(term: Term, modifierHeld: boolean): void;
  pointerLeaveTerm(term: Term): void;
  pointerEnterTooltip(): void;
  pointerLeaveTooltip(): void;
  /** Alt went down: show the term under the pointer now, in either trigger mode. */
  modifierPressed(): void;
  /** Focus arrived on a term (a term dismissed with Esc stays closed while focus stays on it). */
  focusTerm(term: Term): void;
  focusEnterTooltip(): void;
  /** Focus left something: `to` is the term or the tooltip it went to, or null for anything else. */
  focusMoved(to: Term | 'tooltip' | null): void;
  /** An explicit request (a tap or click, a keyboard command): shown at once, even after Esc. */
  request(term: Term, reason: 'tap' | 'focus'): void;
  pointerDownOutside(): void;
  /** Esc: closes without the pointer moving, and keeps the term under the pointer closed until it leaves. */
  dismiss(): boolean;
  /** Closes at once (term hidden, tooltip destroyed). */
  close(): void;
  readonly openTerm: Term | null;
  readonly pendingTerm: Term | null;
}

/**
 * The tooltip's open/close rules as a small state machine, free of the DOM so each rule has its own unit test:
 * - hover mode: opens after the intent delay, so a pointer passing over a term shows nothing;
 * - modifier mode: hovering alone shows nothing; Alt held (or pressed) over a term shows it at once;
 * - focus and taps show at once in both modes (neither happens by accident);
 * - open, it stays while the pointer is on the term or the tooltip, focus is in either, or it was tapped;
 *   leaving starts a short grace period so the pointer can cross to the tooltip;
 * - Esc closes it, and it stays closed while the pointer rests on the term or focus stays on it.
 */
export function createHoverIntent<Term>(options: HoverIntentOptions<Term>): HoverIntent<Term> {
  let openTerm: Term | null = null;
  let pointerOnTerm = false;
  let pointerOnTooltip = false;
  let focusInside = false;
  let pinned = false;
  let hoveredTerm: Term | null = null;
  let suppressedTerm: Term | null = null;
  let pending: { term: Term; cancel: Cancel } | null = null;
  let cancelGrace: Cancel | null = null;

  const cancelPending = () => {
    pending?.cancel();
    pending = null;
  };
  const stopGrace = () => {
    cancelGrace?.();
    cancelGrace = null;
  };
  const held = () => pointerOnTerm || pointerOnTooltip || focusInside || pinned;

  /** Closes the open term; `keepPending` leaves a pending open of another term to run. */
  const closeNow = (keepPending = false) => {
    if (!keepPending) cancelPending();
    stopGrace();
    const wasOpen = openTerm !== null;
    openTerm = null;
    pointerOnTerm = pointerOnTooltip = focusInside = pinned = false;
    if (wasOpen) options.hide();
  };

  const show = (term: Term, reason: OpenReason) => {
    cancelPending();
    stopGrace();
    if (openTerm !== term) {
      openTerm = term;
      pointerOnTooltip = focusInside = pinned = false;
      pointerOnTerm = hoveredTerm === term;
    }
    if (reason === 'focus') focusInside = true;
    else if (reason === 'tap') pinned = true;
    else pointerOnTerm = true;
    options.show(term, reason);
  };

  /** Something stopped holding the tooltip open: close it now, or after the grace period for the pointer. */
  const release = (immediately: boolean) => {
    if (openTerm === null || held()) return;
    if (immediately) return closeNow();
    if (cancelGrace) return;
    cancelGrace = options.schedule(() => {
      cancelGrace = null;
      // The pointer left for another term, whose delay is still running: that one opens when it ends.
      if (!held()) closeNow(true);
    }, options.graceMs);
  };

  return {
    get openTerm() {
      return openTerm;
    },
    get pendingTerm() {
      return pending?.term ?? null;
    },
    pointerEnterTerm(term, modifierHeld) {
      hoveredTerm = term;
      if (suppressedTerm === term) return;
      if (openTerm === term) {
        pointerOnTerm = true;
        stopGrace();
        cancelPending();
        return;
      }
      if (modifierHeld) return show(term, 'modifier');
      const trigger = options.trigger();
      if (trigger.mode !== 'hover') return;
      cancelPending();
      // The open tooltip (if any) stays during this delay: the pointer may only be crossing this term on its
      // way to the tooltip, and reaching the tooltip cancels the switch.
      pending = {
        term,
        cancel: options.schedule(() => {
          pending = null;
          if (hoveredTerm === term && options.trigger().mode === 'hover') show(term, 'pointer');
        }, trigger.delayMs),
      };
    },
    pointerLeaveTerm(term) {
      if (hoveredTerm === term) hoveredTerm = null;
      if (suppressedTerm === term) suppressedTerm = null;
      if (pending?.term === term) cancelPending();
      if (openTerm === term) {
        pointerOnTerm = false;
        release(false);
      }
    },
    pointerEnterTooltip() {
      if (openTerm === null) return;
      pointerOnTooltip = true;
      stopGrace();
      cancelPending();
    },
    pointerLeaveTooltip() {
      if (openTerm === null) return;
      pointerOnTooltip = false;
      release(false);
    },
    modifierPressed() {
      if (hoveredTerm === null || hoveredTerm === openTerm) return;
      // Pressing the key is an explicit request, even over a term just dismissed with Esc.
      suppressedTerm = null;
      show(hoveredTerm, 'modifier');
    },
    focusTerm(term) {
      if (suppressedTerm !== term) show(term, 'focus');
    },
    focusEnterTooltip() {
      if (openTerm !== null) focusInside = true;
    },
    focusMoved(to) {
      if (openTerm !== null && (to === 'tooltip' || to === openTerm)) return;
      // Focus has really moved on from a dismissed term; Esc's "stay closed" ends with it.
      if (to !== suppressedTerm) suppressedTerm = null;
      if (openTerm === null) return;
      focusInside = false;
      release(true);
    },
    request(term, reason) {
      suppressedTerm = null;
      show(term, reason);
    },
    pointerDownOutside() {
      closeNow();
    },
    dismiss() {
      if (openTerm === null) {
        // Esc before the delay ran out: the reader does not want it.
        if (pending) suppressedTerm = pending.term;
        cancelPending();
        return false;
      }
      // Neither the pointer resting on the term nor focus returning to it reopens it.
      suppressedTerm = openTerm;
      closeNow();
      return true;
    },
    close: () => closeNow(),
  };
}
