/**
 * Elements the browser shows in its top layer, above every z-index of the page and away from their place in
 * the flow: an open modal dialog, an open popover, a full-screen element.
 */
const TOP_LAYER_PSEUDO_CLASSES = [':modal', ':popover-open', ':fullscreen'];

let supported: string | null = null;

/** A selector for the elements in the top layer, of the pseudo-classes this browser knows ('' if none). */
export function topLayerSelector(): string {
  // An unknown pseudo-class makes the whole selector throw.
  supported ??= TOP_LAYER_PSEUDO_CLASSES.filter(
    (pseudo) => typeof CSS === 'undefined' || CSS.supports(`selector(${pseudo})`),
  ).join(', ');
  return supported;
}
