import { classifyElement, isEditable } from './classify-element';
import { EXTENSION_UI_ATTRIBUTE } from './mark-selectors';
import type { SplitRegistry } from './split-registry';

// The tooltip's host moves into a modal dialog and out again: that changes none of the page's text.
const isExtensionUi = (node: Node): boolean =>
  node.nodeType === 1 && (node as Element).hasAttribute(EXTENSION_UI_ATTRIBUTE);

// Elements without text a reader reads, which pages (analytics, ads, style loaders) add to <body> all the time:
// each used to have the whole body read again.
const TEXTLESS = new Set(['script', 'style', 'link', 'meta', 'template', 'noscript']);

const isBlockOrEdge = (node: Node | null): boolean =>
  node === null || (node.nodeType === 1 && classifyElement(node as Element) === 'block');

/**
 * Whether adding or removing `node` between `previous` and `next` changes no run of text: an element without
 * text, or white space between blocks (the line breaks a feed's markup puts around each new item).
 */
function changesNoRun(node: Node, previous: Node | null, next: Node | null): boolean {
  if (node.nodeType === 1) return TEXTLESS.has((node as Element).localName) || isExtensionUi(node);
  return (
    node.nodeType === 3 && (node as Text).data.trim() === '' && isBlockOrEdge(previous) && isBlockOrEdge(next)
  );
}

/**
 * Keeps the page's text right when its own scripts change text we annotated (single-page apps, frameworks
 * re-rendering): runs in the MutationObserver callback, before the browser paints, and returns the nodes
 * whose text should be looked at again.
 *
 * - The page wrote to a text node we split (`textNode.data = …`, as React and Preact do): the node holds
 *   the page's new text, so our pieces after it are stale and are removed.
 * - The page removed a text node we split, or inserted a node between it and its pieces (frameworks place
 *   nodes relative to `nextSibling`, which may be one of our marks): the pieces' text goes back into the
 *   page's node, where the page believes it is.
 * - The page made an element editable (`contenteditable`): every text node we split inside it is whole again.
 */
export function repairPageMutations(records: readonly MutationRecord[], registry: SplitRegistry): Node[] {
  const touched: Node[] = [];
  // Records come in a batch and are read against the page as it is at the end of it. A node written to and
  // then removed or moved in the same batch has its pieces where it was: its removal's record says where.
  let removed: Set<Node> | null = null;
  for (const record of records) {
    if (record.type === 'childList' && record.removedNodes.length > 0) {
      removed ??= new Set();
      for (const node of record.removedNodes) removed.add(node);
    }
  }
  for (const record of records) {
    if (record.type === 'attributes') {
      const element = record.target as Element;
      // Made editable: the page's own text goes back before the reader types into it (and before an editor
      // saves its markup). No longer editable: its text is read again.
      if (isEditable(element)) registry.restoreAll(element);
      else touched.push(element);
      continue;
    }
    if (record.type === 'characterData') {
      const target = record.target;
      if (registry.isSplitOrigin(target) && !removed?.has(target)) registry.restore(target as Text, true);
      touched.push(target);
      continue;
    }
    if (record.type !== 'childList') continue;
    for (const node of record.removedNodes) {
      // The pieces stayed where the origin was: they follow the record's next sibling.
      if (registry.isSplitOrigin(node)) registry.restore(node as Text, false, record.nextSibling);
      // (A piece still in the page at the end of the batch was moved, not removed: it stays ours.)
      else if (registry.isPiece(node) && !node.isConnected) {
        // One of our marks taken out on its own (a page removing or unwrapping elements it did not make): its
        // words are the page's, put back whole in the page's node.
        const origin = node.nodeType === 1 ? registry.originOfPiece(node) : null;
        if (origin?.isConnected && !removed?.has(origin))
          registry.restoreAfterMarkRemoved(node as Element, origin);
        else registry.forget(node);
      }
    }
    // A node now standing before one of our pieces was inserted inside a split text node's group.
    const followers = [record.nextSibling, ...[...record.addedNodes].map((added) => added.nextSibling)];
    for (const next of record.addedNodes.length > 0 ? followers : []) {
      if (!next || !next.isConnected || !registry.isPiece(next)) continue;
      const origin = registry.originOfPiece(next);
      if (origin && !removed?.has(origin)) registry.restore(origin);
    }
    let inlineChange = false;
    for (const added of record.addedNodes) {
      if (changesNoRun(added, added.previousSibling, added.nextSibling)) continue;
      if (added.nodeType === 1 && classifyElement(added as Element) === 'block') touched.push(added);
      else if (added.nodeType === 1 || added.nodeType === 3) inlineChange = true;
    }
    for (const removed of record.removedNodes) {
      if (changesNoRun(removed, record.previousSibling, record.nextSibling)) continue;
      if (
        removed.nodeType === 3 ||
        (removed.nodeType === 1 && classifyElement(removed as Element) !== 'block')
      )
        inlineChange = true;
    }
    // Text joining or splitting inside a block: look at the whole block again.
    if (inlineChange) touched.push(record.target);
  }
  return touched;
}
