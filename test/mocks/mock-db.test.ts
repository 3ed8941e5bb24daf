import { expect } from '@open-wc/testing';
import type {
  ClientPage,
  ClientSummary,
  Eligibility,
  FeedItem,
  FeedPage,
  MessageItem,
  OrderDetail,
} from '../../src/core/types.js';
import {
  ALL_ORDER_COMBOS,
  MOCK_CLIENTS,
  MockDb,
  startMockWorker,
  type MockWorker,
} from '../../src/mocks/index.js';

const API = '/api/dm';
let mock: MockWorker;
let db: MockDb;

async function get<T = unknown>(path: string): Promise<{ status: number; body: T; res: Response }> {
  const res = await fetch(`${API}${path}`);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, res };
}
async function send(
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: any; res: Response }> {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
}
const post = (path: string, body: unknown) => send('POST', path, body);
let cmidSeq = 0;
const cmid = () => `test-cmid-${Date.now()}-${++cmidSeq}`;
const sendMsg = (clientId: string, body = 'Hello there', id = cmid()) =>
  post(`/clients/${clientId}/messages`, { body, clientMessageId: id });

function expectErrorBody(body: any, code?: string) {
  expect(body).to.have.property('error');
  expect(body.error.code).to.be.a('string');
  expect(body.error.message).to.be.a('string');
  if (code) expect(body.error.code).to.equal(code);
}

before(async () => {
  mock = await startMockWorker({ quiet: true });
  db = mock.db;
});
after(() => mock.stop());
beforeEach(() => db.reset());

