import { el } from './create-element';

/** The notice every view of the glossary carries. */
export const NOT_MEDICAL_ADVICE = 'Educational, not medical advice. Ask your care team about your own treatment.';

/** The frame shared by the popup and the entry page: title, a slot for the app, and the notice. */
export function renderShell(doc: Document, root: HTMLElement): { body: HTMLElement } {
  const body = el(doc, 'div', { className: 'app-body' });
  root.replaceChildren(
    el(doc, 'header', { className: 'app-header' }, [el(doc, 'h1', { text: 'Oncology Glossary' })]),
    body,
    el(doc, 'footer', { className: 'app-footer' }, [el(doc, 'p', { className: 'notice', text: NOT_MEDICAL_ADVICE })]),
  );
  return { body };
}
