import { describe, expect, it } from 'vitest';
import { focusTerm } from '../../../src/tooltip/focus-term';
import { MARK_CLASS } from '../../../src/annotation/mark-selectors';

function mark(text: string) {
  const element = document.createElement('mark');
  element.className = MARK_CLASS;
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

describe('focusTerm and silent marks', () => {
  it('exposes the focused mark as a term again and silences it once focus leaves', () => {
    document.body.replaceChildren();
    const mark = document.createElement('mark');
    mark.className = MARK_CLASS;
    mark.setAttribute('role', 'none');
    mark.textContent = 'cereblon';
    const after = document.createElement('button');
    document.body.append(mark, after);
    expect(focusTerm(mark)).toBe(true);
    expect(mark.hasAttribute('role')).toBe(false);
    after.focus();
    expect(mark.getAttribute('role')).toBe('none');
    expect(mark.hasAttribute('tabindex')).toBe(false);
  });
});
