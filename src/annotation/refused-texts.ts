/**
 * Passes in a row that may find the marks the pass before made for a text gone and the text itself back,
 * before that text is left alone. A page that re-renders a paragraph now and then meets this once or twice;
 * a page that takes out every mark it is given meets it on every pass.
 */
const REWRAPS_ALLOWED = 5;
/** A text is counted only when the pass before marked it this recently (ms): a reaction, not a rotation. */
const REACTION_MS = 1000;

/**
 * Texts the page will not let us mark. Some pages remove whatever is added to their DOM (sanitisers, pages
 * that guard their markup, a framework restoring what it rendered) as soon as it appears, and leave their
 * text as it was. Each removal is a change of the page's, so the annotator would mark the text again, and the
 * page would take the marks out again: a loop that never lets the annotator rest. A text whose marks the
 * pass before made and that comes back unmarked, the same, pass after pass and quickly, is refused: left
 * alone until annotations are switched off and on. A text the page changes is never refused: apps that
 * re-render their text (a counter, a feed, a list moved about) are annotated again each time.
 */
export class RefusedTexts {
  /** Each text the last pass marked, with its first mark. */
  private marked = new Map<string, Element>();
  private markedAt = -Infinity;
  /** Texts found unmarked again by the passes in a row up to the last, with how many. */
  private rewraps = new Map<string, number>();
  private nextRewraps = new Map<string, number>();
  private readonly refused = new Set<string>();

  /** Whether the page refuses marks on `text` (cheap while no text is refused). */
  has(text: string): boolean {
    return this.refused.size > 0 && this.refused.has(text);
  }

  /**
   * For a pass about to mark `text`: whether to leave it alone. Counts the text when the pass before marked it
   * and its marks are gone; refuses it after too many passes in a row.
   */
  refuses(text: string, now: number): boolean {
    if (this.has(text)) return true;
    if (this.marked.size === 0 || now - this.markedAt > REACTION_MS) return false;
    const mark = this.marked.get(text);
    if (!mark || mark.isConnected) return false;
    const count = (this.rewraps.get(text) ?? 0) + 1;
    if (count > REWRAPS_ALLOWED) {
      this.refused.add(text);
      return true;
    }
    this.nextRewraps.set(text, count);
    return false;
  }

  /** The record a pass fills while it wraps (text → the run's first mark), to be handed to `endPass`. */
  startPass(): Map<string, Element> {
    return new Map();
  }

  /** Ends a pass: what it marked is what the next pass checks; counts not taken up again end here. */
  endPass(marked: Map<string, Element>, now: number): void {
    this.marked = marked;
    this.markedAt = now;
    this.rewraps = this.nextRewraps;
    this.nextRewraps = new Map();
  }

  /** Forgets everything (annotations switched off): a page may behave differently next time. */
  clear(): void {
    this.marked = new Map();
    this.markedAt = -Infinity;
    this.rewraps = new Map();
    this.nextRewraps = new Map();
    this.refused.clear();
  }
}
