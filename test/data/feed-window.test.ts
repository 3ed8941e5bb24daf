import { expect } from '@open-wc/testing';
import { DmError, type DmAdapter, type FeedParams } from '../../src/data/adapter.js';
import { DmStore } from '../../src/data/store.js';
import type {
  ClientSummary,
  FeedItem,
  FeedPage,
  MessageItem,
  SearchPage,
} from '../../src/core/types.js';

const C = 'c1';
const T0 = Date.UTC(2020, 0, 1);
const msg = (i: number, body = `message ${i}`): MessageItem => ({
  kind: 'message',
  id: 'm' + i,
  clientId: C,
  at: new Date(T0 + i * 60_000).toISOString(),
  sender: i % 2 ? 'client' : 'advisor',
  body,
});

/** A 1.1 server in memory: `n` messages, index cursors, search over bodies; every call logged. */
class Server implements DmAdapter {
  all: FeedItem[];
  calls: string[] = [];
  /** Makes the next search answers wait on a promise (to answer out of order) or fail. */
  searchPlan: ((q: string) => Promise<void>)[] = [];
  constructor(n: number) {
    this.all = Array.from({ length: n }, (_, i) =>
      msg(i, i === 17 ? 'about her sister' : `message ${i}`),
    );
  }
  async getFeed(_c: string, p: FeedParams): Promise<FeedPage> {
    const limit = p.limit ?? 50;
    const total = this.all.length;
    this.calls.push(p.around ? 'around' : p.after ? 'after' : p.before ? 'before' : 'newest');
    await Promise.resolve();
    const page = (start: number, end: number, newer: boolean) => ({
      items: this.all.slice(start, end),
      olderCursor: start > 0 ? String(start) : null,
      ...(newer ? { newerCursor: end < total ? String(end) : null } : {}),
      clientReadAt: null,
    });
    if (p.around) {
      const i = this.all.findIndex((x) => x.id === p.around);
      if (i < 0) throw new DmError('not-found', 'HTTP 404', { status: 404 });
      const start = Math.max(0, Math.min(i - (limit >> 1), total - limit));
      return page(start, Math.min(total, start + limit), true);
    }
    if (p.after) return page(Number(p.after), Math.min(total, Number(p.after) + limit), true);
    if (p.before) return page(Math.max(0, Number(p.before) - limit), Number(p.before), false);
    return page(Math.max(0, total - limit), total, false);
  }
  async search(
    _c: string,
    p: { q: string; cursor?: string | null; limit?: number },
  ): Promise<SearchPage> {
    this.calls.push('search:' + p.q);
    const plan = this.searchPlan.shift();
    if (plan) await plan(p.q);
    const hits = this.all
      .filter((x) => x.kind === 'message' && x.body.toLowerCase().includes(p.q.toLowerCase()))
      .reverse();
    return { hits, nextCursor: null };
  }
  async sendMessage(
    clientId: string,
    b: { body: string; clientMessageId: string },
  ): Promise<MessageItem> {
    await new Promise((r) => setTimeout(r, 20));
    const m = {
      ...msg(this.all.length + 1000),
      clientId,
      sender: 'advisor' as const,
      body: b.body,
      clientMessageId: b.clientMessageId,
    };
    return m;
  }
  async getMe() {
    return { id: 'a', displayName: 'A', status: 'active' as const };
  }
  async listClients() {
    return { clients: [] as ClientSummary[], nextCursor: null };
  }
  async getClient(id: string): Promise<ClientSummary> {
    return {
      id,
      displayName: 'Dana',
      avatarUrl: null,
      hasUnread: false,
      lastActivityAt: new Date(T0).toISOString(),
      lastItemPreview: null,
    };
  }
  async getEligibility() {
    return { canSend: true, reason: null, consecutiveSent: 0, consecutiveLimit: 5 };
  }
  async markRead() {}
  async getOrder(): Promise<never> {
    throw new DmError('not-found', 'no');
  }
  async getUnread() {
    return { clientsWithUnread: 0 };
  }
  async putPresence() {}
  subscribe() {
    return () => {};
  }
}

async function open(n = 300) {
  const server = new Server(n);
  const store = new DmStore(server, { storage: null });
  await store.loadFeed(C);
  server.calls.length = 0;
  return { server, store, feed: () => store.feed(C) };
}

