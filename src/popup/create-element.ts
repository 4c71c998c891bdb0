/** Creates an element with optional class and text (set with textContent: entry data is never parsed as HTML). */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  options: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

/** Text for screen readers only (e.g. "opens in a new tab" after a link). */
export function visuallyHidden(doc: Document, text: string): HTMLSpanElement {
  return el(doc, 'span', { className: 'visually-hidden', text });
}

/** Short name for `createElement`, which the views call on almost every line. */
export const el = createElement;

let nextId = 0;

/** A document-unique id with a readable prefix, for aria-labelledby / aria-controls pairs. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
