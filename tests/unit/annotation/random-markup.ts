/** Seeded random paragraphs and markup for the annotator's generative tests (markup-shapes, page-edits). */
import { isWordCharCode } from '../../../src/matching/fold-char-code';

// Terms in the shapes the matcher must read (variants, dashes, apostrophes, defined abbreviations), decoys
// it must leave alone, and filler.
const TERMS = [
  'multiple myeloma',
  'Multiple Myeloma',
  'myeloma',
  'Lenalidomide',
  'lenalidomide (LEN)',
  'LEN',
  'IMiDs',
  'IMiD.',
  'CAR T-cell therapy',
  'CAR\u2011T cell',
  'CAR T',
  'T cells',
  'non-Hodgkin’s lymphoma',
  "non-Hodgkin's lymphoma",
  'multiple myeloma (MM)',
  'MM',
  '(angiogenesis)',
  'monoclonal antibodies',
  'checkpoint inhibitors',
  'metastases',
  'natural killer cells',
];
const DECOYS = ['carton', 'mmHg', 'Revlimidx', '195/65 R15 mm', 'IMID', 'NK', 'lenalidomides-x'];
const FILLER = ['the', 'patients', 'and', 'in', 'with', 'a', 'trial,', 'report;', 'of', 'was', '12', 'after'];

/** One item of `list`, at random. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A paragraph's text: words with terms and decoys among them, sometimes long enough to be cut first. */
export function paragraphText(random: () => number): string {
  const words: string[] = [];
  const count = random() < 0.15 ? 900 : 10 + Math.floor(random() * 50);
  for (let i = 0; i < count; i++) {
    const r = random();
    words.push(pick(random, r < 0.25 ? TERMS : r < 0.32 ? DECOYS : FILLER));
  }
  return words.join(random() < 0.1 ? '\u00a0' : ' ');
}

const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a'];

/** Text nodes for `text`, cut at random offsets anywhere (adjacent text nodes hold no markup). */
function textNodes(random: () => number, text: string, whole: number): Text[] {
  const nodes: Text[] = [];
  let at = 0;
  while (at < text.length) {
    const length = random() < whole ? text.length - at : 1 + Math.floor(random() * 12);
    nodes.push(document.createTextNode(text.slice(at, at + length)));
    at += length;
  }
  return nodes;
}

/**
 * `text` cut into inline elements (nested up to `depth`, cut at a `rate` of its boundaries) and text nodes. Elements begin and end only where the
 * text has a word boundary: markup inside a word ("lenalidomide<sup>12</sup>") is read as a possible end of
 * it, which is a different text.
 */
export function fill(random: () => number, parent: Element, text: string, depth: number, rate: number): void {
  const cuts = [0];
  for (let i = 1; i < text.length; i++) {
    const between = isWordCharCode(text.charCodeAt(i - 1)) && isWordCharCode(text.charCodeAt(i));
    if (!between && random() < rate) cuts.push(i);
  }
  cuts.push(text.length);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const piece = text.slice(cuts[k], cuts[k + 1]);
    if (depth > 0 && random() < 0.4) {
      const tag = pick(random, INLINE);
      const element = document.createElement(tag);
      if (tag === 'a') element.setAttribute('href', '#here');
      fill(random, element, piece, depth - 1, rate);
      parent.append(element);
    } else {
      parent.append(...textNodes(random, piece, rate < 0.01 ? 0.9 : 0.5));
    }
  }
}

/** Text nodes under `root`, in order. */
export function allTextNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}
