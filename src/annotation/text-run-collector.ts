import { isBlankBetween, isWordCharCode } from '../matching/fold-char-code';
import { classifyElement, isInlineElement } from './classify-element';

/**
 * The text of consecutive text nodes inside one block, as the reader sees it flow: "<i>CAR</i> T" and
 * "multiple <b>myeloma</b>" are one run each. A run never crosses a block boundary or a skipped element.
 */
export interface TextRun {
  /** The concatenated text of `nodes`. */
  text: string;
  nodes: Text[];
  /** Offset of each node's text in `text`. */
  starts: number[];
  /** Per node: true when it is inside one of our marks (already annotated). Null when none is. */
  annotated: boolean[] | null;
  /** The block element the run belongs to. */
  block: Element;
  /**
   * Offsets in `text` where markup splits what reads as one word ("lenalidomide<sup>12</sup>"): soft word
   * boundaries for the matcher. Null when there are none.
   */
  soft: number[] | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether an element starts or ends between two nodes in document order (comments do not count). */
function elementBetween(before: Node, after: Node): boolean {
  let sibling = before.nextSibling;
  while (sibling !== null && sibling !== after && sibling.nodeType !== ELEMENT_NODE)
    sibling = sibling.nextSibling;
  return sibling !== after;
}
// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, spelled out: NodeFilter may not exist where tests run.
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
/** How much work (see `step`) may pass between two readings of the clock. */
const CHECK_INTERVAL = 256;

/**
 * Walks a subtree in document order with a TreeWalker, in slices that stop at a deadline, and hands over the
 * text of each run. The walk reads the DOM only (tag names, attributes, text): it computes no style and
 * forces no layout. `onText` gets the run's text; it calls `run()` only for the runs it keeps, so the
 * common case (a run without terms) allocates nothing more.
 *
 * An element with an open shadow root has its shadow tree walked right after it (the shadow tree is what
 * renders), each shadow root a block boundary; its light-DOM children come next, reached as usual (those
 * assigned to <slot>s render inside the shadow tree, but are walked once, here). Closed shadow roots are out of
 * reach by design (`shadowRoot` is null for them): their text is never seen.
 */
export class TextRunCollector {
  private walker: TreeWalker;
  /** The walkers of the trees around the shadow tree being walked, innermost last; each stands on its host. */
  private readonly outerWalkers: TreeWalker[] = [];
  private started = false;
  private done = false;
  // The run under way: its first `count` nodes and texts. Reused from run to run, never shortened (setting
  // an array's length to 0 drops its storage, which the next run then allocates again).
  private readonly nodes: Text[] = [];
  private readonly texts: string[] = [];
  private count = 0;
  /** The length of the run's text so far: a soft boundary's offset, read without adding up the texts again. */
  private length = 0;
  /** The last of the run's nodes with some text (-1 when none has): empty text nodes add nothing to the text. */
  private lastFilled = -1;
  private annotated: boolean[] | null = null;
  private soft: number[] | null = null;
  private runBlockElement: Element | null = null;
  private lastParent: Node | null = null;
  private lastParentBlock: Element | null = null;
  private lastParentIsAnnotation = false;
  private pendingText = '';
  private pauseRequested = false;
  /** Set when the page removed the node the walk was about to visit: its result is incomplete. */
  lostPlace = false;

  constructor(
    private readonly root: Element,
    private readonly onText: (text: string, collector: TextRunCollector) => void,
    /** Told of each open shadow root the walk enters (to watch it, style its marks, find them again). */
    private readonly onShadowRoot?: (shadowRoot: ShadowRoot) => void,
    /** Told of each element the walk passes that may define an abbreviation: `<abbr title>`, `<dt>`, `<tr>`. */
    private readonly onDefinition?: (element: Element) => void,
  ) {
    this.walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
  }

  /** The first text node of the run whose text `onText` is looking at. */
  firstNode(): Text {
    return this.nodes[0]!;
  }

