import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TooltipController } from '../../../src/tooltip/mount-tooltip';
import { mountTooltipOnDemand, type OnDemandContext } from '../../../src/tooltip/mount-tooltip-on-demand';

/** An annotator stand-in: marks are added by hand, listeners told as the engine tells them. */
function fakeMarks() {
  const marks: Element[] = [];
  const listeners = new Set<() => void>();
  return {
    occurrences: () => marks,
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add() {
      marks.push(document.createElement('mark'));
      for (const listener of listeners) listener();
    },
    remove() {
      marks.length = 0;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

function fakeContext() {
  const invalidated: (() => void)[] = [];
  const ctx: OnDemandContext & { invalidate(): void } = {
    isInvalid: false,
    onInvalidated(callback) {
      invalidated.push(callback);
      return () => invalidated.splice(invalidated.indexOf(callback), 1);
    },
    setTimeout: (handler, timeout) => window.setTimeout(handler, timeout),
    invalidate() {
      (this as { isInvalid: boolean }).isInvalid = true;
      for (const callback of invalidated.splice(0)) callback();
    },
  };
  return ctx;
}

const controller: TooltipController = { step: () => {}, isAttached: () => true, destroy: () => {} };

describe('mountTooltipOnDemand', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('mounts nothing on a page without marks, however often the annotator reports', () => {
    const marks = fakeMarks();
    const mount = vi.fn(async () => controller);
    mountTooltipOnDemand(fakeContext(), marks, mount);
    marks.remove();
    marks.remove();
    vi.runAllTimers();
    expect(mount).not.toHaveBeenCalled();
  });

  it('mounts once, in a task after the first marks', async () => {
    const marks = fakeMarks();
    const mount = vi.fn(async () => controller);
    const tooltip = mountTooltipOnDemand(fakeContext(), marks, mount);
    marks.add();
    // Not inside the annotator's slice that made the marks.
    expect(mount).not.toHaveBeenCalled();
    marks.add();
    vi.runAllTimers();
    expect(mount).toHaveBeenCalledTimes(1);
    marks.add();
    vi.runAllTimers();
    expect(await tooltip()).toBe(controller);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('mounts again, with the next marks, once the page has taken its host out (document.open())', async () => {
    const marks = fakeMarks();
    let attached = true;
    const first = { step: () => {}, isAttached: () => attached, destroy: vi.fn() };
    const second = { ...controller };
    const mount = vi
      .fn<() => Promise<TooltipController>>()
      .mockResolvedValueOnce(first)
      .mockResolvedValue(second);
    const tooltip = mountTooltipOnDemand(fakeContext(), marks, mount);
    marks.add();
    await vi.runAllTimersAsync();
    expect(await tooltip()).toBe(first);
    attached = false;
    marks.add();
    await vi.runAllTimersAsync();
    expect(first.destroy).toHaveBeenCalledOnce();
    expect(mount).toHaveBeenCalledTimes(2);
    expect(await tooltip()).toBe(second);
  });

  it('mounts when asked (a command on a page whose marks are not made yet), then not again with the marks', async () => {
    const marks = fakeMarks();
    const mount = vi.fn(async () => controller);
    const tooltip = mountTooltipOnDemand(fakeContext(), marks, mount);
    const [first, second] = [tooltip(), tooltip()];
    expect(first).toBe(second);
    expect(await first).toBe(controller);
    marks.add();
    vi.runAllTimers();
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('gives null, with a warning, when mounting fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tooltip = mountTooltipOnDemand(fakeContext(), fakeMarks(), () =>
      Promise.reject(new Error('no shadow root here')),
    );
    expect(await tooltip()).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      '[oncology-glossary] the tooltip could not be mounted:',
      expect.objectContaining({ message: 'no shadow root here' }),
    );
    warn.mockRestore();
  });

  it('mounts nothing once the content script is invalidated', async () => {
    const marks = fakeMarks();
    const ctx = fakeContext();
    const mount = vi.fn(async () => controller);
    const tooltip = mountTooltipOnDemand(ctx, marks, mount);
    ctx.invalidate();
    expect(marks.listeners.size).toBe(0);
    marks.add();
    vi.runAllTimers();
    expect(await tooltip()).toBeNull();
    expect(mount).not.toHaveBeenCalled();
  });
});
