import type { TermMatch } from '../matching/build-term-matcher';
import { composedTreeBefore, composedTreeContains, composedTreeParent } from './composed-tree';
import type { TextRun } from './text-run-collector';
import type { AcceptedMatch } from './wrap-run-matches';

/** Up to how many roots `dropInside` asks each run whether a root contains it. */
const FEW_ROOTS = 4;

/** A run and the occurrences decided for it, waiting to be wrapped. */
export interface PendingRun {
  run: TextRun;
  accepted: AcceptedMatch[];
}

/** A run and what the matcher found in it, not decided yet. */
export interface FoundRun {
  run: TextRun;
  matches: readonly TermMatch[];
}

/** Decides which of a run's matches to annotate, as entries (with what the page says when it is called). */
export type DecideMatches = (found: FoundRun) => AcceptedMatch[];

/** How far from the viewport occurrences are wrapped ahead of the reader, in viewport heights. */
export interface NearMargins {
  above: number;
  below: number;
}

/**
 * Where a run's block is relative to a window of `[top, bottom]` (viewport coordinates): -1 above it, 1 below
 * it, 0 inside; null when the block has no box (hidden: display:none, a closed <details>).
 */
function side(item: { run: TextRun }, top: number, bottom: number): -1 | 0 | 1 | null {
  const rect = item.run.block.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  if (rect.bottom < top) return -1;
  if (rect.top > bottom) return 1;
  return 0;
}

/**
 * The outermost element around `block` (itself included, <body> never) that has no box: a closed tab, or the
 * content of a closed <details>. Every run inside it takes the same side, so the search steps over them at once.
 */
function hiddenContainer(block: Element): Element {
  let hidden = block;
  for (
    let parent = block.parentElement;
    parent && parent.localName !== 'body';
    parent = parent.parentElement
  ) {
    if (parent.localName === 'details' && !parent.hasAttribute('open')) return parent;
    const rect = parent.getBoundingClientRect();
    if (rect.width !== 0 || rect.height !== 0) break;
    hidden = parent;
  }
  return hidden;
}

/**
 * The first index from `index` (whose run lies inside `container`), going by `step`, whose run does not: -1 or
 * `items.length` when none does. The runs inside one element follow in a row: a gallop, then halving.
 */
function pastContainer(
  items: readonly { run: TextRun }[],
  index: number,
  step: 1 | -1,
  container: Element,
): number {
  const inside = (i: number) =>
    i >= 0 && i < items.length && composedTreeContains(container, items[i]!.run.block);
  let last = index;
  let stride = 1;
  while (inside(last + stride * step)) {
    last += stride * step;
    stride *= 2;
  }
  let outside = last + stride * step;
  while (Math.abs(outside - last) > 1) {
    const middle = Math.floor((last + outside) / 2);
    if (inside(middle)) last = middle;
    else outside = middle;
  }
  return outside;
}

interface Waiting extends FoundRun {
  /** Decided on first need: null until then. */
  accepted: AcceptedMatch[] | null;
}

/**
 * Occurrences found on the page but not wrapped yet because they are far from the viewport, in document
 * order. On a long page, making every mark up front costs about as much as reading the whole page's text
 * again, and the browser then lays out each one; most readers never scroll through a 4 MB page. The
 * annotator takes the ones near the viewport as the reader scrolls, and single ones when a feature needs
 * them (the next occurrence of a term, all of one term for "On this page").
 *
 * Which occurrences to annotate is decided when a run is taken (or counted), not when it is found: on a
 * long page, deciding for every occurrence up front cost a tenth of the first pass, and a run decided later
 * also follows what the page has said since (an abbreviation defined further down, a term hidden meanwhile).
 * Runs whose occurrences all turn out to be refused are dropped when decided.
 */
export class DeferredWraps {
  private items: Waiting[] = [];

  constructor(private readonly decide: DecideMatches) {}

  /** How many runs are waiting (some may turn out to have nothing to annotate). */
  get size(): number {
    return this.items.length;
  }

  /** Adds runs (in document order among themselves) to those waiting, undecided. */
  add(found: readonly FoundRun[]): void {
    if (found.length === 0) return;
    const runs: Waiting[] = found.map(({ run, matches }) => ({ run, matches, accepted: null }));
    if (this.items.length === 0) {
      this.items = runs;
      return;
    }
    // Merge two lists in document order (each pass's runs come in order).
    const merged: Waiting[] = [];
    let i = 0;
    let j = 0;
    while (i < this.items.length && j < runs.length) {
      if (composedTreeBefore(this.items[i]!.run.nodes[0]!, runs[j]!.run.nodes[0]!))
        merged.push(this.items[i++]!);
      else merged.push(runs[j++]!);
    }
    while (i < this.items.length) merged.push(this.items[i++]!);
    while (j < runs.length) merged.push(runs[j++]!);
    this.items = merged;
  }

