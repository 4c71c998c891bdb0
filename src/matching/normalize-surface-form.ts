/** Canonical key for comparing surface forms: whitespace and hyphen/dash runs become one space, curly/prime apostrophes become ', trimmed, lowercased unless caseSensitive. */
export function normalizeSurfaceForm(text: string, caseSensitive: boolean): string {
  const normalized = text
    .replace(/[\s\u00A0\u202F\-\u2010\u2011\u2012\u2013\u2014]+/g, ' ')
    .replace(/[\u2019\u2018\u02BC\u2032]/g, "'")
    .trim();
  return caseSensitive ? normalized : normalized.toLowerCase();
}
