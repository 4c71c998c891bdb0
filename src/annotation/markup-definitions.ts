const MAX_SHORT_FORM = 12;
const MAX_LONG_FORM = 120;

/**
 * The abbreviations that a page's markup defines, each written as the text that would define it in brackets,
 * "multiple myeloma (MM)", to be read by the same rules: `<abbr title="multiple myeloma">MM</abbr>`, HTML's own
 * way; a definition list's `<dt>MM</dt><dd>multiple myeloma</dd>`, as PubMed Central lists an article's
 * abbreviations; and a two-cell table row, `<tr><td>MM</td><td>Multiple myeloma</td></tr>`, as MDPI's journals
 * (Cancers among them) list them. Each definition once.
 */
export function markupDefinitions(elements: Iterable<Element>): string[] {
  const seen = new Set<string>();
  for (const element of elements) {
    const pair = pairOf(element);
    if (pair === null) continue;
    const [shortForm, longForm] = pair;
    if (shortForm.length < 2 || shortForm.length > MAX_SHORT_FORM || longForm.length <= shortForm.length)
      continue;
    if (longForm.length > MAX_LONG_FORM || /[()]/.test(longForm + shortForm)) continue;
    seen.add(`${longForm} (${shortForm})`);
  }
  return [...seen];
}

const spaced = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The short form and the long form an element pairs, in single spaces: an `<abbr>`'s text and title, a `<dt>`
 * and the `<dd>` right after it, or the two cells of a table row, the shorter taken as the short form (a table
 * may put either first). Null when it pairs nothing.
 */
function pairOf(element: Element): [string, string] | null {
  const name = element.localName;
  if (name === 'abbr') {
    const title = element.getAttribute('title');
    return title === null ? null : [spaced(element.textContent), spaced(title)];
  }
  if (name === 'dt') {
    const next = element.nextElementSibling;
    return next?.localName === 'dd' ? [spaced(element.textContent), spaced(next.textContent)] : null;
  }
  if (name !== 'tr' || element.childElementCount !== 2) return null;
  const first = element.firstElementChild!;
  const second = element.lastElementChild!;
  if (!isCell(first) || !isCell(second)) return null;
  const a = (first.textContent ?? '').trim();
  const b = (second.textContent ?? '').trim();
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // Most rows of a data table ("Row 12", "Mean value…") are passed over before any string is made: a short
  // form's length, and a long form that starts with its first letter ("ASCT", "autologous…").
  if (short.length < 2 || short.length > MAX_SHORT_FORM || long.length > MAX_LONG_FORM * 2) return null;
  if (short[0]!.toLowerCase() !== long[0]!.toLowerCase()) return null;
  return [spaced(short), spaced(long)];
}

const isCell = (element: Element): boolean => element.localName === 'td' || element.localName === 'th';
