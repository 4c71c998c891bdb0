import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, launchExtensionBrowser, REPO_ROOT, type ExtensionBrowser } from '../harness/extension-browser';

const SHIPPED = {
  chromium: path.join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output/firefox-mv2'),
};

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join(dir, file));
}

describe('shipped manifests ask for the fewest permissions', () => {
  it.each(Object.entries(SHIPPED))('%s: storage and contextMenus only, no host permissions, nothing exposed to pages', (_, dir) => {
    const manifest = readManifest(dir);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    // Default CSP: no remote script can ever be loaded.
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/https?:/);
    const contentScripts = manifest.content_scripts as { matches: string[] }[];
    expect(contentScripts.flatMap((script) => script.matches).sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  it('firefox: a gecko id and a declaration that no data is collected', () => {
    const gecko = (readManifest(SHIPPED.firefox).browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

/**
 * Global `fetch(` calls (not MiniSearch's `.fetch()` method or its definition) that the bundles may contain,
 * per file. The content script carries WXT's UI helpers, which can load a stylesheet by URL from the extension
 * itself; this extension hands its tooltip CSS inline to createShadowRootUi, so they never run (the live test
 * below proves nothing else is requested). A new call site fails here until someone has looked at it.
 */
const KNOWN_LOCAL_FETCHES: Record<string, number> = { 'content-scripts/annotate.js': 2 };
const GLOBAL_FETCH_CALL = /(?<![.\w$])fetch\((?![^()]*\)\s*\{)/g;

describe('the bundles contain no way to send data', () => {
  it.each(Object.entries(SHIPPED))('%s: no XHR, WebSocket, beacon, event source or remote script; only known local fetches', (_, dir) => {
    const offenders: string[] = [];
    const fetches: Record<string, number> = {};
    for (const file of scriptsIn(dir)) {
      const code = readFileSync(file, 'utf8');
      const relative = path.relative(dir, file);
      for (const pattern of [/XMLHttpRequest/, /new WebSocket\b/, /sendBeacon/, /new EventSource\b/, /importScripts\(/, /https?:\/\/[^"'`\s]*\.js\b/]) {
        if (pattern.test(code)) offenders.push(`${relative}: ${pattern}`);
      }
      const count = code.match(GLOBAL_FETCH_CALL)?.length ?? 0;
      if (count) fetches[relative] = count;
    }
    expect(offenders).toEqual([]);
    expect(fetches).toEqual(KNOWN_LOCAL_FETCHES);
  });
});

describe.each(BROWSERS)('%s: using the extension makes no network request', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');
  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
  });
  afterAll(() => browser?.close());

  it('annotating a page, hovering a term and searching the popup request only local pages and bundled files', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/demo.html`);
    await page.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length > 10);
    await page.hover('mark[data-glossary-id="angiogenesis"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('*')].some((host) => host.shadowRoot?.querySelector('[role="tooltip"]')),
    );
    const popup = await browser.openExtensionPage('popup.html', fixtureOrigin);
    await popup.type('revlimid');
    await popup.waitForFunction(() => document.querySelector('[role="option"]'));

    const foreign = browser.requests.filter(
      (url) => !url.startsWith(fixtureOrigin) && !url.startsWith(browser.extensionOrigin) && !/^(data|blob|about):/.test(url),
    );
    expect(browser.requests.some((url) => url.startsWith(`${fixtureOrigin}/demo.html`))).toBe(true);
    expect(foreign).toEqual([]);
  });
});
