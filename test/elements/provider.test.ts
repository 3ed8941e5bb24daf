/**
 * <dm-provider>: a deferred start (`manual-start` + `start()`) for hosts whose token arrives
 * late, and the warning an element gives when it is placed outside any provider.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { clearDmStorage, pageStorage, part, parts, startMock, waitFor } from '../helpers/render.js';

const { db } = await startMock();

/** Every request the page makes to the API, with its Authorization header. */
function recordRequests() {
  const seen: { url: string; auth: string | null }[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/api/dm'))
      seen.push({
        url: new URL(url, location.href).pathname,
        auth: new Headers(init?.headers).get('Authorization'),
      });
    return original(input, init);
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('<dm-provider>', () => {
  beforeEach(() => {
    db.reset();
    clearDmStorage();
  });

  it('with manual-start requests nothing before start(), then every request carries the headers set meanwhile', async () => {
    const rec = recordRequests();
    try {
      const provider =
        await fixture<DmProvider>(html`<dm-provider manual-start base-url="/api/dm" .storeOptions=${{ storage: pageStorage }}>
        <dm-unread-indicator></dm-unread-indicator>
        <dm-communications style="height: 500px"></dm-communications>
      </dm-provider>`);
      // The host awaits its token (longer than the page-scripts wait, which is one task after DOMContentLoaded).
      await aTimeout(300);
      expect(rec.seen, 'no request before start()').to.deep.equal([]);
      expect(provider.store).to.equal(undefined);
      provider.headers = async () => ({ Authorization: 'Bearer late-token' });
      provider.start();
      const tab = provider.querySelector('dm-communications')!;
      const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
      await waitFor(() => parts(list(), 'client').length > 0, 5000, 'the list after start()');
      const paths = new Set(rec.seen.map((r) => r.url));
      for (const p of ['/api/dm/me', '/api/dm/unread', '/api/dm/events', '/api/dm/clients'])
        expect(paths.has(p), p).to.equal(true);
      expect(
        rec.seen.filter((r) => r.auth !== 'Bearer late-token'),
        'requests without the token',
      ).to.deep.equal([]);
    } finally {
      rec.restore();
    }
  });

  it('without manual-start starts by itself; start() again is harmless', async () => {
    const provider =
      await fixture<DmProvider>(html`<dm-provider base-url="/api/dm" .storeOptions=${{ storage: pageStorage }}>
      <dm-client-list style="height: 400px"></dm-client-list>
    </dm-provider>`);
    const list = provider.querySelector('dm-client-list')!;
    await waitFor(() => parts(list, 'client').length > 0, 5000, 'list');
    const store = provider.store;
    provider.start();
    expect(provider.store === store).to.equal(true);
  });

  it('an element outside any <dm-provider> warns once, naming the fix; inside one (also through shadow roots) it does not', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const lone = await fixture(html`<div><dm-composer client-id="c1"></dm-composer></div>`);
      const composer = lone.querySelector('dm-composer')!;
      await composer.updateComplete;
      composer.clientId = 'c2';
      await composer.updateComplete;
      lone.remove();
      document.body.append(lone);
      await composer.updateComplete;
      const mine = warnings.filter((w) => w.includes('dm-provider'));
      expect(mine).to.have.length(1);
      expect(mine[0]).to.contain('<dm-composer>').and.contain('inside <dm-provider>');
      lone.remove();
      warnings.length = 0;
      // Inside: the tab's own list, feed and composer (in its shadow root) find the provider too.
      const provider =
        await fixture<DmProvider>(html`<dm-provider base-url="/api/dm" .storeOptions=${{ storage: pageStorage }}>
        <section><dm-communications style="height: 400px"></dm-communications></section>
      </dm-provider>`);
      await waitFor(
        () => !!part(provider.querySelector('dm-communications')!, 'list-pane'),
        4000,
        'tab',
      );
      expect(warnings.filter((w) => w.includes('dm-provider'))).to.deep.equal([]);
      const tabList = provider
        .querySelector('dm-communications')!
        .shadowRoot!.querySelector('dm-client-list')!;
      await waitFor(() => parts(tabList, 'client').length > 0, 5000, 'the tab has data');
    } finally {
      console.warn = original;
    }
  });
});
