import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type ClientRectObject,
  type RootBoundary,
  type VirtualElement,
} from '@floating-ui/dom';
import { fixedHeaderInset } from './fixed-header-inset';

/** Space between the term and the tooltip: small, so the pointer crosses it within the grace period. */
export const TOOLTIP_GAP_PX = 8;
/** The tooltip keeps this far from the viewport's edges. */
export const VIEWPORT_PADDING_PX = 8;
export const TOOLTIP_MAX_WIDTH_PX = 360;
const TOOLTIP_MIN_HEIGHT_PX = 120;

/** Where the pointer was when the tooltip opened: for a term wrapped over two lines, the line to point at. */
export interface PointerPosition {
  x: number;
  y: number;
}

function unionOf(rects: ClientRectObject[]): ClientRectObject {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return { x: left, y: top, left, top, right, bottom, width: right - left, height: bottom - top };
}

/**
 * The element the tooltip points at: the mark itself, or, for an occurrence split over several marks
 * ("<i>CAR</i> T"), a virtual element spanning every piece (its line boxes are the pieces' rects, so `inline()`
 * still picks the right line when it wraps).
 */
export function occurrenceReference(pieces: readonly Element[]): Element | VirtualElement {
  const [head] = pieces;
  if (!head) throw new Error('an occurrence has at least one mark');
  if (pieces.length === 1) return head;
  const clientRects = () => pieces.flatMap((piece) => [...piece.getClientRects()]);
  return {
    contextElement: head,
    getClientRects: clientRects,
    getBoundingClientRect: () => {
      const rects = clientRects();
      return rects.length > 0 ? unionOf(rects) : head.getBoundingClientRect();
    },
  };
}

/**
 * Places the card next to the term and keeps it there while the page scrolls, resizes or reflows: above the
 * term by default (it covers lines already read, not the ones coming), flipped below when there is no room
 * (a fixed header counts as no room), shifted to stay inside the viewport, no wider or taller than the viewport
 * allows, and hidden while the term is scrolled out of sight. Returns the function that stops following.
 */
export function placeTooltip(
  reference: Element | VirtualElement,
  card: HTMLElement,
  arrowElement: HTMLElement,
  options: { pointer?: PointerPosition; onReferenceGone?: () => void } = {},
): () => void {
  const { pointer, onReferenceGone } = options;
  const anchor = 'nodeType' in reference ? reference : reference.contextElement;
  const document = card.ownerDocument;
  const root = card.getRootNode();
  const host = 'host' in root ? (root.host as Element) : undefined;
  const update = async () => {
    if (anchor && !anchor.isConnected) return onReferenceGone?.();
    // The viewport minus the page's fixed header, if it has one.
    const inset = fixedHeaderInset(document, host);
    const html = document.documentElement;
    const rootBoundary: RootBoundary =
      inset > 0
        ? { x: 0, y: inset, width: html.clientWidth, height: Math.max(0, html.clientHeight - inset) }
        : 'viewport';
    // Measure the card at its natural size: a cap left by the last update would make a cramped side look
    // roomy to flip(). (All synchronous before the first paint, so nothing flickers.)
    card.style.maxWidth = '';
    card.style.maxHeight = '';
    // The viewport is the only bound. The host may sit inside a page's dialog (see liftTooltipHost), and
    // Floating UI would take a dialog with a transform, which scrolls its overflow, for a box clipping the card,
    // though the host is drawn in the top layer: a centred dialog squeezed the card to its minimum height.
    const boundary: Element[] = [];
    const { x, y, placement, middlewareData } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'top',
      middleware: [
        inline(pointer),
        offset(TOOLTIP_GAP_PX),
        flip({ padding: VIEWPORT_PADDING_PX, boundary, rootBoundary }),
        shift({ padding: VIEWPORT_PADDING_PX, boundary, rootBoundary }),
        size({
          padding: VIEWPORT_PADDING_PX,
          boundary,
          rootBoundary,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.maxWidth = `${Math.min(TOOLTIP_MAX_WIDTH_PX, Math.floor(availableWidth))}px`;
            elements.floating.style.maxHeight = `${Math.max(TOOLTIP_MIN_HEIGHT_PX, Math.floor(availableHeight))}px`;
          },
        }),
        arrow({ element: arrowElement, padding: 10 }),
        hide({ rootBoundary }),
      ],
    });
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
    const side = placement.split('-')[0]!;
    card.dataset.side = side;
    card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
    const arrowData = middlewareData.arrow;
    arrowElement.style.left = arrowData?.x !== undefined ? `${arrowData.x}px` : '';
    arrowElement.style.top = arrowData?.y !== undefined ? `${arrowData.y}px` : '';
  };
  return autoUpdate(reference, card, () => void update());
}
