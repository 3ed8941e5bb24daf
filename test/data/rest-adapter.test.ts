import { expect } from '@open-wc/testing';
import { DmError } from '../../src/data/adapter.js';
import { RestAdapter } from '../../src/data/rest-adapter.js';
import type { DmEvent } from '../../src/core/types.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { startMock, waitFor } from '../helpers/render.js';

const { db } = await startMock();

async function failure(p: Promise<unknown>): Promise<DmError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(DmError);
    return e as DmError;
  }
  throw new Error('expected the call to fail');
}

describe('RestAdapter against the contract mock', () => {
  let api: RestAdapter;
  beforeEach(() => {
    db.reset();
    api = new RestAdapter({ baseUrl: '/api/dm/' });
  });

  it('reads the advisor, unread count and one client', async () => {
    expect((await api.getMe()).id).to.equal(db.me().id);
    expect((await api.getUnread()).clientsWithUnread).to.equal(db.unreadCount());
    expect((await api.getClient(MOCK_CLIENTS.dana)).displayName).to.equal(
      db.client(MOCK_CLIENTS.dana)!.displayName,
    );
  });

  it('pages through every client with cursors and searches by name', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.listClients({ limit: 17, cursor });
      seen.push(...page.clients.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).to.deep.equal(db.clients().map((c) => c.id));
    const q = db.client(MOCK_CLIENTS.dana)!.displayName.slice(0, 3).toLowerCase();
    const found = await api.listClients({ q });
    expect(found.clients.length).to.be.greaterThan(0);
    for (const c of found.clients) expect(c.displayName.toLowerCase()).to.contain(q);
  });

  it('reads feed pages newest first with olderCursor, filtered by type', async () => {
    const newest = await api.getFeed(MOCK_CLIENTS.longHistory, { limit: 50 });
    const all = db.feedItems(MOCK_CLIENTS.longHistory);
    expect(newest.items.map((i) => i.id)).to.deep.equal(all.slice(-50).map((i) => i.id));
    const older = await api.getFeed(MOCK_CLIENTS.longHistory, {
      limit: 50,
      before: newest.olderCursor,
    });
    expect(older.items.map((i) => i.id)).to.deep.equal(all.slice(-100, -50).map((i) => i.id));
    const orders = await api.getFeed(MOCK_CLIENTS.dana, { type: 'orders' });
    expect(orders.items.every((i) => i.kind === 'order')).to.equal(true);
  });

  it('sends idempotently and reports each error class', async () => {
    const sent = await api.sendMessage(MOCK_CLIENTS.dana, {
      body: 'Hello',
      clientMessageId: 'cmid-00000001',
    });
    const again = await api.sendMessage(MOCK_CLIENTS.dana, {
      body: 'Hello',
      clientMessageId: 'cmid-00000001',
    });
    expect(again.id).to.equal(sent.id);
    expect(db.countByClientMessageId(MOCK_CLIENTS.dana, 'cmid-00000001')).to.equal(1);

    const blocked = await failure(
      api.sendMessage(MOCK_CLIENTS.negativeReview, { body: 'x', clientMessageId: 'cmid-00000002' }),
    );
    expect(blocked).to.include({ kind: 'blocked', status: 403, reason: 'negative_review' });

    db.failNext('me', 1, 401);
    expect(await failure(api.getMe())).to.include({ kind: 'auth', status: 401 });
    db.failNext('unread', 1, 429, { retryAfterSeconds: 7 });
    expect(await failure(api.getUnread())).to.include({ kind: 'rate-limited', retryAfterMs: 7000 });
    db.failNext('unread', 1, 503);
    expect(await failure(api.getUnread())).to.include({
      kind: 'server',
      status: 503,
      retryAfterMs: null,
    });
    db.failNext('unread', 1, 503, { retryAfterSeconds: 3 });
    expect(await failure(api.getUnread())).to.include({
      kind: 'server',
      status: 503,
      retryAfterMs: 3000,
    });
    db.networkErrorNext('unread');
    expect((await failure(api.getUnread())).kind).to.equal('network');
    db.malformedNext('me');
    expect((await failure(api.getMe())).kind).to.equal('invalid-response');
    db.invalidNext('clients');
    expect((await failure(api.listClients({}))).kind).to.equal('invalid-response');
    expect(await failure(api.getClient('nope'))).to.include({ kind: 'not-found', status: 404 });
    expect((await failure(api.listClients({ limit: 1000 }))).kind).to.equal('bad-request');
  });

  it('times out and aborts', async () => {
    const slow = new RestAdapter({ baseUrl: '/api/dm', timeoutMs: 100 });
    db.setLatency(1000, 'unread');
    expect((await failure(slow.getUnread())).kind).to.equal('timeout');
    const abort = new AbortController();
    const p = api.getUnread({ signal: abort.signal });
    abort.abort();
    expect((await failure(p)).kind).to.equal('aborted');
  });

  it('marks read, loads order details, eligibility and reports presence', async () => {
    const last = db.feedItems(MOCK_CLIENTS.sevenUnread).at(-1)!;
    await api.markRead(MOCK_CLIENTS.sevenUnread, last.id);
    expect(db.client(MOCK_CLIENTS.sevenUnread)!.hasUnread).to.equal(false);
    const order = db.feedItems(MOCK_CLIENTS.dana).find((i) => i.kind === 'order')!;
    expect((await api.getOrder(order.id)).id).to.equal(order.id);
    expect(await api.getEligibility(MOCK_CLIENTS.fiveInARow)).to.include({
      canSend: false,
      reason: 'consecutive_limit',
    });
    await api.putPresence({ active: false, inLiveSession: true });
    expect(db.presenceLog.at(-1)).to.include({ active: false, inLiveSession: true });
  });

  it('adds headers from an async function and sends credentials', async () => {
    const seen: Request[] = [];
    const withAuth = new RestAdapter({
      baseUrl: '/api/dm',
      credentials: 'include',
      headers: async () => ({ Authorization: 'Bearer t0k3n' }),
      fetch: (input, init) => {
        seen.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    await withAuth.getMe();
    expect(seen[0].headers.get('Authorization')).to.equal('Bearer t0k3n');
    expect(seen[0].credentials).to.equal('include');
  });

  it('streams live events, resumes with Last-Event-ID after a drop, and never delivers one twice', async () => {
    const got: DmEvent[] = [];
    const invalid: DmError[] = [];
    const statuses: string[] = [];
    const lastIds: (string | null)[] = [];
    const live = new RestAdapter({
      baseUrl: '/api/dm',
      reconnectDelayMs: 50,
      fetch: (input, init) => {
        const r = new Request(input, init);
        if (r.url.endsWith('/events')) lastIds.push(r.headers.get('Last-Event-ID'));
        return fetch(input, init);
      },
    });
    const stop = live.subscribe((e) => got.push(e), {
      onStatus: (s) => statuses.push(s),
      onInvalid: (e) => invalid.push(e),
    });
    try {
      await waitFor(() => statuses.includes('open'), 4000, 'stream open');
      db.clientWrites(MOCK_CLIENTS.dana, 'first live');
      await waitFor(() => got.some((e) => e.type === 'feed-item'), 4000, 'first event');
      db.dropConnections();
      // Written while the stream is down: must arrive after the reconnect, exactly once.
      db.clientWrites(MOCK_CLIENTS.dana, 'while away');
      await waitFor(
        () =>
          got.some(
            (e) =>
              e.type === 'feed-item' && e.item.kind === 'message' && e.item.body === 'while away',
          ),
        5000,
        'missed event',
      );
      db.emitRaw('mystery', { x: 1 });
      db.emitRaw('feed-item', { item: { kind: 'message' } });
      db.clientWrites(MOCK_CLIENTS.dana, 'after junk');
      await waitFor(
        () =>
          got.some(
            (e) =>
              e.type === 'feed-item' && e.item.kind === 'message' && e.item.body === 'after junk',
          ),
        4000,
        'after junk',
      );
    } finally {
      stop();
    }
    expect(lastIds.length).to.be.greaterThan(1);
    expect(lastIds.at(-1)).to.be.a('string');
    const ids = got.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const bodies = got.flatMap((e) =>
      e.type === 'feed-item' && e.item.kind === 'message' ? [e.item.body] : [],
    );
    expect(bodies).to.deep.equal(['first live', 'while away', 'after junk']);
    expect(invalid.length).to.equal(1);
    expect(statuses).to.include('reconnecting');
  });
});
