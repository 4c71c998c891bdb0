/**
 * `npm run demo`: builds the extension and opens Chromium (or Chrome) with it loaded on the bundled demo page.
 * `npm run demo -- --screenshot DIR`: headless instead; writes PNGs of the annotated page, an open tooltip and
 * the popup into DIR, so it works on a machine with no display.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, EXTENSION_DIRS, REPO_ROOT } from '../harness/extension-browser';
import { findChromium, MissingBrowserError } from '../harness/find-browsers';
import { startStaticServer } from '../harness/static-server';

const screenshotFlag = process.argv.indexOf('--screenshot');
const screenshotDir =
  screenshotFlag >= 0 ? path.resolve(process.argv[screenshotFlag + 1] ?? 'demo-screenshots') : null;

let executablePath: string;
try {
  executablePath = findChromium();
} catch (error) {
  if (error instanceof MissingBrowserError) {
    console.error(`demo: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

if (!screenshotDir && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'demo: there is no display to open a browser window on.\n' +
      'Run `npm run demo -- --screenshot demo-screenshots` for PNGs instead, or `xvfb-run npm run demo`.',
  );
  process.exit(1);
}

console.log('demo: building the extension (wxt build)…');
execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });

const server = await startStaticServer([path.join(REPO_ROOT, 'tests/fixtures')]);
const demoUrl = `${server.origin}/demo.html`;
const extensionDir = EXTENSION_DIRS.chromium;
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'oncology-glossary-demo-')), {
  executablePath,
  headless: Boolean(screenshotDir),
  viewport: screenshotDir ? { width: 1100, height: 760 } : null,
  args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
});

/** Finds the visible tooltip inside the extension's shadow root (pages can't style or hide it). */
async function tooltipIsOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    for (const host of document.querySelectorAll('*')) {
      const tip = host.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]');
      if (tip && tip.offsetParent !== null && !tip.hidden && getComputedStyle(tip).visibility !== 'hidden') return true;
    }
    return false;
  });
}

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (!screenshotDir) {
  console.log(`demo: Chromium is open on ${demoUrl} with the extension loaded. Close the window to stop.`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
  process.exit(0);
}

mkdirSync(screenshotDir, { recursive: true });
await page.waitForSelector('mark[data-glossary-id]', { timeout: 15_000 });
await page.screenshot({ path: path.join(screenshotDir, 'demo-page.png') });

const term = page.locator('mark[data-glossary-id="angiogenesis"]').first();
await term.scrollIntoViewIfNeeded();
await term.hover();
const deadline = Date.now() + 5_000;
while (!(await tooltipIsOpen(page)) && Date.now() < deadline) await page.waitForTimeout(100);
if (!(await tooltipIsOpen(page))) throw new Error('demo: hovering "angiogenesis" showed no tooltip');
await page.screenshot({ path: path.join(screenshotDir, 'demo-tooltip.png') });

let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
await popup.keyboard.type('lenalidamide');
await popup.waitForSelector('[role="option"]', { timeout: 5_000 });
await popup.screenshot({ path: path.join(screenshotDir, 'demo-popup.png') });

console.log(`demo: wrote demo-page.png, demo-tooltip.png and demo-popup.png to ${screenshotDir}`);
await context.close();
await server.close();
