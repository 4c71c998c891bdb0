interface SchedulerWithYield {
  yield(): Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Gives the main thread back to the page between slices of work: `scheduler.yield()` where the browser has
 * it (the continuation keeps its priority), else a MessageChannel message (unlike setTimeout, not clamped to
 * 4 ms after a few nested calls).
 */
export function yieldToMain(window: Window): Promise<void> {
  const scheduler = (window as unknown as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
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
