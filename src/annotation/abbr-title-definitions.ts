const MAX_SHORT_FORM = 12;
const MAX_TITLE = 120;

/**
 * `<abbr title="multiple myeloma">MM</abbr>` elements, each written as the text that defines it, "multiple
 * myeloma (MM)": HTML's own way to define an abbreviation, read by the same rules as one written out in
 * brackets. Each definition once.
 */
export function abbrTitleDefinitions(abbrs: Iterable<Element>): string[] {
  const seen = new Set<string>();
  for (const abbr of abbrs) {
    const shortForm = abbr.textContent?.trim() ?? '';
    const title = (abbr.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
    if (shortForm.length < 2 || shortForm.length > MAX_SHORT_FORM || title.length <= shortForm.length)
      continue;
    if (title.length > MAX_TITLE || /[()]/.test(title + shortForm)) continue;
    seen.add(`${title} (${shortForm})`);
  }
  return [...seen];
}