describe('mocks: seed data', () => {
  it('constructs lazily: long histories are generated on first access only', () => {
    const fresh = new MockDb({ seed: 7 });
    expect(fresh.feedItems(MOCK_CLIENTS.huge).length).to.equal(10_000);
  });

  it('is deterministic for a seed and a now', () => {
    const now = Date.UTC(2025, 0, 15, 12, 0);
    const a = new MockDb({ seed: 5, now });
    const b = new MockDb({ seed: 5, now });
    expect(a.clients()).to.deep.equal(b.clients());
    expect(a.feedItems(MOCK_CLIENTS.dana)).to.deep.equal(b.feedItems(MOCK_CLIENTS.dana));
    expect(a.feedItems(MOCK_CLIENTS.longHistory).slice(0, 50)).to.deep.equal(
      b.feedItems(MOCK_CLIENTS.longHistory).slice(0, 50),
    );
    const c = new MockDb({ seed: 6, now });
    expect(c.clients().map((x) => x.displayName)).not.to.deep.equal(
      a.clients().map((x) => x.displayName),
    );
    // well-known ids are stable across seeds
    for (const id of Object.values(MOCK_CLIENTS)) expect(c.client(id), id).to.exist;
  });

  it('has 64 clients by default, ~8 unread, and timestamps relative to now', () => {
    const now = Date.UTC(2025, 5, 1, 9, 30);
    const d = new MockDb({ now });
    const clients = d.clients();
    expect(clients.length).to.equal(64);
    const unread = clients.filter((c) => c.hasUnread).length;
    expect(unread).to.be.within(6, 10);
    for (const c of clients) {
      expect(Date.parse(c.lastActivityAt)).to.be.at.most(now);
      expect(c.displayName).to.match(/\S/);
      if (c.lastItemPreview) expect([...c.lastItemPreview].length).to.be.at.most(140);
    }
    expect(new Set(clients.map((c) => c.displayName)).size).to.equal(64);
    expect(new MockDb({ clientCount: 100 }).clients().length).to.equal(100);
    expect(new MockDb({ scenario: 'empty' }).clients()).to.deep.equal([]);
  });

  it('builds the well-known clients', () => {
    const d = new MockDb();
    const dana = d.feedItems(MOCK_CLIENTS.dana);
    expect(dana.length).to.be.within(35, 50);
    expect(d.client(MOCK_CLIENTS.dana)!.hasUnread).to.equal(true);
    expect(d.client(MOCK_CLIENTS.dana)!.displayName).to.equal('Dana K.');
    const types = new Set(
      dana.filter((i) => i.kind === 'order').map((i) => (i.kind === 'order' ? i.orderType : '')),
    );
    const statuses = new Set(
      dana.filter((i) => i.kind === 'order').map((i) => (i.kind === 'order' ? i.status : '')),
    );
    expect(types.size).to.equal(5);
    expect(statuses.size).to.equal(5);

    const long = d.feedItems(MOCK_CLIENTS.longHistory);
    expect(long.length).to.be.at.least(2000);
    const combos = new Set(
      long.map((i) => (i.kind === 'order' ? `${i.orderType}/${i.status}` : '')),
    );
    for (const [t, s] of ALL_ORDER_COMBOS)
      expect(combos.has(`${t}/${s}`), `${t}/${s}`).to.equal(true);
    expect(
      long.some((i) => i.kind === 'message' && i.body.length >= 1500 && i.body.length <= 2000),
    ).to.equal(true);
    for (let i = 1; i < long.length; i++)
      expect(Date.parse(long[i]!.at) >= Date.parse(long[i - 1]!.at)).to.equal(true);
    expect(new Set(long.map((i) => i.id)).size).to.equal(long.length);

    expect(d.feedItems(MOCK_CLIENTS.huge).length).to.equal(10_000);

    const seven = d.feedItems(MOCK_CLIENTS.sevenUnread);
    const tail = seven.slice(-8);
    expect(tail.slice(1).every((i) => i.kind === 'message' && i.sender === 'client')).to.equal(
      true,
    );
    expect(tail[0]!.kind === 'message' && tail[0]!.sender === 'advisor').to.equal(true);

    expect(d.feedItems(MOCK_CLIENTS.noHistory)).to.deep.equal([]);
    expect(d.client(MOCK_CLIENTS.noHistory)!.lastItemPreview).to.equal(null);
    expect(d.client(MOCK_CLIENTS.longName)!.displayName.length).to.be.at.least(60);
    const html = d
      .feedItems(MOCK_CLIENTS.html)
      .map((i) => (i.kind === 'message' ? i.body : ''))
      .join(' ');
    expect(html).to.contain('<script>alert(1)</script>');
    expect(html).to.contain('javascript:alert(1)');
    const rtl = d
      .feedItems(MOCK_CLIENTS.rtl)
      .map((i) => (i.kind === 'message' ? i.body : ''))
      .join(' ');
    expect(rtl).to.match(/[\u0590-\u05FF]/);
    expect(rtl).to.match(/[\u0600-\u06FF]/);
    expect(
      d
        .feedItems(MOCK_CLIENTS.emoji)
        .some((i) => i.kind === 'message' && /\p{Extended_Pictographic}/u.test(i.body)),
    ).to.equal(true);
    expect(
      d
        .feedItems(MOCK_CLIENTS.links)
        .some((i) => i.kind === 'message' && i.body.includes('https://example.com/reading')),
    ).to.equal(true);

    expect(d.eligibility(MOCK_CLIENTS.negativeReview).reason).to.equal('negative_review');
    expect(d.eligibility(MOCK_CLIENTS.fiveInARow)).to.deep.equal({
      canSend: false,
      reason: 'consecutive_limit',
      consecutiveSent: 5,
      consecutiveLimit: 5,
    });
    expect(d.eligibility(MOCK_CLIENTS.oneLeft)).to.deep.equal({
      canSend: true,
      reason: null,
      consecutiveSent: 4,
      consecutiveLimit: 5,
    });
    expect(d.eligibility(MOCK_CLIENTS.dana).canSend).to.equal(true);
    expect(
      new MockDb({ advisorStatus: 'needs_improvement' }).eligibility(MOCK_CLIENTS.dana).reason,
    ).to.equal('advisor_needs_improvement');
  });

  it('has prices in several currencies and durations for live orders', () => {
    const d = new MockDb();
    const orders = d.feedItems(MOCK_CLIENTS.longHistory).filter((i) => i.kind === 'order');
    const currencies = new Set(orders.map((o) => (o.kind === 'order' ? o.price.currency : '')));
    expect(currencies.has('USD')).to.equal(true);
    expect(currencies.size).to.be.at.least(3);
    for (const o of orders) {
      if (o.kind !== 'order') continue;
      expect(Number.isInteger(o.price.amountMinor)).to.equal(true);
      if (o.orderType.startsWith('live_')) expect(o.durationMinutes).to.be.a('number');
      else expect(o.durationMinutes).to.equal(null);
    }
  });
});

