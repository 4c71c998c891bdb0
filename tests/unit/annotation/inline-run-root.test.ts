import { describe, expect, it } from 'vitest';
import { inlineRunRoot } from '../../../src/annotation/inline-run-root';

/** A detached <main> holding `html`. */
function main(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><body><main>${html}</main></body>`,
    'text/html',
  );
  return document.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
}

describe('inlineRunRoot', () => {
  it('is the span of a clock between blocks, from its text or from itself', () => {
    const block = main('<span id="clock"><b>12:04</b></span>\n<!-- x --><p>Multiple myeloma</p>');
    const clock = block.querySelector('#clock')!;
    expect(inlineRunRoot(clock.querySelector('b')!.firstChild!, block)).toBe(clock);
    expect(inlineRunRoot(clock, block)).toBe(clock);
  });

  it('is the span at the end of a block, after a block', () => {
    const block = main('<p>Myeloma</p> <span id="ago">3 minutes ago</span> ');
    expect(inlineRunRoot(block.querySelector('#ago')!, block)).toBe(block.querySelector('#ago'));
  });

  it('is null when the run goes on beside the span: "multiple <span>myeloma</span>" is one run', () => {
    const block = main('multiple <span id="s">myeloma</span><p>x</p>');
    expect(inlineRunRoot(block.querySelector('#s')!, block)).toBeNull();
    const after = main('<p>x</p><span id="s">multiple</span><i> myeloma</i>');
    expect(inlineRunRoot(after.querySelector('#s')!, after)).toBeNull();
  });

  it('is null for text straight inside the block, and for an abbreviation or one of our marks', () => {
    const block = main('<p>x</p>myeloma<p>y</p>');
    expect(inlineRunRoot(block.childNodes[1]!, block)).toBeNull();
    const abbr = main('<abbr title="multiple myeloma">MM</abbr><p>x</p>');
    expect(inlineRunRoot(abbr.firstChild!, abbr)).toBeNull();
    const mark = main(
      '<mark class="oncology-glossary-term" data-glossary-id="myeloma">myeloma</mark><p>x</p>',
    );
    expect(inlineRunRoot(mark.firstChild!, mark)).toBeNull();
  });

  it('is the span when a skipped element ends the run beside it', () => {
    const block = main('<span id="s">myeloma</span><script>1</script><br>');
    expect(inlineRunRoot(block.querySelector('#s')!, block)).toBe(block.querySelector('#s'));
  });
});
