import { pendingView, type PendingView } from '../settings/settings-items';

/** A stored value is trusted only if it has the shape of a view (an older version may have left anything). */
function asView(value: unknown): PendingView | null {
  if (typeof value !== 'object' || value === null) return null;
  const view = value as Record<string, unknown>;
  if (view.kind === 'entry' && typeof view.entryId === 'string' && view.entryId) return { kind: 'entry', entryId: view.entryId };
  if (view.kind === 'search' && typeof view.query === 'string') return { kind: 'search', query: view.query };
  return null;
}

/** Reads the view the context menu or a tooltip's "Full entry" asked for, and clears it so it is shown once. */
export async function takePendingView(): Promise<PendingView | null> {
  const stored = await pendingView.getValue();
  if (stored === null) return null;
  await pendingView.setValue(null);
  return asView(stored);
}

/** Shows a view asked for while the popup is already open (the request may land just after the popup opened). */
export function watchPendingView(show: (view: PendingView) => void): () => void {
  return pendingView.watch((stored) => {
    const view = asView(stored);
    if (!view) return;
    void pendingView.setValue(null);
    show(view);
  });
}
