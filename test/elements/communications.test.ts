import { aTimeout, expect, html, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  clearDmStorage,
  liveOpen,
  part,
  parts,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

async function renderTab(opts: { width?: number; client?: string; syncUrl?: boolean } = {}) {
  clearDmStorage();
  const provider = await fixture<DmProvider>(html`<dm-provider base-url="/api/dm">
    <div style="width:${opts.width ?? 1000}px;height:600px">
      <dm-communications client=${opts.client ?? ''} ?sync-url=${opts.syncUrl ?? false}></dm-communications>
    </div>
  </dm-provider>`);
  const tab = provider.querySelector('dm-communications') as DmCommunications;
  await tab.updateComplete;
  return { provider, tab };
}

const list = (tab: DmCommunications) => tab.shadowRoot!.querySelector('dm-client-list')!;
const feed = (tab: DmCommunications) => tab.shadowRoot!.querySelector('dm-communications-feed');
const visible = (el: Element | null) =>
  !!el && (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().width > 0;

function feedHasText(tab: DmCommunications, text: string) {
  const f = feed(tab);
  return !!f && parts(f, 'item').some((i) => textOf(i).includes(text));
}

describe('<dm-communications>', () => {
  const originalUrl = location.href;
  beforeEach(() => db.reset());
  afterEach(() => history.replaceState(null, '', originalUrl));

  it('shows the list beside the card on a wide container', async () => {
    const { tab } = await renderTab({ width: 1000, client: MOCK_CLIENTS.dana });
    await waitFor(
      () =>
        parts(list(tab), 'client').length > 0 && feed(tab) && parts(feed(tab)!, 'item').length > 0,
      5000,
      'list and feed',
    );
    expect(visible(list(tab))).to.equal(true);
    expect(visible(feed(tab))).to.equal(true);
    expect(visible(part(tab, 'back'))).to.equal(false);
    expect(tab.shadowRoot!.querySelector('dm-composer')).to.exist;
  });

  it('takes storeOptions set after the provider is on the page (as a host module script does)', async () => {
    const { provider, tab } = await renderTab({ width: 1000 });
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list');
    const before = db.requestLog.length;
    provider.storeOptions = { clientPageSize: 7 };
    await waitFor(() => parts(list(tab), 'client').length === 7, 5000, 'a page of 7 clients');
    const pages = db.requestLog.slice(before).filter((r) => r.route === 'clients');
    expect(
      pages.length > 0 && pages.every((r) => new URLSearchParams(r.search).get('limit') === '7'),
      'pages asked with limit=7',
    ).to.equal(true);
  });

  it("given no height, stops at the screen's height with the text box in view", async () => {
    clearDmStorage();
    const provider = await fixture<DmProvider>(
      html`<dm-provider base-url="/api/dm"><dm-communications client=${MOCK_CLIENTS.longHistory}></dm-communications></dm-provider>`,
    );
    const tab = provider.querySelector('dm-communications') as DmCommunications;
    await waitFor(() => feed(tab) && parts(feed(tab)!, 'item').length > 0, 5000, 'feed');
    const input = () =>
      tab.shadowRoot!.querySelector('dm-composer')!.shadowRoot!.querySelector('textarea')!;
    await waitFor(() => input(), 4000, 'composer');
    const box = tab.getBoundingClientRect();
    expect(
      box.height <= innerHeight + 1,
      `${box.height} px in a ${innerHeight} px screen`,
    ).to.equal(true);
    expect(
      input().getBoundingClientRect().bottom <= box.bottom,
      'the text box inside the tab',
    ).to.equal(true);
    tab.hidden = true;
    expect(tab.getBoundingClientRect().height).to.equal(0);
  });

  it("sends the provider's headers, read at each request: set later, they need no new store", async () => {
    const { provider, tab } = await renderTab({ width: 1000 });
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list');
    const store = provider.store;
    const seen: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('X-Token') ?? '');
      return original(input, init);
    };
    try {
      provider.headers = { 'X-Token': 'one' };
      tab.client = MOCK_CLIENTS.dana;
      await waitFor(() => seen.includes('one'), 4000, 'a request with the first token');
      provider.headers = async () => ({ 'X-Token': 'two' });
      tab.client = MOCK_CLIENTS.emoji;
      await waitFor(() => seen.includes('two'), 4000, 'a request with the second token');
      expect(provider.store === store, 'the same store').to.equal(true);
    } finally {
      window.fetch = original;
    }
  });

  it('side by side, picking a client puts the keyboard in its text box', async () => {
    const { tab } = await renderTab({ width: 1000 });
    await waitFor(() => parts(list(tab), 'client').length > 2, 5000, 'list');
    parts(list(tab), 'client')[2].click();
    const composer = () => tab.shadowRoot!.querySelector('dm-composer');
    await waitFor(
      () =>
        composer()?.shadowRoot?.activeElement?.getAttribute('part') === 'input' ||
        !!composer()?.shadowRoot?.querySelector('textarea[disabled]'),
      4000,
      'focus in the text box',
    );
  });

  it('re-exports every part its list, feed and composer render', async () => {
    const { tab } = await renderTab({ width: 1000, client: MOCK_CLIENTS.dana });
    await waitFor(
      () =>
        parts(list(tab), 'client').length > 0 && feed(tab) && parts(feed(tab)!, 'item').length > 0,
      5000,
      'list and feed',
    );
    const missing: string[] = [];
    for (const inner of tab.shadowRoot!.querySelectorAll(
      'dm-client-list, dm-communications-feed, dm-composer',
    )) {
      const exported = new Set(
        (inner.getAttribute('exportparts') ?? '').split(',').map((p) => p.trim().split(':')[0]),
      );
      for (const el of inner.shadowRoot!.querySelectorAll('[part]')) {
        for (const name of el.getAttribute('part')!.split(/\s+/))
          if (name && !exported.has(name)) missing.push(`${inner.localName}::part(${name})`);
      }
    }
    expect([...new Set(missing)].join(', '), 'parts not re-exported').to.equal('');
  });

  it('passes its own strings to the list, feed and composer inside it', async () => {
    const { tab } = await renderTab({ width: 1000, client: MOCK_CLIENTS.dana });
    tab.strings = { send: 'Go', searchPlaceholder: 'Find a client', filterOrders: 'Readings' };
    const composer = () => tab.shadowRoot!.querySelector('dm-composer')!;
    await waitFor(
      () => feed(tab) && part(feed(tab)!, 'filter') && part(composer(), 'send'),
      5000,
      'card',
    );
    await waitFor(() => textOf(part(composer(), 'send')) === 'Go', 2000, 'composer send label');
    expect((part(list(tab), 'search') as HTMLInputElement).placeholder).to.equal('Find a client');
    expect(textOf(part(feed(tab)!, 'filter'))).to.contain('Readings');
  });

  it("reflects the feed's filter control in its own filter attribute", async () => {
    const { tab } = await renderTab({ width: 1000, client: MOCK_CLIENTS.dana });
    await waitFor(() => feed(tab) && part(feed(tab)!, 'filter'), 5000, 'feed');
    const orders = [...part(feed(tab)!, 'filter')!.querySelectorAll('button')].find(
      (b) => textOf(b) === 'Orders',
    )!;
    orders.click();
    await waitFor(() => tab.getAttribute('filter') === 'orders', 2000, 'filter attribute');
    expect(feed(tab)!.getAttribute('filter')).to.equal('orders');
    tab.setAttribute('filter', 'messages');
    await waitFor(() => feed(tab)!.getAttribute('filter') === 'messages', 2000, 'the feed follows');
  });

  it('on a phone, a card left with Back is not being read: its client gets a notice, and reopening reads at the bottom', async () => {
    const quiet = db.clients().find((c) => !c.hasUnread && c.id !== MOCK_CLIENTS.dana)!;
    const { provider, tab } = await renderTab({ width: 375, client: quiet.id });
    await liveOpen(tab);
    await waitFor(() => feed(tab) && parts(feed(tab)!, 'item').length > 0, 5000, 'card');
    part<HTMLButtonElement>(tab, 'back')!.click();
    await waitFor(() => visible(list(tab)) && !visible(feed(tab)), 2000, 'the list again');
    db.clientWrites(quiet.id, 'Written while the card was closed');
    await waitFor(
      () => provider.store!.notices.some((n) => n.clientId === quiet.id),
      4000,
      'a notice for the closed card',
    );
    await aTimeout(1000);
    expect(db.client(quiet.id)?.hasUnread, 'not read while closed').to.equal(true);
    parts(list(tab), 'client')
      .find((r) => textOf(r).includes(quiet.displayName))!
      .click();
    await waitFor(
      () => feedHasText(tab, 'Written while the card was closed'),
      4000,
      'the new message in the card',
    );
    await waitFor(() => db.client(quiet.id)?.hasUnread === false, 4000, 'read once reopened');
  });

  it('a card open for a while reads a message that arrives in view at once (no unread flash)', async () => {
    const quiet = db.clients().find((c) => !c.hasUnread && c.id !== MOCK_CLIENTS.dana)!;
    const { tab } = await renderTab({ width: 1000, client: quiet.id });
    await liveOpen(tab);
    await waitFor(() => feed(tab) && parts(feed(tab)!, 'item').length > 0, 5000, 'card');
    await aTimeout(900);
    db.clientWrites(quiet.id, 'Are you reading this?');
    await waitFor(() => feedHasText(tab, 'Are you reading this?'), 4000, 'shown');
    const shownAt = Date.now();
    await waitFor(() => db.client(quiet.id)?.hasUnread === false, 4000, 'read');
    expect(Date.now() - shownAt, 'ms from shown to read').to.be.lessThan(400);
  });

  it('on a phone shows the list, then the card with a Back control', async () => {
    const { tab } = await renderTab({ width: 375 });
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list');
    expect(visible(list(tab))).to.equal(true);
    const opened = parts(list(tab), 'client')[1];
    const openedName = textOf(opened.querySelector('[part~="name"]'));
    opened.click();
    await waitFor(() => visible(feed(tab)), 4000, 'card shown');
    expect(visible(list(tab))).to.equal(false);
    // The card's heading takes focus, not the text box (which would pop up a phone's keyboard).
    await waitFor(
      () => tab.shadowRoot!.activeElement?.tagName === 'H2',
      2000,
      'focus on the card heading',
    );
    const back = part(tab, 'back')!;
    expect(visible(back)).to.equal(true);
    expect(back.getAttribute('aria-label') ?? textOf(back)).to.contain('Back');
    back.click();
    await waitFor(() => visible(list(tab)), 4000, 'list again');
    expect(visible(feed(tab))).to.equal(false);
    // The keyboard is back on the row of the client just left.
    await waitFor(
      () =>
        textOf(list(tab).shadowRoot!.activeElement?.querySelector('[part~="name"]') ?? null) ===
        openedName,
      2000,
      'focus on the row left',
    );
  });

  it("on a phone, the browser's Back closes the card and puts the keyboard on the row left", async () => {
    const { tab } = await renderTab({ width: 375, syncUrl: true });
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list');
    const opened = parts(list(tab), 'client')[1];
    const openedName = textOf(opened.querySelector('[part~="name"]'));
    opened.click();
    await waitFor(
      () => tab.shadowRoot!.activeElement?.tagName === 'H2',
      4000,
      'focus on the card heading',
    );
    expect(new URL(location.href).searchParams.get('dm-client')).to.equal(tab.client);
    history.back();
    await waitFor(() => visible(list(tab)), 4000, 'list again');
    await waitFor(
      () =>
        textOf(list(tab).shadowRoot!.activeElement?.querySelector('[part~="name"]') ?? null) ===
        openedName,
      2000,
      'focus on the row left',
    );
  });

  it("fires dm-card-close (bubbling, composed) with the client left, on Back and on the browser's Back", async () => {
    const { provider, tab } = await renderTab({ width: 375, syncUrl: true });
    const closed: {
      clientId: string;
      bubbles: boolean;
      composed: boolean;
      target: EventTarget | null;
    }[] = [];
    // Listened on an ancestor: it bubbles out of the tab.
    provider.addEventListener('dm-card-close', (e) =>
      closed.push({
        clientId: e.detail.clientId,
        bubbles: e.bubbles,
        composed: e.composed,
        target: e.target,
      }),
    );
    await waitFor(() => parts(list(tab), 'client').length > 1, 5000, 'list');
    parts(list(tab), 'client')[1].click();
    await waitFor(() => visible(feed(tab)), 4000, 'card shown');
    const first = tab.client;
    expect(closed, 'nothing on open').to.have.length(0);
    part<HTMLButtonElement>(tab, 'back')!.click();
    await waitFor(() => closed.length === 1, 2000, 'dm-card-close on Back');
    expect(closed[0]).to.deep.equal({
      clientId: first,
      bubbles: true,
      composed: true,
      target: tab,
    });
    // The host that passes `client` clears it on the event, as a React host would.
    tab.client = null;
    await tab.updateComplete;
    parts(list(tab), 'client')[2].click();
    await waitFor(() => visible(feed(tab)), 4000, 'second card shown');
    const second = tab.client;
    expect(second).to.not.equal(first);
    history.back();
    await waitFor(() => closed.length === 2, 4000, "dm-card-close on the browser's Back");
    expect(closed[1]!.clientId).to.equal(second);
    expect(visible(list(tab))).to.equal(true);
  });

  it('on a phone, Back from a client who is not in the list puts the keyboard in the list', async () => {
    const { tab } = await renderTab({ width: 375, client: 'c-no-such-client' });
    await waitFor(() => visible(part(tab, 'back')), 4000, 'card with Back');
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list rows loaded');
    part(tab, 'back')!.click();
    await waitFor(() => visible(list(tab)), 4000, 'list again');
    await waitFor(
      () => list(tab).shadowRoot!.activeElement?.getAttribute('role') === 'listbox',
      2000,
      'focus on the list',
    );
  });

  it('opens the card named by ?dm-client=, also for a client beyond the first page', async () => {
    const far = db.clients().at(-1)!;
    history.replaceState(null, '', `?dm-client=${far.id}`);
    const { tab } = await renderTab();
    expect(tab.client).to.equal(far.id);
    await waitFor(
      () => textOf(tab.shadowRoot!.querySelector('h2')) === far.displayName,
      5000,
      'card header',
    );
    const items = db.feedItems(far.id);
    if (items.length) await waitFor(() => parts(feed(tab)!, 'item').length > 0, 5000, 'feed items');
    // The list shows that client selected, in view, though it is not on the list's first page.
    const l = list(tab);
    await waitFor(() => part(l, 'client-selected'), 5000, 'selected row in the list');
    const row = part(l, 'client-selected')!;
    expect(textOf(row)).to.contain(far.displayName);
    const box = row.getBoundingClientRect();
    const view = l.getBoundingClientRect();
    await waitFor(
      () => {
        const b = part(l, 'client-selected')!.getBoundingClientRect();
        return b.top >= view.top - 1 && b.bottom <= view.bottom + 1;
      },
      3000,
      'selected row scrolled into view',
    ).catch(() => expect.fail(`row at ${box.top}-${box.bottom}, list ${view.top}-${view.bottom}`));
    // Paging in the rest of the list leaves it once, at its place in the order.
    const store = tab.closest('dm-provider')!.store!;
    for (let i = 0; i < 20 && store.clientList.nextCursor; i++) {
      await waitFor(() => !store.clientList.loadingMore, 5000, 'page loaded');
      await store.loadMoreClients();
    }
    expect(store.clientList.nextCursor, 'every page loaded').to.equal(null);
    const ids = store.clientList.clients.map((c) => c.id);
    expect(ids.filter((id) => id === far.id).length).to.equal(1);
    expect(ids).to.deep.equal(db.clients().map((c) => c.id));
  });

  it('keeps the open client in the URL when sync-url is set, and opens a card from a notice', async () => {
    const { tab } = await renderTab({ syncUrl: true });
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list');
    parts(list(tab), 'client')[2].click();
    await waitFor(
      () => new URL(location.href).searchParams.get('dm-client') === tab.client && !!tab.client,
      4000,
      'url',
    );
    document.dispatchEvent(
      new CustomEvent('dm-notice-open', {
        detail: { clientId: MOCK_CLIENTS.emoji },
        bubbles: true,
        composed: true,
      }),
    );
    await waitFor(() => tab.client === MOCK_CLIENTS.emoji, 2000, 'notice opened the card');
    expect(new URL(location.href).searchParams.get('dm-client')).to.equal(MOCK_CLIENTS.emoji);
  });

  it('with sync-url, a client set by attribute or property is kept in the URL too (in place), and clearing it drops it', async () => {
    const { tab } = await renderTab({ syncUrl: true, client: MOCK_CLIENTS.dana });
    await waitFor(() => parts(list(tab), 'client').length > 0, 5000, 'list');
    const entries = history.length;
    tab.setAttribute('client', MOCK_CLIENTS.emoji);
    await waitFor(
      () => new URL(location.href).searchParams.get('dm-client') === MOCK_CLIENTS.emoji,
      2000,
      'attribute in the URL',
    );
    tab.client = MOCK_CLIENTS.rtl;
    await waitFor(
      () => new URL(location.href).searchParams.get('dm-client') === MOCK_CLIENTS.rtl,
      2000,
      'property in the URL',
    );
    expect(history.length, 'no history entries added').to.equal(entries);
    tab.client = '';
    await waitFor(
      () => !new URL(location.href).searchParams.has('dm-client'),
      2000,
      'cleared from the URL',
    );
  });

  it('updates the list live: the writer moves to the top with one bubble; the open feed gets it without reload', async () => {
    const quiet = db.clients().find((c) => !c.hasUnread && c.id !== MOCK_CLIENTS.dana)!;
    const { tab } = await renderTab({ client: quiet.id });
    await liveOpen(tab);
    await waitFor(
      () =>
        parts(list(tab), 'client').length > 0 &&
        feed(tab) &&
        (parts(feed(tab)!, 'item').length > 0 || part(feed(tab)!, 'empty')),
      5000,
      'ready',
    );
    const other = db
      .clients()
      .filter((c) => !c.hasUnread && c.id !== quiet.id)
      .at(-1)!;
    db.clientWrites(other.id, 'Hello from far away');
    await waitFor(
      () => textOf(parts(list(tab), 'client')[0]).includes(other.displayName),
      4000,
      'moved to top',
    );
    const top = parts(list(tab), 'client')[0];
    expect(
      top.querySelectorAll('[part~="unread-badge"]').length +
        (top.matches('[part~="unread-badge"]') ? 1 : 0),
    ).to.equal(1);
    db.clientWrites(quiet.id, 'Message for the open card');
    await waitFor(
      () => feedHasText(tab, 'Message for the open card'),
      4000,
      'live in the open feed',
    );
  });

  it('after a dropped stream, reconnects and shows a missed message exactly once', async () => {
    const { tab } = await renderTab({ client: MOCK_CLIENTS.dana });
    await liveOpen(tab);
    await waitFor(() => feed(tab) && parts(feed(tab)!, 'item').length > 0, 5000, 'feed');
    db.dropConnections();
    db.clientWrites(MOCK_CLIENTS.dana, 'Written while you were disconnected');
    await waitFor(
      () => feedHasText(tab, 'Written while you were disconnected'),
      8000,
      'missed message',
    );
    await new Promise((r) => setTimeout(r, 300));
    const copies = parts(feed(tab)!, 'item').filter((i) =>
      textOf(i).includes('Written while you were disconnected'),
    );
    expect(copies.length).to.equal(1);
  });
});