  /** The block of the run whose text `onText` is looking at. */
  runBlock(): Element {
    return this.runBlockElement ?? this.root;
  }

  /**
   * Soft word boundaries of the run whose text `onText` is looking at (see TextRun.soft); null when none. A
   * new array for each run, never changed afterwards: it may be kept.
   */
  softBoundaries(): readonly number[] | null {
    return this.soft;
  }

  /** Whether the run whose text `onText` is looking at holds text inside our marks. */
  holdsMarks(): boolean {
    return this.annotated !== null;
  }

  /** The run whose text `onText` is looking at. */
  run(): TextRun {
    const { texts, count } = this;
    const starts = new Array<number>(count);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = offset;
      offset += texts[i]!.length;
    }
    return {
      text: this.pendingText,
      nodes: this.nodes.slice(0, count),
      starts,
      annotated: this.annotated?.slice() ?? null,
      block: this.runBlockElement ?? this.root,
      soft: this.soft?.slice() ?? null,
    };
  }

  /**
   * Called from `onText`: the walk stops after the run it is looking at, and `step` returns false (or true,
   * when that was the last run); the next `step` goes on from there.
   */
  pause(): void {
    this.pauseRequested = true;
  }

  /** Walks until done or until `now()` passes `deadline`; true when the whole subtree has been walked. */
  step(deadline: number, now: () => number): boolean {
    this.pauseRequested = false;
    if (this.done) return true;
    let node: Node | null;
    if (!this.started) {
      this.started = true;
      const shadowRoot = this.root.shadowRoot;
      node = shadowRoot ? this.enterShadow(shadowRoot) : this.nextNode();
    } else {
      node = this.walker.currentNode;
      if (!node.isConnected && this.root.isConnected) {
        this.lostPlace = true;
        node = null;
      }
    }
    // Work since the clock was last read, in nodes, plus one per 16 characters of text handed over: matching a
    // long paragraph costs more than stepping over many nodes, and pages of long paragraphs overran the slice.
    let work = 0;
    while (node) {
      if (this.pauseRequested) return false;
      if (++work > CHECK_INTERVAL) {
        work = 0;
        if (now() > deadline) return false;
      }
      if (node.nodeType === TEXT_NODE) {
        this.addText(node as Text);
        node = this.nextNode();
        continue;
      }
      const role = classifyElement(node as Element);
      if (role === 'skip') {
        work += this.flush() >> 4;
        node = this.nextOutside();
      } else {
        if (role === 'block') {
          work += this.flush() >> 4;
          // A definition list's term, whose <dd> may spell it out ("<dt>MM</dt><dd>multiple myeloma</dd>"), or a
          // table row that may pair an abbreviation with its long form.
          const name = (node as Element).localName;
          if (name === 'dt' || name === 'tr') this.onDefinition?.(node as Element);
        } else if (role === 'abbreviation') this.onDefinition?.(node as Element);
        // One property read per element: the cheap part of supporting web components.
        const shadowRoot = (node as Element).shadowRoot;
        node = shadowRoot ? this.enterShadow(shadowRoot) : this.nextNode();
      }
    }
    this.flush();
    this.done = true;
    return true;
  }

  /** The next node in walk order: in the tree being walked, else after the host of a shadow tree just done. */
  private nextNode(): Node | null {
    return this.walker.nextNode() ?? this.leaveShadow();
  }

  /** The next node after the current element's subtree. */
  private nextOutside(): Node | null {
    const walker = this.walker;
    let next = walker.nextSibling();
    while (!next) {
      if (!walker.parentNode()) return this.leaveShadow();
      next = walker.nextSibling();
    }
    return next;
  }

  /** Starts walking a shadow tree (the walk of the tree around it resumes at its host's children). */
  private enterShadow(shadowRoot: ShadowRoot): Node | null {
    this.flush();
    this.onShadowRoot?.(shadowRoot);
    this.outerWalkers.push(this.walker);
    this.walker = shadowRoot.ownerDocument.createTreeWalker(shadowRoot, SHOW_ELEMENTS_AND_TEXT);
    return this.nextNode();
  }

