import { MARK_SELECTOR } from './mark-selectors';

/**
 * Remembers which nodes the annotator created when it split a page's text node, so it can put that text node
 * back exactly: the page's own node (the "origin") keeps its identity (frameworks hold references to it),
 * and the marks and split-off text nodes after it (its "pieces") go away.
 *
 * Wrapping "a myeloma b" turns the origin T into T("a ") + mark("myeloma") + text(" b"); the origin always
 * holds the text before its first mark (splitText keeps the first part in the original node), and its
 * pieces follow it as siblings. Only weak maps are kept: piece → origin, origin → its text after the split
 * (so that a write by the page can be told from our own), origin → its whole text before it (what the page
 * believes it holds, put back even when the page has since removed our pieces along with other nodes).
 */
export class SplitRegistry {
  private readonly originOf = new WeakMap<Node, Text>();
  /** What the origin held right after our last split: if it still does, the page has not written to it. */
  private readonly prefixOf = new WeakMap<Text, string>();
  /** The origin's whole text when it was first split. */
  private readonly wholeTextOf = new WeakMap<Text, string>();
  /** Each mark's text node, with the text it was made with. */
  private readonly textInside = new WeakMap<Node, { node: Text; text: string }>();
  /** Origins given back their whole text since they were last split. */
  private readonly madeWhole = new WeakSet<Text>();

  /** Whether `node` is a node the annotator created (a mark or a split-off text node). */
  isPiece(node: Node | null): boolean {
    return node !== null && this.originOf.has(node);
  }

  /** Whether `node` is a page text node that the annotator has split. */
  isSplitOrigin(node: Node): boolean {
    return this.prefixOf.has(node as Text);
  }

  /** The page's text node that `node` came from (itself for a page node). */
  originFor(node: Node): Text | null {
    return this.originOf.get(node) ?? (node.nodeType === 3 ? (node as Text) : null);
  }

  /** The origin of a piece, or null. */
  originOfPiece(node: Node): Text | null {
    return this.originOf.get(node) ?? null;
  }

  /**
   * Records the nodes created by splitting `node` (a page text node, or a piece of one), which held `before`:
   * every sibling between `node` and `oldNext` (its next sibling before the split) is new.
   */
  recordSplit(node: Text, oldNext: Node | null, before: string): void {
    const origin = this.originOf.get(node) ?? node;
    let created = node.nextSibling;
    if (created === oldNext) return;
    for (; created && created !== oldNext; created = created.nextSibling) {
      this.originOf.set(created, origin);
      const inner = created.firstChild;
      if (inner?.nodeType === 3)
        this.textInside.set(created, { node: inner as Text, text: (inner as Text).data });
    }
    if (origin !== node) return;
    this.madeWhole.delete(origin);
    if (!this.prefixOf.has(origin)) this.wholeTextOf.set(origin, before);
    this.prefixOf.set(origin, origin.data);
  }

  /**
   * Puts an origin's text back into it and removes its pieces. When the page has written to the origin
   * since (`pageWroteOrigin`, or its text is no longer what we left), the pieces are stale and only removed.
   * `from` is where to look for the pieces when the page removed or moved the origin (the node that followed it).
   */
  restore(origin: Text, pageWroteOrigin = false, from: Node | null = null): void {
    if (!this.prefixOf.has(origin)) return;
    const pieces = this.piecesOf(origin, from);
    if (!pageWroteOrigin && origin.data === this.prefixOf.get(origin)) {
      // Its whole text, not its pieces' text joined: the page may have removed some of them with their parent.
      const whole = this.wholeTextOf.get(origin);
      if (whole !== undefined && whole !== origin.data) origin.data = whole;
      this.madeWhole.add(origin);
    }
    for (const piece of pieces) {
      piece.remove();
      this.originOf.delete(piece);
    }
    this.prefixOf.delete(origin);
    this.wholeTextOf.delete(origin);
  }

  /**
   * Removes one mark, joining its text with the text nodes around it when they came from the same origin
   * (used when a term is hidden, or the reader chose first occurrences only).
   */
  unwrapMark(mark: Element): void {
    const origin = this.originOf.get(mark);
    const previous = mark.previousSibling;
    if (!origin || !previous || previous.nodeType !== 3 || this.originFor(previous) !== origin) {
      // Not ours, or the page moved things around it: keep the text, drop the element. The text stays a piece
      // of the origin, if any: restoring the origin puts its whole text back, this text included.
      const text = mark.ownerDocument.createTextNode(mark.textContent ?? '');
      mark.replaceWith(text);
      this.originOf.delete(mark);
      if (origin) this.originOf.set(text, origin);
      return;
    }
    const next = mark.nextSibling;
    const joinNext = next !== null && next.nodeType === 3 && this.originOf.get(next) === origin;
    const wasIntact = previous !== origin || origin.data === this.prefixOf.get(origin);
    (previous as Text).data += (mark.textContent ?? '') + (joinNext ? (next as Text).data : '');
    mark.remove();
    this.originOf.delete(mark);
    if (joinNext) {
      next.remove();
      this.originOf.delete(next);
    }
    if (previous === origin && wasIntact) this.prefixOf.set(origin, origin.data);
    // Nothing of ours left after the origin: it is whole again.
    if (!this.isPiece(origin.nextSibling)) {
      this.prefixOf.delete(origin);
      this.wholeTextOf.delete(origin);
    }
  }

  /**
   * The page took one of our marks out on its own (a page removing, or unwrapping, elements it did not make):
   * the origin gets its whole text back, and the mark's text, if the page left it among the origin's
   * siblings as it was, goes (the origin holds it again). Text the page has since merged into (normalize())
   * is the page's and stays.
   */
  restoreAfterMarkRemoved(mark: Element, origin: Text): void {
    const inside = this.textInside.get(mark);
    this.forget(mark);
    this.restore(origin);
    // Whole again (now, or by an earlier record of this batch): the mark's text left beside it is a copy.
    if (!inside || !this.madeWhole.has(origin)) return;
    const { node, text } = inside;
    if (node.parentNode === origin.parentNode && node.data === text) node.remove();
  }

  /** Forgets a piece the page removed itself. */
  forget(node: Node): void {
    this.originOf.delete(node);
  }

  /** Restores every origin that has marks in `root`, and replaces any other mark of ours by its text. */
  restoreAll(root: ParentNode): void {
    const origins = new Set<Text>();
    const strays: Element[] = [];
    for (const mark of root.querySelectorAll(MARK_SELECTOR)) {
      const origin = this.originOf.get(mark);
      if (origin) origins.add(origin);
      else strays.push(mark);
    }
    for (const origin of origins) this.restore(origin);
    // Marks of ours that the page moved away from their origin, and marks left by an earlier content script.
    for (const mark of root.querySelectorAll(MARK_SELECTOR)) strays.push(mark);
    for (const mark of strays) if (mark.isConnected) this.unwrapMark(mark);
  }

  /**
   * An origin's pieces in document order: its following siblings that are ours (usually all of them come
   * right after it; if the page inserted something in between, the ones after that too).
   */
  private piecesOf(origin: Text, from: Node | null): ChildNode[] {
    const pieces: ChildNode[] = [];
    // Where the origin was removed from (it may be elsewhere now), else right after it.
    let node = from ?? origin.nextSibling;
    for (; node; node = node.nextSibling) {
      if (this.originOf.get(node) === origin) pieces.push(node as ChildNode);
    }
    return pieces;
  }
}
