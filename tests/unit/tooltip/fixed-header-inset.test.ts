import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedHeaderInset } from '../../../src/tooltip/fixed-header-inset';

function bar(position: string, top: number, height: number) {
  const element = document.createElement('header');
  element.style.position = position;
  document.body.append(element);
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: top, width: 1000, height }) as DOMRect,
  );
  return element;
}

function stack(...elements: Element[]) {
  Object.defineProperty(document, 'elementsFromPoint', {
    configurable: true,
    value: () => [...elements, document.body, document.documentElement],
  });
}

afterEach(() => {
  delete (document as { elementsFromPoint?: unknown }).elementsFromPoint;
  document.body.replaceChildren();
});

describe('fixedHeaderInset', () => {
  it('is the bottom of a fixed or sticky bar at the top of the viewport', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    stack(bar('fixed', 0, 64));
    expect(fixedHeaderInset(document)).toBe(64);
    stack(bar('sticky', 0, 48));
    expect(fixedHeaderInset(document)).toBe(48);
  });

  it('ignores static content, full-screen overlays and the element it is told to ignore', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    stack(bar('static', 0, 64));
    expect(fixedHeaderInset(document)).toBe(0);
    stack(bar('fixed', 0, 800));
    expect(fixedHeaderInset(document)).toBe(0);
    const own = bar('fixed', 0, 200);
    stack(own);
    expect(fixedHeaderInset(document, own)).toBe(0);
  });
});
