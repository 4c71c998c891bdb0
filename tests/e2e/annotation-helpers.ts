/**
 * Shared by the annotation and integrity e2e tests: the real glossary's entry ids, and page functions that
 * read what the annotator did (they run in the page's main world, which sees the marks).
 */
import path from 'node:path';
import { loadGlossary } from '../../src/build/glossary-vite-plugin';
import { REPO_ROOT, type ExtensionBrowser, type TestPage } from '../harness/extension-browser';

const glossary = loadGlossary(path.join(REPO_ROOT, 'glossary')).content;

/** The entry id of a surface form of the real glossary (fails loudly if the glossary lacks the form). */
export function idOf(formText: string): string {
  const form = glossary.forms.find((f) => f.text.toLowerCase() === formText.toLowerCase());
  if (!form) throw new Error(`The glossary has no surface form "${formText}"; the fixture needs it.`);
  return form.entryId;
}

/** One annotated occurrence as the reader sees it: its text (all pieces) and entry id. */
export interface Occurrence {
  text: string;
  id: string;
  /** Id of the nearest ancestor element that has one. */
  in: string;
}

/** The occurrences in document order, pieces of a split occurrence joined. */
export function readOccurrences(page: TestPage): Promise<Occurrence[]> {
  return page.evaluate(() => {
    const result: { text: string; id: string; in: string }[] = [];
    // Ours only: a page may have <mark data-glossary-id> elements of its own.
    for (const mark of document.querySelectorAll('mark.oncology-glossary-term[data-glossary-id]')) {
      const id = mark.getAttribute('data-glossary-id')!;
      if (mark.hasAttribute('data-glossary-part')) {
        result[result.length - 1]!.text += mark.textContent;
        continue;
      }
      result.push({ text: mark.textContent ?? '', id, in: mark.closest('[id]')?.id ?? '' });
    }
    return result;
  });
}

/** Waits until the annotator has finished `passes` passes over the page (its performance marks say so). */
export async function waitForPasses(page: TestPage, passes = 1, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    (count) => performance.getEntriesByName('oncology-glossary:pass').length >= count,
    passes,
    timeoutMs,
  );
}

/**
 * Waits until the annotator has made at least one more pass than `since` and then none for `quietMs`: the
 * passes a change sets off are done, however many it takes.
 */
export async function waitForQuiet(page: TestPage, since: number, quietMs = 500): Promise<void> {
  await waitForPasses(page, since + 1);
  for (let count = await passCount(page); ;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await passCount(page);
    if (now === count) return;
    count = now;
  }
}

/** Number of passes the annotator has made over the page so far. */
export function passCount(page: TestPage): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('oncology-glossary:pass').length);
}

/**
 * The page's body as its HTML source has it (fetched and parsed again), and as it is now, in a form that
 * shows every element, attribute and text node boundary; the extension's own UI host is left out.
 */
export function bodySnapshots(
  page: TestPage,
): Promise<{ original: string; current: string; originalText: string }> {
  return page.evaluate(async () => {
    const snapshot = (node: Node): string => {
      if (node.nodeType === 3) return JSON.stringify((node as Text).data);
      if (node.nodeType !== 1) return '';
      const element = node as Element;
      if (element.hasAttribute('data-oncology-glossary-ui')) return '';
      const attributes = [...element.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
      return `<${element.localName}${attributes}>${[...element.childNodes].map(snapshot).join('')}</${element.localName}>`;
    };
    const source = await (await fetch(location.href)).text();
    const parsed = new DOMParser().parseFromString(source, 'text/html');
    return {
      original: snapshot(parsed.body),
      current: snapshot(document.body),
      originalText: parsed.body.textContent ?? '',
    };
  });
}

/** Sets settings the way the popup does: in extension storage, from an extension page of the same browser. */
export async function setSettings(
  browser: ExtensionBrowser,
  fixtureOrigin: string,
  values: Record<string, unknown>,
): Promise<void> {
  const page = await browser.openExtensionPage('popup.html', fixtureOrigin);
  try {
    await page.evaluate(async (items) => {
      type StorageArea = { set(items: Record<string, unknown>): Promise<void> };
      const scope = globalThis as unknown as Record<string, { storage: { sync: StorageArea } } | undefined>;
      // Firefox's extension pages have `browser`; Chromium's `chrome` (promise-based in MV3).
      const api = scope.browser ?? scope.chrome!;
      await api.storage.sync.set(items);
    }, values);
  } finally {
    await page.close();
  }
}