const ids = (items: readonly { id: string }[]) => items.map((x) => x.id);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the two-way feed window (store)', () => {
  it('a jump far back takes one request: a page around the item, which then pages down to the live tail', async () => {
    const { server, store, feed } = await open();
    expect(await store.jumpTo(C, 'all', 'm17')).to.equal('shown');
    expect(server.calls).to.deep.equal(['around']);
    expect(ids(feed().items)).to.include('m17');
    expect(feed().newerCursor).to.be.a('string');
    for (let i = 0; i < 10 && feed().newerCursor; i++) await store.loadNewer(C);
    expect(feed().newerCursor).to.equal(null);
    expect(server.calls.filter((c) => c === 'after').length).to.be.greaterThan(0);
    const got = ids(feed().items);
    // Contiguous from the around page to the newest, no gap, no duplicate.
    const first = Number(got[0]!.slice(1));
    expect(got).to.deep.equal(Array.from({ length: 300 - first }, (_, i) => 'm' + (first + i)));
  });

  it('a jump to an item already loaded asks nothing', async () => {
    const { server, store } = await open();
    expect(await store.jumpTo(C, 'all', 'm290')).to.equal('shown');
    expect(server.calls).to.deep.equal([]);
  });

  it('an item that is gone (around answers 404) leaves the feed as it was', async () => {
    const { store, feed } = await open();
    const before = feed();
    expect(await store.jumpTo(C, 'all', 'nope')).to.equal('gone');
    expect(feed().items).to.equal(before.items);
    expect(feed().newerCursor).to.equal(null);
  });

  it('live arrivals while in the past are counted for the pill, never put after the past; back to latest shows them', async () => {
    const { store, feed, server } = await open();
    await store.jumpTo(C, 'all', 'm17');
    const live = msg(300, 'just now');
    server.all.push(live);
    store.applyEvent({ type: 'feed-item', item: live });
    expect(ids(feed().items)).not.to.include('m300');
    expect(feed().pastArrivals).to.equal(1);
    // Back to latest: the newest page (one request), with the arrival at the bottom.
    server.calls.length = 0;
    store.toLatest(C);
    expect(feed().newerCursor).to.equal(null);
    expect(ids(feed().items)).not.to.include('m17');
    await tick();
    await tick();
    expect(server.calls).to.deep.equal(['newest']);
    expect(ids(feed().items).at(-1)).to.equal('m300');
    expect(ids(feed().items).at(-2)).to.equal('m299');
    expect(feed().pastArrivals).to.equal(0);
  });

  it('paging down to the newest brings in what arrived meanwhile, once', async () => {
    const { store, feed, server } = await open();
    await store.jumpTo(C, 'all', 'm17');
    const live = msg(300, 'just now');
    server.all.push(live);
    store.applyEvent({ type: 'feed-item', item: live });
    for (let i = 0; i < 10 && feed().newerCursor; i++) await store.loadNewer(C);
    const got = ids(feed().items);
    expect(got.at(-1)).to.equal('m300');
    expect(new Set(got).size).to.equal(got.length);
  });

  it("the advisor's own message takes a past feed back to the live tail", async () => {
    const { store, feed } = await open();
    await store.jumpTo(C, 'all', 'm17');
    const sent = store.send(C, 'Hello from the past');
    await tick();
    expect(feed().newerCursor).to.equal(null);
    expect((feed().items.at(-1) as MessageItem).body).to.equal('Hello from the past');
    await sent;
  });
});

describe('conversation search (store)', () => {
  it('asks nothing for fewer than 2 characters once trimmed', async () => {
    const { server, store } = await open();
    store.conversationSearch(C).search(' s ');
    await tick();
    expect(server.calls).to.deep.equal([]);
    expect(store.searchState(C).status).to.equal('idle');
  });

  it('an answer for an older query never replaces a newer one', async () => {
    const { server, store } = await open();
    let releaseFirst!: () => void;
    server.searchPlan = [
      () => new Promise<void>((r) => (releaseFirst = r)),
      () => Promise.resolve(),
    ];
    const s = store.conversationSearch(C);
    s.search('message 1');
    await tick();
    s.search('sister');
    await new Promise((r) => setTimeout(r, 10));
    expect(ids(store.searchState(C).hits)).to.deep.equal(['m17']);
    releaseFirst();
    await new Promise((r) => setTimeout(r, 10));
    expect(store.searchState(C).query).to.equal('sister');
    expect(ids(store.searchState(C).hits)).to.deep.equal(['m17']);
  });

  it('429 is an error with Retry, asked again by itself after Retry-After (not before)', async () => {
    const { server, store } = await open();
    server.searchPlan = [
      () =>
        Promise.reject(new DmError('rate-limited', 'HTTP 429', { status: 429, retryAfterMs: 150 })),
    ];
    const s = store.conversationSearch(C);
    s.search('sister');
    await new Promise((r) => setTimeout(r, 20));
    expect(store.searchState(C).status).to.equal('error');
    s.retry(); // too early: waits for Retry-After
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls.filter((c) => c.startsWith('search'))).to.have.length(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(store.searchState(C).status).to.equal('ready');
    expect(ids(store.searchState(C).hits)).to.deep.equal(['m17']);
    expect(server.calls.filter((c) => c.startsWith('search'))).to.have.length(2);
  });

  it('a 1.0 server (its pages carry no clientReadAt) has no search, before any is asked', async () => {
    const server = new Server(10);
    const getFeed = server.getFeed.bind(server);
    server.getFeed = async (c, p) => {
      const { clientReadAt: _, ...page } = await getFeed(c, p);
      return page;
    };
    const store = new DmStore(server, { storage: null });
    expect(store.searchSupported).to.equal(true);
    await store.loadFeed(C);
    expect(store.searchSupported).to.equal(false);
  });

  it('a 1.0 server (404) turns the search off quietly', async () => {
    const { server, store } = await open();
    server.searchPlan = [
      () => Promise.reject(new DmError('not-found', 'HTTP 404', { status: 404 })),
    ];
    store.conversationSearch(C).search('sister');
    await new Promise((r) => setTimeout(r, 10));
    expect(store.searchSupported).to.equal(false);
    expect(store.searchState(C).status).not.to.equal('error');
  });
});
