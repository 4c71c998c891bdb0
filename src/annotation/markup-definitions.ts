const MAX_SHORT_FORM = 12;
const MAX_LONG_FORM = 120;

/**
 * The abbreviations that a page's markup defines, each written as the text that would define it in brackets,
 * "multiple myeloma (MM)", to be read by the same rules: `<abbr title="multiple myeloma">MM</abbr>`, HTML's own
 * way, and a definition list's `<dt>MM</dt><dd>multiple myeloma</dd>`, as PubMed Central lists an article's
 * abbreviations. Each definition once.
 */
export function markupDefinitions(elements: Iterable<Element>): string[] {
  const seen = new Set<string>();
  for (const element of elements) {
    const shortForm = element.textContent?.trim() ?? '';
    const longForm = longFormOf(element);
    if (longForm === null) continue;
    if (shortForm.length < 2 || shortForm.length > MAX_SHORT_FORM || longForm.length <= shortForm.length)
      continue;
    if (longForm.length > MAX_LONG_FORM || /[()]/.test(longForm + shortForm)) continue;
    seen.add(`${longForm} (${shortForm})`);
  }
  return [...seen];
}

/** An `<abbr>`'s title, or the text of the `<dd>` right after a `<dt>`, in single spaces; else null. */
function longFormOf(element: Element): string | null {
  let text: string | null = null;
  if (element.localName === 'abbr') text = element.getAttribute('title');
  else if (element.localName === 'dt') {
    const next = element.nextElementSibling;
    if (next?.localName === 'dd') text = next.textContent;
  }
  return text === null ? null : text.replace(/\s+/g, ' ').trim();
}
