import { classifyElement } from './classify-element';

const COMMENT_NODE = 8;
const TEXT_NODE = 3;

/** Whether the walk's run ends at `sibling` and beyond it, going one way (blank text and comments read as nothing). */
function runEndsAt(sibling: Node | null, step: 'previousSibling' | 'nextSibling'): boolean {
  while (
    sibling !== null &&
    (sibling.nodeType === COMMENT_NODE ||
      (sibling.nodeType === TEXT_NODE && (sibling as Text).data.trim() === ''))
  )
    sibling = sibling[step];
  if (sibling === null) return true;
  if (sibling.nodeType !== 1) return false;
  const role = classifyElement(sibling as Element);
  return role === 'block' || role === 'skip';
}

/**
 * The inline element of `block` that holds the whole run `node` is part of, or null when the run reaches
 * beyond it. A clock or a "3 minutes ago" in a span of its own, straight inside a page's <main> or <body>, is
 * then read again alone, not with the whole page around it, each time it ticks.
 */
export function inlineRunRoot(node: Node, block: Element): Element | null {
  let top = node;
  for (let parent = top.parentNode; parent !== block; parent = top.parentNode) {
    // Detached, or at the top of a shadow tree: the block is the host.
    if (parent === null || parent.nodeType !== 1) return null;
    top = parent;
  }
  if (top.nodeType !== 1 || classifyElement(top as Element) !== 'inline') return null;
  return runEndsAt(top.previousSibling, 'previousSibling') && runEndsAt(top.nextSibling, 'nextSibling')
    ? (top as Element)
    : null;
}
