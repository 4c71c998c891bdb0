import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forwardCommands } from '../src/background/forward-commands';
import { handleContentMessages } from '../src/background/handle-content-messages';
import { createLookupMenu, handleLookupMenuClicks } from '../src/background/lookup-menu';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => createLookupMenu(browser));
  handleLookupMenuClicks(browser);
  forwardCommands(browser);
  handleContentMessages(browser);
});
