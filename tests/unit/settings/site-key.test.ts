import { describe, expect, it } from 'vitest';
import { siteKey } from '../../../src/settings/site-key';

describe('siteKey', () => {
  it('is the host name, without www., lower-cased', () => {
    expect(siteKey('https://www.Cancer.gov/types/myeloma?x=1#top')).toBe('cancer.gov');
    expect(siteKey('http://pubmed.ncbi.nlm.nih.gov/36765919/')).toBe('pubmed.ncbi.nlm.nih.gov');
    expect(siteKey('http://127.0.0.1:8080/page.html')).toBe('127.0.0.1');
  });

  it('is null where the extension never runs or the URL is not one', () => {
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('about:blank')).toBeNull();
    expect(siteKey('file:///home/me/notes.html')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });
});
