/**
 * Passes in a row that may find a text back unmarked, its marks taken out by the page right after they were
 * made, before that text is left alone. A page that re-renders a paragraph now and then meets this once or
 * twice; a page that takes out every mark it is given meets it on every pass.
 */
const REWRAPS_ALLOWED = 5;
/**
 * Marks the page takes out within this long of their making (ms) were taken out in answer to them: a page
 * guarding its markup does so in the same task. A page re-rendering on a timer, slower than this, is annotated
 * again after each render, and the reader sees the marks in between.
 */
const REACTION_MS = 100;
/**
 * How long after texts are refused they get another chance (ms), round after round: a page that re-rendered
 * the same text many times a second (while the reader scrolled, say) and has stopped gets its marks back. A
 * page guarding its markup costs a few more rounds each time, then no more.
 */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 20_000, 60_000];

/**
 * Texts the page will not let us mark. Some pages remove whatever is added to their DOM (sanitisers, pages
 * that guard their markup, a framework restoring what it rendered) as soon as it appears, and leave their
 * text as it was. Each removal is a change of the page's, so the annotator would mark the text again, and the
 * page would take the marks out again: a loop that never lets the annotator rest. A text whose marks the page
 * takes out as soon as they are made, and which comes back the same, pass after pass, is refused: left alone
 * for a while, then given another chance, a few times (RETRY_DELAYS_MS), and after that until annotations are
 * switched off and on. A text the page changes is never refused: apps that re-render their text (a counter, a
 * feed, a list moved about) are annotated again each time.
 */
export class RefusedTexts {
  /** Each text the last pass marked, with its first mark, and when the last of them was made. */
  private marked = new Map<string, Element>();
  private markedAt = -Infinity;
  /** Texts whose marks the page took out as soon as the last pass made them. */
  private undone = new Set<string>();
  /** Texts found back unmarked by the passes in a row up to the last, with how many. */
  private rewraps = new Map<string, number>();
  private nextRewraps = new Map<string, number>();
  private readonly refused = new Set<string>();
  /** The blocks of the refused texts, to read again when they get another chance. */
  private refusedBlocks = new Set<Element>();
  /** Chances given so far (see chanceDelaysMs). */
  private retries = 0;

  constructor(private readonly chanceDelaysMs: readonly number[] = RETRY_DELAYS_MS) {}

  /** Whether the page refuses marks on `text` (cheap while no text is refused). */
  has(text: string): boolean {
    return this.refused.size > 0 && this.refused.has(text);
  }

  /**
   * For a pass about to mark `text`: whether to leave it alone. Counts the text when the page took out the
   * marks the pass before made for it, at once; refuses it after too many passes in a row.
   */
  refuses(text: string, block: Element): boolean {
    if (this.has(text)) return true;
    if (this.undone.size === 0 || !this.undone.has(text)) return false;
    const count = (this.rewraps.get(text) ?? 0) + 1;
    if (count > REWRAPS_ALLOWED) {
      this.refused.add(text);
      this.refusedBlocks.add(block);
      return true;
    }
    this.nextRewraps.set(text, count);
    return false;
  }

  /** A pass starts wrapping, its texts decided: what it marks is what the page's next changes are held to. */
  startWrapping(): void {
    this.marked = new Map();
    this.markedAt = -Infinity;
    this.undone = new Set();
    this.rewraps = this.nextRewraps;
    this.nextRewraps = new Map();
  }

  /** The pass under way marked `text`; `first` is its first mark, made at `now`. */
  record(text: string, first: Element, now: number): void {
    this.marked.set(text, first);
    this.markedAt = now;
  }

  /** The page changed something at `now`: notes the texts whose marks, just made, it has taken out. */
  notePageChanges(now: number): void {
    if (this.marked.size === 0 || now - this.markedAt > REACTION_MS) return;
    for (const [text, mark] of this.marked) if (!mark.isConnected) this.undone.add(text);
  }

  /** How long until the refused texts get another chance; null when none is refused or the chances are used up. */
  nextChanceIn(): number | null {
    return this.refused.size > 0 ? (this.chanceDelaysMs[this.retries] ?? null) : null;
  }

  /** Gives the refused texts another chance; returns their blocks, to be read again. */
  giveAnotherChance(): Element[] {
    const blocks = [...this.refusedBlocks];
    this.retries++;
    this.refused.clear();
    this.refusedBlocks = new Set();
    this.rewraps = new Map();
    this.nextRewraps = new Map();
    return blocks;
  }

  /** Forgets everything (annotations switched off): a page may behave differently next time. */
  clear(): void {
    this.startWrapping();
    this.rewraps = new Map();
    this.refused.clear();
    this.refusedBlocks = new Set();
    this.retries = 0;
  }
}
