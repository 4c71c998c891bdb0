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
    press: async (key) => {
      const parts = puppeteerKeys(key);
      const last = parts.pop()!;
      for (const modifier of parts) await page.keyboard.down(modifier as never);
      await page.keyboard.press(last as never);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
    },
    type: (text) => page.keyboard.type(text),
    setColorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
    close: () => page.close(),
  };
}

async function launchChromium(): Promise<ExtensionBrowser> {
  const extensionDir = EXTENSION_DIRS.chromium;
  const profile = mkdtempSync(path.join(tmpdir(), 'oncology-glossary-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}/`;
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
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(): Promise<ExtensionBrowser> {
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
    },
  });
  await browser.installExtension(EXTENSION_DIRS.firefox);
  const requests: string[] = [];
  const track = (page: PptPage): PptPage => {
    page.on('request', (request) => void requests.push(request.url()));
    return page;
  };
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  return {
    name: 'firefox',
    requests,
    extensionOrigin,
    newPage: async () => wrapPuppeteerPage(track(await browser.newPage())),
    openExtensionPage: async (pageAndHash, fixtureOrigin) => {
      // BiDi refuses moz-extension:// in goto; a web page may navigate there (web-accessible in the e2e build).
      const page = track(await browser.newPage());
      await page.goto(`${fixtureOrigin}/blank.html`);
      const target = extensionOrigin + pageAndHash;
      await page.evaluate((url) => void (location.href = url), target);
      // Puppeteer reports no navigation into a moz-extension:// document (waitForNavigation never settles), so
      // wait for the extension page itself.
      await page.waitForFunction((url) => location.href === url && document.readyState === 'complete', { timeout: 15_000, polling: 50 }, target);
      return wrapPuppeteerPage(page);
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts a real browser of that kind with the built extension installed. */
export function launchExtensionBrowser(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
