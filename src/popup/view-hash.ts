import type { PendingView } from '../settings/settings-items';

/** Longest query or entry id a URL may carry; longer ones are cut, not trusted. */
const MAX_LENGTH = 100;

/** The entry page's URL hash for a view: `#entry=<id>` or `#q=<query>`. */
export function viewHash(view: PendingView): string {
  return view.kind === 'entry' ? `#entry=${encodeURIComponent(view.entryId)}` : `#q=${encodeURIComponent(view.query)}`;
}

/** Reads `#entry=<id>` or `#q=<query>`; null for an empty or unknown hash. */
export function parseViewHash(hash: string): PendingView | null {
  const params = new URLSearchParams(hash.replace(/^#/u, ''));
  const entryId = params.get('entry')?.trim();
  if (entryId) return { kind: 'entry', entryId: entryId.slice(0, MAX_LENGTH) };
  const query = params.get('q');
  if (query !== null) return { kind: 'search', query: query.slice(0, MAX_LENGTH) };
  return null;
}
