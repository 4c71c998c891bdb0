import { ENTRY_ID_ATTRIBUTE, MARK_SELECTOR, PART_ATTRIBUTE, REST_PART } from '../annotation/mark-selectors';

// Pieces of one occurrence are only ever separated by the inline elements the text crossed ("<i>CAR</i> T"), so
// a short walk finds them; the bound keeps a malformed page from making a hover walk the whole document.
const MAX_ELEMENTS_BETWEEN_PIECES = 64;

const isRestPiece = (element: Element) => element.getAttribute(PART_ATTRIBUTE) === REST_PART;

/** The element before `element` in document order (what TreeWalker.previousNode gives, without one). */
function previousElement(element: Element): Element | null {
  let node = element.previousElementSibling;
  if (!node) return element.parentElement;
  while (node.lastElementChild) node = node.lastElementChild;
  return node;
}

/** The element after `element` in document order. */
function nextElement(element: Element): Element | null {
  if (element.firstElementChild) return element.firstElementChild;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

/** The first piece (head) of the occurrence a mark belongs to; the mark itself when it is a head. */
export function occurrenceHead(mark: Element): Element {
  if (!isRestPiece(mark)) return mark;
  const id = mark.getAttribute(ENTRY_ID_ATTRIBUTE);
  let node: Element | null = mark;
  for (let steps = 0; steps < MAX_ELEMENTS_BETWEEN_PIECES; steps++) {
    node = previousElement(node);
    if (!node) break;
    if (node.matches(MARK_SELECTOR) && node.getAttribute(ENTRY_ID_ATTRIBUTE) === id && !isRestPiece(node))
      return node;
  }
  return mark;
}

/** Every piece of the occurrence that starts at `head`, in document order (just `[head]` when it is whole). */
export function occurrencePieces(head: Element): Element[] {
  const id = head.getAttribute(ENTRY_ID_ATTRIBUTE);
  const pieces = [head];
  let steps = 0;
  for (let node = nextElement(head); node; node = nextElement(node)) {
    if (node.matches(MARK_SELECTOR)) {
      if (!isRestPiece(node) || node.getAttribute(ENTRY_ID_ATTRIBUTE) !== id) break;
      pieces.push(node);
      steps = 0;
    } else if (++steps > MAX_ELEMENTS_BETWEEN_PIECES) {
      break;
    }
  }
  return pieces;
}
