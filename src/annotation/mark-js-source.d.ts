// mark.js's own ES module source (the class its dist bundle wraps), imported so that the annotator can use its
// wrapping routine on the text nodes and offsets it has already found (see wrap-run-matches.ts).
declare module 'mark.js/src/lib/mark.js' {
  import type Mark from 'mark.js';

  /** One text node and the offsets of its text in the concatenated text of the context. */
  export interface MarkTextNode {
    start: number;
    end: number;
    node: Text;
  }

  export default class MarkSource {
    constructor(context: unknown);
    markRanges(ranges: readonly Mark.Range[], options?: Mark.MarkRangesOptions): void;
    unmark(options?: Mark.UnmarkOptions): void;
    /** Collects the context's text nodes and hands them to `callback` (overridable). */
    getTextNodes(callback: (dict: { value: string; nodes: MarkTextNode[] }) => void): void;
    /** Wraps text[start, end) of `node` in the configured element; returns the text node after it. */
    wrapRangeInTextNode(node: Text, start: number, end: number): Text;
  }
}
