import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PptBrowser, type Page as PptPage } from 'puppeteer-core';
import { findChromium, findFirefox } from './find-browsers';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** Chromium loads the shipped build; Firefox the e2e build, which lets test pages open the extension's pages. */
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: path.join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output/firefox-mv2-e2e'),
};
export const GECKO_ID = 'oncology-glossary@oncology-glossary.org';
const FIREFOX_EXTENSION_UUID = '5c1f5a0e-7d2b-4f7e-9a51-0c0ffee0a11d';

/** The few page operations the e2e tests need, the same in both browsers. */
export interface TestPage {
  readonly browserName: BrowserName;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page (main world) with a serialisable argument. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns a truthy value in the page. */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  /** Moves the pointer to the centre of the first element matching `selector` (light DOM). */
  hover(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Clicks at a point of the viewport, whatever is there (also inside shadow roots, which `click` cannot reach). */
  mouseClick(x: number, y: number): Promise<void>;
  /** Makes this page the active tab (focus events only fire in the active tab). */
  bringToFront(): Promise<void>;
  /** Presses a key or chord in Playwright's notation, e.g. "Escape", "Tab", "Shift+Tab", "Alt+Shift+Period". */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

/** A real browser with the built extension installed. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** Every URL any page of this browser requested, in order (fixture pages, extension pages, content scripts). */
  readonly requests: string[];
  /** Base URL of the extension's own pages, e.g. chrome-extension://<id>/ */
  readonly extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Opens an extension page such as "popup.html" or "entry.html#entry=lenalidomide" in a tab. */
  openExtensionPage(pageAndHash: string, fixtureOrigin: string): Promise<TestPage>;
  /** Waits for an open page (a tab or the toolbar popup) whose URL contains `urlPart`, e.g. a tab the extension opened. */
  waitForPage(urlPart: string, timeoutMs?: number): Promise<TestPage>;
  /**
   * Runs `fn` in the extension's own context, where its APIs are (`globalThis.chrome` / `globalThis.browser`):
   * Chromium's background service worker; in Firefox an extension page in a tab of its own (opened once, then
   * reused; bring the test page back to the front afterwards if it needs focus).
   */
  runInExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A, fixtureOrigin: string): Promise<R>;
  /**
   * Fires a keyboard command (manifest `commands`) as far as the browser lets a test: headless browsers do not
   * route key presses to extension shortcuts. Chromium: `chrome.commands.onCommand.dispatch(name)` in the service
   * worker, so the background's own handler runs (active-tab lookup, relay to the content script). Firefox has
   * no way to dispatch it: an extension page sends the relay's message, `{type: 'command', command}`, to every
   * tab with `tabs.sendMessage`, and the test page is brought back to the front.
   */
  triggerCommand(name: string, page: TestPage, fixtureOrigin: string): Promise<void>;
  close(): Promise<void>;
}

/** Flags for a quiet Chromium on a closed network (no background services calling home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Playwright's key names are the lingua franca; Puppeteer spells a few differently. */
function puppeteerKeys(key: string): string[] {
  const rename: Record<string, string> = { Period: '.', Comma: ',' };
  return key.split('+').map((part) => rename[part] ?? part);
}

function wrapPlaywrightPage(page: PwPage): TestPage {
  return {
    browserName: 'chromium',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitForFunction: async (fn, arg, timeoutMs = 10_000) =>
      void (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs })),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    hover: (selector) => page.hover(selector),
    click: (selector) => page.click(selector),
    mouseClick: (x, y) => page.mouse.click(x, y),
    bringToFront: () => page.bringToFront(),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (file) => void (await page.screenshot({ path: file })),
    close: () => page.close(),
  };
}

function wrapPuppeteerPage(page: PptPage): TestPage {
  return {
    browserName: 'firefox',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitForFunction: async (fn, arg, timeoutMs = 10_000) =>
      void (await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 50 }, arg)),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    hover: (selector) => page.hover(selector),
    click: (selector) => page.click(selector),
    mouseClick: (x, y) => page.mouse.click(x, y),
    bringToFront: () => page.bringToFront(),
    press: async (key) => {
      const parts = puppeteerKeys(key);
      const last = parts.pop()!;
      for (const modifier of parts) await page.keyboard.down(modifier as never);
      await page.keyboard.press(last as never);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
    },
    type: (text) => page.keyboard.type(text),
    setColorScheme: async () => {
      // WebDriver BiDi has no prefers-color-scheme emulation (Puppeteer's needs CDP, which Firefox dropped).
      throw new Error(
        'Firefox cannot switch colour scheme at run time: launchExtensionBrowser(name, { colorScheme })',
      );
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
    close: () => page.close(),
  };
}

