let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Gives the main thread back to the page between slices of work: a MessageChannel message (unlike
 * setTimeout, not clamped to 4 ms after a few nested calls), which queues behind the page's own timers and
 * messages. Not `scheduler.yield()`: its continuation goes ahead of them, so a pass of many short slices held
 * a long page's timers back for its whole length (a clock's 100 ms ticks took 300 ms in Firefox).
 */
export function yieldToMain(window: Window): Promise<void> {
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    const port = channel.port2;
    return new Promise((resolve) => {
      waiting.push(resolve);
      port.postMessage(null);
    });
  }
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/**
 * Gives the main thread back until the browser has rendered a frame (or `timeoutMs` passed: hidden tabs
 * render none), so that the layout each slice of wrapping causes is done a slice at a time, not in one long
 * frame at the end. Resolves with an estimate of that frame's rendering time (from the frame's
 * animation-frame callbacks to the next task), or 0 when no frame came.
 *
 * The page's own timers on purpose, not the context's: an invalidated context would cancel them and leave
 * the pass waiting forever; this way it resumes, sees the context is gone and ends.
 */
export function yieldToMainAfterFrame(window: Window, timeoutMs = 100): Promise<number> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (renderMs: number) => {
      if (settled) return;
      settled = true;
      resolve(renderMs);
    };
    window.requestAnimationFrame(() => {
      const frameStart = performance.now();
      window.setTimeout(() => finish(performance.now() - frameStart), 0);
    });
    window.setTimeout(() => finish(0), timeoutMs);
  });
}
