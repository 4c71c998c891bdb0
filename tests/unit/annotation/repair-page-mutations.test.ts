import { beforeEach, describe, expect, it } from 'vitest';
import { repairPageMutations } from '../../../src/annotation/repair-page-mutations';
import { SplitRegistry } from '../../../src/annotation/split-registry';
import { setBody } from './annotation-helpers';

beforeEach(() => setBody('<main id="main"><p id="a">Lenalidomide.</p><p id="b">Myeloma.</p></main>'));

/** The nodes whose text `change` makes the annotator read again, as ids (or node names). */
function touchedBy(change: (main: HTMLElement) => void): string[] {
  const main = document.getElementById('main')!;
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  change(main);
  const records = observer.takeRecords();
  observer.disconnect();
  return repairPageMutations(records, new SplitRegistry()).map(
    (node) => (node as Element).id || node.nodeName.toLowerCase(),
  );
}

describe('repairPageMutations: what a change makes the annotator read again', () => {
  it('a script, a style or a link added to or taken from the page: nothing', () => {
    expect(
      touchedBy(() => {
        const script = document.createElement('script');
        document.body.append(script, document.createElement('style'), document.createElement('link'));
        script.remove();
      }),
    ).toEqual([]);
  });

  it("a feed's new item with line breaks around it: the item only, not the whole feed", () => {
    const item = document.createElement('p');
    item.id = 'item';
    item.textContent = 'Angiogenesis.';
    expect(touchedBy((main) => main.append('\n', item, '\n'))).toEqual(['item']);
  });

  it('text or white space put between inline text: the block it joins', () => {
    expect(touchedBy(() => document.getElementById('a')!.append(' ', 'more'))).toEqual(['a', 'a']);
    expect(touchedBy((main) => main.append('Loose text.'))).toEqual(['main']);
  });
});
