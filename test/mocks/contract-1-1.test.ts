import { expect } from '@open-wc/testing';
import type { FeedItem } from '../../src/core/types.js';
import { MOCK_CLIENTS, MockDb, startMockWorker, type MockWorker } from '../../src/mocks/index.js';
import { namedEvents, openEvents, type SseConnection } from './sse-reader.js';

const API = '/api/dm';
let mock: MockWorker;
let db: MockDb;
const open: SseConnection[] = [];

interface Page {
  items: FeedItem[];
  olderCursor: string | null;
  newerCursor?: string | null;
  clientReadAt: string | null;
  error?: { code: string; message: string };
}
async function get<T = any>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${API}${path}`);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
const feed = (id: string, query: string) => get<Page>(`/clients/${id}/feed?${query}`);
const ids = (items: FeedItem[]) => items.map((i) => i.id);
const indexOf = (all: FeedItem[], item: FeedItem) => all.findIndex((i) => i.id === item.id);

before(async () => {
  mock = await startMockWorker({ quiet: true });
  db = mock.db;
});
after(() => mock.stop());
beforeEach(() => db.reset());
afterEach(() => {
  for (const c of open.splice(0)) c.abort();
});

describe('mocks 1.1: feed around and after', () => {
  it('around an item far back: a page holding it with items on both sides, oldest first', async () => {
    const all = db.feedItems(MOCK_CLIENTS.huge);
    const target = all[1234]!;
    const { status, body } = await feed(
      MOCK_CLIENTS.huge,
      `around=${encodeURIComponent(target.id)}&limit=50`,
    );
    expect(status).to.equal(200);
    expect(body.items).to.have.length(50);
    const k = ids(body.items).indexOf(target.id);
    expect(k).to.be.greaterThan(10);
    expect(k).to.be.lessThan(40);
    expect(ids(body.items)).to.deep.equal(ids(all.slice(1234 - k, 1234 - k + 50)));
    expect(body.olderCursor).to.be.a('string');
    expect(body.newerCursor).to.be.a('string');
  });

  it('walks after with newerCursor to the newest with no gap and no repeat, then null', async () => {
    const all = db.feedItems(MOCK_CLIENTS.longHistory);
    let page = (await feed(MOCK_CLIENTS.longHistory, `around=${all[2000]!.id}&limit=120`)).body;
    const seen = ids(page.items);
    let guard = 0;
    while (page.newerCursor) {
      page = (
        await feed(
          MOCK_CLIENTS.longHistory,
          `after=${encodeURIComponent(page.newerCursor)}&limit=120`,
        )
      ).body;
      expect(page).to.have.property('newerCursor');
      seen.push(...ids(page.items));
      if (++guard > 10) throw new Error('no end');
    }
    expect(page.newerCursor).to.equal(null);
    expect(seen).to.deep.equal(ids(all.slice(all.length - seen.length)));
    expect(seen[seen.length - 1]).to.equal(all[all.length - 1]!.id);
  });

  it('walks before from an around page back to the start, joining it exactly', async () => {
    const all = db.feedItems(MOCK_CLIENTS.dana);
    const around = (await feed(MOCK_CLIENTS.dana, `around=${all[20]!.id}&limit=10`)).body;
    const older = (
      await feed(MOCK_CLIENTS.dana, `before=${encodeURIComponent(around.olderCursor!)}&limit=10`)
    ).body;
    expect([...ids(older.items), ...ids(around.items)]).to.deep.equal(
      ids(all.slice(indexOf(all, older.items[0]!), indexOf(all, around.items[9]!) + 1)),
    );
    expect(older).not.to.have.property('newerCursor');
  });

  it('around near the newest: newerCursor null; near the oldest: olderCursor null', async () => {
    const all = db.feedItems(MOCK_CLIENTS.dana);
    const newest = (await feed(MOCK_CLIENTS.dana, `around=${all[all.length - 2]!.id}&limit=10`))
      .body;
    expect(newest.newerCursor).to.equal(null);
    expect(newest.items[newest.items.length - 1]!.id).to.equal(all[all.length - 1]!.id);
    expect(newest.items).to.have.length(10);
    const oldest = (await feed(MOCK_CLIENTS.dana, `around=${all[1]!.id}&limit=10`)).body;
    expect(oldest.olderCursor).to.equal(null);
    expect(oldest.items[0]!.id).to.equal(all[0]!.id);
    expect(oldest.newerCursor).to.be.a('string');
  });

  it('around honours type: 404 for a message with type=orders; the page holds orders only', async () => {
    const all = db.feedItems(MOCK_CLIENTS.dana);
    const message = all.find((i) => i.kind === 'message')!;
    const order = all.find((i) => i.kind === 'order')!;
    const miss = await feed(MOCK_CLIENTS.dana, `around=${message.id}&type=orders`);
    expect(miss.status).to.equal(404);
    expect(miss.body.error?.code).to.be.a('string');
    const hit = (await feed(MOCK_CLIENTS.dana, `around=${order.id}&type=orders&limit=5`)).body;
    expect(ids(hit.items)).to.include(order.id);
    expect(hit.items.every((i) => i.kind === 'order')).to.equal(true);
  });

  it('404 for an item of another feed; 400 for two of before/after/around or a bad after cursor', async () => {
    const other = db.feedItems(MOCK_CLIENTS.longHistory)[5]!;
    expect((await feed(MOCK_CLIENTS.dana, `around=${other.id}`)).status).to.equal(404);
    const first = (await feed(MOCK_CLIENTS.dana, 'limit=5')).body;
    const around = (await feed(MOCK_CLIENTS.dana, `around=${first.items[0]!.id}&limit=5`)).body;
    const both = await feed(
      MOCK_CLIENTS.dana,
      `before=${first.olderCursor}&around=${first.items[0]!.id}`,
    );
    expect(both.status).to.equal(400);
    expect(both.body.error?.code).to.be.a('string');
    expect(
      (await feed(MOCK_CLIENTS.dana, `before=${first.olderCursor}&after=${around.newerCursor}`))
        .status,
    ).to.equal(400);
    expect((await feed(MOCK_CLIENTS.dana, 'after=garbage')).status).to.equal(400);
    // an olderCursor is not a newerCursor
    expect((await feed(MOCK_CLIENTS.dana, `after=${first.olderCursor}`)).status).to.equal(400);
  });

  it('a newerCursor stays valid while new items arrive: after it come the new ones', async () => {
    const all = db.feedItems(MOCK_CLIENTS.dana);
    const around = (await feed(MOCK_CLIENTS.dana, `around=${all[all.length - 8]!.id}&limit=4`))
      .body;
    const written = db.clientWrites(MOCK_CLIENTS.dana, 'arrived meanwhile');
    let page = (
      await feed(MOCK_CLIENTS.dana, `after=${encodeURIComponent(around.newerCursor!)}&limit=50`)
    ).body;
    expect(page.items[page.items.length - 1]!.id).to.equal(written.id);
    expect(page.newerCursor).to.equal(null);
    expect(page.items[0]!.id).to.equal(all[indexOf(all, around.items[3]!) + 1]!.id);
    page = (await feed(MOCK_CLIENTS.dana, 'limit=1')).body;
    expect(page.items[0]!.id).to.equal(written.id);
  });
});

describe('mocks 1.1: clientReadAt and client-read', () => {
  it('every feed page carries clientReadAt (seeded, ISO with Z, or null)', async () => {
    for (const q of ['', 'type=orders', `around=${db.feedItems(MOCK_CLIENTS.dana)[3]!.id}`]) {
      const { body } = await feed(MOCK_CLIENTS.dana, q);
      expect(body).to.have.property('clientReadAt');
      expect(body.clientReadAt).to.match(/Z$/);
    }
    expect((await feed(MOCK_CLIENTS.noHistory, '')).body.clientReadAt).to.equal(null);
  });

  it('seeds a client who saw the first of several unanswered advisor messages only', async () => {
    const items = db.feedItems(MOCK_CLIENTS.fiveInARow);
    const readAt = Date.parse(db.clientReadAt(MOCK_CLIENTS.fiveInARow)!);
    const lastFive = items.slice(-5);
    expect(lastFive.every((i) => i.kind === 'message' && i.sender === 'advisor')).to.equal(true);
    expect(Date.parse(lastFive[0]!.at)).to.equal(readAt);
    expect(lastFive.slice(1).every((i) => Date.parse(i.at) > readAt)).to.equal(true);
  });

  it('the client reads: clientReadAt moves (never back) and client-read streams', async () => {
    const c = await openEvents();
    open.push(c);
    await c.waitFor((b) => b.length >= 1);
    const readAt = db.clientReads(MOCK_CLIENTS.fiveInARow);
    expect((await feed(MOCK_CLIENTS.fiveInARow, '')).body.clientReadAt).to.equal(readAt);
    await c.waitFor((b) => namedEvents(b).some((e) => e.event === 'client-read'));
    const event = namedEvents(c.blocks).find((e) => e.event === 'client-read')!;
    expect(event.data).to.deep.equal({ clientId: MOCK_CLIENTS.fiveInARow, readAt });
    expect(event.id).to.match(/^\d+$/);
    expect(db.clientReads(MOCK_CLIENTS.fiveInARow, Date.parse(readAt) - 60_000)).to.equal(readAt);
  });
});

describe('mocks 1.1: typing', () => {
  it('POST /typing answers 204 and is recorded; 404 for an unknown client', async () => {
    const ok = await fetch(`${API}/clients/${MOCK_CLIENTS.dana}/typing`, { method: 'POST' });
    expect(ok.status).to.equal(204);
    expect(db.typingLog.map((t) => t.clientId)).to.deep.equal([MOCK_CLIENTS.dana]);
    const miss = await fetch(`${API}/clients/nobody/typing`, { method: 'POST' });
    expect(miss.status).to.equal(404);
    expect((await miss.json()).error.code).to.equal('not_found');
  });

  it('the client types: a typing event with until in the future', async () => {
    const c = await openEvents();
    open.push(c);
    await c.waitFor((b) => b.length >= 1);
    const until = db.clientTypes(MOCK_CLIENTS.dana, 4000);
    await c.waitFor((b) => namedEvents(b).some((e) => e.event === 'typing'));
    const event = namedEvents(c.blocks).find((e) => e.event === 'typing')!;
    expect(event.data).to.deep.equal({ clientId: MOCK_CLIENTS.dana, until });
    expect(Date.parse(until) - Date.now()).to.be.within(3000, 4100);
  });
});

describe('mocks 1.1: keep-alive', () => {
  it('writes : ping only while nothing else is sent', async () => {
    db.pingIntervalMs = 150;
    const c = await openEvents();
    open.push(c);
    await c.waitFor((b) => b.some((x) => x.comment === 'ping'), 2000);
    // Events every 50 ms keep the stream busy: no ping among them.
    const from = c.blocks.length;
    for (let i = 0; i < 8; i++) {
      db.clientTypes(MOCK_CLIENTS.dana);
      await new Promise((r) => setTimeout(r, 50));
    }
    const during = c.blocks.slice(from);
    expect(during.filter((b) => b.event === 'typing').length).to.equal(8);
    expect(during.filter((b) => b.comment === 'ping').length).to.equal(0);
    db.pingIntervalMs = 15_000;
  });

  it('the interval is an option of MockDb', () => {
    expect(new MockDb({ pingIntervalMs: 250 }).pingIntervalMs).to.equal(250);
    expect(new MockDb().pingIntervalMs).to.equal(15_000);
  });
});

describe('mocks 1.1: search', () => {
  const search = (id: string, query: string) =>
    get<{ hits: FeedItem[]; nextCursor: string | null; error?: { code: string } }>(
      `/clients/${id}/search?${query}`,
    );
  const text = (i: FeedItem) => (i.kind === 'message' ? i.body : i.title).toLowerCase();

  it('matches bodies and order titles case-insensitively, newest first, limit 20 by default', async () => {
    const all = db.feedItems(MOCK_CLIENTS.huge);
    const expected = all.filter((i) => text(i).includes('reading')).reverse();
    expect(expected.some((i) => i.kind === 'order')).to.equal(true);
    expect(expected.some((i) => i.kind === 'message')).to.equal(true);
    const { status, body } = await search(MOCK_CLIENTS.huge, 'q=  ReAdInG ');
    expect(status).to.equal(200);
    expect(ids(body.hits)).to.deep.equal(ids(expected.slice(0, 20)));
    expect(body.nextCursor).to.be.a('string');
  });

  it('walks the cursor to the oldest hit once each, far back in a 10,000-item conversation', async () => {
    const all = db.feedItems(MOCK_CLIENTS.huge);
    const expected = all.filter((i) => text(i).includes('career')).reverse();
    expect(expected.length).to.be.greaterThan(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { hits: FeedItem[]; nextCursor: string | null } } = await search(
        MOCK_CLIENTS.huge,
        `q=career&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(body.hits.length).to.be.at.most(200);
      seen.push(...ids(body.hits));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).to.deep.equal(ids(expected));
    expect(indexOf(all, expected[expected.length - 1]!)).to.be.lessThan(200);
  });

  it('400 for a q under 2 characters once trimmed or a bad limit; 404 for an unknown client; empty hits', async () => {
    for (const q of [
      '',
      'q=',
      'q=a',
      'q=%20x%20',
      'q=ab&limit=201',
      'q=ab&limit=0',
      'q=ab&cursor=nope',
    ]) {
      const r = await search(MOCK_CLIENTS.dana, q);
      expect(r.status, q).to.equal(400);
      expect(r.body.error?.code, q).to.be.a('string');
    }
    expect((await search('nobody', 'q=hello')).status).to.equal(404);
    expect((await search(MOCK_CLIENTS.dana, 'q=zzqqxx-no-such-text')).body).to.deep.equal({
      hits: [],
      nextCursor: null,
    });
    expect((await search(MOCK_CLIENTS.dana, 'q=ab&limit=200')).status).to.equal(200);
  });

  it('a new message is the first hit', async () => {
    const written = db.clientWrites(MOCK_CLIENTS.dana, 'A very particular Phrase');
    const { body } = await search(MOCK_CLIENTS.dana, 'q=particular phrase');
    expect(ids(body.hits)).to.deep.equal([written.id]);
  });
});
