import { normalizeSurfaceForm } from '../matching/normalize-surface-form';
import type { ContentForm } from './compiled-glossary';

/**
 * Whether `inner` is `outer`, or words of it ("non hodgkin lymphoma" in "b cell non hodgkin lymphoma"), not
 * negated: "non hodgkin lymphoma" does not name Hodgkin lymphoma, nor "non small cell lung cancer" small-cell.
 */
function holdsWords(outer: string, inner: string): boolean {
  for (let at = outer.indexOf(inner); at !== -1; at = outer.indexOf(inner, at + 1)) {
    const end = at + inner.length;
    if (at >= 4 && outer.slice(at - 4, at) === 'non ') continue;
    if ((at === 0 || outer[at - 1] === ' ') && (end === outer.length || outer[end] === ' ')) return true;
  }
  return false;
}

/**
 * Gives each form the other entries with an ambiguous abbreviation whose long form it holds as words:
 * "B-cell non-Hodgkin lymphoma" names non-Hodgkin lymphoma too, so a page saying it may use NHL.
 */
export function addNamesInside(forms: readonly ContentForm[]): ContentForm[] {
  const withAbbreviation = new Set(forms.filter((f) => f.ambiguous).map((f) => f.entryId));
  // Long forms of those entries: case-insensitive, unambiguous, not another sense.
  const longForms = forms
    .filter((f) => withAbbreviation.has(f.entryId) && !f.ambiguous && !f.caseSensitive && !f.otherSense)
    .map((f) => ({ entryId: f.entryId, text: normalizeSurfaceForm(f.text, false) }));
  return forms.map((form) => {
    if (form.ambiguous || form.otherSense) return form;
    const text = normalizeSurfaceForm(form.text, false);
    const names = new Set<string>();
    for (const long of longForms)
      if (long.entryId !== form.entryId && long.text.length < text.length && holdsWords(text, long.text))
        names.add(long.entryId);
    return names.size > 0 ? { ...form, alsoNames: [...names].sort() } : form;
  });
}