describe('mocks: GET /clients', () => {
  it('orders unread first, then activity desc, then id asc', async () => {
    const { status, body } = await get<ClientPage>('/clients?limit=200');
    expect(status).to.equal(200);
    expect(body.nextCursor).to.equal(null);
    const list = body.clients;
    expect(list.length).to.equal(64);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      const ok =
        (a.hasUnread && !b.hasUnread) ||
        (a.hasUnread === b.hasUnread &&
          (Date.parse(a.lastActivityAt) > Date.parse(b.lastActivityAt) ||
            (a.lastActivityAt === b.lastActivityAt && a.id < b.id)));
      expect(ok, `${a.id} before ${b.id}`).to.equal(true);
    }
    for (const c of list)
      expect(c).to.have.all.keys(
        'id',
        'displayName',
        'avatarUrl',
        'hasUnread',
        'lastActivityAt',
        'lastItemPreview',
      );
  });

  it('pages to exhaustion without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { body } = await get<ClientPage>(`/clients?limit=7${qs}`);
      expect(body.clients.length).to.be.at.most(7);
      seen.push(...body.clients.map((c) => c.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(cursor).to.equal(null);
    expect(seen.length).to.equal(64);
    expect(new Set(seen).size).to.equal(64);
    expect(seen).to.deep.equal(db.clients().map((c) => c.id));
    const { body: first } = await get<ClientPage>('/clients');
    expect(first.clients.length).to.equal(50);
    expect(first.nextCursor).to.be.a('string');
  });

  it('filters by a case-insensitive substring of the name', async () => {
    const { body } = await get<ClientPage>('/clients?q=dAnA');
    expect(body.clients.map((c) => c.id)).to.include(MOCK_CLIENTS.dana);
    for (const c of body.clients) expect(c.displayName.toLowerCase()).to.contain('dana');
    const none = await get<ClientPage>('/clients?q=zzzqqq');
    expect(none.body).to.deep.equal({ clients: [], nextCursor: null });
    // paging a filtered list keeps the filter
    const a = await get<ClientPage>('/clients?q=a&limit=5');
    const b = await get<ClientPage>(
      `/clients?q=a&limit=5&cursor=${encodeURIComponent(a.body.nextCursor!)}`,
    );
    for (const c of b.body.clients) expect(c.displayName.toLowerCase()).to.contain('a');
  });

  it('rejects bad limits and cursors with 400 error JSON', async () => {
    for (const q of [
      'limit=0',
      'limit=201',
      'limit=abc',
      'limit=-1',
      'limit=1.5',
      'cursor=garbage',
    ]) {
      const { status, body } = await get(`/clients?${q}`);
      expect(status, q).to.equal(400);
      expectErrorBody(body);
    }
    expect((await get('/clients?limit=200')).status).to.equal(200);
    expect((await get('/clients?limit=1')).status).to.equal(200);
  });

  it('returns an empty list for the empty scenario', async () => {
    const empty = new MockDb({ scenario: 'empty' });
    expect(empty.pageClients({ limit: 50, cursor: null, q: '' })).to.deep.equal({
      clients: [],
      nextCursor: null,
    });
    expect(empty.unreadCount()).to.equal(0);
  });

  it('GET /clients/{id}: 200 and 404', async () => {
    const ok = await get<ClientSummary>(`/clients/${MOCK_CLIENTS.dana}`);
    expect(ok.status).to.equal(200);
    expect(ok.body.displayName).to.equal('Dana K.');
    const missing = await get('/clients/nope');
    expect(missing.status).to.equal(404);
    expectErrorBody(missing.body, 'not_found');
  });

  it('serves avatars as SVG', async () => {
    const withAvatar = db.clients().find((c) => c.avatarUrl)!;
    const res = await fetch(withAvatar.avatarUrl!);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('image/svg+xml');
    expect(await res.text()).to.contain('<svg');
  });
});

