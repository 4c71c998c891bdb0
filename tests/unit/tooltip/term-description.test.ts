import { describe, expect, it } from 'vitest';
import { EXTENSION_UI_ATTRIBUTE } from '../../../src/annotation/mark-selectors';
import { createTermDescription, TERM_DESCRIPTION_ID } from '../../../src/tooltip/term-description';

describe('createTermDescription', () => {
  it('is a hidden element outside <body> that the annotator skips', () => {
    const description = createTermDescription(document);
    expect(description.element.id).toBe(TERM_DESCRIPTION_ID);
    expect(description.element.hidden).toBe(true);
    expect(description.element.style.getPropertyPriority('display')).toBe('important');
    expect(description.element.hasAttribute(EXTENSION_UI_ATTRIBUTE)).toBe(true);
    expect(document.body.contains(description.element)).toBe(false);
    description.remove();
    expect(document.getElementById(TERM_DESCRIPTION_ID)).toBeNull();
  });

  it('points one term at a time to the description, and clears it', () => {
    const description = createTermDescription(document);
    const [a, b] = [document.createElement('mark'), document.createElement('mark')];
    document.body.append(a, b);
    const bodyText = document.body.textContent;
    description.describe(a, 'Angiogenesis, Biological process. The growth of new blood vessels.');
    expect(a.getAttribute('aria-describedby')).toBe(TERM_DESCRIPTION_ID);
    expect(document.getElementById(a.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /^Angiogenesis/,
    );
    expect(document.body.textContent).toBe(bodyText);
    description.describe(b, 'Lenalidomide, Drug.');
    expect(a.hasAttribute('aria-describedby')).toBe(false);
    expect(b.getAttribute('aria-describedby')).toBe(TERM_DESCRIPTION_ID);
    description.clear();
    expect(b.hasAttribute('aria-describedby')).toBe(false);
    expect(description.element.textContent).toBe('');
    description.remove();
  });

  it('describes a term inside an open shadow root from a mirror in that shadow tree, removed when cleared', () => {
    const description = createTermDescription(document);
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const term = document.createElement('mark');
    term.textContent = 'angiogenesis';
    root.append(term);
    description.describe(term, 'Angiogenesis, Biological process.');
    expect(term.getAttribute('aria-describedby')).toBe(TERM_DESCRIPTION_ID);
    const mirror = root.getElementById(TERM_DESCRIPTION_ID)!;
    expect(mirror.textContent).toBe('Angiogenesis, Biological process.');
    expect(mirror.hidden).toBe(true);
    expect(mirror.hasAttribute(EXTENSION_UI_ATTRIBUTE)).toBe(true);
    description.describe(term, 'Angiogenesis, Biological process. More.');
    expect(root.querySelectorAll(`#${TERM_DESCRIPTION_ID}`)).toHaveLength(1);
    description.clear();
    expect(root.getElementById(TERM_DESCRIPTION_ID)).toBeNull();
    expect(root.textContent).toBe('angiogenesis');
    description.remove();
    host.remove();
  });
});
