import glossary from 'virtual:glossary-content';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForCopies } from '../../src/annotation/copy-without-marks';
import { startAnnotator } from '../../src/annotation/start-annotator';
import { listenForContentMessages } from '../../src/content/listen-for-content-messages';
import { mountTooltip } from '../../src/tooltip/mount-tooltip';
import { mountTooltipOnDemand } from '../../src/tooltip/mount-tooltip-on-demand';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Nothing for WXT to inject: the tooltip hands its stylesheet to its shadow root itself and the annotator
  // injects the marks' stylesheet. ('ui' would ship a web-accessible CSS file fetched on every page.)
  cssInjectionMode: 'manual',
  main(ctx) {
    const annotator = startAnnotator(ctx, { glossary });
    listenForCopies(ctx, window);
    // Mounted with the first mark, or by a command (which waits for it); set up before the first pass.
    const tooltip = mountTooltipOnDemand(ctx, annotator, () => mountTooltip(ctx, { glossary, annotator }));
    listenForContentMessages(ctx, {
      getPageTerms: () => annotator.pageTerms(),
      // Mounted first: the revealed term gets focus, which shows its tooltip, and on a long page the marks it
      // makes may be the page's first.
      revealTerm: (entryId) => tooltip().then(() => annotator.revealTerm(entryId)),
      command: (name) => void tooltip().then((controller) => controller?.step(name)),
    });
  },
});