describe('mocks: GET /clients/{id}/feed', () => {
  it('returns the newest page, oldest first', async () => {
    const { status, body } = await get<FeedPage>(`/clients/${MOCK_CLIENTS.longHistory}/feed`);
    expect(status).to.equal(200);
    expect(body.items.length).to.equal(50);
    const all = db.feedItems(MOCK_CLIENTS.longHistory);
    expect(body.items).to.deep.equal(all.slice(-50));
    expect(body.olderCursor).to.be.a('string');
  });

  it('pages a 2,500-item feed to exhaustion without duplicates', async () => {
    const all = db.feedItems(MOCK_CLIENTS.longHistory);
    const pages: FeedItem[][] = [];
    let before: string | null = null;
    do {
      const qs: string = before ? `&before=${encodeURIComponent(before)}` : '';
      const { body } = await get<FeedPage>(
        `/clients/${MOCK_CLIENTS.longHistory}/feed?limit=200${qs}`,
      );
      pages.unshift(body.items);
      before = body.olderCursor;
    } while (before && pages.length < 100);
    const got = pages.flat();
    expect(got.length).to.equal(all.length);
    expect(got.map((i) => i.id)).to.deep.equal(all.map((i) => i.id));
  });

  it('is fast on the 10,000-item feed', async () => {
    const t0 = performance.now();
    const first = await get<FeedPage>(`/clients/${MOCK_CLIENTS.huge}/feed?limit=100`);
    const second = await get<FeedPage>(
      `/clients/${MOCK_CLIENTS.huge}/feed?limit=100&before=${encodeURIComponent(first.body.olderCursor!)}`,
    );
    expect(performance.now() - t0).to.be.below(1500);
    expect(second.body.items.length).to.equal(100);
    expect(Date.parse(second.body.items[99]!.at)).to.be.at.most(
      Date.parse(first.body.items[0]!.at),
    );
  });

  it('filters orders and messages server-side with their own cursors', async () => {
    for (const type of ['orders', 'messages'] as const) {
      const kind = type === 'orders' ? 'order' : 'message';
      const expected = db.feedItems(MOCK_CLIENTS.longHistory).filter((i) => i.kind === kind);
      const got: FeedItem[] = [];
      let before: string | null = null;
      let n = 0;
      do {
        const qs: string = before ? `&before=${encodeURIComponent(before)}` : '';
        const { body } = await get<FeedPage>(
          `/clients/${MOCK_CLIENTS.longHistory}/feed?type=${type}&limit=150${qs}`,
        );
        for (const i of body.items) expect(i.kind).to.equal(kind);
        got.unshift(...body.items);
        before = body.olderCursor;
      } while (before && ++n < 100);
      expect(got.map((i) => i.id)).to.deep.equal(expected.map((i) => i.id));
    }
  });

  it('handles an empty feed and errors', async () => {
    expect((await get(`/clients/${MOCK_CLIENTS.noHistory}/feed`)).body).to.deep.equal({
      items: [],
      olderCursor: null,
      clientReadAt: null,
    });
    const short = await get<FeedPage>(`/clients/${MOCK_CLIENTS.html}/feed`);
    expect(short.body.olderCursor).to.equal(null);
    for (const q of ['type=bogus', 'limit=0', 'limit=500', 'before=%%%garbage']) {
      const { status, body } = await get(`/clients/${MOCK_CLIENTS.dana}/feed?${q}`);
      expect(status, q).to.equal(400);
      expectErrorBody(body);
    }
    const missing = await get('/clients/nope/feed');
    expect(missing.status).to.equal(404);
    expectErrorBody(missing.body, 'not_found');
  });
});

