/**
 * Runs in the benchmark page (bundled with esbuild): the shipped annotator on the page as it is, the floor
 * (one TreeWalker pass over the text nodes running the same matcher, no DOM writes) and the naive way simple
 * highlighters use mark.js (`mark()` with every surface form).
 */
import Mark from 'mark.js';
import {
  AnnotationEngine,
  type AnnotationEngineOptions,
  type AnnotatorContext,
} from '../../src/annotation/annotation-engine';
import { OCCURRENCE_SELECTOR } from '../../src/annotation/mark-selectors';
import type { ContentGlossary } from '../../src/glossary/compiled-glossary';
import { buildTermMatcher } from '../../src/matching/build-term-matcher';
import { BEGIN_MARK, END_MARK } from './bench-marks';

export interface AnnotateResult {
  buildMs: number;
  /** Main-thread work: matcher build + every slice of the first pass. */
  workMs: number;
  /** From the start until the last mark is placed (includes the time given back to the page). */
  wallMs: number;
  longestSliceMs: number;
  slices: number;
  /** Marks made up front (far from the viewport, occurrences wait until the reader nears them). */
  marks: number;
  /** Occurrences found: marked and waiting. */
  found: number;
  phases: { build: number; collect: number; resolve: number; wrap: number } | null;
  /** performance.now() when the last mark was placed: long tasks after it are not the annotator's. */
  endedAt: number;
}

const context: AnnotatorContext = {
  isInvalid: false,
  onInvalidated: () => () => {},
  setTimeout: (handler, timeout) => window.setTimeout(handler, timeout),
};

async function annotate(
  glossary: ContentGlossary,
  options: AnnotationEngineOptions = {},
): Promise<AnnotateResult> {
  performance.mark(BEGIN_MARK);
  const start = performance.now();
  const engine = new AnnotationEngine(context, glossary, document, options);
  current = engine;
  const setupMs = performance.now() - start;
  engine.update({ enabled: true, hiddenTerms: [], occurrenceMode: 'every' });
  await engine.idle();
  const wallMs = performance.now() - start;
  performance.mark(END_MARK);
  return {
    buildMs: engine.stats.firstPassPhasesMs?.build ?? 0,
    workMs: setupMs + (engine.stats.firstPassWorkMs ?? 0),
    wallMs,
    longestSliceMs: Math.max(setupMs, engine.stats.longestSliceMs),
    slices: engine.stats.slices,
    marks: document.querySelectorAll(OCCURRENCE_SELECTOR).length,
    found: engine.termCounts().reduce((sum, term) => sum + term.count, 0),
    phases: engine.stats.firstPassPhasesMs,
    endedAt: performance.now(),
  };
}

let current: AnnotationEngine | null = null;

export interface ScrollResult {
  /** Viewport-high steps from the top to the bottom of the page. */
  steps: number;
  /** The annotator's work per step, in ms. */
  stepWorkMs: number[];
  marks: number;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Scrolls the annotated page from top to bottom a viewport at a time, measuring the annotator's work per step. */
async function scrollThrough(): Promise<ScrollResult> {
  const engine = current!;
  const stepWorkMs: number[] = [];
  let steps = 0;
  window.scrollTo(0, 0);
  await frame();
  await engine.idle();
  while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
    const before = engine.stats.workMs;
    window.scrollBy(0, window.innerHeight);
    steps++;
    await frame();
    await frame();
    await engine.idle();
    stepWorkMs.push(engine.stats.workMs - before);
  }
  return { steps, stepWorkMs, marks: document.querySelectorAll(OCCURRENCE_SELECTOR).length };
}

function floor(glossary: ContentGlossary): { floorMs: number; matches: number; textNodes: number } {
  // The trie as the extension ships it, like the annotator (built outside the timing all the same).
  const matcher = buildTermMatcher(glossary.forms, glossary.trie);
  performance.mark(BEGIN_MARK);
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out: ReturnType<typeof matcher.findMatches> = [];
  let matches = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = (node.parentNode as Element).localName;
    if (parent === 'script' || parent === 'style') continue;
    textNodes++;
    out.length = 0;
    matches += matcher.findMatches((node as Text).data, out).length;
  }
  const floorMs = performance.now() - start;
  performance.mark(END_MARK);
  return { floorMs, matches, textNodes };
}

const PUNCTUATION = ':;.,-–—‒_(){}[]!\'"+=/?'.split('');

/**
 * The naive way: mark.js's `mark()` with the list of surface forms. `careful` adds what a careful simple
 * highlighter sets (whole phrases, word boundaries); without it, mark.js's defaults.
 */
function naive(forms: string[], careful = false): { naiveMs: number; marks: number } {
  const start = performance.now();
  let marks = 0;
  new Mark(document.body).mark(forms, {
    ...(careful
      ? { separateWordSearch: false, accuracy: { value: 'exactly' as const, limiters: PUNCTUATION } }
      : {}),
    iframes: false,
    each: () => void marks++,
    done: () => {},
  });
  return { naiveMs: performance.now() - start, marks };
}

/** Starts `work` from a task of its own (work started by the driver's evaluate call is not seen as a long task). */
function inTask<T>(work: () => T | Promise<T>): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => Promise.resolve().then(work).then(resolve, reject), 0),
  );
}

let textBefore: string | null = null;

let received: ContentGlossary | null = null;

/** The glossary handed over by `receive`. */
function glossary(): ContentGlossary {
  if (!received) throw new Error('bench page: receive(glossary) must come first');
  return received;
}

(window as unknown as { oncologyBench: unknown }).oncologyBench = {
  /**
   * Takes the glossary, ahead of the measures: the driver's copy of it into the page makes megabytes of
   * garbage that the next measure would otherwise pay for (in the extension it is part of the script).
   */
  receive: (value: ContentGlossary) => {
    received = value;
  },
  annotate: (options?: AnnotationEngineOptions) => inTask(() => annotate(glossary(), options)),
  /** Reads the page's text (before annotating), or compares it with what was read (after): outside the timing. */
  checkText: () => {
    const text = document.body.textContent;
    if (textBefore === null) {
      textBefore = text;
      return true;
    }
    return text === textBefore;
  },
  floor: () => inTask(() => floor(glossary())),
  /** Stops the last annotator, which removes its marks: the page is as it was, for a second measure. */
  reset: () => {
    current?.stop();
    current = null;
  },
  scrollThrough: () => inTask(scrollThrough),
  naive: (forms: string[], careful?: boolean) => inTask(() => naive(forms, careful)),
};
