import glossary from 'virtual:glossary-content';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAnnotator } from '../../src/annotation/start-annotator';
import { listenForContentMessages } from '../../src/content/listen-for-content-messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The tooltip's styles go into its shadow root; the marks' stylesheet is injected by the annotator.
  cssInjectionMode: 'ui',
  main(ctx) {
    const annotator = startAnnotator(ctx, { glossary });
    listenForContentMessages(ctx, {
      getPageTerms: () => annotator.pageTerms(),
      revealTerm: (entryId) => annotator.revealTerm(entryId),
      // Swapped for the tooltip's keyboard walk over annotator.occurrences() by issue #5.
      command: (name) => ignoreTermCommandUntilTooltip(name),
    });
  },
});

/** Placeholder until the tooltip handles next-term / previous-term. */
function ignoreTermCommandUntilTooltip(_name: 'next-term' | 'previous-term'): void {}
