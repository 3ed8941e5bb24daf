import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEEP_LINK_PARAM, clientCardUrl, clientIdFromUrl } from '../../src/core/deep-link.js';
import { describe, it, urlArb } from './support.js';

describe('deep links', () => {
  it('uses the dm-client parameter', () => void expect(DEEP_LINK_PARAM).to.equal('dm-client'));
  it('adds the client to a page URL, keeping other params and the hash', () => {
    expect(clientCardUrl('https://site.example/advisor/comms', 'c42')).to.equal(
      'https://site.example/advisor/comms?dm-client=c42',
    );
    expect(clientCardUrl('https://site.example/p?tab=dm&x=1#top', 'c42')).to.equal(
      'https://site.example/p?tab=dm&x=1&dm-client=c42#top',
    );
    expect(clientCardUrl(new URL('https://site.example/p?dm-client=old'), 'new')).to.equal(
      'https://site.example/p?dm-client=new',
    );
  });
  it('encodes the id and supports a custom parameter', () => {
    const url = clientCardUrl('https://s.example/', 'a b&c=d', 'who');
    expect(url).to.equal('https://s.example/?who=a+b%26c%3Dd');
    expect(clientIdFromUrl(url, 'who')).to.equal('a b&c=d');
    expect(clientIdFromUrl(url)).to.equal(null);
  });
  it('keeps a root-relative page URL relative', () => {
    expect(clientCardUrl('/advisor/comms?tab=1#x', 'c1')).to.equal(
      '/advisor/comms?tab=1&dm-client=c1#x',
    );
  });
  it('reads the client id, or null', () => {
    expect(clientIdFromUrl('https://s.example/p?dm-client=c7&x=1')).to.equal('c7');
    expect(clientIdFromUrl(new URL('https://s.example/p?x=1&dm-client=c%2F7'))).to.equal('c/7');
    expect(clientIdFromUrl('/p?dm-client=c7')).to.equal('c7');
    expect(clientIdFromUrl('https://s.example/p')).to.equal(null);
    expect(clientIdFromUrl('https://s.example/p?dm-client=')).to.equal(null);
    expect(clientIdFromUrl('https://s.example/p#dm-client=c7')).to.equal(null);
    expect(clientIdFromUrl('http://[bad')).to.equal(null);
  });
  it('round-trips any id and keeps the rest of the URL (property)', () => {
    const paramArb = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== 'dm-client'),
      fc.string(),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(urlArb, paramArb, fc.string({ minLength: 1 }), (base, params, id) => {
        const page = new URL(base);
        page.searchParams.delete('dm-client');
        for (const [k, v] of Object.entries(params)) page.searchParams.set(k, v);
        const out = new URL(clientCardUrl(page.href, id));
        expect(clientIdFromUrl(out)).to.equal(id);
        expect(out.hash).to.equal(page.hash);
        expect(out.origin + out.pathname).to.equal(page.origin + page.pathname);
        out.searchParams.delete('dm-client');
        expect([...out.searchParams]).to.deep.equal([...page.searchParams]);
      }),
      { numRuns: 300 },
    );
  });
});
