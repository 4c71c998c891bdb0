const DOSE_FIGURE = /\s*\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|ml|milligrams?|micrograms?|units?)\b/gi;

/**
 * A heading as readers may see it: dose figures replaced by an ellipsis. Locators quote source headings
 * verbatim so they can be checked, but a figure such as "25 mg" shown beside a definition reads as advice.
 */
export function withoutDoseFigures(text: string): string {
  return text.replace(DOSE_FIGURE, ' …');
}