  /**
   * Takes the runs whose block is within `margins` of the viewport (of height `viewportHeight`), and `extra`
   * more on each side. Blocks are assumed to be laid out in document order, as text flows; a run whose block
   * has no box is judged by its neighbours.
   */
  takeNear(viewportHeight: number, margins: NearMargins, extra = 0): PendingRun[] {
    const [near, far] = nearRange(this.items, viewportHeight, margins);
    const low = Math.max(0, near - extra);
    const high = Math.min(this.items.length, far + extra);
    if (low >= high) return [];
    return this.decided(this.items.splice(low, high - low));
  }

  /**
   * Takes the runs whose text lies inside `root`: a dialog or popover the page shows later is drawn in the top
   * layer, outside the flow of blocks that `takeNear` reads.
   */
  takeInside(root: Node): PendingRun[] {
    const items = this.items;
    // The runs inside `root` follow in a row from the first one after its start.
    const low = this.firstAfter(root);
    let end = low;
    while (end < items.length && composedTreeContains(root, items[end]!.run.nodes[0]!)) end++;
    return end > low ? this.decided(items.splice(low, end - low)) : [];
  }

  /** Takes every run, in document order. */
  takeAll(): PendingRun[] {
    const all = this.items;
    this.items = [];
    return this.decided(all);
  }

  /** Takes the runs with an occurrence of `entryId`. */
  takeEntry(entryId: string): PendingRun[] {
    this.decideAll();
    return this.decided(this.takeWhere((item) => item.accepted!.some((match) => match.entryId === entryId)));
  }

  /**
   * Drops the runs whose text lies inside any of `roots` (they are about to be read again). For a few roots
   * (a clock ticking, an item added), the browser's own `contains` per run and root: a walk up from each of
   * a long page's thousands of waiting runs cost 7 ms per tick. For many, one walk up from each run, not one
   * scan of the runs per root, which froze Firefox for seconds when a long table's rows were sorted.
   */
  dropInside(roots: readonly Node[]): void {
    if (roots.length === 0 || this.items.length === 0) return;
    if (roots.length <= FEW_ROOTS) {
      this.takeWhere((item) => roots.some((root) => composedTreeContains(root, item.run.nodes[0]!)));
      return;
    }
    const inside = new Set<Node>(roots);
    this.takeWhere((item) => {
      for (let node: Node | null = item.run.nodes[0]!; node; node = composedTreeParent(node))
        if (inside.has(node)) return true;
      return false;
    });
  }

  /**
   * Drops the occurrences of the given entries (the reader hid them) from the runs decided already; the others
   * are decided with the reader's choice when taken.
   */
  dropEntries(entries: ReadonlySet<string>): void {
    for (const item of this.items)
      if (item.accepted) item.accepted = item.accepted.filter((m) => !entries.has(m.entryId));
    this.items = this.items.filter((item) => item.accepted === null || item.accepted.length > 0);
  }

  /**
   * Takes the run waiting next to `node` in `direction` (the first after it, or the last before it), so that
   * the next occurrence in the page's marks is the true next one; with no `node`, the first or last run.
   */
  takeAdjacent(node: Node | null, direction: 'next' | 'previous'): PendingRun[] {
    const items = this.items;
    if (items.length === 0) return [];
    let index: number;
    if (node === null) index = direction === 'next' ? 0 : items.length - 1;
    else {
      const after = this.firstAfter(node);
      index = direction === 'next' ? after : after - 1;
    }
    // A run with nothing to annotate is no step: on to the next one that has something, and the empty ones
    // between go (removed at once: a long page may hold thousands of them).
    const step = direction === 'next' ? 1 : -1;
    let found = index;
    while (found >= 0 && found < items.length && this.accepted(items[found]!).length === 0) found += step;
    const taken = found >= 0 && found < items.length ? this.decided([items[found]!]) : [];
    const [from, to] =
      step === 1 ? [index, Math.min(found + 1, items.length)] : [Math.max(found, 0), index + 1];
    if (from < to) items.splice(from, to - from);
    return taken;
  }

