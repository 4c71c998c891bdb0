/**
 * The DOM contract of annotations, shared by the annotator, the tooltip, the popup's "On this page" and the
 * tests: every annotation is `<mark class="oncology-glossary-term" data-glossary-id="<entry id>">`; an occurrence that crosses inline
 * elements ("<i>CAR</i> T") is split into several marks, and every piece after the first carries
 * `data-glossary-part="rest"`.
 */

/** Attribute holding the glossary entry id on every mark. */
export const ENTRY_ID_ATTRIBUTE = 'data-glossary-id';

/** Attribute on the continuation pieces of an occurrence split across inline elements. */
export const PART_ATTRIBUTE = 'data-glossary-part';

/** Value of PART_ATTRIBUTE on continuation pieces. */
export const REST_PART = 'rest';

/**
 * Class of every mark the annotator makes: it styles them (dotted underline), and tells them from the page's
 * own <mark> elements, which keep their look and stay the page's even when they carry a `data-glossary-id`
 * of their own (a site's glossary).
 */
export const MARK_CLASS = 'oncology-glossary-term';

/** Every annotation element, including continuation pieces. */
export const MARK_SELECTOR = `mark.${MARK_CLASS}[${ENTRY_ID_ATTRIBUTE}]`;

/** One element per occurrence: the first (head) piece of each annotation. */
export const OCCURRENCE_SELECTOR = `${MARK_SELECTOR}:not([${PART_ATTRIBUTE}])`;

/** Class added for a moment to an occurrence the reader asked to see ("On this page"). */
export const FLASH_CLASS = 'oncology-glossary-flash';

/** Id of the <style> element, in the page's <head>, that styles the marks. */
export const MARK_STYLE_ELEMENT_ID = 'oncology-glossary-mark-styles';

/**
 * Elements of the extension's own UI in the page (the tooltip's shadow host): never annotated. The tooltip's
 * host element carries this attribute.
 */
export const EXTENSION_UI_ATTRIBUTE = 'data-oncology-glossary-ui';
