import { afterEach, describe, expect, it, vi } from 'vitest';
import { occurrenceReference, placeTooltip } from '../../../src/tooltip/place-tooltip';

function piece(left: number, top: number, width: number) {
  const mark = document.createElement('mark');
  document.body.append(mark);
  const rect = DOMRect.fromRect({ x: left, y: top, width, height: 20 }) as DOMRect;
  vi.spyOn(mark, 'getBoundingClientRect').mockReturnValue(rect);
  vi.spyOn(mark, 'getClientRects').mockReturnValue([rect] as unknown as DOMRectList);
  return mark;
}

afterEach(() => document.body.replaceChildren());

describe('occurrenceReference', () => {
  it('is the mark itself for a whole occurrence', () => {
    const mark = piece(10, 10, 50);
    expect(occurrenceReference([mark])).toBe(mark);
  });

  it('spans every piece of a split occurrence, keeping each piece as a line box', () => {
    const head = piece(100, 40, 30);
    const rest = piece(130, 40, 90);
    const reference = occurrenceReference([head, rest]);
    expect(reference).not.toBe(head);
    expect('contextElement' in reference && reference.contextElement).toBe(head);
    expect(reference.getBoundingClientRect()).toMatchObject({
      left: 100,
      right: 220,
      top: 40,
      bottom: 60,
      width: 120,
    });
    expect([...(reference.getClientRects?.() ?? [])]).toHaveLength(2);
  });
});

describe('placeTooltip', () => {
  it('stops following and reports it when its term leaves the page', async () => {
    const mark = piece(100, 300, 80);
    const card = document.createElement('div');
    const arrow = document.createElement('div');
    card.append(arrow);
    document.body.append(card);
    const gone = vi.fn();
    const stop = placeTooltip(mark, card, arrow, { onReferenceGone: gone });
    await vi.waitFor(() => expect(card.dataset.side).toBeDefined());
    expect(gone).not.toHaveBeenCalled();
    mark.remove();
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(gone).toHaveBeenCalled());
    stop();
  });
});
