import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BROWSERS,
  launchExtensionBrowser,
  REPO_ROOT,
  type ExtensionBrowser,
} from '../harness/extension-browser';
import { idOf, readOccurrences, waitForPasses } from './annotation-helpers';

interface UiLibrary {
  renderMany(count: number): Promise<void>;
  expectedText(): string;
  errors: string[];
  mismatches: string[];
  current(): number;
}

const fixtures = path.join(REPO_ROOT, 'tests/fixtures');

beforeAll(() => {
  // The fixture's app, built from its source with Preact from node_modules: nothing fetched from the internet.
  mkdirSync(path.join(fixtures, 'generated'), { recursive: true });
  buildSync({
    entryPoints: [path.join(fixtures, 'ui-library-app.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    outfile: path.join(fixtures, 'generated/ui-library-app.js'),
    // Built code, not ours to lint (`eslint .` sees the folder; git does not).
    banner: { js: '/* eslint-disable */' },
    logLevel: 'error',
  });
});

describe.each(BROWSERS)('%s: a page whose UI library re-renders annotated text', (name) => {
  let browser: ExtensionBrowser;
  const fixtureOrigin = inject('fixtureOrigin');

  beforeAll(async () => {
    browser = await launchExtensionBrowser(name);
  });
  afterAll(() => browser?.close());

  it('keeps working through hundreds of re-renders: no error, no stale or doubled text, fresh text annotated again', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureOrigin}/ui-library.html`);
    await waitForPasses(page);
    await page.waitForFunction(() => document.querySelector('#p-text mark[data-glossary-id]') !== null);

    await page.evaluate(() => (window as unknown as { uiLibrary: UiLibrary }).uiLibrary.renderMany(300));
    const state = await page.evaluate(() => {
      const app = (window as unknown as { uiLibrary: UiLibrary }).uiLibrary;
      return {
        errors: app.errors,
        mismatches: app.mismatches,
        text: document.getElementById('app')!.textContent,
        expected: app.expectedText(),
        current: app.current(),
      };
    });
    expect(state.current).toBe(301);
    expect(state.errors).toEqual([]);
    expect(state.mismatches).toEqual([]);
    expect(state.text).toBe(state.expected);

    // Once the app is quiet, its latest text is annotated.
    await page.waitForFunction(() =>
      ['p-text', 'p-mixed', 'list', 'p-static'].every((id) =>
        document.querySelector(`#${id} mark[data-glossary-id]`),
      ),
    );
    const occurrences = await readOccurrences(page);
    expect(occurrences.filter((o) => o.in === 'p-text').map((o) => [o.text, o.id])).toEqual([
      ['lenalidomide', idOf('lenalidomide')],
      ['multiple myeloma', idOf('multiple myeloma')],
    ]);
    expect(occurrences.filter((o) => o.in === 'p-static').map((o) => o.text)).toEqual([
      'angiogenesis',
      'remission',
    ]);
    // Render 301: an odd render shows pomalidomide.
    expect(occurrences.filter((o) => o.in === 'p-mixed').map((o) => o.text)).toEqual([
      'pomalidomide',
      'dexamethasone',
      'relapse',
    ]);
    expect(await page.evaluate(() => document.getElementById('app')!.textContent)).toBe(state.expected);

    // The app still renders correctly over the annotated text.
    await page.evaluate(() => (window as unknown as { uiLibrary: UiLibrary }).uiLibrary.renderMany(12));
    const after = await page.evaluate(() => {
      const app = (window as unknown as { uiLibrary: UiLibrary }).uiLibrary;
      return {
        errors: app.errors,
        text: document.getElementById('app')!.textContent,
        expected: app.expectedText(),
      };
    });
    expect(after.errors).toEqual([]);
    expect(after.text).toBe(after.expected);
    await page.close();
  });
});
