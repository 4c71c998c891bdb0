import type { AnnotatorContext } from './annotation-engine';
import { ENTRY_ID_ATTRIBUTE, FLASH_CLASS, MARK_SELECTOR, PART_ATTRIBUTE } from './mark-selectors';

const FLASH_MS = 1600;

/** The head mark and its continuation pieces: one occurrence, in document order. */
export function occurrencePieces(head: Element): Element[] {
  const pieces = [head];
  // The pieces of an occurrence never leave its tree (a shadow root is a boundary of runs).
  const all = (head.getRootNode() as Document | ShadowRoot).querySelectorAll(MARK_SELECTOR);
  const index = Array.prototype.indexOf.call(all, head) as number;
  for (let i = index + 1; i < all.length && all[i]!.hasAttribute(PART_ATTRIBUTE); i++) pieces.push(all[i]!);
  return pieces;
}

/**
 * Scrolls to one occurrence of an entry after another ("On this page": each choice shows the next one,
 * cycling), flashes it for a moment and focuses it so keyboard and screen reader users land on it.
 */
export class OccurrenceRevealer {
  private readonly lastRevealed = new Map<string, Element>();

  constructor(
    private readonly ctx: AnnotatorContext,
    private readonly document: Document,
    /** The head mark of every occurrence, in page order (open shadow roots included). */
    private readonly occurrences: () => readonly Element[],
  ) {}

  /** Reveals the next occurrence of `entryId`; false when the page has none. */
  reveal(entryId: string): boolean {
    const occurrences = this.occurrences().filter(
      (mark) => mark.getAttribute(ENTRY_ID_ATTRIBUTE) === entryId,
    ) as HTMLElement[];
    if (occurrences.length === 0) return false;
    const last = this.lastRevealed.get(entryId);
    const target =
      occurrences[(last ? occurrences.indexOf(last as HTMLElement) + 1 : 0) % occurrences.length]!;
    this.lastRevealed.set(entryId, target);
    const reduceMotion =
      this.document.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // A page in a background tab (the popup's own window can hide it) animates nothing: jump there.
    const instant = reduceMotion || this.document.visibilityState === 'hidden';
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: instant ? 'auto' : 'smooth' });
    // Focusable on demand only, so marks never join the page's tab order.
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    const pieces = occurrencePieces(target);
    for (const piece of pieces) piece.classList.add(FLASH_CLASS);
    this.ctx.setTimeout(() => {
      for (const piece of pieces) piece.classList.remove(FLASH_CLASS);
    }, FLASH_MS);
    return true;
  }
}
