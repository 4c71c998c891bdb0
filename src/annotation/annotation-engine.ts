import type { ContentGlossary } from '../glossary/compiled-glossary';
import {
  buildTermMatcher,
  buildTermMatcherInSteps,
  type TermMatch,
  type TermMatcher,
} from '../matching/build-term-matcher';
import { isWordCharCode } from '../matching/fold-char-code';
import { joinAcrossShortForm } from '../matching/join-across-short-form';
import { PageEvidence, type DefinedAbbreviation } from '../matching/page-evidence';
import type { OccurrenceMode } from '../settings/settings-items';
import { classifyElement, closestBlock, isInsideSkippedElement } from './classify-element';
import {
  composedClosest,
  composedTreeBefore,
  composedTreeContains,
  composedTreeParent,
} from './composed-tree';
import { DeferredWraps, nearRange, type FoundRun, type NearMargins, type PendingRun } from './deferred-wraps';
import { injectMarkStyles, removeMarkStyles, restoreMarkStyles } from './inject-mark-styles';
import { inlineRunRoot } from './inline-run-root';
import { isPageFurniture } from './is-page-furniture';
import {
  ENTRY_ID_ATTRIBUTE,
  EXTENSION_UI_ATTRIBUTE,
  MARK_SELECTOR,
  OCCURRENCE_SELECTOR,
  PART_ATTRIBUTE,
} from './mark-selectors';
import { markupDefinitions } from './markup-definitions';
import { RefusedTexts } from './refused-texts';
import { repairPageMutations } from './repair-page-mutations';
import { SplitRegistry } from './split-registry';
import { staleOccurrenceMarks } from './stale-occurrence-marks';
import { TextRunCollector, type TextRun } from './text-run-collector';
import { topLayerSelector } from './top-layer-selector';
import { wrapRunMatches, WrapApart, wrapsApart, type AcceptedMatch } from './wrap-run-matches';
import { yieldToMain, yieldToMainAfterFrame } from './yield-to-main';

/** The part of WXT's ContentScriptContext the annotator needs (the benchmark passes its own). */
export interface AnnotatorContext {
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): number;
}

/** What the reader chose, as it applies to this page. */
export interface AnnotationSettings {
  /** On globally and not switched off for this site. */
  enabled: boolean;
  hiddenTerms: readonly string[];
  occurrenceMode: OccurrenceMode;
}

/** Measured cost of the work done so far (for the benchmark and performance entries). */
export interface AnnotationStats {
  /** Passes over the page or parts of it. */
  passes: number;
  /** Main-thread time spent in the annotator's own slices of work, in ms. */
  workMs: number;
  /** The longest single slice, in ms. */
  longestSliceMs: number;
  /** Slices of work so far. */
  slices: number;
  /** Wall-clock time of the first full pass, from its start to its last mark, in ms. */
  firstPassMs: number | null;
  /** Work of the first full pass alone, in ms. */
  firstPassWorkMs: number | null;
  /** Where the first full pass's work went: building the matcher, walking and matching, deciding, wrapping (ms). */
  firstPassPhasesMs: { build: number; collect: number; resolve: number; wrap: number } | null;
}

export interface AnnotationEngineOptions {
  /** Longest slice of work before giving the main thread back, in ms. */
  sliceMs?: number;
  /** Longest slice of wrapping, in ms (it also stops at a number of occurrences set by the frames' cost). */
  wrapSliceMs?: number;
  /** How long changes by the page are collected before they are annotated, in ms. */
  batchDelayMs?: number;
  /**
   * Occurrences farther from the viewport than this (in viewport heights) wait until the reader nears them;
   * null wraps everything at once.
   */
  nearMargins?: NearMargins | null;
  /** How long after texts are refused they get another chance, round after round, in ms (see RefusedTexts). */
  anotherChanceMs?: readonly number[];
}

const ABORTED = Symbol('aborted');

/** Occurrences wrapped in the first slice: enough for what a screen shows. */
const FIRST_SLICE_OCCURRENCES = 120;
const MIN_SLICE_OCCURRENCES = 64;
/** Rendering time aimed at for the frame after a slice of wrapping (style and layout of its marks). */
const FRAME_RENDER_TARGET_MS = 36;
/** Below this many runs with terms, a page is wrapped whole: nothing to gain from waiting. */
const DEFER_MIN_RUNS = 64;
const DEFAULT_NEAR_MARGINS: NearMargins = { above: 1, below: 2 };
/** How many elements that may define an abbreviation are read between two looks at the clock. */
const MARKUP_CHUNK = 256;
/** A run's text at least this long (a plain-text document in one node) is matched a window at a time. */
const LONG_TEXT = 65_536;
/** Characters matched between two looks at the clock, in a long text. */
const MATCH_WINDOW = 16_384;
/** Occurrences of one run decided between two looks at the clock. */
const DECIDE_CHUNK = 1024;
/** Work in the slice under way after which the marks made apart are put in in the next one. */
const COMMIT_AFTER_MS = 2;

/** How many inline roots changed during one pass are checked run by run (see changedSincePass). */
const MAX_CHANGED_INLINE_ROOTS = 16;

/**
 * A page's address without a fragment that only points into the page (a table of contents' "#dosage"); a
 * hash router's fragment ("#/stories/12", "#!/…") names another page and stays.
 */
function pageAddress(url: string): string {
  const hash = url.indexOf('#');
  if (hash === -1 || url[hash + 1] === '/' || url[hash + 1] === '!') return url;
  return url.slice(0, hash);
}

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // A section the page makes editable later ("Edit" on a CMS page): the reader's typing must not meet our marks.
  attributeFilter: ['contenteditable'],
};

/**
 * Main-thread time of one piece of work, cut into slices that give the main thread back in between; counted
 * into the engine's stats.
 */
class Slices {
  readonly start = performance.now();
  sliceStart = this.start;
  /** Work so far, in ms, not counting the slice under way. */
  work = 0;
  /** Rendering time of the frame before the last checkpoint(true). */
  lastRenderMs = 0;

  constructor(
    private readonly stats: AnnotationStats,
    private readonly window: Window,
    private readonly aborted: () => boolean,
  ) {}

  /** Time spent in the slice under way. */
  elapsed(): number {
    return performance.now() - this.sliceStart;
  }

  /** Work so far, the slice under way included. */
  workSoFar(): number {
    return this.work + this.elapsed();
  }

  /** Ends the slice under way. */
  end(): void {
    const duration = this.elapsed();
    this.work += duration;
    this.stats.workMs += duration;
    this.stats.slices++;
    if (duration > this.stats.longestSliceMs) this.stats.longestSliceMs = duration;
  }

  /** Ends the slice, gives the main thread back (until a frame is rendered, with `afterFrame`), starts another. */
  async checkpoint(afterFrame = false): Promise<void> {
    this.end();
    if (afterFrame) this.lastRenderMs = await yieldToMainAfterFrame(this.window);
    else await yieldToMain(this.window);
    if (this.aborted()) throw ABORTED;
    this.sliceStart = performance.now();
  }
}

