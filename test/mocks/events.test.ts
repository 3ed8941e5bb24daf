import { expect } from '@open-wc/testing';
import {
  MOCK_CLIENTS,
  startMockWorker,
  type MockDb,
  type MockWorker,
} from '../../src/mocks/index.js';
import { namedEvents, openEvents, type SseConnection } from './sse-reader.js';

let mock: MockWorker;
let db: MockDb;
const open: SseConnection[] = [];
async function connect(url?: string, headers?: Record<string, string>) {
  const c = await openEvents(url, headers);
  open.push(c);
  return c;
}
const until = async (cond: () => boolean, ms = 2000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 20));
  }
};

before(async () => {
  mock = await startMockWorker();
  db = mock.db;
});
after(() => mock.stop());
beforeEach(() => db.reset());
afterEach(() => {
  for (const c of open.splice(0)) c.abort();
});

describe('mocks: GET /events', () => {
  it('is an open text/event-stream starting with retry', async () => {
    const c = await connect();
    expect(c.response.status).to.equal(200);
    expect(c.response.headers.get('content-type')).to.contain('text/event-stream');
    await c.waitFor((b) => b.some((x) => x.retry === '1000'));
    expect(db.openConnections).to.equal(1);
  });

  it('streams feed-item, client and eligibility when the client writes', async () => {
    const c = await connect();
    await c.waitFor((b) => b.length >= 1);
    const item = db.clientWrites(MOCK_CLIENTS.dana, 'Live hello');
    const blocks = await c.waitFor((b) => namedEvents(b).length >= 3);
    const events = namedEvents(blocks);
    expect(events.map((e) => e.event)).to.deep.equal(['feed-item', 'client', 'eligibility']);
    expect(events[0]!.data).to.deep.equal({ item });
    expect(events[1]!.data.client).to.include({
      id: MOCK_CLIENTS.dana,
      hasUnread: true,
      lastItemPreview: 'Live hello',
    });
    expect(events[2]!.data).to.deep.equal({
      clientId: MOCK_CLIENTS.dana,
      eligibility: db.eligibility(MOCK_CLIENTS.dana),
    });
    const ids = events.map((e) => Number(e.id));
    expect(ids[1]).to.equal(ids[0]! + 1);
    expect(ids[2]).to.equal(ids[1]! + 1);
  });

  it('streams the events of an HTTP send and of advisor status changes', async () => {
    const c = await connect();
    await c.waitFor((b) => b.length >= 1);
    const res = await fetch(`/api/dm/clients/${MOCK_CLIENTS.oneLeft}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'the fifth', clientMessageId: 'sse-test-0001' }),
    });
    expect(res.status).to.equal(201);
    let events = namedEvents(await c.waitFor((b) => namedEvents(b).length >= 3));
    expect(events[2]!.data.eligibility).to.deep.equal({
      canSend: false,
      reason: 'consecutive_limit',
      consecutiveSent: 5,
      consecutiveLimit: 5,
    });
    db.setAdvisorStatus('suspended');
    const total = db.clients().length;
    const afterAdvisor = (b: typeof c.blocks) => {
      const ev = namedEvents(b);
      const i = ev.findIndex((e) => e.event === 'advisor');
      return i >= 0 && ev.length - i - 1 >= total;
    };
    events = namedEvents(await c.waitFor(afterAdvisor, 5000));
    await new Promise((r) => setTimeout(r, 50));
    events = namedEvents(c.blocks);
    const adv = events.find((e) => e.event === 'advisor')!;
    expect(adv.data).to.deep.equal({
      advisor: { id: 'a-1', displayName: 'Luna Starweaver', status: 'suspended' },
    });
    const elig = events.filter((e) => e.event === 'eligibility' && Number(e.id) > Number(adv.id));
    // every client that could send is now blocked; c-negrev / c-five change reason too
    expect(elig.length).to.equal(db.clients().length);
    for (const e of elig) expect(e.data.eligibility.reason).to.equal('advisor_suspended');
  });

  it('replays missed events after Last-Event-ID, then streams new ones', async () => {
    const c1 = await connect();
    await c1.waitFor((b) => b.length >= 1);
    db.clientWrites(MOCK_CLIENTS.dana, 'one');
    const seen = namedEvents(await c1.waitFor((b) => namedEvents(b).length >= 3));
    const lastId = seen.at(-1)!.id;
    c1.abort();
    await until(() => db.openConnections === 0);

    db.clientWrites(MOCK_CLIENTS.rtl, 'two');
    db.clientOrders(MOCK_CLIENTS.emoji, 'live_video');

    const c2 = await connect(undefined, { 'Last-Event-ID': lastId });
    const replayed = namedEvents(await c2.waitFor((b) => namedEvents(b).length >= 6));
    expect(replayed.map((e) => Number(e.id))).to.deep.equal(
      [1, 2, 3, 4, 5, 6].map((n) => Number(lastId) + n),
    );
    expect(replayed[0]!.data.item.body).to.equal('two');
    expect(replayed[3]!.data.item).to.include({ kind: 'order', orderType: 'live_video' });
    db.clientWrites(MOCK_CLIENTS.dana, 'three');
    const more = namedEvents(await c2.waitFor((b) => namedEvents(b).length >= 9));
    expect(more[6]!.data.item.body).to.equal('three');
    expect(new Set(more.map((e) => e.id)).size).to.equal(9);

    // lastEventId query param works too
    const c3 = await connect(`/api/dm/events?lastEventId=${Number(lastId) + 6}`);
    const q = namedEvents(await c3.waitFor((b) => namedEvents(b).length >= 3));
    expect(q[0]!.data.item.body).to.equal('three');
    expect(q.length).to.equal(3);
  });

  it('a connection without Last-Event-ID gets only new events', async () => {
    db.clientWrites(MOCK_CLIENTS.dana, 'old');
    const c = await connect();
    await c.waitFor((b) => b.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(namedEvents(c.blocks)).to.deep.equal([]);
  });

  it('dropConnections closes every stream cleanly', async () => {
    const a = await connect();
    const b = await connect();
    await a.waitFor((x) => x.length >= 1);
    await b.waitFor((x) => x.length >= 1);
    expect(db.openConnections).to.equal(2);
    db.dropConnections();
    await Promise.all([a.closed, b.closed]);
    expect(db.openConnections).to.equal(0);
  });

  it('a client abort cancels the stream on the mock side', async () => {
    const c = await connect();
    await c.waitFor((x) => x.length >= 1);
    expect(db.openConnections).to.equal(1);
    c.abort();
    await until(() => db.openConnections === 0);
  });

  it('emitRaw pushes unknown or invalid events', async () => {
    const c = await connect();
    await c.waitFor((b) => b.length >= 1);
    db.emitRaw('mystery', { hello: 'world' });
    db.emitRaw('feed-item', '{not json');
    db.emitRaw('client', 'line one\nline two');
    const blocks = await c.waitFor((b) => namedEvents(b).length >= 3);
    const events = namedEvents(blocks);
    expect(events[0]).to.deep.include({ event: 'mystery', data: { hello: 'world' } });
    expect(events[1]).to.deep.include({ event: 'feed-item', data: '{not json' });
    expect(events[2]).to.deep.include({ event: 'client', data: 'line one\nline two' });
  });

  it('sends : ping comments', async () => {
    db.pingIntervalMs = 100;
    const c = await connect();
    await c.waitFor((b) => b.some((x) => x.comment === 'ping'), 2000);
    db.pingIntervalMs = 15_000;
  });

  it('fault controls apply to /events and offline drops streams', async () => {
    db.failNext('events', 1, 503);
    const r = await fetch('/api/dm/events');
    expect(r.status).to.equal(503);
    const c = await connect();
    await c.waitFor((b) => b.length >= 1);
    db.setOffline(true);
    await c.closed;
    let failed = false;
    try {
      await fetch('/api/dm/events');
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
  });

  it('subscribe observes events', () => {
    const seen: string[] = [];
    const off = db.subscribe((e) => seen.push(e.event));
    db.clientWrites(MOCK_CLIENTS.dana);
    off();
    db.clientWrites(MOCK_CLIENTS.dana);
    expect(seen).to.deep.equal(['feed-item', 'client', 'eligibility']);
  });
});
