import { describe, expect, it } from 'vitest';
import {
  composedClosest,
  composedTreeBefore,
  composedTreeContains,
  composedTreeParent,
} from '../../../src/annotation/composed-tree';

/** A host in the document with an open shadow root holding `<p>text</p>`; returns the host and the text. */
function shadowText(): { host: HTMLElement; text: Text } {
  const host = document.createElement('div');
  const p = document.createElement('p');
  p.append('inside');
  host.attachShadow({ mode: 'open' }).append(p);
  document.body.append(host);
  return { host, text: p.firstChild as Text };
}

describe('the composed tree', () => {
  it('reaches into open shadow roots: contains, parent, page order', () => {
    document.body.replaceChildren();
    const before = document.createElement('p');
    document.body.append(before);
    const { host, text } = shadowText();
    const after = document.createElement('p');
    document.body.append(after);
    expect(composedTreeContains(document.body, text)).toBe(true);
    expect(composedTreeParent(text.parentNode!.parentNode!)).toBe(host);
    expect(composedTreeBefore(before, text)).toBe(true);
    expect(composedTreeBefore(text, after)).toBe(true);
  });

  it('finds the nearest ancestor matching a selector, out through shadow roots', () => {
    document.body.replaceChildren();
    const footer = document.createElement('footer');
    document.body.append(footer);
    const inner = document.createElement('p');
    const host = document.createElement('site-footer');
    host.attachShadow({ mode: 'open' }).append(inner);
    footer.append(host);
    expect(composedClosest(inner, 'footer')).toBe(footer);
    expect(composedClosest(inner, 'p')).toBe(inner);
    expect(composedClosest(inner, 'nav')).toBeNull();
  });

  it('a node the page removed inside a link is in no tree of the page (a link has a `host` too)', () => {
    document.body.replaceChildren();
    const link = document.createElement('a');
    link.href = 'https://example.org/myeloma';
    link.append('myeloma');
    document.body.append(link);
    const text = link.firstChild as Text;
    link.remove();
    expect(link.host).toBe('example.org');
    expect(composedTreeContains(document.body, text)).toBe(false);
    const { text: inShadow } = shadowText();
    expect(() => composedTreeBefore(text, inShadow)).not.toThrow();
    expect(() => composedTreeBefore(inShadow, text)).not.toThrow();
  });
});