/**
 * Finds glossary terms in a page and wraps them, in slices that never hold the main thread long: walk and
 * match the text (no DOM writes), resolve ambiguous abbreviations with what the whole page says, then wrap,
 * the visible part first. Watches the page for new or changed text and for its own marks being disturbed.
 */
export class AnnotationEngine {
  readonly stats: AnnotationStats = {
    passes: 0,
    workMs: 0,
    longestSliceMs: 0,
    slices: 0,
    firstPassMs: null,
    firstPassWorkMs: null,
    firstPassPhasesMs: null,
  };
  /** Built in slices at the start of the first pass (a large glossary takes a while). */
  private matcher: TermMatcher | null = null;
  private readonly matcherSteps: Generator<void, TermMatcher, void>;
  private evidence: PageEvidence | null = null;
  /** Entries whose naming shows that a page is about cancer, and entries that wait for such a page (see PageEvidence). */
  private readonly cancerSpecific: ReadonlySet<string>;
  private readonly cancerPagesOnly: ReadonlySet<string>;
  private readonly registry = new SplitRegistry();
  private readonly window: Window;
  private readonly sliceMs: number;
  private readonly wrapSliceMs: number;
  private readonly batchDelayMs: number;
  private readonly nearMargins: NearMargins | null;
  /** Occurrences found far from the viewport, decided and wrapped as the reader nears them. */
  private readonly deferred = new DeferredWraps((found) => this.decide(found));
  private readonly refusedTexts: RefusedTexts;
  /** Whether this pass has made sure the page has the marks' stylesheet (the page may have removed it since). */
  private markStylesChecked = false;
  private pendingNear = false;
  private nearCheckFrame: number | null = null;
  private unwatchViewport: (() => void) | null = null;
  /** Gives the texts the page refused another chance (see RefusedTexts). */
  private chanceTimer: number | null = null;
  /** Hears dialogs and popovers open while occurrences wait (see watchViewport). */
  private toggleListener: ((event: Event) => void) | null = null;
  /** Dialogs and popovers the page opened since the last check: their waiting occurrences are wrapped whole. */
  private readonly openedLayers = new Set<Element>();
  private settings: AnnotationSettings = { enabled: false, hiddenTerms: [], occurrenceMode: 'every' };
  private hidden = new Set<string>();
  private observer: MutationObserver | null = null;
  /**
   * Open shadow roots the walk has entered: observed like the document (its observation does not reach into
   * them), styled once they hold marks, and searched for marks. A shadow root attached to a host after the host
   * was walked is not seen until the page changes something around the host (no mutation record is made for
   * attachShadow; hosts added later are walked with their shadow trees).
   */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private generation = 0;
  private pendingFull = false;
  private readonly pendingRoots = new Set<Element>();
  /** Blocks the page changed while a pass was under way: their matches are stale until looked at again. */
  private readonly changedBlocks = new Set<Element>();
  /**
   * Inline elements read again alone (see inlineRunRoot) that the page changed while a pass was under way: a
   * run the pass read with their block holds their text, and is as stale.
   */
  private readonly changedInlineRoots = new Set<Element>();
  private running = false;
  private batchTimer: number | null = null;
  private stopped = false;
  private readonly listeners = new Set<() => void>();
  private idleWaiters: (() => void)[] = [];
  /** With first occurrences only, the marks of the page's terms: the page removing one is noticed. */
  private firstMarks: Element[] = [];
  /** The body the last full pass read: a page replacing it is read again whole. */
  private walkedBody: HTMLElement | null = null;
  /**
   * The address the last full pass read: a single-page app moving to another page (history.pushState) is read
   * again whole, with the new page's evidence (a sobriety story after a cancer article has no cancer relapse).
   */
  private walkedUrl = '';

  constructor(
    private readonly ctx: AnnotatorContext,
    glossary: ContentGlossary,
    private readonly document: Document,
    options: AnnotationEngineOptions = {},
  ) {
    this.matcherSteps = buildTermMatcherInSteps(glossary.forms, glossary.trie);
    const entries = Object.values(glossary.entries);
    this.cancerSpecific = new Set(entries.filter((entry) => entry.cancerSpecific).map((entry) => entry.id));
    this.cancerPagesOnly = new Set(entries.filter((entry) => entry.cancerPagesOnly).map((entry) => entry.id));
    this.window = document.defaultView ?? window;
    this.sliceMs = options.sliceMs ?? 8;
    this.wrapSliceMs = options.wrapSliceMs ?? this.sliceMs;
    this.batchDelayMs = options.batchDelayMs ?? 80;
    this.refusedTexts = new RefusedTexts(options.anotherChanceMs);
    this.nearMargins = options.nearMargins === undefined ? DEFAULT_NEAR_MARGINS : options.nearMargins;
    ctx.onInvalidated(() => this.stop());
  }

  /** Whether annotations are on for this page. */
  get active(): boolean {
    return this.settings.enabled && !this.stopped;
  }

  /** Applies the reader's settings: starts, stops, hides terms or changes the occurrence mode, live. */
  update(next: AnnotationSettings): void {
    if (this.stopped) return;
    const before = this.settings;
    const hiddenBefore = this.hidden;
    this.settings = next;
    this.hidden = new Set(next.hiddenTerms);
    if (!next.enabled) {
      if (before.enabled) this.deactivate();
      return;
    }
    if (!before.enabled) {
      this.activate();
      return;
    }
    const newlyHidden = next.hiddenTerms.filter((id) => !hiddenBefore.has(id));
    const unhidden = [...hiddenBefore].some((id) => !this.hidden.has(id));
    if (newlyHidden.length > 0) {
      this.deferred.dropEntries(new Set(newlyHidden));
      this.ownWrites(() => this.unwrapEntries(new Set(newlyHidden)));
    }
    if (next.occurrenceMode === 'first' && before.occurrenceMode === 'every') {
      if (this.deferred.size > 0) {
        // The first occurrence of a term may be one still waiting: decide again from the whole page.
        this.deferred.clear();
        this.ownWrites(() => this.restoreAllMarks());
        this.requestFullPass();
      } else this.ownWrites(() => this.keepFirstOccurrences());
    }
    if (newlyHidden.length > 0 || (next.occurrenceMode === 'first' && before.occurrenceMode === 'every'))
      this.notify();
    if (unhidden || (next.occurrenceMode === 'every' && before.occurrenceMode === 'first'))
      this.requestFullPass();
  }

  /** Calls `listener` whenever marks are added or removed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once all work asked for so far is done. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Removes every mark and stops watching the page, for good. */
  stop(): void {
    if (this.stopped) return;
    this.deactivate();
    this.stopped = true;
    this.listeners.clear();
  }

  private activate(): void {
    this.evidence = null;
    if (typeof MutationObserver === 'function') {
      this.observer = new MutationObserver((records) => this.handleRecords(records));
      this.observe(this.observer);
    }
    this.requestFullPass();
  }

