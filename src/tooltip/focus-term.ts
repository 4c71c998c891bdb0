/**
 * Moves keyboard focus to an occurrence. Marks are not focusable and must not join the page's tab order (a long
 * article would gain hundreds of tab stops), so the mark gets tabindex="-1" only while it holds focus: it is
 * removed again on blur, or at once if the browser refused focus (the mark is inert or not rendered).
 * Returns whether the mark now has focus.
 */
export function focusTerm(mark: HTMLElement): boolean {
  const added = !mark.hasAttribute('tabindex');
  // Marks are silent (role="none") while read in passing; the one holding focus is a real term again, since a
  // focusable element cannot be presentational.
  const role = mark.getAttribute('role');
  if (added) mark.setAttribute('tabindex', '-1');
  if (role === 'none') mark.removeAttribute('role');
  mark.focus({ preventScroll: true });
  // A mark in an open shadow root: the document's activeElement is its host, the shadow root's is the mark.
  const focused = (mark.getRootNode() as Document | ShadowRoot).activeElement === mark;
  const restore = (): void => {
    if (added) mark.removeAttribute('tabindex');
    if (role === 'none') mark.setAttribute('role', role);
  };
  if (focused) mark.addEventListener('blur', restore, { once: true });
  else restore();
  return focused;
}