describe('mocks: POST /clients/{id}/messages', () => {
  it('stores with 201, is idempotent with 200, updates the client', async () => {
    const id = cmid();
    const first = await sendMsg(MOCK_CLIENTS.dana, 'Hi Dana!', id);
    expect(first.status).to.equal(201);
    const msg = first.body as MessageItem;
    expect(msg).to.include({
      kind: 'message',
      clientId: MOCK_CLIENTS.dana,
      sender: 'advisor',
      body: 'Hi Dana!',
      clientMessageId: id,
    });
    const again = await sendMsg(MOCK_CLIENTS.dana, 'Hi Dana!', id);
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.equal(msg);
    expect(db.countByClientMessageId(MOCK_CLIENTS.dana, id)).to.equal(1);
    expect(db.storedMessages(MOCK_CLIENTS.dana).length).to.equal(1);
    expect(db.client(MOCK_CLIENTS.dana)!.lastItemPreview).to.equal('Hi Dana!');
    expect(db.client(MOCK_CLIENTS.dana)!.lastActivityAt).to.equal(msg.at);
    const feed = await get<FeedPage>(`/clients/${MOCK_CLIENTS.dana}/feed`);
    expect(feed.body.items.at(-1)).to.deep.equal(msg);
    expect(db.eligibility(MOCK_CLIENTS.dana).consecutiveSent).to.equal(1);
  });

  it('validates the body with 400', async () => {
    const cases: unknown[] = [
      { body: '', clientMessageId: cmid() },
      { body: '   \n\t ', clientMessageId: cmid() },
      { body: 'x'.repeat(2001), clientMessageId: cmid() },
      { body: 42, clientMessageId: cmid() },
      { clientMessageId: cmid() },
      { body: 'hi', clientMessageId: 'short' },
      { body: 'hi', clientMessageId: 'x'.repeat(65) },
      { body: 'hi' },
      'not json',
      '[1,2]',
    ];
    for (const c of cases) {
      const { status, body } = await post(`/clients/${MOCK_CLIENTS.dana}/messages`, c);
      expect(status, JSON.stringify(c).slice(0, 60)).to.equal(400);
      expectErrorBody(body);
    }
    expect((await sendMsg(MOCK_CLIENTS.dana, 'x'.repeat(2000))).status).to.equal(201);
    expect((await sendMsg(MOCK_CLIENTS.dana, 'ok', 'x'.repeat(64))).status).to.equal(201);
    expect((await sendMsg('nope')).status).to.equal(404);
  });

  it('blocks with 403 and the reason, by precedence', async () => {
    const reasonOf = async (clientId: string) => {
      const { status, body } = await sendMsg(clientId);
      expect(status).to.equal(403);
      expect(body.error.code).to.equal('send_blocked');
      expect(body.error.message).to.be.a('string');
      return body.reason as string;
    };
    expect(await reasonOf(MOCK_CLIENTS.negativeReview)).to.equal('negative_review');
    expect(await reasonOf(MOCK_CLIENTS.fiveInARow)).to.equal('consecutive_limit');
    for (const [status, reason] of [
      ['suspended', 'advisor_suspended'],
      ['rejected', 'advisor_rejected'],
      ['needs_improvement', 'advisor_needs_improvement'],
    ] as const) {
      db.setAdvisorStatus(status);
      expect(await reasonOf(MOCK_CLIENTS.dana)).to.equal(reason);
      expect(await reasonOf(MOCK_CLIENTS.negativeReview)).to.equal(reason);
      expect(await reasonOf(MOCK_CLIENTS.fiveInARow)).to.equal(reason);
      const elig = await get<Eligibility>(`/clients/${MOCK_CLIENTS.dana}/send-eligibility`);
      expect(elig.body).to.deep.equal({
        canSend: false,
        reason,
        consecutiveSent: 0,
        consecutiveLimit: 5,
      });
    }
    db.setAdvisorStatus('active');
    expect((await sendMsg(MOCK_CLIENTS.dana)).status).to.equal(201);
    // negative review outranks the consecutive limit
    for (let i = 0; i < 4; i++) expect((await sendMsg(MOCK_CLIENTS.dana)).status).to.equal(201);
    expect(await reasonOf(MOCK_CLIENTS.dana)).to.equal('consecutive_limit');
    const completed = db
      .feedItems(MOCK_CLIENTS.dana)
      .find((i) => i.kind === 'order' && i.status === 'completed')!;
    db.leaveReview(completed.id, 'negative', 'meh');
    expect(await reasonOf(MOCK_CLIENTS.dana)).to.equal('negative_review');
  });

  it('4 in a row: one more, then blocked until the client replies or orders', async () => {
    const e0 = await get<Eligibility>(`/clients/${MOCK_CLIENTS.oneLeft}/send-eligibility`);
    expect(e0.body).to.deep.equal({
      canSend: true,
      reason: null,
      consecutiveSent: 4,
      consecutiveLimit: 5,
    });
    expect((await sendMsg(MOCK_CLIENTS.oneLeft)).status).to.equal(201);
    const e1 = await get<Eligibility>(`/clients/${MOCK_CLIENTS.oneLeft}/send-eligibility`);
    expect(e1.body).to.deep.equal({
      canSend: false,
      reason: 'consecutive_limit',
      consecutiveSent: 5,
      consecutiveLimit: 5,
    });
    const blocked = await sendMsg(MOCK_CLIENTS.oneLeft);
    expect(blocked.status).to.equal(403);
    expect(blocked.body.reason).to.equal('consecutive_limit');
    // a retry of the 5th send is still answered 200 (idempotency before the block)
    const reply = db.clientWrites(MOCK_CLIENTS.oneLeft, 'Sorry, I was away!');
    expect(reply.sender).to.equal('client');
    expect(db.client(MOCK_CLIENTS.oneLeft)!.hasUnread).to.equal(true);
    const e2 = await get<Eligibility>(`/clients/${MOCK_CLIENTS.oneLeft}/send-eligibility`);
    expect(e2.body).to.deep.equal({
      canSend: true,
      reason: null,
      consecutiveSent: 0,
      consecutiveLimit: 5,
    });
    for (let i = 0; i < 5; i++) expect((await sendMsg(MOCK_CLIENTS.oneLeft)).status).to.equal(201);
    expect((await sendMsg(MOCK_CLIENTS.oneLeft)).status).to.equal(403);
    const order = db.clientOrders(MOCK_CLIENTS.oneLeft, 'live_chat');
    expect(order).to.include({ kind: 'order', status: 'pending', orderType: 'live_chat' });
    expect((await get<OrderDetail>(`/orders/${order.id}`)).body.id).to.equal(order.id);
    expect((await sendMsg(MOCK_CLIENTS.oneLeft)).status).to.equal(201);
  });

  it('the fifth send retried with its clientMessageId returns 200, not 403', async () => {
    const id = cmid();
    expect((await sendMsg(MOCK_CLIENTS.oneLeft, 'fifth', id)).status).to.equal(201);
    expect((await sendMsg(MOCK_CLIENTS.oneLeft, 'fifth', id)).status).to.equal(200);
    expect(db.countByClientMessageId(MOCK_CLIENTS.oneLeft, id)).to.equal(1);
  });

  it('five in a row is unblocked by a client message', async () => {
    expect((await sendMsg(MOCK_CLIENTS.fiveInARow)).status).to.equal(403);
    db.clientWrites(MOCK_CLIENTS.fiveInARow);
    expect((await sendMsg(MOCK_CLIENTS.fiveInARow)).status).to.equal(201);
  });

  it('leaveReview negative blocks; positive unblocks', async () => {
    const order = db
      .feedItems(MOCK_CLIENTS.dana)
      .find((i) => i.kind === 'order' && i.status === 'completed')!;
    db.leaveReview(order.id, 'negative', 'Not for me');
    expect((await sendMsg(MOCK_CLIENTS.dana)).body.reason).to.equal('negative_review');
    expect((await get<OrderDetail>(`/orders/${order.id}`)).body.review).to.deep.equal({
      rating: 'negative',
      comment: 'Not for me',
    });
    db.leaveReview(order.id, 'positive');
    expect((await sendMsg(MOCK_CLIENTS.dana)).status).to.equal(201);
  });
});

