/**
 * Elements the browser shows in its top layer, above every z-index of the page: an open modal dialog, an open
 * popover, a full-screen element. The tooltip's host, on a page's z-index scale, is drawn beneath them.
 */
const TOP_LAYER_PSEUDO_CLASSES = [':modal', ':popover-open', ':fullscreen'];

let supported: readonly string[] | null = null;

/** The top-layer pseudo-classes this browser knows (an unknown one makes `closest` throw). */
function supportedPseudoClasses(): readonly string[] {
  supported ??= TOP_LAYER_PSEUDO_CLASSES.filter(
    (pseudo) => typeof CSS === 'undefined' || CSS.supports(`selector(${pseudo})`),
  );
  return supported;
}

/** The nearest ancestor of `element` (itself included) matching `selector`, across shadow roots. */
function closestComposed(element: Element, selector: string): Element | null {
  let node: Element | null = element;
  while (node) {
    const found = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root.nodeType === 11 ? (root as ShadowRoot).host : null;
  }
  return null;
}

/** The innermost top-layer element holding `element`, across shadow roots; null on the page's own layers. */
export function topLayerOf(element: Element): Element | null {
  const pseudoClasses = supportedPseudoClasses();
  return pseudoClasses.length > 0 ? closestComposed(element, pseudoClasses.join(', ')) : null;
}

function hideIfOpen(host: HTMLElement): void {
  if (host.matches(':popover-open')) host.hidePopover();
}

/**
 * Puts the tooltip's host where the reader sees it above `term`. A term inside a dialog, a popover or a
 * full-screen element gets the host shown as a popover, so it is drawn after them in the top layer; inside a
 * modal dialog the host also moves into the dialog, since everything outside it is inert (no pointer, no
 * focus). A term on the page itself leaves the host in `home`, an ordinary element.
 */
export function liftTooltipHost(host: HTMLElement, term: Element, home: Element): void {
  const layer = typeof host.showPopover === 'function' ? topLayerOf(term) : null;
  if (!layer) return lowerTooltipHost(host, home);
  const modal = supportedPseudoClasses().includes(':modal') ? closestComposed(layer, ':modal') : null;
  // Not into a shadow tree: the tooltip's listeners on the document would see its events come from the
  // page's host element instead.
  const parent = modal?.getRootNode() === home.ownerDocument ? modal : home;
  try {
    hideIfOpen(host);
    if (host.parentNode !== parent) parent.append(host);
    host.setAttribute('popover', 'manual');
    // Shown again each time: on top of whatever the page has put in the top layer since.
    host.showPopover();
  } catch {
    // The page cancelled the popover's toggle, or took the dialog out meanwhile: the host's z-index remains.
  }
}

/** Takes the tooltip's host out of the top layer and back to `home`. */
export function lowerTooltipHost(host: HTMLElement, home: Element): void {
  if (host.hasAttribute('popover')) {
    try {
      hideIfOpen(host);
    } catch {
      // Hidden already: nothing to undo.
    }
    host.removeAttribute('popover');
  }
  if (host.parentNode !== home && home.isConnected) home.append(host);
}