  private deactivate(): void {
    this.generation++;
    this.pendingFull = false;
    this.pendingRoots.clear();
    if (this.batchTimer !== null) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.deferred.clear();
    this.refusedTexts.clear();
    if (this.chanceTimer !== null) clearTimeout(this.chanceTimer);
    this.chanceTimer = null;
    this.pendingNear = false;
    this.stopWatchingViewport();
    this.ownWrites(() => this.restoreAllMarks());
    this.observer?.disconnect();
    this.observer = null;
    removeMarkStyles(this.document);
    this.markStylesChecked = false;
    for (const shadowRoot of this.shadowRoots) removeMarkStyles(shadowRoot);
    this.shadowRoots.clear();
    this.notify();
    this.resolveIdleIfDone();
  }

  /**
   * Runs our own DOM writes unobserved, so that the observer reports the page's changes only, never ours (and
   * the browser builds no mutation records for the thousands of nodes a slice of wrapping touches).
   */
  private ownWrites(write: () => void): void {
    const observer = this.observer;
    if (!observer) return write();
    const pending = observer.takeRecords();
    if (pending.length > 0) this.handleRecords(pending);
    observer.disconnect();
    try {
      write();
    } finally {
      this.observe(observer);
    }
  }

  private observe(observer: MutationObserver): void {
    // The document itself, not its root element: a page may replace that (document.open() and write()).
    observer.observe(this.document, OBSERVED);
    for (const shadowRoot of this.shadowRoots) {
      // A host the page removed takes its shadow tree with it (walked again if it comes back).
      if (shadowRoot.host.isConnected) observer.observe(shadowRoot, OBSERVED);
      else this.shadowRoots.delete(shadowRoot);
    }
  }

  /** A shadow root the walk entered: watched from now on, like the rest of the page. */
  private adoptShadowRoot(shadowRoot: ShadowRoot): void {
    if (this.shadowRoots.has(shadowRoot)) return;
    this.shadowRoots.add(shadowRoot);
    this.observer?.observe(shadowRoot, OBSERVED);
    if (this.toggleListener) shadowRoot.addEventListener('toggle', this.toggleListener, { capture: true });
  }

  /** Puts back the page's text everywhere we annotated it (querySelectorAll does not reach into shadow trees). */
  private restoreAllMarks(): void {
    this.registry.restoreAll(this.document);
    for (const shadowRoot of this.shadowRoots) this.registry.restoreAll(shadowRoot);
  }

  /**
   * Every mark matching `selector` (MARK_SELECTOR by default, or OCCURRENCE_SELECTOR) in the document and in
   * the open shadow roots annotated so far, in page order (a shadow tree's marks at their host's place).
   */
  marks(selector: string = MARK_SELECTOR): Element[] {
    const inDocument = [...this.document.querySelectorAll(selector)];
    if (this.shadowRoots.size === 0) return inDocument;
    const lists = [inDocument];
    for (const shadowRoot of this.shadowRoots) {
      if (!shadowRoot.host.isConnected) continue;
      const inShadow = shadowRoot.querySelectorAll(selector);
      if (inShadow.length > 0) lists.push([...inShadow]);
    }
    return mergeInPageOrder(lists);
  }

  private handleRecords(records: readonly MutationRecord[]): void {
    // Repaired even while switching off (ownWrites hands over what is pending): restoring the page's text
    // nodes must start from the page's latest edits, not undo them.
    let touched: Node[] = [];
    const observer = this.observer;
    // The repairs are our writes: unobserved.
    observer?.disconnect();
    try {
      touched = repairPageMutations(records, this.registry);
      if (this.active) restoreMarkStyles(this.document);
    } finally {
      if (observer && this.observer === observer) this.observe(observer);
    }
    if (!this.active) return;
    this.refusedTexts.notePageChanges(performance.now());
    if (this.document.body !== this.walkedBody || pageAddress(this.document.URL) !== this.walkedUrl) {
      // A new body, a new document in this one (document.open() and write()), or another page of a single-page
      // app: read the page again.
      this.pendingFull = true;
      this.scheduleBatch();
      return;
    }
    if (this.firstMarks.some((mark) => !mark.isConnected)) {
      // First occurrences only: the page removed a term's one mark. Its next occurrence takes the place.
      this.firstMarks = [];
      this.pendingFull = true;
      this.scheduleBatch();
    }
    for (const node of touched) {
      const root = this.rescanRootFor(node);
      if (!root) continue;
      if (classifyElement(root) === 'block') this.changedBlocks.add(root);
      else if (this.changedInlineRoots.size < MAX_CHANGED_INLINE_ROOTS) this.changedInlineRoots.add(root);
      else {
        // Many tickers changing during one pass: each wrapped run would be checked against each of them. Their
        // blocks are read again whole instead, as before inline roots.
        const block = closestBlock(root);
        if (block) {
          this.changedBlocks.add(block);
          this.pendingRoots.add(block);
        }
      }
      this.pendingRoots.add(root);
    }
    if (this.pendingRoots.size > 0) this.scheduleBatch();
  }

  /** Whether the page changed `run`'s text since the pass under way read it. */
  private changedSincePass(run: TextRun): boolean {
    if (this.changedBlocks.has(run.block)) return true;
    if (this.changedInlineRoots.size === 0) return false;
    for (const root of this.changedInlineRoots)
      if (composedTreeContains(root, run.nodes[0]!) || composedTreeContains(root, run.nodes.at(-1)!))
        return true;
    return false;
  }

  private rescanRootFor(node: Node): Element | null {
    if (!node.isConnected) return null;
    if (node.nodeType === 1 && classifyElement(node as Element) === 'block')
      return isInsideSkippedElement(node) ? null : (node as Element);
    const block = closestBlock(node);
    if (!block || isInsideSkippedElement(block)) return null;
    return inlineRunRoot(node, block) ?? block;
  }

  private scheduleBatch(): void {
    if (this.batchTimer !== null || this.running) return;
    this.batchTimer = this.ctx.setTimeout(() => {
      this.batchTimer = null;
      void this.run();
    }, this.batchDelayMs);
  }

  /** Reads the refused texts' blocks again after a while (see RefusedTexts), if some are refused. */
  private scheduleAnotherChance(): void {
    if (this.chanceTimer !== null) return;
    const delay = this.refusedTexts.nextChanceIn();
    if (delay === null) return;
    this.chanceTimer = this.ctx.setTimeout(() => {
      this.chanceTimer = null;
      if (!this.active) return;
      for (const block of this.refusedTexts.giveAnotherChance()) {
        const root = this.rescanRootFor(block);
        // The page put a new element in its place: only the whole page tells where that text went.
        if (root) this.pendingRoots.add(root);
        else this.pendingFull = true;
      }
      this.scheduleBatch();
    }, delay);
  }

