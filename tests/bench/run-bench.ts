/**
 * `npm run bench`: the annotator's speed in real headless Chromium, printed as a table and one JSON line, with
 * each target's ratio marked PASS or MISS (a report: nothing is asserted).
 *
 * Pages: generated article-like pages of ~10 KB, 100 KB, 1 MB and 4 MB, a 1 MB page without terms, and the two
 * long real NCI pages from ../shared/corpus when present (read at run time, never copied). On each page, in the
 * same run: the shipped annotator (its own code, bundled with esbuild and started in the page), the floor
 * (one TreeWalker pass over the text nodes running the same matcher, no DOM writes) and the naive way
 * (mark.js `mark()` with the list of all surface forms, as simple highlighters call it; capped). Also: the
 * built content script's size, its start-up cost on the page without terms (loaded as the real extension:
 * the script's evaluation, traced, and its first pass), and a 10,000-term glossary. Each page is also run cold
 * with V8's compile events traced (how much of a pass is compiling code) and loaded in Firefox ESR with the
 * installed extension (its first pass's work and longest slice, as its content script reports them).
 *
 * "work" is main-thread time in the annotator's own slices, matcher build included; "wall" runs from start
 * to the last mark, including the frames the browser renders in between. Long tasks are observed with a
 * PerformanceObserver installed before the page's scripts run, long animation frames (rendering included)
 * likewise.
 *
 * Options (environment): BENCH_REPEAT (runs per measure, default 5), BENCH_NAIVE_CAP_S (default 30),
 * BENCH_NAIVE=0 (skip the naive runs), BENCH_QUICK=1 (10 KB to 1 MB pages only, fewer runs),
 * BENCH_BUILD=1 (rebuild the extension first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadGlossary } from '../../src/build/glossary-vite-plugin';
import type { ContentGlossary } from '../../src/glossary/compiled-glossary';
import {
  CHROMIUM_ARGS,
  EXTENSION_DIRS,
  launchExtensionBrowser,
  REPO_ROOT,
} from '../harness/extension-browser';
import { findChromium } from '../harness/find-browsers';
import { startStaticServer } from '../harness/static-server';
import { asOneTextNode, corpusToHtml, generateArticle } from './generate-article';
import { makeSyntheticGlossary } from './make-synthetic-glossary';
import { BEGIN_MARK, END_MARK } from './bench-marks';
import type { AnnotateResult, ScrollResult } from './bench-page-entry';

const QUICK = process.env.BENCH_QUICK === '1';
const SKIP_NAIVE = process.env.BENCH_NAIVE === '0';
const REPEAT = Number(process.env.BENCH_REPEAT ?? (QUICK ? 3 : 5));
const NAIVE_CAP_MS = Number(process.env.BENCH_NAIVE_CAP_S ?? 30) * 1000;
const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
const LONG_TASK_MS = 50;

interface PageSpec {
  name: string;
  file: string;
  bytes: number;
  terms: boolean;
  large: boolean;
}

interface Measured extends AnnotateResult {
  longestTaskMs: number;
  longestFrameMs: number;
  textUnchanged: boolean;
  /** Scrolling through the page afterwards (measured once per page). */
  scroll: ScrollResult | null;
}

