import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EXTENSION_UI_ATTRIBUTE, MARK_SELECTOR } from './mark-selectors';

/** What a copy puts on the clipboard. */
export interface CopiedContent {
  html: string;
  text: string;
}

/**
 * The selection's markup and text as the page has them, without our marks (they would paste as highlighted
 * `<mark>`s, or with a dotted underline inlined, into a reader's notes); null when the selection holds none
 * of our marks, so that the browser's own copy stays untouched.
 */
export function copyWithoutMarks(selection: Selection, document: Document): CopiedContent | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  const container = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) container.append(selection.getRangeAt(i).cloneContents());
  const marks = container.querySelectorAll(MARK_SELECTOR);
  if (marks.length === 0) return null;
  for (const mark of marks) mark.replaceWith(...mark.childNodes);
  for (const ui of container.querySelectorAll(`[${EXTENSION_UI_ATTRIBUTE}]`)) ui.remove();
  // The marks split the page's text nodes: joined again, the markup reads as the page wrote it.
  container.normalize();
  return { html: container.innerHTML, text: selection.toString() };
}

/**
 * Puts the page's own markup on the clipboard when the reader copies a selection holding our marks (never in
 * an editable area, where a cut would need the browser's own handling: the annotator leaves those unmarked).
 * A page that wrote its own clipboard content first ("Read more at…") is left alone, and one writing after
 * this listener has the last word.
 */
export function listenForCopies(ctx: ContentScriptContext, window: Window): void {
  const onCopy = (event: Event) => {
    const { clipboardData } = event as ClipboardEvent;
    const selection = window.getSelection();
    if (!clipboardData || !selection || event.defaultPrevented) return;
    const copied = copyWithoutMarks(selection, window.document);
    if (!copied) return;
    clipboardData.setData('text/html', copied.html);
    clipboardData.setData('text/plain', copied.text);
    event.preventDefault();
  };
  ctx.addEventListener(window, 'copy', onCopy, { capture: true });
}
