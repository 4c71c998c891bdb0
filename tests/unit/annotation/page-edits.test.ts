/**
 * A page's scripts go on editing text after it is annotated, through references to their own nodes, as
 * frameworks do: writing a text node's data, inserting before or after a node of theirs (its `nextSibling`
 * may be one of our marks), removing or moving nodes, replacing an element's text, adding paragraphs, in the
 * document or in an open shadow root; the reader meanwhile hides a term or switches annotations off and on.
 * Each case makes the same edits to a copy of the page that no annotator touches, and then compares: the text
 * readers see, the marks (against the copy annotated afresh with the same settings), and the page once
 * annotations are off, node for node. Long pages, whose far occurrences wait until the reader scrolls near
 * them, are edited too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../harness/seeded-random';
import { AnnotationEngine } from '../../../src/annotation/annotation-engine';
import { makeTestGlossary } from '../matching/test-glossary';
import {
  annotate,
  fakeContext,
  occurrences,
  ON,
  settle,
  snapshot,
  stopAllEngines,
} from './annotation-helpers';
import { allTextNodes, fill, paragraphText, pick } from './random-markup';

const VIEWPORT = 800;
/** The fake layout: how far the page is scrolled, and the top of the last paragraph added. */
const layout = { scrollY: 0, bottom: 0 };

beforeEach(() => {
  stopAllEngines();
  document.head.replaceChildren();
  document.body.replaceChildren();
  layout.scrollY = 0;
  layout.bottom = 0;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const y = this.getAttribute('data-y');
    return y === null ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, Number(y) - layout.scrollY, 600, 100);
  });
  Object.defineProperty(window, 'innerHeight', { value: VIEWPORT, configurable: true });
});
afterEach(() => vi.restoreAllMocks());

async function scrollTo(y: number): Promise<void> {
  layout.scrollY = y;
  window.dispatchEvent(new Event('scroll'));
  // The engine looks again after a frame.
  await new Promise((resolve) => setTimeout(resolve, 30));
}

// Defines every ambiguous abbreviation of the test glossary and says the page is about cancer, so that what
// may be annotated does not depend on which text an edit removed.
const HEADER =
  'Notes on cancer: multiple myeloma (MM), lenalidomide (LEN), chimeric antigen receptor (CAR), ' +
  'non-Hodgkin lymphoma (NHL), natural killer cells (NK), acute myeloid leukemia (AML), mantle cell ' +
  'lymphoma (MCL) and myelodysplastic syndromes (MDS).';

/** Entries a reader may hide in the middle of the edits. */
const HIDEABLE = ['myeloma', 'multiple-myeloma', 'lenalidomide', 't-cells', 'car-t-cell-therapy'];

/** The page's nodes and their twins in the copy. */
class TwinPages {
  readonly twin = new Map<Node, Node>();

  constructor(
    readonly page: HTMLElement,
    readonly copy: HTMLElement,
  ) {
    this.pair(page, copy);
  }

  /** Pairs `node` with `twin`, and their descendants (the same shape). */
  pair(node: Node, twin: Node): void {
    this.twin.set(node, twin);
    for (let a = node.firstChild, b = twin.firstChild; a && b; a = a.nextSibling, b = b.nextSibling)
      this.pair(a, b);
  }

  /** The page's own nodes still in the page (the text nodes and inline elements its scripts hold). */
  own(): Node[] {
    return [...this.twin.keys()].filter((node) => node !== this.page && this.page.contains(node));
  }

  /** `node` itself when `like` is a node of the page, else its twin in the copy. */
  twinOf(node: Node, like: Node): Node {
    return this.page.contains(like) ? node : this.twin.get(node)!;
  }

  /** Does the same to a node of the page and to its twin. */
  both(node: Node, edit: (target: Node) => void): void {
    edit(node);
    edit(this.twin.get(node)!);
  }
}

/** A random edit by the page's scripts, made to the page and to the copy alike. */
function edit(random: () => number, pages: TwinPages): void {
  const own = pages.own();
  const texts = own.filter((node) => node.nodeType === 3);
  const elements = own.filter((node) => node.nodeType === 1 && (node as Element).localName !== 'p');
  const paragraphs = own.filter((node) => (node as Element).localName === 'p');
  const words = () => paragraphText(random).slice(0, 20 + Math.floor(random() * 200));
  const r = random();
  if (r < 0.3 && texts.length > 0) {
    const data = words();
    pages.both(pick(random, texts), (node) => ((node as Text).data = data));
  } else if (r < 0.5 && own.length > 0) {
    // After a node of its own, the way frameworks place nodes: before whatever follows it now.
    const data = words();
    const target = pick(random, own);
    const made: Text[] = [];
    pages.both(target, (node) => {
      const added = document.createTextNode(data);
      made.push(added);
      node.parentNode!.insertBefore(added, node.nextSibling);
    });
    pages.pair(made[0]!, made[1]!);
  } else if (r < 0.6 && own.length > 0) {
    const data = words();
    const made: Element[] = [];
    pages.both(pick(random, own), (node) => {
      const added = document.createElement('b');
      added.textContent = data;
      made.push(added);
      node.parentNode!.insertBefore(added, node);
    });
    pages.pair(made[0]!, made[1]!);
  } else if (r < 0.7 && own.length > 0) {
    pages.both(pick(random, own), (node) => node.parentNode!.removeChild(node));
  } else if (r < 0.8 && own.length > 0) {
    // Moved to the end of a paragraph (one that is not inside it).
    const moved = pick(random, own);
    const to = paragraphs.filter((p) => !moved.contains(p));
    if (to.length === 0) return;
    const target = pick(random, to);
    pages.both(moved, (node) => pages.twinOf(target, node).appendChild(node));
  } else if (r < 0.88 && (elements.length > 0 || paragraphs.length > 0)) {
    const data = words();
    const target = pick(random, elements.length > 0 ? elements : paragraphs) as Element;
    pages.both(target, (node) => ((node as Element).textContent = data));
    pages.pair(target.firstChild!, pages.twin.get(target)!.firstChild!);
  } else {
    const p = document.createElement('p');
    p.setAttribute('data-y', String((layout.bottom += 100)));
    fill(random, p, paragraphText(random), 2, 0.15);
    const copy = p.cloneNode(true);
    pages.page.append(p);
    pages.copy.append(copy);
    pages.pair(p, copy);
  }
}

