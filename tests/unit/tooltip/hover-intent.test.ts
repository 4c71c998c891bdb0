import { describe, expect, it } from 'vitest';
import { createHoverIntent, type OpenReason } from '../../../src/tooltip/hover-intent';
import type { TooltipTrigger } from '../../../src/settings/settings-items';

/** A hand-driven clock: scheduled callbacks run only when the test advances time. */
function createClock() {
  let now = 0;
  let tasks: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    schedule(run: () => void, ms: number) {
      const id = nextId++;
      tasks.push({ at: now + ms, run, id });
      return () => void (tasks = tasks.filter((task) => task.id !== id));
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = tasks.filter((task) => task.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        tasks = tasks.filter((task) => task !== due);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

function setUp(trigger: TooltipTrigger = { mode: 'hover', delayMs: 300 }) {
  const clock = createClock();
  const log: string[] = [];
  const setting = { ...trigger };
  const intent = createHoverIntent<string>({
    trigger: () => setting,
    graceMs: 400,
    schedule: clock.schedule,
    show: (term: string, reason: OpenReason) => log.push(`show ${term} (${reason})`),
    hide: () => log.push('hide'),
  });
  return { clock, log, intent, setting };
}

describe('hover mode', () => {
  it('shows a term after the hover delay, not before', () => {
    const { clock, log, intent } = setUp();
    intent.pointerEnterTerm('lenalidomide', false);
    clock.advance(299);
    expect(log).toEqual([]);
    expect(intent.pendingTerm).toBe('lenalidomide');
    clock.advance(1);
    expect(log).toEqual(['show lenalidomide (pointer)']);
    expect(intent.openTerm).toBe('lenalidomide');
  });

  it('shows nothing for a quick pass over a term', () => {
    const { clock, log, intent } = setUp();
    intent.pointerEnterTerm('lenalidomide', false);
    clock.advance(150);
    intent.pointerLeaveTerm('lenalidomide');
    clock.advance(1000);
    expect(log).toEqual([]);
    expect(intent.openTerm).toBeNull();
  });

  it('sweeping across several terms shows only the one the pointer rests on', () => {
    const { clock, log, intent } = setUp();
    for (const term of ['a', 'b', 'c']) {
      intent.pointerEnterTerm(term, false);
      clock.advance(100);
      intent.pointerLeaveTerm(term);
    }
    intent.pointerEnterTerm('d', false);
    clock.advance(300);
    expect(log).toEqual(['show d (pointer)']);
  });

  it('reads the delay live from the setting', () => {
    const { clock, log, intent, setting } = setUp();
    setting.delayMs = 800;
    intent.pointerEnterTerm('angiogenesis', false);
    clock.advance(500);
    expect(log).toEqual([]);
    clock.advance(300);
    expect(log).toEqual(['show angiogenesis (pointer)']);
  });

  it('Alt held while entering a term shows it at once', () => {
    const { log, intent } = setUp();
    intent.pointerEnterTerm('angiogenesis', true);
    expect(log).toEqual(['show angiogenesis (modifier)']);
  });
});

describe('modifier mode', () => {
  it('hovering alone shows nothing, however long', () => {
    const { clock, log, intent } = setUp({ mode: 'modifier', delayMs: 300 });
    intent.pointerEnterTerm('lenalidomide', false);
    clock.advance(5000);
    expect(log).toEqual([]);
  });

  it('entering a term with Alt held shows it at once', () => {
    const { log, intent } = setUp({ mode: 'modifier', delayMs: 300 });
    intent.pointerEnterTerm('lenalidomide', true);
    expect(log).toEqual(['show lenalidomide (modifier)']);
  });

  it('pressing Alt while resting on a term shows it; pressing it elsewhere shows nothing', () => {
    const { log, intent } = setUp({ mode: 'modifier', delayMs: 300 });
    intent.modifierPressed();
    expect(log).toEqual([]);
    intent.pointerEnterTerm('lenalidomide', false);
    intent.modifierPressed();
    expect(log).toEqual(['show lenalidomide (modifier)']);
  });

  it('a pending hover is dropped when the setting switches to modifier mode meanwhile', () => {
    const { clock, log, intent, setting } = setUp();
    intent.pointerEnterTerm('lenalidomide', false);
    setting.mode = 'modifier';
    clock.advance(1000);
    expect(log).toEqual([]);
  });

  it('focus and taps still show terms (they never happen by accident)', () => {
    const { log, intent } = setUp({ mode: 'modifier', delayMs: 300 });
    intent.focusTerm('a');
    intent.request('b', 'tap');
    expect(log).toEqual(['show a (focus)', 'show b (tap)']);
  });
});

describe('hoverable and persistent (WCAG 1.4.13)', () => {
  function openOn(term: string) {
    const setup = setUp();
    setup.intent.pointerEnterTerm(term, false);
    setup.clock.advance(300);
    setup.log.length = 0;
    return setup;
  }

  it('the pointer can move from the term onto the tooltip without it closing', () => {
    const { clock, log, intent } = openOn('lenalidomide');
    intent.pointerLeaveTerm('lenalidomide');
    clock.advance(120);
    intent.pointerEnterTooltip();
    clock.advance(10_000);
    expect(log).toEqual([]);
    expect(intent.openTerm).toBe('lenalidomide');
  });

  it('closes after the grace period once the pointer has left both', () => {
    const { clock, log, intent } = openOn('lenalidomide');
    intent.pointerLeaveTerm('lenalidomide');
    intent.pointerEnterTooltip();
    intent.pointerLeaveTooltip();
    clock.advance(399);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['hide']);
  });

  it('crossing another term on the way to the tooltip does not switch to it', () => {
    const { clock, log, intent } = openOn('lenalidomide');
    intent.pointerLeaveTerm('lenalidomide');
    intent.pointerEnterTerm('angiogenesis', false);
    clock.advance(100);
    intent.pointerLeaveTerm('angiogenesis');
    intent.pointerEnterTooltip();
    clock.advance(2000);
    expect(log).toEqual([]);
    expect(intent.openTerm).toBe('lenalidomide');
  });

  it('resting on another term switches to it after the delay', () => {
    const { clock, log, intent } = openOn('lenalidomide');
    intent.pointerLeaveTerm('lenalidomide');
    intent.pointerEnterTerm('angiogenesis', false);
    clock.advance(300);
    expect(log).toEqual(['show angiogenesis (pointer)']);
  });

  it('the grace period running out closes the open term, not the pending open of the term now under the pointer', () => {
    const { clock, log, intent } = openOn('lenalidomide');
    intent.pointerLeaveTerm('lenalidomide');
    // Empty space for a while (as when a dialog opens over the term and makes it inert), then another term.
    clock.advance(250);
    intent.pointerEnterTerm('angiogenesis', false);
    clock.advance(150);
    expect(log).toEqual(['hide']);
    clock.advance(150);
    expect(log).toEqual(['hide', 'show angiogenesis (pointer)']);
  });

  it('stays while focus is in it, even with the pointer gone', () => {
    const { clock, log, intent } = openOn('lenalidomide');
    intent.focusEnterTooltip();
    intent.pointerLeaveTerm('lenalidomide');
    clock.advance(5000);
    expect(log).toEqual([]);
    intent.focusMoved(null);
    expect(log).toEqual(['hide']);
  });

  it('a tapped term stays until a tap elsewhere', () => {
    const { clock, log, intent } = setUp();
    intent.request('lenalidomide', 'tap');
    clock.advance(10_000);
    expect(intent.openTerm).toBe('lenalidomide');
    intent.pointerDownOutside();
    expect(log).toEqual(['show lenalidomide (tap)', 'hide']);
  });
});

describe('focus', () => {
  it('shows at once on focus and closes when focus moves on', () => {
    const { log, intent } = setUp();
    intent.focusTerm('lenalidomide');
    intent.focusMoved('tooltip');
    expect(intent.openTerm).toBe('lenalidomide');
    intent.focusMoved('lenalidomide');
    expect(intent.openTerm).toBe('lenalidomide');
    intent.focusMoved(null);
    expect(log).toEqual(['show lenalidomide (focus)', 'hide']);
  });

  it('focus moving to another term closes the first before the second opens', () => {
    const { log, intent } = setUp();
    intent.focusTerm('a');
    intent.focusMoved('b');
    intent.focusTerm('b');
    expect(log).toEqual(['show a (focus)', 'hide', 'show b (focus)']);
  });

  it('stays open while the pointer is still on the term when focus leaves', () => {
    const { clock, intent } = setUp();
    intent.pointerEnterTerm('a', false);
    clock.advance(300);
    intent.focusTerm('a');
    intent.focusMoved(null);
    expect(intent.openTerm).toBe('a');
  });
});

describe('Esc (dismissible)', () => {
  it('closes without the pointer moving, and resting on the term does not reopen it', () => {
    const { clock, log, intent } = setUp();
    intent.pointerEnterTerm('lenalidomide', false);
    clock.advance(300);
    expect(intent.dismiss()).toBe(true);
    // The pointer moves within the term (e.g. onto another piece of it): still closed.
    intent.pointerEnterTerm('lenalidomide', false);
    clock.advance(2000);
    expect(log).toEqual(['show lenalidomide (pointer)', 'hide']);
    // Leaving and coming back is a new request.
    intent.pointerLeaveTerm('lenalidomide');
    intent.pointerEnterTerm('lenalidomide', false);
    clock.advance(300);
    expect(log.at(-1)).toBe('show lenalidomide (pointer)');
  });

  it('focus returning to a dismissed term does not reopen it; a keyboard command does', () => {
    const { log, intent } = setUp();
    intent.focusTerm('a');
    intent.dismiss();
    intent.focusMoved('a');
    intent.focusTerm('a');
    expect(log).toEqual(['show a (focus)', 'hide']);
    intent.request('a', 'focus');
    expect(log.at(-1)).toBe('show a (focus)');
  });

  it('before the delay has run out, cancels the pending tooltip; with nothing open, reports nothing done', () => {
    const { clock, log, intent } = setUp();
    intent.pointerEnterTerm('a', false);
    clock.advance(100);
    expect(intent.dismiss()).toBe(false);
    clock.advance(1000);
    expect(log).toEqual([]);
    expect(intent.dismiss()).toBe(false);
  });

  it('Alt over a dismissed term is an explicit request and shows it', () => {
    const { clock, log, intent } = setUp();
    intent.pointerEnterTerm('a', false);
    clock.advance(300);
    intent.dismiss();
    intent.modifierPressed();
    expect(log).toEqual(['show a (pointer)', 'hide', 'show a (modifier)']);
  });
});
