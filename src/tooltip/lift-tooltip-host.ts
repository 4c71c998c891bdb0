import { composedClosest } from '../annotation/composed-tree';
import { topLayerSelector } from '../annotation/top-layer-selector';

/** The innermost top-layer element holding `element`, across shadow roots; null on the page's own layers. */
export function topLayerOf(element: Element): Element | null {
  const selector = topLayerSelector();
  return selector ? composedClosest(element, selector) : null;
}

function hideIfOpen(host: HTMLElement): void {
  if (host.matches(':popover-open')) host.hidePopover();
}

/**
 * Puts the tooltip's host where the reader sees it above `term`. A term inside a dialog, a popover or a
 * full-screen element gets the host shown as a popover, so it is drawn after them in the top layer, and the
 * host moves inside that element: a modal dialog makes everything outside it inert (no pointer, no focus), a
 * popover counts a click outside it as a reason to close, and a page closing its other popovers when one
 * opens leaves the ones holding it open. A term on the page itself leaves the host in `home`.
 */
export function liftTooltipHost(host: HTMLElement, term: Element, home: Element): void {
  const layer = typeof host.showPopover === 'function' ? topLayerOf(term) : null;
  if (!layer) return lowerTooltipHost(host, home);
  // Not into a shadow tree: the tooltip's listeners on the document would see its events come from the
  // page's host element instead.
  const parent = layer.getRootNode() === home.ownerDocument ? layer : home;
  try {
    hideIfOpen(host);
    if (host.parentNode !== parent) parent.append(host);
    host.setAttribute('popover', 'manual');
    // Shown again each time: on top of whatever the page has put in the top layer since.
    host.showPopover();
  } catch {
    // The page cancelled the popover's toggle, or took the layer out meanwhile: the host's z-index remains.
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