/**
 * One case: a page written from `seed`, annotated, edited, then compared with its copy. A `long` page has a
 * hundred paragraphs laid out 100 px apart (happy-dom lays nothing out: each paragraph's box comes from its
 * data-y), so that occurrences far from the viewport wait, and the reader scrolls between edits and at last
 * through the whole page.
 */
async function editedPageCase(seed: number, kind: 'short' | 'long' | 'plain'): Promise<void> {
  // The same seed writes the same case: a failure can be run again from its seed.
  const random = seededRandom(seed);
  const long = kind === 'long';
  const header = document.createElement('h1');
  header.textContent = HEADER;
  const page = document.createElement('main');
  const count = long ? 70 + Math.floor(random() * 30) : 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.setAttribute('data-y', String((layout.bottom += 100)));
    const text = paragraphText(random);
    if (kind === 'plain' && i === 0) {
      // Plain text of over 64 K characters: matched in windows, its marks made apart.
      let plain = text;
      while (plain.length < 66_000) plain += `\n\n${paragraphText(random)}`;
      // One node, or long nodes between a few inline elements: one run either way.
      if (random() < 0.5) p.append(plain);
      else fill(random, p, plain, 2, 0.0005);
    } else fill(random, p, long ? text.slice(0, 300) : text, 2, !long && random() < 0.3 ? 0.0005 : 0.15);
    page.append(p);
  }
  // Some pages render their text in an open shadow root (web components).
  const host = document.createElement('div');
  const shadow = random() < 0.3 ? host.attachShadow({ mode: 'open' }) : null;
  if (shadow) shadow.append(page);
  else host.append(page);
  document.body.append(header, host);
  const pages = new TwinPages(page, page.cloneNode(true) as HTMLElement);
  const marked = () => (shadow ? [...occurrences(), ...occurrences(shadow)] : occurrences());

  let engine: AnnotationEngine;
  if (kind === 'plain') {
    // Not waited for: the edits come while the long text is matched and its marks made, a slice at a time.
    engine = new AnnotationEngine(fakeContext(), makeTestGlossary(), document, {
      batchDelayMs: 10,
      sliceMs: 0,
      nearMargins: null,
    });
    engine.update(ON);
  } else ({ engine } = await annotate({}, long ? {} : { nearMargins: null }));
  let settings = ON;
  const steps = 1 + Math.floor(random() * (long ? 20 : 12));
  for (let i = 0; i < steps; i++) {
    if (kind === 'plain') await new Promise((resolve) => setTimeout(resolve, random() * 20));
    edit(random, pages);
    // Meanwhile the reader hides a term or shows it again, or switches annotations off and on.
    const r = random();
    if (r < 0.1) {
      settings = { ...ON, hiddenTerms: [pick(random, HIDEABLE)] };
      engine.update(settings);
    } else if (r < 0.15) {
      engine.update({ ...settings, enabled: false });
      engine.update(settings);
    }
    if (long && random() < 0.3) await scrollTo(Math.floor(random() * layout.bottom));
    // Edits come together or apart: in one batch of the observer's, or after the last was annotated.
    if (random() < 0.4) await settle(engine);
  }
  await settle(engine);
  if (long) {
    for (let y = 0; y <= layout.bottom + VIEWPORT; y += VIEWPORT / 2) {
      await scrollTo(y);
      await engine.idle();
    }
  }
  const context = `seed ${seed}, the copy ${snapshot(pages.copy).slice(0, 2000)}`;
  expect(page.textContent, context).toBe(pages.copy.textContent);
  const marks = marked();

  engine.update({ ...ON, enabled: false });
  // Node for node: the page's own text nodes hold its text again, with nothing of ours left.
  expect(snapshot(page), context).toBe(snapshot(pages.copy));
  const ownTexts = allTextNodes(page);
  expect(
    ownTexts.every((node) => pages.twin.get(node) !== undefined),
    context,
  ).toBe(true);
  engine.stop();
  stopAllEngines();

  // The copy, annotated afresh (all at once), gets the same marks.
  page.replaceWith(pages.copy);
  await annotate(settings, { nearMargins: null });
  expect(marks, context).toEqual(marked());
}

describe('the page editing annotated text', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 7919 * (i + 1));
  it.each(seeds)('seed %i: the text the page wrote, annotated as if it came that way', (seed) =>
    editedPageCase(seed, 'short'),
  );
});

describe('a long page edited while far occurrences wait for the reader', () => {
  const seeds = Array.from({ length: 12 }, (_, i) => 7919 * (i + 1) + 3);
  // Scrolling a hundred paragraphs waits for the engine's frame at each step: seconds on a busy machine.
  it.each(seeds)(
    'seed %i: after scrolling through, the marks of the copy annotated afresh',
    (seed) => editedPageCase(seed, 'long'),
    20_000,
  );
});

describe('plain text in one long run, edited while it is matched and its marks are made apart', () => {
  const seeds = Array.from({ length: 8 }, (_, i) => 7919 * (i + 1) + 5);
  it.each(seeds)(
    'seed %i: the text the page wrote, annotated as if it came that way',
    (seed) => editedPageCase(seed, 'plain'),
    20_000,
  );
});