type Bench = {
  receive(g: unknown): void;
  annotate(): Promise<AnnotateResult>;
  floor(): Promise<{ floorMs: number; matches: number; textNodes: number }>;
  checkText(): boolean;
  scrollThrough(): Promise<ScrollResult>;
  reset(): void;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const kb = (bytes: number) => (bytes >= 1e6 ? `${round(bytes / 1e6, 2)} MB` : `${round(bytes / 1e3, 1)} KB`);

// Long tasks and long animation frames (which include rendering), observed from before any script runs.
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  window.__longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longFrames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

async function preparePages(dir: string, glossary: ContentGlossary): Promise<PageSpec[]> {
  const sizes: [string, number, boolean][] = [
    ['article 10 KB', 10_000, true],
    ['article 100 KB', 100_000, true],
    ['article 1 MB', 1_000_000, true],
    ...(QUICK ? [] : ([['article 4 MB', 4_000_000, true]] as [string, number, boolean][])),
    ['no terms 1 MB', 1_000_000, false],
  ];
  const pages: PageSpec[] = sizes.map(([name, bytes, terms], i) => {
    const file = `${name.replace(/\W+/g, '-')}.html`;
    const html = generateArticle({ targetBytes: bytes, withTerms: terms, seed: 1000 + i, glossary });
    writeFileSync(path.join(dir, file), html);
    return { name, file, bytes: Buffer.byteLength(html), terms, large: bytes >= 1_000_000 };
  });
  if (!QUICK) {
    // A plain-text document: the 1 MB article's text in a single text node, so one run of text.
    const article = readFileSync(path.join(dir, pages.find((p) => p.name === 'article 1 MB')!.file), 'utf8');
    const html = asOneTextNode(article, 'Benchmark article in one text node');
    const file = 'one-text-node-1-MB.html';
    writeFileSync(path.join(dir, file), html);
    pages.push({
      name: '1 MB, one text node',
      file,
      bytes: Buffer.byteLength(html),
      terms: true,
      large: true,
    });
  }
  if (existsSync(CORPUS_DIR) && !QUICK) {
    for (const name of readdirSync(CORPUS_DIR)
      .filter((f) => /^C\d+.*\.txt$/.test(f))
      .sort()) {
      const text = readFileSync(path.join(CORPUS_DIR, name), 'utf8');
      const html = corpusToHtml(text, name);
      const file = `corpus-${name.replace(/\.txt$/, '')}.html`;
      writeFileSync(path.join(dir, file), html);
      pages.push({
        name: `NCI ${name.slice(0, 3)}`,
        file,
        bytes: Buffer.byteLength(html),
        terms: true,
        large: false,
      });
    }
  }
  return pages;
}

/** The bench page's script (bench-page-entry.ts), bundled in memory. */
async function bundleBenchScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'tests/bench/bench-page-entry.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    // Not a chrome target: esbuild rewrites regular-expression literals with Unicode property escapes
    // (/\p{Lu}/u) into `new RegExp(…)` calls for those, made and compiled again on every call, which the
    // shipped script (built by WXT) does not do.
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

let benchScript = '';
let loads = 0;

/**
 * Adds the bench script to a page, its source made unique: V8 reuses code it compiled for the same source in
 * another page of the same renderer process, so a measure would otherwise start with whatever the measures
 * before it happened to compile (the floor's few functions, or the annotator's hundred). Every measure
 * starts cold, as the content script does on a reader's first page of a site.
 */
async function addBenchScript(page: Page): Promise<void> {
  await page.addScriptTag({ content: `${benchScript}\n// load ${++loads}\n` });
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await addBenchScript(page);
  return page;
}

/**
 * The longest task (or, with `frames`, the longest animation frame, rendering included) that started between
 * `since` and `until` (page clock), after letting the observers report.
 */
async function longestTaskBetween(
  page: Page,
  since: number,
  until = Infinity,
  frames = false,
): Promise<number> {
  await page.waitForTimeout(300);
  return page.evaluate(
    ([from, to, inFrames]) => {
      const scope = window as unknown as Record<string, { start: number; duration: number }[]>;
      const entries = inFrames ? scope.__longFrames! : scope.__longTasks!;
      return Math.max(0, ...entries.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
    },
    [since, until, frames] as const,
  );
}

/**
 * Starts the next measure on a settled heap: a full garbage collection, then time for the browser's sweeper to
 * finish. Without it, whatever lay in the young generation (above all the copy of the glossary the driver
 * hands over) was copied by the first young-generation collection inside the measure, 2–7 ms on the 100 KB
 * page, charged to whichever measure allocated enough to set one off: nearly always the annotator, rarely
 * the floor. The floor and the annotator get the same treatment.
 */
async function settle(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
  } finally {
    await session.detach();
  }
  await page.waitForTimeout(500);
}

/** Gives the page the glossary (in the extension it is part of the script), then settles the heap. */
async function handOver(page: Page, glossary: ContentGlossary): Promise<void> {
  await page.evaluate(
    (g) => (window as unknown as { oncologyBench: Bench }).oncologyBench.receive(g),
    glossary,
  );
  await settle(page);
}

async function measureAnnotator(
  context: BrowserContext,
  url: string,
  glossary: ContentGlossary,
  scroll = false,
): Promise<Measured> {
  const page = await openPage(context, url);
  try {
    await page.evaluate(() => (window as unknown as { oncologyBench: Bench }).oncologyBench.checkText());
    await handOver(page, glossary);
    const since = await page.evaluate(() => performance.now());
    const result = await page.evaluate(() =>
      (window as unknown as { oncologyBench: Bench }).oncologyBench.annotate(),
    );
    const longestTaskMs = await longestTaskBetween(page, since, result.endedAt);
    // Frames that start until shortly after the last mark carry the layout of the marks.
    const longestFrameMs = await longestTaskBetween(page, since, result.endedAt + 100, true);
    let textUnchanged = await page.evaluate(() =>
      (window as unknown as { oncologyBench: Bench }).oncologyBench.checkText(),
    );
    let scrolled: ScrollResult | null = null;
    if (scroll) {
      scrolled = await page.evaluate(() =>
        (window as unknown as { oncologyBench: Bench }).oncologyBench.scrollThrough(),
      );
      textUnchanged &&= await page.evaluate(() =>
        (window as unknown as { oncologyBench: Bench }).oncologyBench.checkText(),
      );
    }
    return { ...result, longestTaskMs, longestFrameMs, textUnchanged, scroll: scrolled };
  } finally {
    await page.close();
  }
}

async function measureFloor(context: BrowserContext, url: string, glossary: ContentGlossary) {
  const page = await openPage(context, url);
  try {
    await handOver(page, glossary);
    return await page.evaluate(() => (window as unknown as { oncologyBench: Bench }).oncologyBench.floor());
  } finally {
    await page.close();
  }
}

/**
 * The floor and the annotator a second time on one page, their code compiled by the first time (as on a
 * reader's next page of a site, where the browser still has the content script's code): what is left of the
 * ratio once the fixed cost of compiling and warming up code is paid.
 */
async function measureCompiled(
  context: BrowserContext,
  url: string,
  glossary: ContentGlossary,
): Promise<{ workMs: number; floorMs: number }> {
  const page = await openPage(context, url);
  try {
    await handOver(page, glossary);
    const floor = () =>
      page.evaluate(() => (window as unknown as { oncologyBench: Bench }).oncologyBench.floor());
    const annotate = () =>
      page.evaluate(() => (window as unknown as { oncologyBench: Bench }).oncologyBench.annotate());
    await floor();
    await settle(page);
    const { floorMs } = await floor();
    await annotate();
    await page.evaluate(() => (window as unknown as { oncologyBench: Bench }).oncologyBench.reset());
    await settle(page);
    const { workMs } = await annotate();
    return { workMs, floorMs };
  } finally {
    await page.close();
  }
}

/** The annotator's work and the floor on pages opened cold, traced: how much of each V8 spent compiling code. */
interface CompileShare {
  /** The measured work, with tracing on (which slows it). */
  workMs: number;
  /** Of it, compiling functions on their first call (V8.CompileCode on the page's main thread). */
  compileMs: number;
  /** How many functions were compiled. */
  functions: number;
}

/**
 * Runs `what` (the annotator or the floor) once on a fresh page with V8's compile events traced, and adds up the
 * compiling done on the page's main thread between the run's begin and end marks. V8 compiles a function the
 * first time it is called: on a reader's first page of a site, every function the annotator needs is compiled
 * during its first pass, a fixed cost that the floor, a few functions, hardly pays.
 */
async function measureCompileShare(
  context: BrowserContext,
  url: string,
  glossary: ContentGlossary,
  what: 'annotate' | 'floor',
): Promise<CompileShare> {
  const page = await openPage(context, url);
  try {
    await handOver(page, glossary);
    const session = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const traced = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.start', {
      traceConfig: { includedCategories: ['v8', 'disabled-by-default-v8.compile', 'blink.user_timing'] },
      transferMode: 'ReportEvents',
    });
    const result = await page.evaluate(
      (name) =>
        (window as unknown as { oncologyBench: Bench }).oncologyBench[name]() as Promise<
          { workMs: number } | { floorMs: number }
        >,
      what,
    );
    await session.send('Tracing.end');
    await traced;
    await session.detach();
    const mark = (name: string) => {
      const found = events.find((e) => e.name === name && e.ts !== undefined);
      if (!found) throw new Error(`the trace holds no "${name}" mark: the bench page did not run ${what}()`);
      return found;
    };
    const begin = mark(BEGIN_MARK);
    const end = mark(END_MARK);
    const compiles = events.filter(
      (e) =>
        e.name === 'V8.CompileCode' &&
        e.ph === 'X' &&
        e.pid === begin.pid &&
        e.tid === begin.tid &&
        e.ts! >= begin.ts! &&
        e.ts! <= end.ts!,
    );
    return {
      workMs: 'workMs' in result ? result.workMs : result.floorMs,
      compileMs: compiles.reduce((sum, e) => sum + e.dur! / 1000, 0),
      functions: compiles.length,
    };
  } finally {
    await page.close();
  }
}

