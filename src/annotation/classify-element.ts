import { composedTreeParent } from './composed-tree';
import { ENTRY_ID_ATTRIBUTE, EXTENSION_UI_ATTRIBUTE, MARK_CLASS } from './mark-selectors';

/**
 * How the text walker treats an element:
 * - `skip`: never look inside (code, forms, editable areas, scripts, the extension's UI…); it also ends a run;
 * - `inline`: its text continues the surrounding run ("multiple <b>myeloma</b>" is one run);
 * - `block`: its text is a run of its own, never joined with text outside it;
 * - `annotation`: one of our marks; its text is part of the run but already annotated;
 * - `abbreviation`: an `<abbr title>`, inline, whose title may define its text ("multiple myeloma" for MM).
 */
export type ElementRole = 'skip' | 'inline' | 'block' | 'annotation' | 'abbreviation';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'title',
  'head',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'br',
  'hr',
  'meta',
  'link',
  'base',
  'rt',
  'rp',
  'xmp',
  'listing',
  'plaintext',
]);

/** Phrasing elements whose text flows with their neighbours' (HTML's inline formatting elements). */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'ruby',
  'output',
  'slot',
]);

/** Whether an element is editable by the reader: its text belongs to them, not to the page. */
export function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

// One lookup per element: the walker asks for every element of the page.
const ROLE_BY_TAG = new Map<string, ElementRole>([
  ...[...SKIPPED].map((name) => [name, 'skip'] as const),
  ...[...INLINE_TAGS].map((name) => [name, 'inline'] as const),
]);

/**
 * Whether an element flows with the text around it, as a browser draws it by default: an inline tag, or a
 * custom element without a shadow tree that holds only text and inline elements (`<x-term>lymphoma</x-term>`,
 * which a page's script may never define). A custom element with a shadow tree is a component: its shadow root
 * bounds runs, and its host is a block.
 */
export function isInlineElement(element: Element, name: string = element.localName): boolean {
  return INLINE_TAGS.has(name) || isInlineCustomElement(element, name);
}

// Elements drawn inline that hold no text: a term component's icon (<x-term><svg>…</svg>CAR</x-term>).
const INLINE_EMPTY = new Set(['img', 'svg', 'picture', 'br', 'wbr']);

function isInlineCustomElement(element: Element, name: string): boolean {
  if (!name.includes('-') || element.shadowRoot !== null || element.hasAttribute(EXTENSION_UI_ATTRIBUTE))
    return false;
  // A component laying out other elements (<app-root>, <app-header><app-clock>, <app-post><p>…</p></app-post>)
  // is a container, drawn as a block by the page's styles: its text is not to be joined with its neighbours',
  // nor the whole app read again when one of its words changes. One holding words (<x-term><b>CAR</b>
  // T</x-term>), perhaps with an icon, flows with them.
  for (let child = element.firstElementChild; child; child = child.nextElementSibling)
    if (!INLINE_TAGS.has(child.localName) && !INLINE_EMPTY.has(child.localName)) return false;
  return true;
}

/** The role of `element` for the text walker (by tag and attributes only: no style is computed). */
export function classifyElement(element: Element): ElementRole {
  const name = element.localName;
  const role = ROLE_BY_TAG.get(name) ?? (isInlineCustomElement(element, name) ? 'inline' : 'block');
  if (role === 'skip') return role;
  // Most elements have no attribute at all: one call answers every attribute question below.
  if (!element.hasAttributes()) return role;
  if (element.hasAttribute('contenteditable') && isEditable(element)) return 'skip';
  if (role === 'inline') {
    if (name === 'abbr') return element.hasAttribute('title') ? 'abbreviation' : role;
    if (name !== 'mark') return role;
    if (element.hasAttribute(ENTRY_ID_ATTRIBUTE) && element.classList.contains(MARK_CLASS))
      return 'annotation';
    // Another highlighter's marks (mark.js-based): leave them as they are.
    return element.hasAttribute('data-markjs') ? 'skip' : 'inline';
  }
  return element.hasAttribute(EXTENSION_UI_ATTRIBUTE) ? 'skip' : 'block';
}

/**
 * Whether `node` lies inside something the walker never enters (a skipped element, an editable region),
 * looking up to `root`'s document body; from inside an open shadow tree, through its host (a shadow tree under
 * a skipped host, such as the extension's own UI, is skipped with it).
 */
export function isInsideSkippedElement(node: Node): boolean {
  const doc = node.ownerDocument;
  if (doc?.designMode === 'on') return true;
  for (
    let element = node.nodeType === 1 ? (node as Element) : composedTreeParent(node);
    element;
    element = composedTreeParent(element)
  ) {
    if (element === doc?.body) return false;
    if (classifyElement(element) === 'skip') return true;
  }
  return true;
}

/**
 * The nearest ancestor (or self) that is not an inline element: the block whose runs `node` belongs to. Text
 * at the top of a shadow tree (or under inline elements there) belongs to the host's block: the shadow root is
 * a boundary of runs, but the host is what can be walked again.
 */
export function closestBlock(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : composedTreeParent(node);
  while (element && element !== element.ownerDocument.body && isInlineElement(element)) {
    element = composedTreeParent(element);
  }
  return element;
}