/** How to start the browser. */
export interface LaunchOptions {
  /** The `prefers-color-scheme` every page sees from the start (Firefox cannot change it later). */
  colorScheme?: 'light' | 'dark';
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = EXTENSION_DIRS.chromium;
  const profile = mkdtempSync(path.join(tmpdir(), 'oncology-glossary-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}/`;
  // The service worker stops when idle and a new one starts on the next event: always use the current one.
  const currentWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin)) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const runInExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    (await currentWorker()).evaluate(fn as never, arg) as Promise<R>;
  return {
    name: 'chromium',
    requests,
    extensionOrigin,
    newPage: async () => wrapPlaywrightPage(await context.newPage()),
    openExtensionPage: async (pageAndHash) => {
      const page = await context.newPage();
      await page.goto(extensionOrigin + pageAndHash);
      return wrapPlaywrightPage(page);
    },
    waitForPage: async (urlPart, timeoutMs = 10_000) => {
      const found =
        context.pages().find((p) => p.url().includes(urlPart)) ??
        (await context.waitForEvent('page', {
          predicate: (p) => p.url().includes(urlPart),
          timeout: timeoutMs,
        }));
      await found.waitForLoadState('load');
      return wrapPlaywrightPage(found);
    },
    runInExtension,
    triggerCommand: async (commandName, page) => {
      await page.bringToFront();
      await runInExtension((name) => {
        const events = (
          globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(n: string): void } } } }
        ).chrome.commands.onCommand;
        events.dispatch(name);
      }, commandName);
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'oncology-glossary-firefox-'));
  const browser: PptBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // A closed network: keep Firefox from trying its own services.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // 0 dark, 1 light (2, the default, follows the system).
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
        : {}),
    },
  });
  await browser.installExtension(EXTENSION_DIRS.firefox);
  const requests: string[] = [];
  const track = (page: PptPage): PptPage => {
    page.on('request', (request) => void requests.push(request.url()));
    return page;
  };
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  const openExtensionPage = async (pageAndHash: string, fixtureOrigin: string) => {
    // BiDi refuses moz-extension:// in goto; a web page may navigate there (web-accessible in the e2e build).
    const page = track(await browser.newPage());
    await page.goto(`${fixtureOrigin}/blank.html`);
    const target = extensionOrigin + pageAndHash;
    await page.evaluate((url) => void (location.href = url), target);
    // Puppeteer reports no navigation into a moz-extension:// document (waitForNavigation never settles), so
    // wait for the extension page itself.
    await page.waitForFunction(
      (url) => location.href === url && document.readyState === 'complete',
      { timeout: 15_000, polling: 50 },
      target,
    );
    return page;
  };
  let extensionPage: PptPage | undefined;
  const runInExtension = async <R, A>(
    fn: (arg: A) => R | Promise<R>,
    arg: A,
    fixtureOrigin: string,
  ): Promise<R> => {
    if (!extensionPage || extensionPage.isClosed())
      extensionPage = await openExtensionPage('entry.html', fixtureOrigin);
    return extensionPage.evaluate(fn as never, arg) as Promise<R>;
  };
  return {
    name: 'firefox',
    requests,
    extensionOrigin,
    newPage: async () => wrapPuppeteerPage(track(await browser.newPage())),
    openExtensionPage: async (pageAndHash, fixtureOrigin) =>
      wrapPuppeteerPage(await openExtensionPage(pageAndHash, fixtureOrigin)),
    waitForPage: async (urlPart, timeoutMs = 10_000) => {
      const target = await browser.waitForTarget((t) => t.type() === 'page' && t.url().includes(urlPart), {
        timeout: timeoutMs,
      });
      const page = (await target.page())!;
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: timeoutMs });
      return wrapPuppeteerPage(track(page));
    },
    runInExtension,
    triggerCommand: async (commandName, page, fixtureOrigin) => {
      await runInExtension(
        async (name) => {
          type Tabs = {
            query(q: object): Promise<{ id?: number }[]>;
            sendMessage(id: number, m: object): Promise<unknown>;
          };
          const tabs = (globalThis as unknown as { browser: { tabs: Tabs } }).browser.tabs;
          const all = await tabs.query({});
          await Promise.all(
            all.map((tab) =>
              tab.id === undefined
                ? undefined
                : tabs.sendMessage(tab.id, { type: 'command', command: name }).catch(() => undefined),
            ),
          );
        },
        commandName,
        fixtureOrigin,
      );
      await page.bringToFront();
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts a real browser of that kind with the built extension installed. */
export function launchExtensionBrowser(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}
