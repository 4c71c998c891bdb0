/** A bar taller than this share of the viewport is an overlay, not a header: it is not avoided. */
const MAX_HEADER_SHARE = 0.4;
/** Where across the top edge to look: a header spans the width, a floating button does not. */
const PROBES = [0.25, 0.5, 0.75];

/**
 * How far down from the viewport's top the page's fixed or sticky header reaches (0 when there is none). The
 * tooltip treats the area under it as outside the viewport: it flips below a term rather than cover the site's
 * navigation, and hides while its term is scrolled behind the header. Three hit tests at the top edge find it,
 * cheap enough to run on every placement update.
 */
export function fixedHeaderInset(document: Document, ignore?: Element): number {
  const view = document.defaultView;
  if (!view || typeof document.elementsFromPoint !== 'function') return 0;
  const width = view.innerWidth;
  const height = view.innerHeight;
  let inset = 0;
  for (const share of PROBES) {
    for (const element of document.elementsFromPoint(width * share, 1)) {
      if (element === ignore || element === document.documentElement || element === document.body) continue;
      const position = view.getComputedStyle(element).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      const rect = element.getBoundingClientRect();
      if (rect.top <= 1 && rect.bottom > inset && rect.height <= height * MAX_HEADER_SHARE)
        inset = rect.bottom;
    }
  }
  return Math.max(0, Math.round(inset));
}