describe('mocks: read, unread, orders, presence, me', () => {
  it('POST /read clears hasUnread and the unread count', async () => {
    const before = (await get<{ clientsWithUnread: number }>('/unread')).body.clientsWithUnread;
    expect(before).to.equal(db.clients().filter((c) => c.hasUnread).length);
    expect(before).to.be.greaterThan(0);
    const items = db.feedItems(MOCK_CLIENTS.sevenUnread);
    // reading up to an older item keeps it unread
    expect(
      (await post(`/clients/${MOCK_CLIENTS.sevenUnread}/read`, { upTo: items.at(-3)!.id })).status,
    ).to.equal(204);
    expect(db.client(MOCK_CLIENTS.sevenUnread)!.hasUnread).to.equal(true);
    const res = await post(`/clients/${MOCK_CLIENTS.sevenUnread}/read`, { upTo: items.at(-1)!.id });
    expect(res.status).to.equal(204);
    expect(db.client(MOCK_CLIENTS.sevenUnread)!.hasUnread).to.equal(false);
    expect((await get<{ clientsWithUnread: number }>('/unread')).body.clientsWithUnread).to.equal(
      before - 1,
    );
    expect(
      (await get<ClientSummary>(`/clients/${MOCK_CLIENTS.sevenUnread}`)).body.hasUnread,
    ).to.equal(false);
    db.clientWrites(MOCK_CLIENTS.sevenUnread);
    expect((await get<{ clientsWithUnread: number }>('/unread')).body.clientsWithUnread).to.equal(
      before,
    );
  });

  it('POST /read errors', async () => {
    const r1 = await post(`/clients/${MOCK_CLIENTS.dana}/read`, {});
    expect(r1.status).to.equal(400);
    expectErrorBody(r1.body);
    const r2 = await post(`/clients/${MOCK_CLIENTS.dana}/read`, { upTo: 'no-such-item' });
    expect(r2.status).to.equal(404);
    expectErrorBody(r2.body, 'not_found');
    const r3 = await post('/clients/nope/read', { upTo: 'x' });
    expect(r3.status).to.equal(404);
  });

  it('GET /orders/{id} returns details', async () => {
    const orders = db.feedItems(MOCK_CLIENTS.dana).filter((i) => i.kind === 'order');
    for (const o of orders) {
      const { status, body } = await get<OrderDetail>(`/orders/${o.id}`);
      expect(status).to.equal(200);
      expect(body).to.include({
        id: o.id,
        kind: 'order',
        status: o.kind === 'order' ? o.status : '',
      });
      expect(body).to.have.property('question');
      if (body.status === 'completed') expect(body.deliveredAt).to.be.a('string');
      else expect(body.deliveredAt).to.equal(null);
    }
    const neg = db
      .feedItems(MOCK_CLIENTS.negativeReview)
      .filter((i) => i.kind === 'order' && i.status === 'completed')
      .at(-1)!;
    expect((await get<OrderDetail>(`/orders/${neg.id}`)).body.review!.rating).to.equal('negative');
    // an order of a never-opened feed resolves too
    const fresh = new MockDb();
    const hugeOrder = new MockDb().feedItems(MOCK_CLIENTS.huge).find((i) => i.kind === 'order')!;
    expect(fresh.order(hugeOrder.id)!.id).to.equal(hugeOrder.id);
    const missing = await get('/orders/o-nope-1');
    expect(missing.status).to.equal(404);
    expectErrorBody(missing.body, 'not_found');
  });

  it('PUT /presence records every body, rejects invalid ones', async () => {
    expect(
      (await send('PUT', '/presence', { active: true, inLiveSession: false })).status,
    ).to.equal(204);
    expect(
      (await send('PUT', '/presence', { active: false, inLiveSession: true })).status,
    ).to.equal(204);
    expect(
      db.presenceLog.map(({ active, inLiveSession }) => ({ active, inLiveSession })),
    ).to.deep.equal([
      { active: true, inLiveSession: false },
      { active: false, inLiveSession: true },
    ]);
    expect(db.presenceLog[0]!.at).to.be.a('number');
    for (const bad of [{ active: 'yes', inLiveSession: false }, { active: true }, 'nope']) {
      const r = await send('PUT', '/presence', bad);
      expect(r.status).to.equal(400);
      expectErrorBody(r.body);
    }
    expect(db.presenceLog.length).to.equal(2);
  });

  it('GET /me', async () => {
    expect((await get('/me')).body).to.deep.equal({
      id: 'a-1',
      displayName: 'Luna Starweaver',
      status: 'active',
    });
    db.setAdvisorStatus('suspended');
    expect(((await get('/me')).body as { status: string }).status).to.equal('suspended');
  });

  it('answers 404 JSON for unknown routes under the base', async () => {
    const r = await get('/nothing/here');
    expect(r.status).to.equal(404);
    expectErrorBody(r.body);
  });

  it('matches absolute URLs too', async () => {
    const res = await fetch(`${location.origin}${API}/me`);
    expect(res.status).to.equal(200);
  });
});

