/**
 * The same text must be annotated the same way whatever markup the page cuts it with: pages split their
 * text into nodes and inline elements in every way (editors, templates, translation tools, scripts that
 * append text piece by piece). Each case writes one paragraph's text twice, as one text node and cut into
 * random text nodes and nested inline elements, and compares what readers would see.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../harness/seeded-random';
import { annotate, occurrences, ON, snapshot, stopAllEngines } from './annotation-helpers';
import { allTextNodes, fill, paragraphText } from './random-markup';

beforeEach(() => {
  stopAllEngines();
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('the same text in any markup', () => {
  const seeds = Array.from({ length: 60 }, (_, i) => 1009 * (i + 1));

  it.each(seeds)(
    'seed %i: the same marks, the text unchanged, the page restored node for node',
    async (seed) => {
      // The same seed writes the same case: a failure can be run again from its seed.
      const random = seededRandom(seed);
      const texts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => paragraphText(random));

      // As plain paragraphs, one text node each.
      for (const text of texts) {
        const p = document.createElement('p');
        p.textContent = text;
        document.body.append(p);
      }
      await annotate({}, { nearMargins: null });
      const expected = occurrences();
      const firstOnly = new Set<string>();
      const expectedFirst = expected.filter((o) => {
        const id = o.slice(o.lastIndexOf(' → '));
        return !firstOnly.has(id) && Boolean(firstOnly.add(id));
      });
      stopAllEngines();
      document.head.replaceChildren();
      document.body.replaceChildren();

      // The same text, cut by markup.
      for (const text of texts) {
        const p = document.createElement('p');
        // Some paragraphs keep long stretches in one text node, which the wrapper cuts apart first.
        fill(random, p, text, 2, random() < 0.3 ? 0.0005 : 0.15);
        document.body.append(p);
      }
      const html = snapshot(document.body);
      const nodes = allTextNodes(document.body);
      const datas = nodes.map((node) => node.data);
      const bodyText = document.body.textContent;

      const { engine } = await annotate({}, { nearMargins: null });
      const context = `seed ${seed}, page ${html.slice(0, 2000)}`;
      expect(occurrences(), context).toEqual(expected);
      expect(document.body.textContent, context).toBe(bodyText);
      // Every link still holds exactly its own text.
      for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toBe('#here');

      engine.update({ ...ON, enabled: false });
      expect(snapshot(document.body), context).toBe(html);
      // The page's own text nodes are back, not copies: scripts holding them keep working.
      const restored = allTextNodes(document.body);
      expect(restored.length, context).toBe(nodes.length);
      expect(
        restored.every((node, i) => node === nodes[i]),
        context,
      ).toBe(true);
      expect(
        nodes.map((node) => node.data),
        context,
      ).toEqual(datas);

      engine.update({ ...ON, occurrenceMode: 'first' });
      await engine.idle();
      expect(occurrences(), context).toEqual(expectedFirst);

      engine.update(ON);
      await engine.idle();
      expect(occurrences(), context).toEqual(expected);
      expect(document.body.textContent, context).toBe(bodyText);
    },
  );
});
