import { classifyElement, closestBlock, INLINE_TAGS } from './classify-element';

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
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const HAS_VISIBLE_CHARACTER = /\S/;

/**
 * Walks a subtree in document order, in slices that stop at a deadline, and hands over each text run. The
 * walk reads the DOM only (tag names, attributes, text): it computes no style and forces no layout.
 */
export class TextRunCollector {
  private next: Node | null;
  private nodes: Text[] = [];
  private texts: string[] = [];
  private annotated: boolean[] | null = null;
  /** Set when the page removed the node the walk was about to visit: its result is incomplete. */
  lostPlace = false;

  constructor(
    private readonly root: Element,
    private readonly onRun: (run: TextRun) => void,
  ) {
    this.next = root.firstChild;
  }

  /** Walks until done or until `now()` passes `deadline`; true when the whole subtree has been walked. */
  step(deadline: number, now: () => number): boolean {
    const root = this.root;
    let node = this.next;
    if (node && !node.isConnected && root.isConnected) {
      this.lostPlace = true;
      node = null;
    }
    let count = 0;
    while (node) {
      if ((++count & 255) === 0 && now() > deadline) {
        this.next = node;
        return false;
      }
      let descend = false;
      if (node.nodeType === TEXT_NODE) {
        this.addText(node as Text);
      } else if (node.nodeType === ELEMENT_NODE) {
        const role = classifyElement(node as Element);
        if (role === 'inline' || role === 'annotation') descend = true;
        else {
          this.flush();
          descend = role === 'block';
        }
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      // Leave the node, and every ancestor whose last child it was; leaving a block ends the run.
      for (;;) {
        if (node === root) {
          node = null;
          break;
        }
        const sibling: Node | null = node!.nextSibling;
        if (sibling) {
          node = sibling;
          break;
        }
        node = node!.parentNode;
        if (!node || node === root) {
          node = null;
          break;
        }
        if (!INLINE_TAGS.has((node as Element).localName)) this.flush();
      }
    }
    this.flush();
    this.next = null;
    return true;
  }

  private addText(node: Text): void {
    const data = node.data;
    if (this.nodes.length === 0 && !HAS_VISIBLE_CHARACTER.test(data)) return;
    const parent = node.parentNode as Element | null;
    const inAnnotation =
      parent !== null && parent.localName === 'mark' && classifyElement(parent) === 'annotation';
    if (inAnnotation) {
      this.annotated ??= this.nodes.map(() => false);
      this.annotated.push(true);
    } else this.annotated?.push(false);
    this.nodes.push(node);
    this.texts.push(data);
  }

  private flush(): void {
    const nodes = this.nodes;
    if (nodes.length === 0) return;
    const texts = this.texts;
    const starts = new Array<number>(nodes.length);
    let offset = 0;
    for (let i = 0; i < texts.length; i++) {
      starts[i] = offset;
      offset += texts[i]!.length;
    }
    const text = texts.length === 1 ? texts[0]! : texts.join('');
    const block = closestBlock(nodes[0]!) ?? this.root;
    const annotated = this.annotated;
    this.nodes = [];
    this.texts = [];
    this.annotated = null;
    this.onRun({ text, nodes, starts, annotated, block });
  }
}