describe('mocks: fault controls', () => {
  it('failNext answers N errors then recovers', async () => {
    db.failNext('clients', 2, 503);
    const a = await get('/clients');
    const b = await get('/clients');
    expect([a.status, b.status]).to.deep.equal([503, 503]);
    expectErrorBody(a.body);
    expect((await get('/clients')).status).to.equal(200);
    // only that route
    db.failNext('feed', 1);
    expect((await get('/me')).status).to.equal(200);
    expect((await get(`/clients/${MOCK_CLIENTS.dana}/feed`)).status).to.equal(500);
  });

  it('429 carries Retry-After; 403 may carry a reason; 401; custom body', async () => {
    db.failNext('send', 1, 429, { retryAfterSeconds: 3 });
    const r = await sendMsg(MOCK_CLIENTS.dana);
    expect(r.status).to.equal(429);
    expect(r.res.headers.get('Retry-After')).to.equal('3');
    expectErrorBody(r.body, 'rate_limited');
    db.failNext('send', 1, 429);
    expect((await sendMsg(MOCK_CLIENTS.dana)).res.headers.get('Retry-After')).to.equal('1');
    db.failNext('send', 1, 403, { reason: 'advisor_suspended' });
    const f = await sendMsg(MOCK_CLIENTS.dana);
    expect(f.status).to.equal(403);
    expect(f.body.reason).to.equal('advisor_suspended');
    expect(f.body.error.code).to.equal('send_blocked');
    db.failNext('me', 1, 401);
    const u = await get('/me');
    expect(u.status).to.equal(401);
    expectErrorBody(u.body, 'unauthorized');
    db.failNext('me', 1, 500, { body: { weird: true } });
    expect((await get('/me')).body).to.deep.equal({ weird: true });
    expect(db.storedMessages(MOCK_CLIENTS.dana).length).to.equal(0);
  });

  it('malformedNext and invalidNext', async () => {
    db.malformedNext('me');
    const res = await fetch(`${API}/me`);
    expect(res.status).to.equal(200);
    let threw = false;
    try {
      await res.json();
    } catch {
      threw = true;
    }
    expect(threw).to.equal(true);
    db.invalidNext('clients');
    const inv = await get<any>('/clients');
    expect(inv.status).to.equal(200);
    expect(inv.body.clients[0].id).to.be.a('number');
    db.invalidNext('me', 1, (body) => ({ ...(body as object), status: 'galactic' }));
    expect(((await get('/me')).body as { status: string }).status).to.equal('galactic');
    db.invalidNext('order');
    const o = await get<any>(
      `/orders/${db.feedItems(MOCK_CLIENTS.dana).find((i) => i.kind === 'order')!.id}`,
    );
    expect(o.body.id).to.equal(undefined);
    expect((await get('/me')).body).to.deep.include({ id: 'a-1' });
  });

  it('networkErrorNext and setOffline make fetch reject', async () => {
    const rejects = async (path: string) => {
      try {
        await fetch(`${API}${path}`);
        return false;
      } catch (e) {
        return e instanceof TypeError;
      }
    };
    db.networkErrorNext('unread');
    expect(await rejects('/unread')).to.equal(true);
    expect(await rejects('/unread')).to.equal(false);
    db.setOffline(true);
    expect(await rejects('/me')).to.equal(true);
    expect(await rejects('/clients')).to.equal(true);
    db.setOffline(false);
    expect(await rejects('/me')).to.equal(false);
  });

  it('setLatency delays one route or all', async () => {
    db.setLatency(300, 'me');
    let t0 = performance.now();
    await get('/me');
    expect(performance.now() - t0).to.be.at.least(280);
    t0 = performance.now();
    await get('/unread');
    expect(performance.now() - t0).to.be.below(250);
    db.setLatency(200);
    t0 = performance.now();
    await get('/unread');
    expect(performance.now() - t0).to.be.at.least(180);
    db.reset();
    t0 = performance.now();
    await get('/me');
    expect(performance.now() - t0).to.be.below(250);
  });

  it('logs requests', async () => {
    await get('/clients?limit=3&q=a');
    await sendMsg(MOCK_CLIENTS.dana);
    expect(db.requestLog.map((r) => [r.method, r.path, r.search, r.route])).to.deep.equal([
      ['GET', '/api/dm/clients', '?limit=3&q=a', 'clients'],
      ['POST', `/api/dm/clients/${MOCK_CLIENTS.dana}/messages`, '', 'send'],
    ]);
  });
});