  /** Done with a shadow tree: back to its host, and on to the host's light-DOM children. Null when all is done. */
  private leaveShadow(): Node | null {
    while (this.outerWalkers.length > 0) {
      this.flush();
      this.walker = this.outerWalkers.pop()!;
      const next = this.walker.nextNode();
      if (next) return next;
    }
    return null;
  }

  private addText(node: Text): void {
    const parent = node.parentNode!;
    if (parent !== this.lastParent) {
      const previous = this.lastParent;
      this.lastParent = parent;
      // Each name read once (a call into the DOM, for every new parent on the page).
      const parentName = (parent as Element).localName;
      let block = parent as Element;
      let name = parentName;
      if (previous !== null && this.lastParentBlock !== previous && previous.parentNode === parent) {
        // Out of an inline element into its parent: the same block. (Text in 5,000 nested inline elements
        // made by a script had its block climbed to from each depth.)
        block = this.lastParentBlock!;
      } else if (
        previous !== null &&
        parent.parentNode === previous &&
        parentName !== undefined &&
        isInlineElement(block, name)
      ) {
        // Into an inline element of the previous parent: its block.
        block = this.lastParentBlock!;
      } else {
        // (A shadow root has no localName: it ends the climb.)
        while (block !== this.root && name !== undefined && isInlineElement(block, name)) {
          block = block.parentNode as Element;
          name = block.localName;
        }
        // Text at the top of a shadow tree: the host stands for its block (a shadow root has no localName).
        if (name === undefined) block = (block as Node as ShadowRoot).host;
      }
      this.lastParentBlock = block;
      this.lastParentIsAnnotation =
        parentName === 'mark' && classifyElement(parent as Element) === 'annotation';
    }
    // Leaving a block (text after a nested block, in its parent) ends the run.
    if (this.lastParentBlock !== this.runBlockElement) {
      this.flush();
      this.runBlockElement = this.lastParentBlock;
    }
    const data = node.data;
    const count = this.count;
    if (count === 0) {
      // Read in place: most pages put a white-space node between every two blocks.
      if (isBlankBetween(data, 0, data.length)) return;
    } else if (data.length !== 0 && isWordCharCode(data.charCodeAt(0))) this.markSoftBoundary(node);
    if (this.lastParentIsAnnotation) {
      this.annotated ??= new Array<boolean>(count).fill(false);
      this.annotated.push(true);
    } else this.annotated?.push(false);
    this.nodes[count] = node;
    this.texts[count] = data;
    this.count = count + 1;
    if (data.length !== 0) {
      this.length += data.length;
      this.lastFilled = count;
    }
  }

  /** Records a soft boundary before `node` when the run so far ends in a word character and markup intervenes. */
  private markSoftBoundary(node: Text): void {
    const nodes = this.nodes;
    const texts = this.texts;
    const last = this.lastFilled;
    if (last < 0) return;
    const lastText = texts[last]!;
    if (!isWordCharCode(lastText.charCodeAt(lastText.length - 1))) return;
    // Our own marks are not the page's markup: the page's text reads the same with them or without.
    const before = this.annotated?.[last] ? nodes[last]!.parentNode! : nodes[last]!;
    const after = this.lastParentIsAnnotation ? node.parentNode! : node;
    if (!elementBetween(before, after)) return;
    // The texts after `last` are empty: the run so far ends where the word before ends.
    (this.soft ??= []).push(this.length);
  }

  /** Hands the run under way to `onText`; returns the length of its text (0 when there was none). */
  private flush(): number {
    const count = this.count;
    if (count === 0) return 0;
    const texts = this.texts;
    const text = count === 1 ? texts[0]! : texts.slice(0, count).join('');
    this.pendingText = text;
    this.onText(text, this);
    // A kept run copied what it needs.
    this.count = 0;
    this.length = 0;
    this.lastFilled = -1;
    this.annotated = null;
    this.soft = null;
    this.pendingText = '';
    return text.length;
  }
}
