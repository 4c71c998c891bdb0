import glossary from 'virtual:glossary-content';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAnnotator } from '../../src/annotation/start-annotator';
import { listenForContentMessages } from '../../src/content/listen-for-content-messages';
import { mountTooltip } from '../../src/tooltip/mount-tooltip';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Nothing for WXT to inject: the tooltip hands its stylesheet to its shadow root itself and the annotator
  // injects the marks' stylesheet. ('ui' would ship a web-accessible CSS file fetched on every page.)
  cssInjectionMode: 'manual',
  main(ctx) {
    const annotator = startAnnotator(ctx, { glossary });
    // Mounting loads the tooltip's CSS; a command arriving meanwhile waits for it.
    const tooltip = mountTooltip(ctx, { glossary, annotator }).catch((error: unknown) => {
      console.warn('[oncology-glossary] the tooltip could not be mounted:', error);
      return null;
    });
    listenForContentMessages(ctx, {
      getPageTerms: () => annotator.pageTerms(),
      revealTerm: (entryId) => annotator.revealTerm(entryId),
      command: (name) => void tooltip.then((controller) => controller?.step(name)),
    });
  },
});