  /**
   * Takes the first run if it comes before `bound` (the page's first mark), or the last run if it comes after
   * `bound` (the page's last mark); without `bound`, takes it anyway.
   */
  takeEdge(edge: 'first' | 'last', bound: Node | null): PendingRun[] {
    const items = this.items;
    // Runs with nothing to annotate are no edge.
    if (edge === 'first') {
      let empty = 0;
      while (empty < items.length && this.accepted(items[empty]!).length === 0) empty++;
      items.splice(0, empty);
    } else while (items.length > 0 && this.accepted(items.at(-1)!).length === 0) items.pop();
    if (items.length === 0) return [];
    if (edge === 'first') {
      return bound === null || composedTreeBefore(items[0]!.run.nodes[0]!, bound)
        ? this.decided(items.splice(0, 1))
        : [];
    }
    return bound === null || composedTreeBefore(bound, items.at(-1)!.run.nodes[0]!)
      ? this.decided(items.splice(-1, 1))
      : [];
  }

  /** For each entry, its number of waiting occurrences and the first node of its first waiting run. */
  entries(): Map<string, { count: number; first: Node }> {
    this.decideAll();
    const result = new Map<string, { count: number; first: Node }>();
    for (const { run, accepted } of this.items) {
      for (const { entryId } of accepted!) {
        const known = result.get(entryId);
        if (known) known.count++;
        else result.set(entryId, { count: 1, first: run.nodes[0]! });
      }
    }
    return result;
  }

  /** Forgets every waiting run. */
  clear(): void {
    this.items = [];
  }

  /** The index of the first waiting run that does not come before `node` (binary search: runs are in order). */
  private firstAfter(node: Node): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (composedTreeBefore(this.items[middle]!.run.nodes[0]!, node)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private takeWhere(test: (item: Waiting) => boolean): Waiting[] {
    const taken: Waiting[] = [];
    const kept: Waiting[] = [];
    for (const item of this.items) (test(item) ? taken : kept).push(item);
    this.items = kept;
    return taken;
  }

  /** The occurrences to annotate in `item`, decided now if they were not yet. */
  private accepted(item: Waiting): AcceptedMatch[] {
    return (item.accepted ??= this.decide(item));
  }

  /** Decides every waiting run, dropping those with nothing to annotate. */
  private decideAll(): void {
    this.items = this.items.filter((item) => this.accepted(item).length > 0);
  }

  /** `items` decided, those with nothing to annotate left out. */
  private decided(items: readonly Waiting[]): PendingRun[] {
    const runs: PendingRun[] = [];
    for (const item of items) {
      const accepted = this.accepted(item);
      if (accepted.length > 0) runs.push({ run: item.run, accepted });
    }
    return runs;
  }
}

/**
 * The range `[low, high)` of `items` (in document order) whose blocks lie within `margins` of the viewport,
 * found by binary search over their boxes (layout is read, never written). Items without a box take the side
 * of their nearest neighbour with one.
 */
export function nearRange(
  items: readonly { run: TextRun }[],
  viewportHeight: number,
  margins: NearMargins,
): [number, number] {
  const top = -margins.above * viewportHeight;
  const bottom = viewportHeight * (1 + margins.below);
  // The last stretch of items without a box met, [boxlessFrom, boxlessTo), and the side they take: the search
  // probes a hidden half of a long page (a closed tab) many times, and each probe measured all of it again.
  let boxlessFrom = 0;
  let boxlessTo = 0;
  let boxlessSide: -1 | 0 | 1 = 0;
  const sideAt = (index: number): -1 | 0 | 1 => {
    if (index >= boxlessFrom && index < boxlessTo) return boxlessSide;
    for (let after = index; after < items.length;) {
      const where = side(items[after]!, top, bottom);
      if (where === null) {
        after = pastContainer(items, after, 1, hiddenContainer(items[after]!.run.block));
        continue;
      }
      if (after > index) [boxlessFrom, boxlessTo, boxlessSide] = [index, after, where];
      return where;
    }
    for (let i = index - 1; i >= 0;) {
      const where = side(items[i]!, top, bottom);
      if (where === null) {
        i = pastContainer(items, i, -1, hiddenContainer(items[i]!.run.block));
        continue;
      }
      [boxlessFrom, boxlessTo, boxlessSide] = [i + 1, items.length, where];
      return where;
    }
    // Nothing has a box: nothing is laid out, so nothing costs layout either.
    return 0;
  };
  // First item not above the window.
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sideAt(middle) === -1) low = middle + 1;
    else high = middle;
  }
  const start = low;
  // First item below the window.
  high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sideAt(middle) === 1) high = middle;
    else low = middle + 1;
  }
  return [start, low];
}
