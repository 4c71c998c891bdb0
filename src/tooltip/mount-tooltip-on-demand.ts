import type { TooltipController } from './mount-tooltip';

/** What on-demand mounting needs of the content script's context. */
export interface OnDemandContext {
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): number;
}

/** What on-demand mounting watches: the annotator's marks. */
export interface MarkSource {
  /** The head mark of every occurrence wrapped so far. */
  occurrences(): readonly Element[];
  /** Calls `listener` whenever marks are added or removed; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/**
 * Mounts the tooltip once the page has a mark to explain, or when something asks for it (a keyboard command:
 * on a long page the occurrences far from the reader are not wrapped yet). Most pages hold no glossary term:
 * they get no shadow host, no listeners, and none of the tooltip's start-up work in the content script's
 * first task. Call it before the annotator's first pass: it hears of marks from then on (looking for marks
 * already there would read the whole page in that first task). A page that writes a new document into itself
 * (document.open()) takes the tooltip's host out and drops its listeners: the tooltip is mounted again with
 * the next marks. Returns the getter of the tooltip, which mounts it if need be (null if mounting failed).
 */
export function mountTooltipOnDemand(
  ctx: OnDemandContext,
  marks: MarkSource,
  mount: () => Promise<TooltipController>,
): () => Promise<TooltipController | null> {
  let tooltip: Promise<TooltipController | null> | null = null;
  let mounted: TooltipController | null = null;
  const ensure = (): Promise<TooltipController | null> => {
    if (tooltip) return tooltip;
    if (ctx.isInvalid) return Promise.resolve(null);
    tooltip = mount().then(
      (controller) => (mounted = controller),
      (error: unknown) => {
        console.warn('[oncology-glossary] the tooltip could not be mounted:', error);
        return null;
      },
    );
    return tooltip;
  };
  let scheduled = false;
  const onChange = () => {
    if (scheduled) return;
    if (tooltip) {
      if (!mounted || mounted.isAttached()) return;
      mounted.destroy();
      mounted = null;
      tooltip = null;
    }
    if (marks.occurrences().length === 0) return;
    scheduled = true;
    // A task of its own: the marks were just made in one of the annotator's slices, which stays short.
    ctx.setTimeout(() => {
      scheduled = false;
      void ensure();
    });
  };
  ctx.onInvalidated(marks.onChange(onChange));
  return ensure;
}
