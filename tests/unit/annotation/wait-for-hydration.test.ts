import { beforeEach, describe, expect, it } from 'vitest';
import { isServerRenderedApp, waitForHydration } from '../../../src/annotation/wait-for-hydration';
import { setBody } from './annotation-helpers';

beforeEach(() => setBody(''));

/** A page still loading, whose load event and idle moments the test fires. */
function loadingPage() {
  const listeners: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const view = {
    addEventListener: (type: string, listener: () => void) => type === 'load' && listeners.push(listener),
    requestIdleCallback: (callback: () => void) => idle.push(callback),
    setTimeout: () => 0,
  } as unknown as Window;
  const page = new Proxy(document, {
    get: (target, key) => {
      if (key === 'readyState') return 'interactive';
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { page, view, load: () => listeners.forEach((l) => l()), idle: () => idle.forEach((c) => c()) };
}

describe('isServerRenderedApp', () => {
  it("knows the frameworks' roots and data: Next.js, Nuxt, Gatsby, Astro, Vue", () => {
    for (const html of [
      '<div id="__next"><p>Text</p></div>',
      '<div id="__nuxt"></div>',
      '<div id="___gatsby"></div>',
      '<astro-island ssr></astro-island>',
      '<div data-server-rendered="true"></div>',
      '<main></main><script>(self.__next_f=self.__next_f||[]).push([0])</script>',
    ]) {
      setBody(html);
      expect(isServerRenderedApp(document), html).toBe(true);
    }
  });

  it('leaves other pages alone, scripts and all', () => {
    setBody(
      '<div id="root"><p>Text</p></div><script>window.next = 1;</script><script type="application/json">{"next": 1}</script>',
    );
    expect(isServerRenderedApp(document)).toBe(false);
  });
});

describe('waitForHydration', () => {
  it('resolves at once on a page that is no server-rendered app', async () => {
    setBody('<p>Lenalidomide.</p>');
    const { page, view } = loadingPage();
    await waitForHydration(page, view);
  });

  it('waits for the load event, then an idle moment, on a server-rendered app', async () => {
    setBody('<div id="__next"><p>Lenalidomide.</p></div>');
    const { page, view, load, idle } = loadingPage();
    let done = false;
    void waitForHydration(page, view).then(() => (done = true));
    await Promise.resolve();
    idle();
    await Promise.resolve();
    expect(done).toBe(false);
    load();
    await Promise.resolve();
    expect(done).toBe(false);
    idle();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
