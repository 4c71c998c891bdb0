import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenForContentMessages } from '../../../src/content/listen-for-content-messages';

function setUp() {
  const ctx = new ContentScriptContext('test');
  const handlers = {
    getPageTerms: vi.fn(() => ({ site: 'example.org', active: true, terms: [] })),
    revealTerm: vi.fn(() => true),
    command: vi.fn(),
  };
  listenForContentMessages(ctx, handlers);
  return { ctx, handlers };
}

describe('listenForContentMessages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the popup and relays commands', async () => {
    const { handlers } = setUp();
    const [terms] = await fakeBrowser.runtime.onMessage.trigger({ type: 'get-page-terms' }, {}, () => undefined);
    expect(terms).toEqual({ site: 'example.org', active: true, terms: [] });
    const [revealed] = await fakeBrowser.runtime.onMessage.trigger({ type: 'reveal-term', entryId: 'cereblon' }, {}, () => undefined);
    expect(revealed).toBe(true);
    expect(handlers.revealTerm).toHaveBeenCalledWith('cereblon');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'command', command: 'previous-term' }, {}, () => undefined);
    expect(handlers.command).toHaveBeenCalledWith('previous-term');
  });

  it('does nothing with a malformed message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { handlers } = setUp();
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'reveal-term', entryId: { toString: 1 } }, {}, () => undefined);
    expect(answer).toBeUndefined();
    expect(handlers.revealTerm).not.toHaveBeenCalled();
  });

  it('stops listening when the content script is invalidated (extension updated or disabled)', async () => {
    const { ctx, handlers } = setUp();
    ctx.abort();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'get-page-terms' }, {}, () => undefined);
    expect(handlers.getPageTerms).not.toHaveBeenCalled();
  });
});
