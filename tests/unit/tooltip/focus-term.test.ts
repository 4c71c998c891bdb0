import { describe, expect, it } from 'vitest';
import { focusTerm } from '../../../src/tooltip/focus-term';

function mark(text: string) {
  const element = document.createElement('mark');
  element.dataset.glossaryId = 'angiogenesis';
  element.textContent = text;
  document.body.append(element);
  return element;
}

describe('focusTerm', () => {
  it('makes a mark focusable only while it holds focus', () => {
    const term = mark('angiogenesis');
    expect(term.hasAttribute('tabindex')).toBe(false);
    expect(focusTerm(term)).toBe(true);
    expect(document.activeElement).toBe(term);
    expect(term.getAttribute('tabindex')).toBe('-1');
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    expect(term.hasAttribute('tabindex')).toBe(false);
  });

  it('leaves a tabindex the page set itself alone', () => {
    const term = mark('angiogenesis');
    term.setAttribute('tabindex', '0');
    focusTerm(term);
    (document.activeElement as HTMLElement).blur();
    expect(term.getAttribute('tabindex')).toBe('0');
  });
});
