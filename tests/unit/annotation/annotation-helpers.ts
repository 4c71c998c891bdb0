/** Helpers for annotator tests on happy-dom: page set-up, a fake content-script context, DOM snapshots. */
import {
  AnnotationEngine,
  type AnnotationEngineOptions,
  type AnnotationSettings,
  type AnnotatorContext,
} from '../../../src/annotation/annotation-engine';
import { MARK_SELECTOR, OCCURRENCE_SELECTOR } from '../../../src/annotation/mark-selectors';
import type { ContentGlossary } from '../../../src/glossary/compiled-glossary';
import { makeTestGlossary } from '../matching/test-glossary';

export interface FakeContext extends AnnotatorContext {
  invalidate(): void;
}

/** A stand-in for WXT's ContentScriptContext: timers and an invalidation the test triggers. */
export function fakeContext(): FakeContext {
  const callbacks = new Set<() => void>();
  let invalid = false;
  return {
    get isInvalid() {
      return invalid;
    },
    onInvalidated(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    setTimeout: (handler, timeout) => window.setTimeout(handler, timeout),
    invalidate() {
      invalid = true;
      for (const callback of callbacks) callback();
    },
  };
}

/** Replaces the body's content with parsed HTML (the lint rule forbids innerHTML, tests included). */
export function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((node) => document.importNode(node, true)),
  );
}

const live: AnnotationEngine[] = [];

/** Stops every engine the helpers started (each observes the whole document). */
export function stopAllEngines(): void {
  for (const engine of live.splice(0)) engine.stop();
}

export const ON: AnnotationSettings = { enabled: true, hiddenTerms: [], occurrenceMode: 'every' };

/** Annotates the current body with the test glossary (or `glossary`) and waits until the work is done. */
export async function annotate(
  settings: Partial<AnnotationSettings> = {},
  options: AnnotationEngineOptions = {},
  glossary: ContentGlossary = makeTestGlossary(),
): Promise<{ engine: AnnotationEngine; ctx: FakeContext }> {
  const ctx = fakeContext();
  const engine = new AnnotationEngine(ctx, glossary, document, { batchDelayMs: 10, ...options });
  live.push(engine);
  engine.update({ ...ON, ...settings });
  await engine.idle();
  return { engine, ctx };
}

/** "text → entry id" for each occurrence (pieces joined), in document order. */
export function occurrences(root: ParentNode = document): string[] {
  const all = [...root.querySelectorAll(MARK_SELECTOR)];
  const result: string[] = [];
  for (const mark of all) {
    const id = mark.getAttribute('data-glossary-id');
    if (mark.matches(OCCURRENCE_SELECTOR)) result.push(`${mark.textContent} → ${id}`);
    else result[result.length - 1] = result[result.length - 1]!.replace(' →', `${mark.textContent} →`);
  }
  return result;
}

/**
 * The exact DOM under `node`: elements with their attributes, and every text node as its own quoted
 * string, so that split and merged text nodes show.
 */
export function snapshot(node: Node): string {
  if (node.nodeType === 3) return JSON.stringify((node as Text).data);
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const attributes = [...element.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
  return `<${element.localName}${attributes}>${[...element.childNodes].map(snapshot).join('')}</${element.localName}>`;
}

/** Waits for the observer's batch to be picked up and processed. */
export async function settle(engine: AnnotationEngine, ms = 30): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await engine.idle();
}
