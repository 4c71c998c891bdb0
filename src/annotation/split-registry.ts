import { MARK_SELECTOR } from './mark-selectors';

/**
 * Remembers which nodes the annotator created when it split a page's text node, so it can put that text node
 * back exactly: the page's own node (the "origin") keeps its identity (frameworks hold references to it),
 * and the marks and split-off text nodes after it (its "pieces") go away.
 *
 * Wrapping "a myeloma b" turns the origin T into T("a ") + mark("myeloma") + text(" b"); the origin always
 * holds the text before its first mark (splitText keeps the first part in the original node).
 */
export class SplitRegistry {
  private readonly originOf = new WeakMap<Node, Text>();
  private readonly piecesOf = new WeakMap<Text, Set<ChildNode>>();
  /** What the origin held right after our last split: if it still does, the page has not written to it. */
  private readonly prefixOf = new WeakMap<Text, string>();

  /** Whether `node` is a node the annotator created (a mark or a split-off text node). */
  isPiece(node: Node | null): boolean {
    return node !== null && this.originOf.has(node);
  }

  /** Whether `node` is a page text node that the annotator has split. */
  isSplitOrigin(node: Node): boolean {
    return this.piecesOf.has(node as Text);
  }

  /** The page's text node that `node` came from (itself for a page node). */
  originFor(node: Node): Text | null {
    return this.originOf.get(node) ?? (node.nodeType === 3 ? (node as Text) : null);
  }

  /**
   * Records the nodes created by splitting `node` (a page text node, or a piece of one): every sibling
   * between `node` and `oldNext` (its next sibling before the split) is new.
   */
  recordSplit(node: Text, oldNext: Node | null): void {
    const origin = this.originFor(node)!;
    let pieces = this.piecesOf.get(origin);
    for (let created = node.nextSibling; created && created !== oldNext; created = created.nextSibling) {
      if (!pieces) this.piecesOf.set(origin, (pieces = new Set()));
      pieces.add(created);
      this.originOf.set(created, origin);
    }
    if (origin === node) this.prefixOf.set(origin, origin.data);
  }

  /**
   * Puts an origin's text back into it and removes its pieces. When the page has written to the origin
   * since (`pageWroteOrigin`, or its text is no longer what we left), the pieces are stale and only removed.
   */
  restore(origin: Text, pageWroteOrigin = false): void {
    const pieces = this.piecesOf.get(origin);
    if (!pieces) return;
    const ordered = this.inDocumentOrder(origin, pieces);
    if (!pageWroteOrigin && origin.data === this.prefixOf.get(origin)) {
      let text = '';
      for (const piece of ordered) text += piece.textContent ?? '';
      if (text) origin.data += text;
    }
    for (const piece of ordered) {
      piece.remove();
      this.forgetNode(piece);
    }
    this.piecesOf.delete(origin);
    this.prefixOf.delete(origin);
  }

  /**
   * Removes one mark, joining its text with the text nodes around it when they came from the same origin
   * (used when a term is hidden, or the reader chose first occurrences only).
   */
  unwrapMark(mark: Element): void {
    const origin = this.originOf.get(mark);
    const previous = mark.previousSibling;
    if (!origin || !previous || previous.nodeType !== 3 || this.originFor(previous) !== origin) {
      // Not ours, or the page moved things around it: keep the text, drop the element.
      mark.replaceWith(mark.ownerDocument.createTextNode(mark.textContent ?? ''));
      if (origin) this.forgetPiece(origin, mark);
      return;
    }
    const next = mark.nextSibling;
    const joinNext = next !== null && next.nodeType === 3 && this.originOf.get(next) === origin;
    const wasIntact = previous !== origin || origin.data === this.prefixOf.get(origin);
    (previous as Text).data += (mark.textContent ?? '') + (joinNext ? (next as Text).data : '');
    mark.remove();
    this.forgetPiece(origin, mark);
    if (joinNext) {
      next.remove();
      this.forgetPiece(origin, next);
    }
    if (previous === origin && wasIntact) this.prefixOf.set(origin, origin.data);
  }

  /** Forgets a piece the page removed itself. */
  forget(node: Node): void {
    const origin = this.originOf.get(node);
    if (origin) this.forgetPiece(origin, node as ChildNode);
  }

  /** The origin of a piece, or null. */
  originOfPiece(node: Node): Text | null {
    return this.originOf.get(node) ?? null;
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
    for (const mark of strays) if (mark.isConnected) this.unwrapMark(mark);
  }

  private forgetPiece(origin: Text, piece: ChildNode): void {
    this.forgetNode(piece);
    const pieces = this.piecesOf.get(origin);
    if (!pieces) return;
    pieces.delete(piece);
    if (pieces.size === 0) {
      this.piecesOf.delete(origin);
      this.prefixOf.delete(origin);
    }
  }

  private forgetNode(piece: Node): void {
    this.originOf.delete(piece);
  }

  /** The pieces in document order: usually the siblings right after the origin. */
  private inDocumentOrder(origin: Text, pieces: Set<ChildNode>): ChildNode[] {
    const ordered: ChildNode[] = [];
    const parent = origin.parentNode;
    if (parent) {
      for (let node = origin.nextSibling; node && ordered.length < pieces.size; node = node.nextSibling) {
        if (pieces.has(node)) ordered.push(node);
      }
    }
    if (ordered.length === pieces.size) return ordered;
    // The page moved things: fall back to sorting whatever is left by document position.
    const rest = [...pieces].filter((piece) => !ordered.includes(piece));
    rest.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    return [...ordered, ...rest];
  }
}
