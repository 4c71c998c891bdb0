/** Where an occurrence is relative to the viewport; 'hidden' when it has no box (display:none, collapsed). */
export type ViewportPosition = 'above' | 'in-view' | 'below' | 'hidden';

export type StepDirection = 'next' | 'previous';

/**
 * The occurrence the next/previous-term command goes to. From the current one (the term last shown), the
 * neighbour in page order, wrapping at the ends; without one (or when it is gone), the first occurrence in or
 * below the viewport going forward, the last one in or above it going back, so the walk starts where the reader
 * is. Occurrences without a box are skipped. `position` is only asked about the occurrences it needs.
 */
export function stepOccurrence<T>(
  occurrences: readonly T[],
  current: T | null,
  direction: StepDirection,
  position: (occurrence: T) => ViewportPosition,
): T | null {
  const count = occurrences.length;
  if (count === 0) return null;
  const delta = direction === 'next' ? 1 : -1;
  const currentIndex = current === null ? -1 : occurrences.indexOf(current);

  if (currentIndex >= 0) {
    for (let step = 1; step < count; step++) {
      const candidate = occurrences[(((currentIndex + delta * step) % count) + count) % count]!;
      if (position(candidate) !== 'hidden') return candidate;
    }
    return position(occurrences[currentIndex]!) === 'hidden' ? null : occurrences[currentIndex]!;
  }

  const start = direction === 'next' ? 0 : count - 1;
  const behind = direction === 'next' ? 'above' : 'below';
  let firstShown: T | null = null;
  for (let index = start; index >= 0 && index < count; index += delta) {
    const candidate = occurrences[index]!;
    const where = position(candidate);
    if (where === 'hidden') continue;
    firstShown ??= candidate;
    if (where !== behind) return candidate;
  }
  // Everything is behind the reader: wrap round to the first occurrence in that direction.
  return firstShown;
}

/** Where an element is relative to a viewport of the given height. */
export function viewportPosition(element: Element, viewportHeight: number): ViewportPosition {
  if (element.getClientRects().length === 0) return 'hidden';
  const rect = element.getBoundingClientRect();
  if (rect.bottom <= 0) return 'above';
  if (rect.top >= viewportHeight) return 'below';
  return 'in-view';
}
