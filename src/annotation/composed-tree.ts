/**
 * The page as it renders: the document and the open shadow trees hanging off its elements. Only open shadow
 * roots (`element.shadowRoot`) are reachable; closed ones are out of reach by design, and nothing here tries.
 */

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;
const DISCONNECTED = 1; // Node.DOCUMENT_POSITION_DISCONNECTED
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The element above `node` crossing shadow boundaries: its parent element, or the host of the shadow root it
 * sits in (or, for a shadow root, its own host). Null at the top of the document.
 */
export function composedTreeParent(node: Node): Element | null {
  const parent = node.nodeType === DOCUMENT_FRAGMENT_NODE ? node : node.parentNode;
  if (parent === null) return null;
  if (parent.nodeType === ELEMENT_NODE) return parent as Element;
  return (parent as Partial<ShadowRoot>).host ?? null;
}

/**
 * The host of the shadow root `node` is in; null in the document or in a subtree the page removed. Only a shadow
 * root has a host: the root of a removed subtree may be a link, whose `host` is its address's host name.
 */
function shadowHostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root.nodeType === DOCUMENT_FRAGMENT_NODE ? ((root as Partial<ShadowRoot>).host ?? null) : null;
}

/** The nearest ancestor of `element` (itself included) matching `selector`, across shadow roots. */
export function composedClosest(element: Element, selector: string): Element | null {
  for (let current: Element | null = element; current; current = shadowHostOf(current)) {
    const found = current.closest(selector);
    if (found) return found;
  }
  return null;
}

/** Whether `node` is `ancestor` or inside it, shadow trees of hosts inside it included. */
export function composedTreeContains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = shadowHostOf(current)) {
    if (ancestor.contains(current)) return true;
  }
  return false;
}

/** `node`, then the host of each shadow tree around it, outermost last. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let host = shadowHostOf(node); host; host = shadowHostOf(host)) chain.push(host);
  return chain;
}

/**
 * Whether `a` comes before `b` in page order. A shadow tree's content counts at its host's place: after the
 * host, before the host's light-DOM children (nodes of different trees are otherwise "disconnected" to
 * compareDocumentPosition, in an order of the browser's choosing).
 */
export function composedTreeBefore(a: Node, b: Node): boolean {
  const position = a.compareDocumentPosition(b);
  if ((position & DISCONNECTED) === 0) return (position & FOLLOWING) !== 0;
  const chainB = hostChain(b);
  const indexByRoot = new Map(chainB.map((node, index) => [node.getRootNode(), index]));
  for (const [i, nodeA] of hostChain(a).entries()) {
    const j = indexByRoot.get(nodeA.getRootNode());
    if (j === undefined) continue;
    const nodeB = chainB[j]!;
    // The same host: one of the two is the host itself, or in the light DOM of the host the other is inside.
    if (nodeA === nodeB) return i === 0 && j > 0;
    return (nodeA.compareDocumentPosition(nodeB) & FOLLOWING) !== 0;
  }
  return (position & FOLLOWING) !== 0;
}