function medianShare(shares: CompileShare[]): CompileShare {
  return {
    workMs: round(median(shares.map((s) => s.workMs))),
    compileMs: round(median(shares.map((s) => s.compileMs))),
    functions: median(shares.map((s) => s.functions)),
  };
}

/** The naive reference in a browser of its own, closed (killing the page) when it runs past the cap. */
async function measureNaive(
  url: string,
  forms: string[],
  capMs: number,
  careful = false,
): Promise<{ naiveMs: number | null; marks: number }> {
  const browser: Browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await addBenchScript(page);
    const run = page.evaluate(
      ([f, c]) =>
        (
          window as unknown as {
            oncologyBench: { naive(f: string[], c: boolean): Promise<{ naiveMs: number; marks: number }> };
          }
        ).oncologyBench.naive(f, c),
      [forms, careful] as const,
    );
    const capped = new Promise<null>((resolve) => setTimeout(() => resolve(null), capMs));
    const result = await Promise.race([run, capped]);
    run.catch(() => {});
    return result ?? { naiveMs: null, marks: 0 };
  } finally {
    await browser.close();
  }
}

interface StartUp {
  /** The content script's evaluation: compiling it and running its top level (one task), in ms. */
  evaluateMs: number;
  /** The compiling part of `evaluateMs`. */
  compileMs: number;
  /** The first pass's main-thread work (settings are read in between, off the main thread). */
  workMs: number;
  /** From the start of the first pass to its end. */
  wallMs: number;
  /** The longest task during the first pass (the evaluation is one task of its own: `evaluateMs`). */
  longestTaskMs: number;
  marks: number;
  /** The evaluation on the first page the browser opens (nothing cached yet). */
  firstEvaluateMs: number;
  /** The longest evaluation of all runs. */
  maxEvaluateMs: number;
}

