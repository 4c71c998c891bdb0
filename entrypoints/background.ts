import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forwardCommands } from '../src/background/forward-commands';
import { handleContentMessages } from '../src/background/handle-content-messages';
import { handleLookupMenuClicks, registerLookupMenu } from '../src/background/lookup-menu';

export default defineBackground(() => {
  registerLookupMenu(browser);
  handleLookupMenuClicks(browser);
  forwardCommands(browser);
  handleContentMessages(browser);
});