describe('presence', () => {
  beforeEach(() => db.reset());

  it('reports active on start, the live session as it changes, and hidden pages as inactive', async () => {
    const { provider } = await renderTab();
    await waitFor(() => db.presenceLog.length > 0, 3000, 'first presence');
    expect(db.presenceLog.at(-1)).to.include({ active: true, inLiveSession: false });
    provider.liveSession = true;
    await waitFor(
      () => db.presenceLog.at(-1)?.inLiveSession === true,
      2000,
      'live session within 2 s',
    );
    provider.liveSession = false;
    await waitFor(
      () => db.presenceLog.at(-1)?.inLiveSession === false,
      2000,
      'session ended within 2 s',
    );
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      await waitFor(() => db.presenceLog.at(-1)?.active === false, 2000, 'inactive within 2 s');
    } finally {
      delete (document as unknown as { visibilityState?: string }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    await waitFor(() => db.presenceLog.at(-1)?.active === true, 2000, 'active again');
  });

  it('still reaches the server within 2 s when one report fails (503)', async () => {
    const { provider } = await renderTab();
    await waitFor(() => db.presenceLog.length > 0, 3000, 'first presence');
    db.failNext('presence', 1, 503);
    provider.liveSession = true;
    await waitFor(
      () => db.presenceLog.at(-1)?.inLiveSession === true,
      2000,
      'live session within 2 s, after a 503',
    );
  });
});