  private requestFullPass(): void {
    this.pendingFull = true;
    this.pendingRoots.clear();
    if (this.batchTimer !== null) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.active && (this.pendingFull || this.pendingRoots.size > 0 || this.pendingNear)) {
        if (!this.pendingFull && this.pendingRoots.size === 0) {
          this.pendingNear = false;
          const wrapped = await this.wrapNear().catch((error: unknown) => {
            if (error !== ABORTED) throw error;
            return 0;
          });
          if (wrapped > 0) this.notify();
          continue;
        }
        const full = this.pendingFull;
        if (full) {
          this.walkedBody = this.document.body;
          this.walkedUrl = pageAddress(this.document.URL);
        }
        const roots = full ? [this.document.body].filter(Boolean) : this.takeRoots();
        this.pendingFull = false;
        this.pendingRoots.clear();
        const result = await this.pass(roots, full).catch((error: unknown) => {
          if (error !== ABORTED) throw error;
          return ABORTED;
        });
        // Stopped, or switched off (and perhaps on again): the loop condition decides what is left to do.
        if (result === ABORTED) continue;
        if (!this.pendingFull && this.pendingRoots.size > 0) {
          // Changes that arrived meanwhile wait for their batch.
          this.running = false;
          this.scheduleBatch();
          return;
        }
      }
    } finally {
      this.running = false;
      this.resolveIdleIfDone();
    }
  }

  /** Pending roots, outermost only, in document order. */
  private takeRoots(): Element[] {
    const roots = [...this.pendingRoots].filter((root) => root.isConnected);
    const set = new Set(roots);
    // Through hosts: walking a host walks its shadow tree too.
    const outermost = roots.filter((root) => {
      for (let parent = composedTreeParent(root); parent; parent = composedTreeParent(parent))
        if (set.has(parent)) return false;
      return true;
    });
    return outermost.sort((a, b) => (composedTreeBefore(a, b) ? -1 : 1));
  }

  private async pass(roots: Element[], full: boolean): Promise<void> {
    const slices = this.slices();
    const now = () => performance.now();
    const checkpoint = () => slices.checkpoint();
    const overBudget = () => slices.elapsed() > this.sliceMs;
    const workSoFar = () => slices.workSoFar();
    this.stats.passes++;
    this.changedBlocks.clear();
    this.changedInlineRoots.clear();
    // What waits inside the text about to be read is found again.
    if (full) this.deferred.clear();
    else this.deferred.dropInside(roots);
    while (this.matcher === null) {
      const step = this.matcherSteps.next();
      if (step.done) this.matcher = step.value;
      else if (overBudget()) await checkpoint();
    }
    const matcher = this.matcher;
    if (full || this.evidence === null) {
      this.evidence = new PageEvidence(matcher, this.cancerSpecific, this.cancerPagesOnly);
      // A site about cancer may name it only in its title and its navigation ("Relapse | Blood Cancer Support").
      this.evidence.noteTitle(this.document.title);
    }
    const evidence = this.evidence;
    const buildMs = workSoFar();

    // 1. Walk and match: reads only. Only runs with matches are kept (and, cheaply, every run's text).
    const runs: TextRun[] = [];
    const found: TermMatch[][] = [];
    // Every run's text, block and first node (by reference: nothing is copied), and where each kept run is.
    const allTexts: string[] = [];
    const allBlocks: Element[] = [];
    const allFirstNodes: Text[] = [];
    const allSoft: (readonly number[] | null)[] = [];
    const runOrder: number[] = [];
    let evidenceChanged = false;
    const knownLocal = evidence.localForms();
    const localMatcher = knownLocal.length > 0 ? buildTermMatcher(knownLocal) : null;
    const scratch: TermMatch[] = [];
    // The text being recorded, for the one question about its place on the page (asked rarely: see record).
    let recording: TextRunCollector | TextRun | null = null;
    const recordingBlock = () =>
      recording instanceof TextRunCollector ? recording.runBlock() : recording!.block;
    const inPageFurniture = () => isPageFurniture(recordingBlock());
    // The page's one <h1>: a blog's index of posts, each with an <h1> of its own, has no heading for the page.
    const isPageHeading = () => {
      const block = recordingBlock();
      return block.localName === 'h1' && block.ownerDocument.getElementsByTagName('h1').length === 1;
    };
    /**
     * Keeps a run's matches and records what its text says. The run is made from the collector only when kept
     * (no function is made per text: this runs for every text of every page); a long text brings its run.
     */
    const keep = (
      text: string,
      matches: TermMatch[],
      from: TextRunCollector | TextRun,
      holdsMarks: boolean,
    ) => {
      if (matches.length === 0) {
        // A text with marks and no term left: the page changed it under them (they go, below).
        if (holdsMarks) {
          runs.push(runOf(from));
          found.push([]);
          runOrder.push(allTexts.length - 1);
        }
        // A text without matches defines nothing: every definition names a glossary form or a known short
        // form.
        return;
      }
      recording = from;
      if (evidence.record(text, matches, inPageFurniture, isPageHeading)) evidenceChanged = true;
      runs.push(runOf(from));
      // After the evidence: "chimeric antigen receptor (CAR)" defines CAR whether or not a term goes on after it.
      matches = joinAcrossShortForm(text, matches, matcher);
      found.push(matches === scratch ? scratch.slice() : matches);
      runOrder.push(allTexts.length - 1);
    };
    /** Matches a long text a window at a time, giving the main thread back between windows when over budget. */
    const findInWindows = async (m: TermMatcher, text: string, soft: readonly number[] | null) => {
      const out: TermMatch[] = [];
      for (let at = 0; at < text.length;) {
        if (overBudget()) await checkpoint();
        at = m.findMatchesBetween(text, at, at + MATCH_WINDOW, out, soft);
      }
      return out;
    };
    // A text too long to match in one go (a plain-text document in one node): the walk stops after it.
    let long: { text: string; soft: readonly number[] | null; run: TextRun; holdsMarks: boolean } | null =
      null;
    const onText = (text: string, collector: TextRunCollector) => {
      allTexts.push(text);
      allBlocks.push(collector.runBlock());
      allFirstNodes.push(collector.firstNode());
      scratch.length = 0;
      const soft = collector.softBoundaries();
      allSoft.push(soft);
      if (text.length >= LONG_TEXT) {
        long = { text, soft, run: collector.run(), holdsMarks: collector.holdsMarks() };
        collector.pause();
        return;
      }
      let matches = matcher.findMatches(text, scratch, soft);
      if (localMatcher) matches = mergeMatches(matches, localMatcher.findMatches(text, undefined, soft));
      keep(text, matches, collector, collector.holdsMarks());
    };
    const matchLong = async () => {
      const { text, soft, run, holdsMarks } = long!;
      long = null;
      let matches = await findInWindows(matcher, text, soft);
      if (localMatcher) matches = mergeMatches(matches, await findInWindows(localMatcher, text, soft));
      keep(text, matches, run, holdsMarks);
    };
    const onShadowRoot = (shadowRoot: ShadowRoot) => this.adoptShadowRoot(shadowRoot);
    const defining: Element[] = [];
    const onDefinition = (element: Element) => defining.push(element);
    for (const root of roots) {
      const collector = new TextRunCollector(root, onText, onShadowRoot, onDefinition);
      for (;;) {
        const done = collector.step(slices.sliceStart + this.sliceMs, now);
        if (long) await matchLong();
        else if (!done) await checkpoint();
        if (done) break;
      }
      if (collector.lostPlace) this.pendingRoots.add(root);
    }

    // The markup's definitions met on the walk: <abbr title="multiple myeloma">MM</abbr>, <dt>MM</dt><dd>…,
    // two-cell table rows. In slices: a page of data tables reports thousands of rows.
    for (let from = 0; from < defining.length; from += MARKUP_CHUNK) {
      if (from > 0 && overBudget()) await checkpoint();
      for (const text of markupDefinitions(defining.slice(from, from + MARKUP_CHUNK))) {
        const matches = matcher.findMatches(text);
        if (matches.length > 0 && evidence.record(text, matches)) evidenceChanged = true;
      }
    }

    // The text defines abbreviations the glossary lacks ("pomalidomide (POM)"): find them in the text read
    // above, before anything is wrapped. Runs kept already take the new matches; only a run that had none
    // is read again from the page, through its block.
    const fresh = evidence
      .localForms()
      .filter((form) => !knownLocal.some((known) => known.text === form.text));
    if (fresh.length > 0) {
      if (overBudget()) await checkpoint();
      const freshMatcher = buildTermMatcher(fresh);
      // What a text must hold to hold one of them: the longest run of word characters of each, as a form's
      // text is folded ("EBV CTLs") where the page writes "EBV-CTLs".
      const probes = fresh.map((form) => longestWordRun(form.text));
      const keptAt = new Map(runOrder.map((textIndex, kept) => [textIndex, kept]));
      // Block → first node of each run to read again → where its text was in allTexts.
      const toRead = new Map<Element, Map<Text, number>>();
      for (let i = 0; i < allTexts.length; i++) {
        if ((i & 255) === 255 && overBudget()) await checkpoint();
        const text = allTexts[i]!;
        if (!probes.some((probe) => text.includes(probe))) continue;
        const kept = keptAt.get(i);
        const extra =
          text.length >= LONG_TEXT
            ? await findInWindows(freshMatcher, text, allSoft[i] ?? null)
            : freshMatcher.findMatches(text, undefined, allSoft[i]);
        if (kept !== undefined) {
          found[kept] = mergeMatches(found[kept]!, extra);
          continue;
        }
        if (extra.length === 0) continue;
        const block = allBlocks[i]!;
        let wanted = toRead.get(block);
        if (!wanted) toRead.set(block, (wanted = new Map()));
        wanted.set(allFirstNodes[i]!, i);
      }
      const walked = runs.length;
      for (const [block, wanted] of toRead) {
        const collector = new TextRunCollector(
          block,
          (text, current) => {
            const textIndex = wanted.get(current.firstNode());
            // Runs of nested blocks are looked at when their own block is.
            if (textIndex === undefined || current.runBlock() !== block) return;
            // Matched again on the text as it is now: the page may have changed it meanwhile.
            const extra = freshMatcher.findMatches(text, undefined, current.softBoundaries());
            if (extra.length === 0) return;
            runs.push(current.run());
            found.push(extra);
            runOrder.push(textIndex);
          },
          onShadowRoot,
        );
        while (!collector.step(slices.sliceStart + this.sliceMs, now)) await checkpoint();
      }
      // Runs added above come after the others: put everything back in document order.
      if (runs.length > walked) mergeByOrder(runs, found, runOrder, walked);
    }

    // Marks whose text the page changed around them no longer stand for a term: they go now, and their
    // blocks are read again in the next batch (this pass's runs there hold the old nodes).
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      if (run.annotated === null) continue;
      const stale = staleOccurrenceMarks(run, found[i]!, (match) => evidence.resolve(run.text, match));
      if (stale.length === 0) continue;
      this.ownWrites(() => {
        for (const mark of stale) if (mark.isConnected) this.registry.unwrapMark(mark);
      });
      this.changedBlocks.add(run.block);
      this.pendingRoots.add(run.block);
    }

    const collectMs = workSoFar() - buildMs;
    // A run matched in one call (a megabyte of plain text in one node) can fill a slice by itself.
    if (overBudget()) await checkpoint();

    // 2. Decide, with everything the page says, which occurrences to annotate. On a long page only the runs
    // near the viewport are decided now: the others wait, undecided, until the reader nears them.
    const firstOnly = this.settings.occurrenceMode === 'first';
    const used = new Set<string>();
    if (firstOnly) {
      for (const mark of this.marks(OCCURRENCE_SELECTOR)) used.add(mark.getAttribute(ENTRY_ID_ATTRIBUTE)!);
    }
    const candidates: FoundRun[] = [];
    let refused = false;
    for (let i = 0; i < runs.length; i++) {
      if (found[i]!.length === 0) continue;
      if (this.refusedTexts.refuses(runs[i]!.text, runs[i]!.block)) refused = true;
      else candidates.push({ run: runs[i]!, matches: found[i]! });
    }
    if (refused) this.scheduleAnotherChance();
    let near = candidates;
    if (this.nearMargins && !firstOnly && candidates.length >= DEFER_MIN_RUNS) {
      // Layout is read here, before anything is written.
      const [low, high] = nearRange(candidates, this.viewportHeight(), this.nearMargins);
      near = candidates.slice(low, high);
      let far = candidates.slice(0, low).concat(candidates.slice(high));
      // Text in a dialog or popover open now is shown wherever its place in the source is (an interstitial
      // at the end of a long page): none of it waits.
      const layers = far.length > 0 ? this.openLayersIn(roots, full) : [];
      if (layers.length > 0) {
        const inLayer = (found: FoundRun) =>
          layers.some((layer) => composedTreeContains(layer, found.run.block));
        near = far.filter(inLayer).concat(near);
        far = far.filter((found) => !inLayer(found));
      }
      if (far.length > 0) {
        this.deferred.add(far);
        this.watchViewport();
      }
    }
    const work: PendingRun[] = [];
    for (const { run, matches } of near) {
      // A long text's thousands of occurrences are decided a chunk at a time.
      let accepted: AcceptedMatch[] = [];
      for (let from = 0; from < matches.length; from += DECIDE_CHUNK) {
        const chunk = matches.length > DECIDE_CHUNK ? matches.slice(from, from + DECIDE_CHUNK) : matches;
        const decided = this.decide({ run, matches: chunk }, firstOnly ? used : null);
        accepted = from === 0 ? decided : accepted.concat(decided);
        if (overBudget()) await checkpoint();
      }
      if (accepted.length > 0) work.push({ run, accepted });
    }
    // Evidence that changes decisions taken on text outside this pass: look at the whole page again.
    if (evidenceChanged && !full) this.pendingFull = true;

    const resolveMs = workSoFar() - collectMs - buildMs;

    // 3. Wrap, starting with what the reader sees.
    const ordered = visibleFirst(work);
    this.markStylesChecked = false;
    this.refusedTexts.startWrapping();
    const wrapped = await this.wrapRuns(ordered, slices, true);
    slices.end();
    if (full && this.stats.firstPassMs === null) {
      const passWork = slices.work;
      this.stats.firstPassMs = now() - slices.start;
      this.stats.firstPassWorkMs = passWork;
      this.stats.firstPassPhasesMs = {
        build: buildMs,
        collect: collectMs,
        resolve: resolveMs,
        wrap: passWork - buildMs - collectMs - resolveMs,
      };
      this.reportFirstPass(slices.start, passWork);
    }
    this.reportPass(full, wrapped);
    if (wrapped > 0) this.notify();
  }

  private slices(): Slices {
    const generation = this.generation;
    return new Slices(
      this.stats,
      this.window,
      () => this.ctx.isInvalid || this.generation !== generation || !this.active,
    );
  }

  /**
   * Wraps runs in slices. The browser lays out each slice's marks in the next frame, at a cost that grows with
   * the page: the number of occurrences per slice follows the cost of the last frame, to keep frames short.
   * Returns the number of occurrences wrapped; a pass's wraps are `recorded` (see RefusedTexts).
   */
  private async wrapRuns(ordered: readonly PendingRun[], slices: Slices, recorded = false): Promise<number> {
    let wrapped = 0;
    let occurrencesPerSlice = FIRST_SLICE_OCCURRENCES;
    for (let k = 0; k < ordered.length;) {
      if (wrapsApart(ordered[k]!.run)) {
        wrapped += await this.wrapApart(ordered[k++]!, slices);
        if (k >= ordered.length) break;
        await slices.checkpoint(true);
        continue;
      }
      let inSlice = 0;
      this.ownWrites(() => {
        do {
          const { run, accepted } = ordered[k++]!;
          if (this.changedSincePass(run) || !isIntact(run)) continue;
          const count = this.wrap(run, accepted, recorded);
          wrapped += count;
          inSlice += count;
        } while (
          k < ordered.length &&
          !wrapsApart(ordered[k]!.run) &&
          inSlice < occurrencesPerSlice &&
          slices.elapsed() <= this.wrapSliceMs
        );
      });
      if (k >= ordered.length) break;
      await slices.checkpoint(true);
      const renderMs = slices.lastRenderMs;
      if (renderMs > FRAME_RENDER_TARGET_MS) {
        occurrencesPerSlice = Math.max(
          MIN_SLICE_OCCURRENCES,
          Math.floor((inSlice * FRAME_RENDER_TARGET_MS) / renderMs),
        );
      } else if (renderMs < FRAME_RENDER_TARGET_MS / 2 && inSlice >= occurrencesPerSlice) {
        occurrencesPerSlice = Math.ceil(occurrencesPerSlice * 1.25);
      }
    }
    return wrapped;
  }

  /**
   * Wraps a long run apart from the page, in slices, and puts it in at once (see WrapApart).
   * Nothing is put in when the page changed the node meanwhile: its change brings the node's block back.
   */
  private async wrapApart(pending: PendingRun, slices: Slices): Promise<number> {
    const hidden = this.hidden;
    const apart = this.copyApart(pending);
    if (!apart) return 0;
    while (!apart.step()) if (slices.elapsed() > this.sliceMs) await slices.checkpoint();
    // Putting thousands of nodes in takes a slice of its own.
    if (slices.elapsed() > COMMIT_AFTER_MS) await slices.checkpoint();
    let wrapped = 0;
    this.ownWrites(() => (wrapped = this.commitApart(pending.run, apart, hidden)));
    return wrapped;
  }

  /** A copy of a long run to wrap apart, with the occurrences of terms the reader has not hidden; null if none. */
  private copyApart({ run, accepted }: PendingRun): WrapApart | null {
    const hidden = this.hidden;
    const shown = hidden.size > 0 ? accepted.filter((match) => !hidden.has(match.entryId)) : accepted;
    return shown.length > 0 ? new WrapApart(run, shown) : null;
  }

  /**
   * Puts a run's wrapped copy in the page (inside ownWrites), unless the page changed the run meanwhile: its
   * change brings the run's block back. Returns the number of occurrences.
   */
  private commitApart(run: TextRun, apart: WrapApart, hiddenBefore: ReadonlySet<string>): number {
    if (this.changedSincePass(run) || !isIntact(run) || !holdsRunText(run)) return 0;
    this.injectStylesFor(run);
    const wrapped = apart.commit(this.registry);
    // A term the reader hid while the marks were made apart.
    if (this.hidden !== hiddenBefore && this.hidden.size > 0) this.unwrapEntries(this.hidden);
    return wrapped;
  }

  /** Wraps the waiting occurrences the reader has come near. */
  private async wrapNear(): Promise<number> {
    if (this.deferred.size === 0 || !this.nearMargins) return 0;
    const opened = this.takeOpenedLayers();
    const near = this.deferred.takeNear(this.viewportHeight(), this.nearMargins);
    if (this.deferred.size === 0) this.stopWatchingViewport();
    if (near.length === 0 && opened.length === 0) return 0;
    const slices = this.slices();
    try {
      return await this.wrapRuns([...opened, ...visibleFirst(near)], slices);
    } finally {
      slices.end();
    }
  }

  /**
   * The open dialogs and popovers holding text a pass reads: on a full pass, the page's (an interstitial or a
   * notice shown as it loads, whose toggle event came before the annotator listened); on a later one, those
   * around its roots (text added to a dialog already open).
   */
  private openLayersIn(roots: readonly Element[], full: boolean): Element[] {
    const layers: Element[] = [];
    if (full) {
      // One look-up over the page, about 0.6 ms on a 4 MB page; only long pages, which defer, make it.
      const popoverOpen = topLayerSelector().includes(':popover-open');
      for (const layer of this.document.querySelectorAll('dialog[open], [popover]'))
        if (layer.localName === 'dialog' || (popoverOpen && layer.matches(':popover-open')))
          layers.push(layer);
      return layers;
    }
    const selector = topLayerSelector();
    if (selector) {
      for (const root of roots) {
        const layer = composedClosest(root, `${selector}, dialog[open]`);
        if (layer) layers.push(layer);
      }
    }
    return layers;
  }

  /** The waiting runs inside the dialogs and popovers opened since the last check. */
  private takeOpenedLayers(): PendingRun[] {
    if (this.openedLayers.size === 0) return [];
    const runs: PendingRun[] = [];
    for (const layer of this.openedLayers)
      if (layer.isConnected) runs.push(...this.deferred.takeInside(layer));
    this.openedLayers.clear();
    return runs;
  }

  /**
   * Wraps one run's occurrences (inside ownWrites). The marks' stylesheet comes with the first mark of a pass
   * (a page without terms gets none), after the pass's layout reads: a new stylesheet before them made the
   * browser recompute the page's style to answer them. A shadow root gets it with its first mark.
   */
  private wrap(run: TextRun, accepted: readonly AcceptedMatch[], recorded = false): number {
    this.injectStylesFor(run);
    // A term the reader hid while the pass that decided these was under way stays unmarked.
    const shown =
      this.hidden.size > 0 ? accepted.filter((match) => !this.hidden.has(match.entryId)) : accepted;
    const first = wrapRunMatches(run, shown, this.registry);
    if (recorded && first) this.refusedTexts.record(run.text, first, performance.now());
    return shown.length;
  }

  /** The marks' stylesheet, in the page and in the run's shadow root, before the run's first mark. */
  private injectStylesFor(run: TextRun): void {
    if (!this.markStylesChecked) {
      injectMarkStyles(this.document);
      this.markStylesChecked = true;
    }
    if (this.shadowRoots.size > 0) {
      const root = run.block.getRootNode();
      if (root.nodeType === 11) injectMarkStyles(root as ShadowRoot);
    }
  }

  /**
   * The occurrences of a run to annotate, with what the page says now: its evidence for abbreviations, the
   * reader's hidden terms, what is annotated already; with `used` (first occurrences only), entries not in it.
   */
  private decide({ run, matches }: FoundRun, used: Set<string> | null = null): AcceptedMatch[] {
    const evidence = this.evidence;
    if (!evidence || this.refusedTexts.has(run.text)) return [];
    const accepted: AcceptedMatch[] = [];
    for (const match of matches) {
      const entryId = evidence.resolve(run.text, match);
      if (entryId === null || this.hidden.has(entryId)) continue;
      if (run.annotated && overlapsAnnotated(run, match)) continue;
      if (used) {
        if (used.has(entryId)) continue;
        used.add(entryId);
      }
      accepted.push({ entryId, start: match.start, end: match.end });
    }
    return accepted;
  }

  /** Wraps waiting runs now (a feature needs their marks); returns the number of occurrences. */
  private wrapNow(runs: readonly PendingRun[]): number {
    if (this.deferred.size === 0) this.stopWatchingViewport();
    let wrapped = 0;
    this.ownWrites(() => {
      for (const pending of runs) {
        const { run, accepted } = pending;
        if (this.changedSincePass(run) || !isIntact(run)) continue;
        if (!wrapsApart(run)) {
          wrapped += this.wrap(run, accepted);
          continue;
        }
        // All at once, but still apart: in place, each of its thousands of marks would change the page.
        const apart = this.copyApart(pending);
        if (apart) {
          while (!apart.step());
          wrapped += this.commitApart(run, apart, this.hidden);
        }
      }
    });
    if (wrapped > 0) this.notify();
    return wrapped;
  }

  private viewportHeight(): number {
    return this.window.innerHeight || this.document.documentElement?.clientHeight || 800;
  }

  /** Checks for waiting occurrences near the viewport whenever it moves or the page's size changes. */
  private watchViewport(): void {
    if (this.unwatchViewport) return;
    const window = this.window;
    const onChange = () => this.requestNearCheck();
    const options = { capture: true, passive: true };
    // Captured: scrolling inside a scrollable element of the page moves its text too.
    window.addEventListener('scroll', onChange, options);
    window.addEventListener('resize', onChange, options);
    // Sections that open (accordions, <details>) change the page's size without scrolling it.
    const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(onChange) : null;
    if (this.document.body) resizeObserver?.observe(this.document.body);
    // A dialog or popover opens in the top layer, away from its place in the source where takeNear looks.
    const onToggle = (event: Event) => {
      const target = event.target as Element | null;
      if ((event as Partial<ToggleEvent>).newState === 'closed' || target?.nodeType !== 1) return;
      if (target.localName !== 'dialog' && !target.hasAttribute('popover')) return;
      // The tooltip's own host is a popover above the page's dialogs.
      if (target.hasAttribute(EXTENSION_UI_ATTRIBUTE)) return;
      this.openedLayers.add(target);
      onChange();
    };
    // Not composed: a toggle inside a shadow tree stays there, so each open shadow root gets the listener too.
    for (const target of [window, ...this.shadowRoots])
      target.addEventListener('toggle', onToggle, { capture: true });
    this.toggleListener = onToggle;
    this.unwatchViewport = () => {
      window.removeEventListener('scroll', onChange, options);
      window.removeEventListener('resize', onChange, options);
      for (const target of [window, ...this.shadowRoots])
        target.removeEventListener('toggle', onToggle, { capture: true });
      this.toggleListener = null;
      resizeObserver?.disconnect();
      this.openedLayers.clear();
    };
  }

  private stopWatchingViewport(): void {
    this.unwatchViewport?.();
    this.unwatchViewport = null;
    if (this.nearCheckFrame !== null) this.window.cancelAnimationFrame(this.nearCheckFrame);
    this.nearCheckFrame = null;
  }

  /** At most one check per frame, after the scroll has been rendered. */
  private requestNearCheck(): void {
    if (this.nearCheckFrame !== null || !this.active) return;
    this.nearCheckFrame = this.window.requestAnimationFrame(() => {
      this.nearCheckFrame = null;
      if (!this.active || this.deferred.size === 0) return;
      this.pendingNear = true;
      void this.run();
    });
  }

  /** Every term annotated on the page, or waiting to be, with its number of occurrences, in page order. */
  termCounts(): { entryId: string; count: number }[] {
    if (!this.active) return [];
    const terms = new Map<string, { count: number; first: Node }>();
    for (const mark of this.marks(OCCURRENCE_SELECTOR)) {
      const entryId = mark.getAttribute(ENTRY_ID_ATTRIBUTE)!;
      const term = terms.get(entryId);
      if (term) term.count++;
      else terms.set(entryId, { count: 1, first: mark });
    }
    for (const [entryId, waiting] of this.deferred.entries()) {
      const term = terms.get(entryId);
      if (!term) terms.set(entryId, waiting);
      else {
        term.count += waiting.count;
        if (composedTreeBefore(waiting.first, term.first)) term.first = waiting.first;
      }
    }
    return [...terms]
      .sort(([, a], [, b]) => (a.first === b.first ? 0 : composedTreeBefore(a.first, b.first) ? -1 : 1))
      .map(([entryId, { count }]) => ({ entryId, count }));
  }

  /**
   * What the page says the abbreviation `shortForm` stands for, when it defines it as `entryId` ("acute
   * lymphoblastic leukemia" for ALL, annotated as leukemia); null otherwise.
   */
  spelledOutAs(shortForm: string, entryId: string): string | null {
    return this.active ? (this.evidence?.spelledOutAs(shortForm, entryId) ?? null) : null;
  }

  /** The abbreviations the page defines as glossary entries, in the order it defines them (none when off). */
  definedAbbreviations(): DefinedAbbreviation[] {
    return this.active ? (this.evidence?.definedAbbreviations() ?? []) : [];
  }

  /** Makes the marks of every waiting occurrence of `entryId` (to show them one after another). */
  materializeEntry(entryId: string): void {
    if (this.active && this.deferred.size > 0) this.wrapNow(this.deferred.takeEntry(entryId));
  }

  /**
   * Makes the marks a step from `from` in `direction` may land on, so that the page's marks hold the true
   * next occurrence: the waiting one next to `from` (or, without it, next to the viewport) and the first and
   * last of the page (a step past the end wraps round).
   */
  materializeStep(from: Element | null, direction: 'next' | 'previous'): void {
    if (!this.active || this.deferred.size === 0 || !this.nearMargins) return;
    const runs =
      from === null
        ? this.deferred.takeNear(this.viewportHeight(), { above: 0, below: 0 }, 1)
        : this.deferred.takeAdjacent(from, direction);
    const marks = this.marks(OCCURRENCE_SELECTOR);
    runs.push(
      ...this.deferred.takeEdge('first', marks[0] ?? null),
      ...this.deferred.takeEdge('last', marks[marks.length - 1] ?? null),
    );
    this.wrapNow(runs);
  }

  /** One performance mark per pass: visible in the browser's performance tools (and to tests: batching). */
  private reportPass(full: boolean, wrapped: number): void {
    try {
      performance.mark('oncology-glossary:pass', { detail: { full, wrapped } });
    } catch {
      // diagnostics only
    }
  }

  private reportFirstPass(start: number, work: number): void {
    try {
      performance.measure('oncology-glossary:annotate', {
        detail: { workMs: work, longestSliceMs: this.stats.longestSliceMs, marks: this.countMarks() },
        start,
        end: performance.now(),
      });
    } catch {
      // Performance entries are a diagnostic: some pages or browsers refuse them, nothing depends on them.
    }
  }

  private countMarks(): number {
    return this.marks(OCCURRENCE_SELECTOR).length;
  }

  /** Removes every mark of the given entries. */
  private unwrapEntries(entries: ReadonlySet<string>): void {
    for (const mark of this.marks()) {
      if (entries.has(mark.getAttribute(ENTRY_ID_ATTRIBUTE)!)) this.registry.unwrapMark(mark);
    }
  }

  /** Removes every occurrence but the first of each entry (pieces of one occurrence follow its head). */
  private keepFirstOccurrences(): void {
    const seen = new Set<string>();
    let dropping = false;
    for (const mark of this.marks()) {
      if (!mark.hasAttribute(PART_ATTRIBUTE)) {
        const entryId = mark.getAttribute(ENTRY_ID_ATTRIBUTE)!;
        dropping = seen.has(entryId);
        seen.add(entryId);
      }
      if (dropping) this.registry.unwrapMark(mark);
    }
  }

  private notify(): void {
    this.firstMarks =
      this.active && this.settings.occurrenceMode === 'first' ? this.marks(OCCURRENCE_SELECTOR) : [];
    for (const listener of this.listeners) listener();
  }

  private isIdle(): boolean {
    return (
      !this.running &&
      !this.pendingFull &&
      !this.pendingNear &&
      this.pendingRoots.size === 0 &&
      this.batchTimer === null
    );
  }

  private resolveIdleIfDone(): void {
    if (!this.isIdle() && this.active) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Lists each in page order, merged into one in page order (halves merged in turn: n log k comparisons). */
function mergeInPageOrder(lists: Element[][]): Element[] {
  if (lists.length === 1) return lists[0]!;
  const middle = lists.length >> 1;
  const a = mergeInPageOrder(lists.slice(0, middle));
  const b = mergeInPageOrder(lists.slice(middle));
  const merged: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(composedTreeBefore(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/**
 * Puts runs (and their matches alongside) in the order of their positions in the walk. The runs before `from`
 * are in that order already, and those after it are few: they are sorted, then merged in.
 */
function mergeByOrder(runs: TextRun[], found: TermMatch[][], positions: number[], from: number): void {
  const added: number[] = [];
  for (let i = from; i < runs.length; i++) added.push(i);
  added.sort((a, b) => positions[a]! - positions[b]!);
  const mergedRuns: TextRun[] = [];
  const mergedFound: TermMatch[][] = [];
  let i = 0;
  let k = 0;
  while (i < from || k < added.length) {
    const next = k >= added.length || (i < from && positions[i]! < positions[added[k]!]!) ? i++ : added[k++]!;
    mergedRuns.push(runs[next]!);
    mergedFound.push(found[next]!);
  }
  for (let n = 0; n < mergedRuns.length; n++) {
    runs[n] = mergedRuns[n]!;
    found[n] = mergedFound[n]!;
  }
}

/** Whether a run's nodes are still in the page and hold the text they held when it was read. */
function isIntact(run: TextRun): boolean {
  const { nodes, starts, text } = run;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const length = (i + 1 < nodes.length ? starts[i + 1]! : text.length) - starts[i]!;
    if (!node.isConnected || node.data.length !== length) return false;
  }
  return true;
}

/** The run a collector is looking at (made now), or a run made already. */
function runOf(from: TextRunCollector | TextRun): TextRun {
  return from instanceof TextRunCollector ? from.run() : from;
}

/** Whether a run's nodes hold the very text read from them (isIntact compares lengths only). */
function holdsRunText(run: TextRun): boolean {
  const { nodes, starts, text } = run;
  for (let i = 0; i < nodes.length; i++) {
    const end = i + 1 < nodes.length ? starts[i + 1]! : text.length;
    if (nodes[i]!.data !== text.slice(starts[i]!, end)) return false;
  }
  return true;
}

/** Whether a match covers text already inside one of our marks. */
function overlapsAnnotated(run: TextRun, match: TermMatch): boolean {
  const { starts, annotated, text } = run;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    if (start >= match.end) break;
    if (end > match.start && annotated![i]) return true;
  }
  return false;
}

/**
 * Two sorted lists of matches merged; where they overlap, the first list's matches stay, unless one of the
 * second covers them and is longer (the longest match wins).
 */
function mergeMatches(primary: TermMatch[], extra: TermMatch[]): TermMatch[] {
  if (extra.length === 0) return primary;
  let merged = [...primary];
  for (const match of extra) {
    const overlapping = merged.filter((p) => p.start < match.end && match.start < p.end);
    // The longest match wins: "T-ALL", which the page defines, over the glossary's "ALL" inside it.
    if (
      overlapping.every(
        (p) => match.start <= p.start && p.end <= match.end && p.end - p.start < match.end - match.start,
      )
    ) {
      if (overlapping.length > 0) merged = merged.filter((p) => !overlapping.includes(p));
      merged.push(match);
    }
  }
  return merged.sort((a, b) => a.start - b.start);
}

/**
 * The runs to wrap, starting with the first one in (or below) the viewport. Layout is clean here (nothing
 * has been written yet), so a binary search costs a few cheap rect reads.
 */
function visibleFirst(work: PendingRun[]): PendingRun[] {
  if (work.length < 64) return work;
  let low = 0;
  let high = work.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (work[middle]!.run.block.getBoundingClientRect().bottom < 0) low = middle + 1;
    else high = middle;
  }
  if (low === 0 || low >= work.length) return work;
  return [...work.slice(low), ...work.slice(0, low)];
}

/** The longest run of word characters in `text` ("CTLs" in "EBV CTLs"); `text` itself when it has none. */
function longestWordRun(text: string): string {
  let best = '';
  let start = 0;
  for (let at = 0; at <= text.length; at++) {
    if (at < text.length && isWordCharCode(text.charCodeAt(at))) continue;
    if (at - start > best.length) best = text.slice(start, at);
    start = at + 1;
  }
  return best || text;
}
