import { ENTRY_ID_ATTRIBUTE, FLASH_CLASS, MARK_CLASS, MARK_STYLE_ELEMENT_ID } from './mark-selectors';

const MARK = `mark.${MARK_CLASS}[${ENTRY_ID_ATTRIBUTE}]`;

// The marks live in the page's DOM, so their style does too (the tooltip's shadow root cannot reach them).
// `all: unset` drops the UA's yellow <mark> and whatever the page says about mark/span, so a mark is a plain
// inline box inheriting the page's font, colour and spacing: the underline is the only visible change and
// no layout moves. Declarations are !important inside a cascade layer: layered !important rules win over a
// page's unlayered !important ones ("* { all: unset !important }"). Transitions outrank !important, so the
// reveal flash fades with a transition rather than an animation.
const LAYER = 'oncology-glossary';
const MARK_CSS = `@layer ${LAYER} {
  ${MARK} {
    all: unset !important;
    text-decoration-line: underline !important;
    text-decoration-style: dotted !important;
    text-decoration-color: currentColor !important;
    text-decoration-color: color-mix(in srgb, currentColor 70%, transparent) !important;
    text-decoration-thickness: 1.5px !important;
    text-underline-offset: 0.2em !important;
    text-decoration-skip-ink: none !important;
    cursor: help !important;
    transition: background-color 0.9s ease-out, outline-color 0.9s ease-out !important;
  }
  a[href] ${MARK}, [role='link'] ${MARK} {
    cursor: pointer !important;
  }
  ${MARK}:focus-visible {
    outline: 2px solid #3b82f6 !important;
    outline-offset: 1px !important;
  }
  ${MARK}.${FLASH_CLASS} {
    background-color: rgba(255, 196, 0, 0.4) !important;
    outline: 2px solid rgba(232, 164, 0, 0.9) !important;
    outline-offset: 1px !important;
    transition: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    ${MARK} { transition: none !important; }
  }
}
`;

/** One constructed sheet per document, shared by every shadow root of it that has marks. */
const shadowSheets = new WeakMap<Document, CSSStyleSheet>();

function shadowSheet(document: Document): CSSStyleSheet | null {
  let sheet = shadowSheets.get(document) ?? null;
  if (sheet) return sheet;
  const Constructor = document.defaultView?.CSSStyleSheet;
  if (!Constructor || typeof Constructor.prototype.replaceSync !== 'function') return null;
  try {
    sheet = new Constructor();
    sheet.replaceSync(MARK_CSS);
  } catch {
    return null;
  }
  shadowSheets.set(document, sheet);
  return sheet;
}

/**
 * Our <style> element in each document or shadow root: found by reference, not by id, so that an element of
 * the page's that happens to carry the id is neither taken for it nor removed with it.
 */
const styleElements = new WeakMap<Document | ShadowRoot, HTMLStyleElement>();

/** A <style> element with the marks' stylesheet, made for `document`. */
function styleElement(document: Document): HTMLStyleElement {
  const style = document.createElement('style');
  style.id = MARK_STYLE_ELEMENT_ID;
  style.textContent = MARK_CSS;
  return style;
}

/** Puts our <style> element in the document: in <head>, so document.body.textContent stays the page's text. */
function appendToDocument(document: Document, style: HTMLStyleElement): void {
  (document.head ?? document.documentElement)?.append(style);
}

/**
 * Adds the marks' stylesheet to the page, or to an open shadow root with marks (a document's styles do not
 * reach into shadow trees), once; marks without it would show the browser's yellow <mark>.
 */
export function injectMarkStyles(root: Document | ShadowRoot): void {
  if (root.nodeType === 11) return injectShadowStyles(root as ShadowRoot);
  const document = root as Document;
  if (styleElements.get(document)?.isConnected) return;
  const style = styleElements.get(document) ?? styleElement(document);
  appendToDocument(document, style);
  styleElements.set(document, style);
}

/**
 * Puts the marks' stylesheet back in a document whose page took it out with the rest of its <head> (a page
 * rewriting its head, or the whole document): the marks would turn into the browser's yellow <mark>.
 * Does nothing where it was never added, or was removed by `removeMarkStyles`.
 */
export function restoreMarkStyles(document: Document): void {
  const style = styleElements.get(document);
  if (!style || style.isConnected) return;
  // A page that takes out whatever is added to its <head> would take it out again at once, its observer and
  // ours answering each other in microtasks without end: the page freezes. After a few tries it stays out.
  const restored = restorations.get(document) ?? 0;
  if (restored >= MAX_RESTORATIONS) return;
  restorations.set(document, restored + 1);
  appendToDocument(document, style);
}

/** Times the stylesheet was put back in each document. */
const restorations = new WeakMap<Document, number>();
const MAX_RESTORATIONS = 3;

/**
 * An adopted stylesheet: no node in the shadow tree, so its textContent and children stay the page's (and
 * a component re-rendering its tree keeps it). A <style> element where adoption is not supported.
 */
function injectShadowStyles(root: ShadowRoot): void {
  const sheet = shadowSheet(root.ownerDocument);
  const adopted = sheet ? root.adoptedStyleSheets : undefined;
  if (sheet && adopted) {
    if ([...adopted].includes(sheet)) return;
    try {
      root.adoptedStyleSheets = [...adopted, sheet];
      return;
    } catch {
      // A sheet this root refuses: the <style> element below does the same.
    }
  }
  if (styleElements.get(root)?.isConnected) return;
  const style = styleElement(root.ownerDocument);
  root.append(style);
  styleElements.set(root, style);
}

/** Removes the marks' stylesheet from the page or a shadow root (annotations off, or the content script invalidated). */
export function removeMarkStyles(root: Document | ShadowRoot): void {
  styleElements.get(root)?.remove();
  styleElements.delete(root);
  // One left by an earlier content script of the extension (updated or reloaded): a <style> with our id and
  // our layer (a page's own <style> that happens to have the id stays).
  for (const stale of root.querySelectorAll(`style#${MARK_STYLE_ELEMENT_ID}`))
    if (stale.textContent?.startsWith(`@layer ${LAYER}`)) stale.remove();
  if (root.nodeType !== 11) return;
  const shadowRoot = root as ShadowRoot;
  const sheet = shadowSheets.get(shadowRoot.ownerDocument);
  const adopted = sheet ? shadowRoot.adoptedStyleSheets : undefined;
  if (sheet && adopted && [...adopted].includes(sheet))
    shadowRoot.adoptedStyleSheets = [...adopted].filter((other) => other !== sheet);
}
