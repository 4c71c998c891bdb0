import { describe, expect, it, vi } from 'vitest';
import { requestPageTerms, requestPageTermsOf, requestRevealTerm } from '../../../src/popup/request-page-terms';

const answer = { site: 'example.org', active: true, terms: [{ entryId: 'lenalidomide', name: 'Lenalidomide', count: 2, abbreviations: [] }] };

describe('requestPageTerms', () => {
  it('asks the active tab of the current window and returns its validated answer', async () => {
    const tabs = { query: vi.fn(async () => [{ id: 3 }]), sendMessage: vi.fn(async () => answer) };
    await expect(requestPageTerms(tabs)).resolves.toEqual({ status: 'available', tabId: 3, response: answer });
    expect(tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('is unavailable without an active tab, without a receiver, or when the content script never answers', async () => {
    const none = { query: vi.fn(async () => []), sendMessage: vi.fn() };
    await expect(requestPageTerms(none)).resolves.toEqual({ status: 'unavailable' });
    expect(none.sendMessage).not.toHaveBeenCalled();
    const noReceiver = { query: async () => [{ id: 1 }], sendMessage: async () => Promise.reject(new Error('Receiving end does not exist.')) };
    await expect(requestPageTerms(noReceiver)).resolves.toEqual({ status: 'unavailable' });
    const silent = { query: async () => [{ id: 1 }], sendMessage: () => new Promise<unknown>(() => {}) };
    await expect(requestPageTermsOf(silent, 1, 20)).resolves.toEqual({ status: 'unavailable' });
  });
});

describe('requestRevealTerm', () => {
  it('is true only when the content script answers true', async () => {
    const tabs = (reply: unknown) => ({ query: async () => [], sendMessage: vi.fn(async () => reply) });
    const yes = tabs(true);
    await expect(requestRevealTerm(yes, 4, 'remission')).resolves.toBe(true);
    expect(yes.sendMessage).toHaveBeenCalledWith(4, { type: 'reveal-term', entryId: 'remission' });
    await expect(requestRevealTerm(tabs(false), 4, 'remission')).resolves.toBe(false);
    await expect(requestRevealTerm(tabs('yes'), 4, 'remission')).resolves.toBe(false);
    const failing = { query: async () => [], sendMessage: async () => Promise.reject(new Error('gone')) };
    await expect(requestRevealTerm(failing, 4, 'remission')).resolves.toBe(false);
  });
});