/**
 * How long the content script's evaluation took on the page just loaded, read from a trace: the browser
 * compiles the script and runs its top level in one task before any of our own code can measure anything.
 */
function traceEvaluation(events: TraceEvent[]): { evaluateMs: number; compileMs: number } {
  const isOurs = (e: TraceEvent) => {
    const data = e.args?.data as { url?: string } | undefined;
    return String(data?.url ?? e.args?.fileName ?? '').includes('/content-scripts/');
  };
  const evaluation = events.find((e) => e.ph === 'X' && e.name === 'EvaluateScript' && isOurs(e));
  if (!evaluation) throw new Error('the trace holds no evaluation of the content script');
  const compile = events.filter((e) => e.ph === 'X' && e.name === 'v8.compile' && isOurs(e));
  return {
    evaluateMs: evaluation.dur! / 1000,
    compileMs: compile.reduce((sum, e) => sum + e.dur! / 1000, 0),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  args?: { data?: unknown; fileName?: string };
}

/**
 * Start-up of the real, built content script on a page without terms: its evaluation (from a trace) and its
 * first pass (from its performance entries). Pages are opened one after another in one browser, as a reader
 * does; the first of them also pays for what the browser has not cached yet.
 */
async function measureExtension(origin: string, pages: PageSpec[]): Promise<Record<string, StartUp>> {
  const extensionDir = path.join(REPO_ROOT, '.output/chrome-mv3');
  const profile = mkdtempSync(path.join(tmpdir(), 'oncology-glossary-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const results: Record<string, StartUp> = {};
  try {
    if (context.serviceWorkers().length === 0)
      await context.waitForEvent('serviceworker', { timeout: 15_000 });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    for (const spec of pages) {
      const runs: Omit<StartUp, 'firstEvaluateMs' | 'maxEvaluateMs'>[] = [];
      for (let i = 0; i < Math.max(3, Math.min(REPEAT, 5)); i++) {
        const page = await context.newPage();
        const session = await context.newCDPSession(page);
        const events: TraceEvent[] = [];
        session.on('Tracing.dataCollected', ({ value }) =>
          events.push(...(value as unknown as TraceEvent[])),
        );
        const traced = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
        await session.send('Tracing.start', {
          traceConfig: { includedCategories: ['devtools.timeline', 'v8'] },
          transferMode: 'ReportEvents',
        });
        await page.goto(`${origin}/${spec.file}`, { waitUntil: 'load', timeout: 120_000 });
        const handle = await page.waitForFunction(
          () => {
            const measure = performance.getEntriesByName('oncology-glossary:annotate')[0] as
              PerformanceMeasure | undefined;
            return measure
              ? {
                  startTime: measure.startTime,
                  duration: measure.duration,
                  detail: measure.detail as unknown,
                }
              : null;
          },
          undefined,
          { timeout: 60_000 },
        );
        await session.send('Tracing.end');
        await traced;
        await session.detach();
        const entry = (await handle.jsonValue()) as {
          startTime: number;
          duration: number;
          detail: { workMs: number; marks: number } | null;
        };
        if (!entry.detail) throw new Error('the content script left no performance detail');
        const longestTaskMs = await longestTaskBetween(
          page,
          entry.startTime,
          entry.startTime + entry.duration,
        );
        runs.push({
          ...traceEvaluation(events),
          workMs: entry.detail.workMs,
          wallMs: entry.duration,
          longestTaskMs,
          marks: entry.detail.marks,
        });
        await page.close();
      }
      results[spec.name] = {
        evaluateMs: median(runs.map((r) => r.evaluateMs)),
        compileMs: median(runs.map((r) => r.compileMs)),
        workMs: median(runs.map((r) => r.workMs)),
        wallMs: median(runs.map((r) => r.wallMs)),
        longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
        marks: runs[0]!.marks,
        firstEvaluateMs: runs[0]!.evaluateMs,
        maxEvaluateMs: Math.max(...runs.map((r) => r.evaluateMs)),
      };
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return results;
}

/** The installed extension's first pass in Firefox, as its content script reports it. */
interface FirefoxPass {
  page: string;
  /** Median of the loads. */
  workMs: number;
  /** The longest slice of all loads. */
  longestSliceMs: number;
  marks: number;
}

/**
 * Each page loaded a few times in Firefox ESR with the extension installed, reading the first pass's figures
 * from the performance entry its content script leaves (Firefox has no long-task observer, so the longest slice
 * is the annotator's own measure of its longest stretch of work). No floor or naive reference: the targets are
 * Chromium's; this is to see that the other engine keeps its slices short too.
 */
async function measureFirefox(origin: string, pages: PageSpec[]): Promise<FirefoxPass[]> {
  if (!existsSync(path.join(EXTENSION_DIRS.firefox, 'manifest.json')) || process.env.BENCH_BUILD === '1') {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
  }
  const browser = await launchExtensionBrowser('firefox');
  const results: FirefoxPass[] = [];
  try {
    for (const spec of pages) {
      const loads: { workMs: number; longestSliceMs: number; marks: number }[] = [];
      for (let i = 0; i < Math.min(REPEAT, 3); i++) {
        const page = await browser.newPage();
        try {
          await page.goto(`${origin}/${spec.file}?load=${i}`);
          await page.waitForFunction(
            () => performance.getEntriesByName('oncology-glossary:annotate').length > 0,
            undefined,
            120_000,
          );
          const detail = await page.evaluate(
            () =>
              (performance.getEntriesByName('oncology-glossary:annotate')[0] as PerformanceMeasure)
                .detail as {
                workMs: number;
                longestSliceMs: number;
                marks: number;
              } | null,
          );
          if (!detail) throw new Error('the content script left no performance detail in Firefox');
          loads.push(detail);
        } finally {
          await page.close();
        }
      }
      results.push({
        page: spec.name,
        workMs: round(median(loads.map((l) => l.workMs))),
        longestSliceMs: round(Math.max(...loads.map((l) => l.longestSliceMs))),
        marks: loads[0]!.marks,
      });
      process.stderr.write(`firefox: ${spec.name}\n`);
    }
  } finally {
    await browser.close();
  }
  return results;
}

function contentScriptSize(): { bytes: number; gzip: number } | null {
  const dir = path.join(REPO_ROOT, '.output/chrome-mv3/content-scripts');
  if (!existsSync(dir)) return null;
  let bytes = 0;
  let gzip = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const content = readFileSync(path.join(dir, file));
    bytes += content.length;
    gzip += gzipSync(content).length;
  }
  return { bytes, gzip };
}

function verdict(ok: boolean | null): string {
  if (ok === null) return 'SKIP';
  return ok ? 'PASS' : 'MISS';
}

async function main(): Promise<void> {
  const glossary = loadGlossary(path.join(REPO_ROOT, 'glossary')).content;
  const synthetic = makeSyntheticGlossary(glossary, 10_000);
  const forms = [...new Set(glossary.forms.map((f) => f.text))];
  const dir = mkdtempSync(path.join(tmpdir(), 'oncology-glossary-pages-'));
  const pages = await preparePages(dir, glossary);
  benchScript = await bundleBenchScript();
  const server = await startStaticServer([dir]);

  // The shipped build, for its size and for the start-up measure (built here if missing).
  const outputDir = path.join(REPO_ROOT, '.output/chrome-mv3');
  if (!existsSync(path.join(outputDir, 'manifest.json')) || process.env.BENCH_BUILD === '1') {
    execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }

  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(OBSERVE_LONG_TASKS);

  interface Row {
    page: string;
    bytes: number;
    marks: number;
    found: number;
    workMs: number;
    buildMs: number;
    wallMs: number;
    longestTaskMs: number;
    longestFrameMs: number;
    longestSliceMs: number;
    floorMs: number;
    naiveMs: number | null;
    /** How long the naive run was allowed (it was stopped there when naiveMs is null). */
    naiveCapMs: number;
    /** The naive way with careful options (whole phrases, word boundaries); undefined when not measured. */
    carefulNaiveMs?: number | null;
    syntheticWorkMs: number | null;
    /** A second pass on the same page, its code compiled by the first: the annotator's work and the floor. */
    compiled: { workMs: number; floorMs: number } | null;
    /** Traced cold runs: how much of the annotator's work and of the floor was compiling code (medians). */
    compileShare: { ours: CompileShare; floor: CompileShare };
    textUnchanged: boolean;
    /** Scrolling through the page after the first pass: the annotator's work per viewport-high step. */
    scroll: { steps: number; medianStepMs: number; maxStepMs: number; totalMs: number; marks: number } | null;
    /** Medians of where the first pass's work went. */
    phasesMs: { build: number; collect: number; resolve: number; wrap: number } | null;
  }
  const rows: Row[] = [];
  try {
    for (const spec of pages) {
      const url = `${server.origin}/${spec.file}`;
      const repeat = spec.bytes > 2e6 ? Math.min(REPEAT, 3) : REPEAT;
      process.stderr.write(`${spec.name} (${kb(spec.bytes)}): `);
      const ours: Measured[] = [];
      const floors: number[] = [];
      const synthetics: number[] = [];
      const compiled: { workMs: number; floorMs: number }[] = [];
      const shares: { ours: CompileShare[]; floor: CompileShare[] } = { ours: [], floor: [] };
      // Alternate the measures so that drift in the machine's speed affects each alike.
      for (let i = 0; i < repeat; i++) {
        floors.push((await measureFloor(context, url, glossary)).floorMs);
        ours.push(await measureAnnotator(context, url, glossary, i === 0));
        if (spec.name === 'article 1 MB' || spec.name === 'article 100 KB') {
          synthetics.push((await measureAnnotator(context, url, synthetic)).workMs);
        }
        // Where the fixed cost of cold code weighs: pages with terms under 1 MB.
        if (spec.terms && spec.bytes < 1e6) compiled.push(await measureCompiled(context, url, glossary));
        if (i < 3) {
          shares.floor.push(await measureCompileShare(context, url, glossary, 'floor'));
          shares.ours.push(await measureCompileShare(context, url, glossary, 'annotate'));
        }
        process.stderr.write('.');
      }
      let naive: { naiveMs: number | null; marks: number } = { naiveMs: null, marks: 0 };
      let careful: { naiveMs: number | null; marks: number } | null = null;
      // The cap leaves room to show the 100x target either way: 110 times our own work at least.
      const naiveCapMs = Math.max(NAIVE_CAP_MS, Math.ceil(110 * median(ours.map((r) => r.workMs))));
      if (!SKIP_NAIVE) {
        naive = await measureNaive(url, forms, naiveCapMs);
        process.stderr.write(' naive');
        if (spec.bytes >= 1e6) {
          careful = await measureNaive(url, forms, NAIVE_CAP_MS, true);
          process.stderr.write(' careful');
        }
      }
      process.stderr.write('\n');
      rows.push({
        page: spec.name,
        bytes: spec.bytes,
        marks: ours[0]!.marks,
        found: ours[0]!.found,
        workMs: median(ours.map((r) => r.workMs)),
        buildMs: median(ours.map((r) => r.buildMs)),
        wallMs: median(ours.map((r) => r.wallMs)),
        longestTaskMs: Math.max(...ours.map((r) => r.longestTaskMs)),
        longestFrameMs: median(ours.map((r) => r.longestFrameMs)),
        longestSliceMs: Math.max(...ours.map((r) => r.longestSliceMs)),
        floorMs: median(floors),
        naiveMs: naive.naiveMs,
        naiveCapMs,
        carefulNaiveMs: careful ? careful.naiveMs : undefined,
        syntheticWorkMs: synthetics.length ? median(synthetics) : null,
        compiled: compiled.length
          ? {
              workMs: round(median(compiled.map((c) => c.workMs))),
              floorMs: round(median(compiled.map((c) => c.floorMs))),
            }
          : null,
        compileShare: { ours: medianShare(shares.ours), floor: medianShare(shares.floor) },
        textUnchanged: ours.every((r) => r.textUnchanged),
        scroll: ours[0]!.scroll
          ? {
              steps: ours[0]!.scroll.steps,
              medianStepMs: round(median(ours[0]!.scroll.stepWorkMs), 2),
              maxStepMs: round(Math.max(0, ...ours[0]!.scroll.stepWorkMs), 2),
              totalMs: round(ours[0]!.scroll.stepWorkMs.reduce((a, b) => a + b, 0)),
              marks: ours[0]!.scroll.marks,
            }
          : null,
        phasesMs: ours[0]!.phases
          ? {
              build: round(median(ours.map((r) => r.phases?.build ?? 0))),
              collect: round(median(ours.map((r) => r.phases?.collect ?? 0))),
              resolve: round(median(ours.map((r) => r.phases?.resolve ?? 0))),
              wrap: round(median(ours.map((r) => r.phases?.wrap ?? 0))),
            }
          : null,
      });
    }
  } finally {
    await browser.close();
  }

  const noTermsPage = pages.find((p) => !p.terms)!;
  const extension = await measureExtension(server.origin, [noTermsPage]);
  const firefox = await measureFirefox(server.origin, pages);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  const size = contentScriptSize();

  // Table.
  const header = [
    'page',
    'size',
    'found',
    'marked',
    'work ms',
    '(build)',
    'wall ms',
    'longest task',
    'longest frame',
    'longest slice',
    'floor ms',
    'work/floor',
    'naive',
    'naive/work',
    '10k glossary ms',
    'text same',
  ];
  const table = rows.map((r) => [
    r.page,
    kb(r.bytes),
    String(r.found),
    String(r.marks),
    String(round(r.workMs)),
    String(round(r.buildMs)),
    String(round(r.wallMs)),
    r.longestTaskMs > 0 ? `${round(r.longestTaskMs)} ms` : `none >${LONG_TASK_MS} ms`,
    r.longestFrameMs > 0 ? `${round(r.longestFrameMs)} ms` : `none >${LONG_TASK_MS} ms`,
    `${round(r.longestSliceMs)} ms`,
    String(round(r.floorMs)),
    `${round(r.workMs / r.floorMs, 2)}x`,
    r.naiveMs === null
      ? SKIP_NAIVE
        ? 'skipped'
        : `>${round(r.naiveCapMs / 1000, 1)} s`
      : `${round(r.naiveMs)} ms`,
    r.naiveMs === null
      ? SKIP_NAIVE
        ? '-'
        : `>${round(r.naiveCapMs / r.workMs, 0)}x`
      : `${round(r.naiveMs / r.workMs, 0)}x`,
    r.syntheticWorkMs === null
      ? ''
      : `${round(r.syntheticWorkMs)} (${round(r.syntheticWorkMs / r.workMs, 2)}x)`,
    r.textUnchanged ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(
    `\nAnnotator benchmark: headless Chromium, ${glossary.forms.length} surface forms, medians of ${REPEAT} runs\n`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));

  // Targets.
  const termPages = rows.filter((r) => r.page !== noTermsPage.name);
  const noTerms = rows.find((r) => r.page === noTermsPage.name)!;
  const largeRows = rows.filter((r) => r.bytes >= 1e6);
  const naiveRatios = largeRows.map((r) => (r.naiveMs ?? r.naiveCapMs) / r.workMs);
  const synthRows = rows.filter((r) => r.syntheticWorkMs !== null);
  const worstFloorRatio = Math.max(...termPages.map((r) => r.workMs / r.floorMs));
  const startUp = extension[noTermsPage.name];
  // The content script's evaluation is a task of ours too.
  const longestTask = Math.max(
    ...rows.map((r) => r.longestTaskMs),
    startUp?.longestTaskMs ?? 0,
    startUp?.maxEvaluateMs ?? 0,
  );
  const worstSynth = Math.max(...synthRows.map((r) => r.syntheticWorkMs! / r.workMs));
  const naiveCensored = largeRows.some((r) => r.naiveMs === null);
  const targets = [
    [
      'work within 2x the floor on every page with terms',
      `worst ${round(worstFloorRatio, 2)}x`,
      worstFloorRatio <= 2,
    ],
    [
      'page without terms at most 1.2x the floor',
      `${round(noTerms.workMs / noTerms.floorMs, 2)}x`,
      noTerms.workMs / noTerms.floorMs <= 1.2,
    ],
    [
      'at least 100x faster than naive mark.js at 1 MB and above',
      SKIP_NAIVE
        ? 'not measured (BENCH_NAIVE=0)'
        : `worst ${naiveCensored ? '>' : ''}${round(Math.min(...naiveRatios), 0)}x`,
      SKIP_NAIVE ? null : Math.min(...naiveRatios) >= 100,
    ],
    [
      'no main-thread task over 50 ms',
      longestTask > 0
        ? `longest ${round(longestTask)} ms${longestTask === startUp?.maxEvaluateMs ? " (the content script's evaluation)" : ''}`
        : 'none observed',
      longestTask <= LONG_TASK_MS,
    ],
    ['10,000-term glossary at most 1.5x the real one', `worst ${round(worstSynth, 2)}x`, worstSynth <= 1.5],
  ] as const;
  console.log('\nTargets');
  for (const [name, value, ok] of targets) console.log(`  ${verdict(ok)}  ${name}: ${value}`);
  const ext = startUp;
  console.log('\nBuilt content script');
  if (size) console.log(`  size: ${kb(size.bytes)} (${kb(size.gzip)} gzipped)`);
  if (ext) {
    console.log(
      `  start-up on the page without terms (${kb(noTermsPage.bytes)}), as the installed extension (medians):\n` +
        `    evaluation ${round(ext.evaluateMs)} ms (compiling ${round(ext.compileMs)} ms), one task; ` +
        `${round(ext.firstEvaluateMs)} ms on the first page the browser opened\n` +
        `    first pass: work ${round(ext.workMs)} ms, ${round(ext.wallMs)} ms from start to done, longest task ` +
        `${ext.longestTaskMs > 0 ? `${round(ext.longestTaskMs)} ms` : `none >${LONG_TASK_MS} ms`}\n` +
        `    together ${round(ext.evaluateMs + ext.workMs)} ms of main-thread work`,
    );
  }
  console.log(
    '\nThe installed extension in Firefox ESR, first pass as its content script reports it (median work of' +
      '\nthree loads, longest slice of all; Firefox has no long-task observer, and its clock reads whole ms):',
  );
  for (const f of firefox) {
    console.log(
      `  ${f.page}: work ${f.workMs} ms, longest slice ${f.longestSliceMs} ms, ${f.marks} marks up front`,
    );
  }
  const fmtNaive = (ms: number | null | undefined, work: number, cap: number) =>
    ms === undefined
      ? 'not measured'
      : ms === null
        ? `>${round(cap / 1000, 1)} s (>${round(cap / work, 0)}x)`
        : `${round(ms / 1000, 2)} s (${round(ms / work, 0)}x)`;
  console.log(
    '\n"found": occurrences found on the page; "marked": marks made up front, near the viewport (the rest are made' +
      '\nas the reader nears them). Scrolling through each page afterwards, a viewport at a time (work per step):',
  );
  for (const r of rows) {
    if (r.scroll)
      console.log(
        `  ${r.page}: ${r.scroll.steps} steps, median ${r.scroll.medianStepMs} ms, most ${r.scroll.maxStepMs} ms, ` +
          `total ${r.scroll.totalMs} ms; ${r.scroll.marks} marks at the bottom`,
      );
  }
  console.log("\nWhere the first pass's work went (medians, ms): build / walk and match / decide / wrap");
  for (const r of rows) {
    if (r.phasesMs)
      console.log(
        `  ${r.page}: ${r.phasesMs.build} / ${r.phasesMs.collect} / ${r.phasesMs.resolve} / ${r.phasesMs.wrap}`,
      );
  }
  const compiledRows = rows.filter((r) => r.compiled);
  if (compiledRows.length > 0) {
    console.log(
      "\nThe same pages measured cold (above: every measure starts with nothing compiled, as on a reader's first" +
        '\npage of a site) and a second time on one page, its code compiled by the first (medians, ms):',
    );
    for (const r of compiledRows) {
      const { workMs, floorMs } = r.compiled!;
      console.log(
        `  ${r.page}: cold ${round(r.workMs)} / ${round(r.floorMs)} = ${round(r.workMs / r.floorMs, 2)}x; ` +
          `compiled ${workMs} / ${floorMs} = ${round(workMs / floorMs, 2)}x`,
      );
    }
  }
  console.log(
    "\nHow much of it is V8 compiling code, which it does at each function's first call: on a reader's first page" +
      '\nof a site, during the first pass (traced cold runs, medians; tracing slows the work, by up to a third):',
  );
  for (const r of rows) {
    const { ours, floor } = r.compileShare;
    const rest = (s: CompileShare) => Math.max(0.1, s.workMs - s.compileMs);
    console.log(
      `  ${r.page}: annotator ${ours.workMs} ms, compiling ${ours.compileMs} (${ours.functions} functions); ` +
        `floor ${floor.workMs} ms, compiling ${floor.compileMs} (${floor.functions}); ` +
        `the rest ${round(rest(ours))} / ${round(rest(floor))} = ${round(rest(ours) / rest(floor), 2)}x`,
    );
  }
  if (!SKIP_NAIVE) {
    console.log(
      '\nNaive reference: mark.js mark() with every surface form, as simple highlighters call it (mark.js defaults);' +
        '\n"careful" adds separateWordSearch: false and whole-word accuracy:',
    );
    for (const r of largeRows) {
      console.log(
        `  ${r.page}: defaults ${fmtNaive(r.naiveMs, r.workMs, r.naiveCapMs)}, ` +
          `careful ${fmtNaive(r.carefulNaiveMs, r.workMs, NAIVE_CAP_MS)}`,
      );
    }
    if (naiveCensored) console.log('(naive runs past their cap were stopped; their ratios are lower bounds)');
  }

  console.log(
    JSON.stringify({
      bench: 'annotation',
      browser: 'chromium-headless',
      forms: glossary.forms.length,
      repeat: REPEAT,
      naiveCapMs: NAIVE_CAP_MS,
      pages: rows.map((r) => ({
        ...r,
        workMs: round(r.workMs, 2),
        wallMs: round(r.wallMs, 2),
        floorMs: round(r.floorMs, 2),
      })),
      contentScript: size,
      startupNoTerms: ext ?? null,
      firefox,
      targets: Object.fromEntries(targets.map(([name, value, ok]) => [name, { value, pass: ok }])),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
