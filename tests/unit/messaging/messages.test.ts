import { describe, expect, it, vi } from 'vitest';
import { contentToBackground, pageTermsResponse, toContent } from '../../../src/messaging/messages';
import { parseMessage } from '../../../src/messaging/parse-message';

describe('messages are validated on receipt', () => {
  it('accepts each well-formed message', () => {
    expect(parseMessage(toContent(), { type: 'get-page-terms' }, 'test')).toEqual({ type: 'get-page-terms' });
    expect(parseMessage(toContent(), { type: 'reveal-term', entryId: 'angiogenesis' }, 'test')).toEqual({
      type: 'reveal-term',
      entryId: 'angiogenesis',
    });
    expect(parseMessage(toContent(), { type: 'command', command: 'next-term' }, 'test')?.type).toBe('command');
    expect(parseMessage(contentToBackground(), { type: 'open-full-entry', entryId: 'lenalidomide' }, 'test')).not.toBeNull();
  });

  it.each([
    ['an unknown type', { type: 'delete-everything' }],
    ['a missing field', { type: 'reveal-term' }],
    ['a field of the wrong type', { type: 'reveal-term', entryId: 42 }],
    ['an empty id', { type: 'reveal-term', entryId: '' }],
    ['an extra field', { type: 'get-page-terms', html: '<img onerror=alert(1)>' }],
    ['a command that does not exist', { type: 'command', command: 'delete-term' }],
    ['not an object', 'get-page-terms'],
    ['nothing', undefined],
  ])('rejects %s, and says so', (_, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseMessage(toContent(), message, 'content script')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('content script rejected a malformed message'), expect.anything());
  });

  it('builds each schema once, on first use', () => {
    expect(toContent()).toBe(toContent());
    expect(pageTermsResponse()).toBe(pageTermsResponse());
  });

  it('checks the answer to get-page-terms too: counts are whole, non-negative numbers', () => {
    const term = { entryId: 'lenalidomide', name: 'Lenalidomide', count: 3, abbreviations: [] };
    const good = { site: 'example.org', active: true, terms: [term] };
    expect(pageTermsResponse().safeParse(good).success).toBe(true);
    const bad = { ...good, terms: [{ ...term, count: -1 }] };
    expect(pageTermsResponse().safeParse(bad).success).toBe(false);
  });

  it("checks the page's abbreviations in the answer: both forms present, within bounds", () => {
    const answer = (abbreviations: unknown) => ({
      site: null,
      active: true,
      terms: [{ entryId: 'lenalidomide', name: 'Lenalidomide', count: 3, abbreviations }],
    });
    expect(pageTermsResponse().safeParse(answer([{ shortForm: 'LEN', longForm: 'lenalidomide' }])).success).toBe(true);
    for (const bad of [
      undefined,
      [{ shortForm: 'LEN' }],
      [{ shortForm: '', longForm: 'lenalidomide' }],
      [{ shortForm: 'LEN', longForm: 'x'.repeat(201) }],
      [{ shortForm: 'LEN', longForm: 'lenalidomide', extra: 1 }],
    ])
      expect(pageTermsResponse().safeParse(answer(bad)).success, JSON.stringify(bad)).toBe(false);
  });
});
