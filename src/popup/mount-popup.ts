import type { FullGlossary } from '../glossary/compiled-glossary';
import { el } from './create-element';
import { createGlossaryApp, type GlossaryApp } from './glossary-app';
import { createPageTermsView } from './page-terms-view';
import { renderShell } from './render-shell';
import { requestPageTerms, requestPageTermsOf, requestRevealTerm, type PageTermsState, type PopupTabs } from './request-page-terms';
import { createSettingsPanel, type SettingsPanel } from './settings-panel';
import { takePendingView, watchPendingView } from './take-pending-view';

export interface MountedPopup {
  readonly app: GlossaryApp;
  readonly settings: SettingsPanel;
  /** Resolves once the pending view, the settings and this page's terms are shown. */
  readonly ready: Promise<void>;
  dispose(): void;
}

// After a switch the content script unmarks or re-annotates; ask again a little later for the new list.
const REFRESH_DELAYS_MS = [150, 600, 1500];

/** The toolbar popup: search and entries, this page's terms, and the controls. */
export function mountPopup(doc: Document, root: HTMLElement, deps: { glossary: FullGlossary; tabs: PopupTabs }): MountedPopup {
  const { glossary, tabs } = deps;
  const win = doc.defaultView;
  let pageTabId: number | null = null;
  const timers: number[] = [];

  const pageTerms = createPageTermsView(doc, (term) =>
    pageTabId === null ? Promise.resolve(false) : requestRevealTerm(tabs, pageTabId, term.entryId),
  );
  const settings = createSettingsPanel(doc, {
    glossary,
    onAnnotationsChange: () => {
      if (pageTabId === null || !win) return;
      const tabId = pageTabId;
      timers.splice(0).forEach((t) => win.clearTimeout(t));
      for (const delay of REFRESH_DELAYS_MS) {
        timers.push(win.setTimeout(() => void requestPageTermsOf(tabs, tabId).then(showPageTerms), delay));
      }
    },
  });

  function showPageTerms(state: PageTermsState): void {
    pageTabId = state.status === 'available' ? state.tabId : null;
    settings.setSite(state.status === 'available' ? state.response.site : null);
    pageTerms.update(state);
  }

  const home = el(doc, 'div', { className: 'home' }, [settings.siteControls, pageTerms.element, settings.element]);
  const { body } = renderShell(doc, root);
  const app = createGlossaryApp(doc, body, { glossary, home });
  app.show({ kind: 'search', query: '' });

  const stopWatching = watchPendingView((view) => app.show(view));
  const ready = Promise.all([
    takePendingView().then((view) => {
      // A reader who already started typing keeps their query.
      if (view && app.view.kind === 'search' && app.view.query === '') app.show(view);
    }),
    settings.ready,
    requestPageTerms(tabs).then(showPageTerms),
  ]).then(() => undefined);

  return {
    app,
    settings,
    ready,
    dispose: () => {
      stopWatching();
      settings.dispose();
      timers.forEach((t) => win?.clearTimeout(t));
    },
  };
}
