/** Ids of the root or data elements that server-rendering frameworks put in a page (Next.js, Nuxt, Gatsby). */
const SERVER_RENDERED_IDS = ['__next', '__NEXT_DATA__', '__nuxt', '__NUXT_DATA__', '___gatsby'];

/** Longest wait for an idle moment after the page has loaded (ms). */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Whether the page is an app rendered on the server that its scripts will hydrate: the framework compares
 * its markup with what it renders, text node by text node, and marks made before that count as a mismatch
 * (React then throws the page's markup away and renders it again, reporting errors).
 */
export function isServerRenderedApp(document: Document): boolean {
  if (SERVER_RENDERED_IDS.some((id) => document.getElementById(id) !== null)) return true;
  // Next.js's app router: its flight data comes in inline scripts; Astro's islands; Vue 2's root.
  for (const script of document.scripts) {
    // The first characters only: inline scripts may hold megabytes of data.
    const start = script.src ? '' : ((script.firstChild as Text | null)?.data.slice(0, 40) ?? '');
    if (start.trimStart().startsWith('(self.__next_f')) return true;
  }
  if (document.getElementsByTagName('astro-island').length > 0) return true;
  return document.body?.firstElementChild?.hasAttribute('data-server-rendered') ?? false;
}

/**
 * Resolves when the page's own scripts are likely to have hydrated it: at once on most pages; on a
 * server-rendered app, once the page has loaded (its async bundles have run) and the main thread is idle.
 */
export function waitForHydration(document: Document, window: Window): Promise<void> {
  if (!isServerRenderedApp(document)) return Promise.resolve();
  return new Promise((resolve) => {
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === 'function')
        window.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      else window.setTimeout(resolve, 50);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  });
}
