/**
 * Moves keyboard focus to an occurrence. Marks are not focusable and must not join the page's tab order (a long
 * article would gain hundreds of tab stops), so the mark gets tabindex="-1" only while it holds focus: it is
 * removed again on blur, or at once if the browser refused focus (the mark is inert or not rendered).
 * Returns whether the mark now has focus.
 */
export function focusTerm(mark: HTMLElement): boolean {
  const added = !mark.hasAttribute('tabindex');
  if (added) mark.setAttribute('tabindex', '-1');
  mark.focus({ preventScroll: true });
  const focused = mark.ownerDocument.activeElement === mark;
  if (added) {
    if (focused) mark.addEventListener('blur', () => mark.removeAttribute('tabindex'), { once: true });
    else mark.removeAttribute('tabindex');
  }
  return focused;
}
