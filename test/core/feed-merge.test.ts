import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  entryKey,
  firstUnreadIndex,
  matchesFilter,
  mergeFeed,
  removeByKey,
} from '../../src/core/feed-merge.js';
import type { FeedEntry, FeedFilter, MessageItem, OrderItem } from '../../src/core/types.js';
import { describe, iso, it, timeArb } from './support.js';

const T = (min: number) => iso(Date.UTC(2024, 0, 1) + min * 60000);
const m = (
  id: string,
  min: number,
  extra: Partial<MessageItem> & { delivery?: 'pending' | 'failed' } = {},
): FeedEntry => ({
  kind: 'message',
  id,
  clientId: 'c',
  at: T(min),
  sender: 'advisor',
  body: 'body ' + id,
  ...extra,
});
const o = (id: string, min: number, extra: Partial<OrderItem> = {}): FeedEntry => ({
  kind: 'order',
  id,
  clientId: 'c',
  at: T(min),
  orderType: 'recorded_reading',
  status: 'pending',
  title: 'Reading',
  price: { amountMinor: 1000, currency: 'USD' },
  ...extra,
});
const local = (cmid: string, min: number, delivery: 'pending' | 'failed' = 'pending') =>
  m('local:' + cmid, min, { clientMessageId: cmid, delivery });
const ids = (list: readonly FeedEntry[]) => list.map((x) => x.id);
const byKey = (list: readonly FeedEntry[]) =>
  [...list].sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : 1));

/** An independent, naive model of the merge rule. */
function model(existing: readonly FeedEntry[], incoming: readonly FeedEntry[]): FeedEntry[] {
  let out = [...existing];
  for (const e of incoming) {
    const hits = out.filter((x) => entryKey(x) === entryKey(e) || x.id === e.id);
    if (e.delivery && hits.some((x) => !x.delivery)) continue;
    if (hits.length) {
      const at = out.indexOf(hits[0]!);
      out = out
        .map((x, i) => (i === at ? e : hits.includes(x) ? null : x))
        .filter((x): x is FeedEntry => x !== null);
    } else out.push(e);
  }
  // Stored entries by time, then the ones not stored yet (pending, failed) by time.
  const rank = (x: FeedEntry) => (x.delivery ? 1 : 0);
  return out
    .map((x, i) => [x, i] as const)
    .sort(
      (a, b) => rank(a[0]) - rank(b[0]) || Date.parse(a[0].at) - Date.parse(b[0].at) || a[1] - b[1],
    )
    .map(([x]) => x);
}

/**
 * A consistent universe: server items with unique ids (messages may carry a clientMessageId) and, for some of those
 * messages, the local pending copy (another time, `delivery` set) that the server copy must win over.
 */
const universeArb = fc
  .array(
    fc.record({
      order: fc.boolean(),
      t: timeArb,
      style: fc.integer({ min: 0, max: 3 }),
      client: fc.boolean(),
      cmid: fc.boolean(),
      local: fc.option(timeArb, { nil: null }),
      failed: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((specs) => {
    const server: FeedEntry[] = [];
    const locals: FeedEntry[] = [];
    specs.forEach((s, i) => {
      const at = iso(s.t, s.style);
      if (s.order) return server.push(o('s' + i, 0, { at }));
      const cmid = !s.client && s.cmid ? 'cm' + i : null;
      server.push(
        m('s' + i, 0, { at, sender: s.client ? 'client' : 'advisor', clientMessageId: cmid }),
      );
      if (cmid && s.local !== null)
        locals.push({
          ...m('local:' + cmid, 0, { clientMessageId: cmid }),
          at: iso(s.local),
          delivery: s.failed ? 'failed' : 'pending',
        });
    });
    return { server, locals, all: [...server, ...locals] };
  });

function checkInvariants(list: readonly FeedEntry[]) {
  expect(new Set(list.map(entryKey)).size, 'unique keys').to.equal(list.length);
  expect(new Set(ids(list)).size, 'unique ids').to.equal(list.length);
  const stored = list.filter((e) => !e.delivery);
  expect(
    list.slice(0, stored.length),
    'stored entries before the ones not stored yet',
  ).to.deep.equal(stored);
  for (const part of [stored, list.slice(stored.length)]) {
    for (let i = 1; i < part.length; i++)
      expect(Date.parse(part[i - 1]!.at)).to.be.at.most(Date.parse(part[i]!.at));
  }
}

describe('entryKey', () => {
  it('uses clientMessageId for messages that have one, else id', () => {
    expect(entryKey(m('x', 0, { clientMessageId: 'abc' }))).to.equal('m:abc');
    expect(entryKey(local('abc', 0))).to.equal('m:abc');
    expect(entryKey(m('x', 0))).to.equal('i:x');
    expect(entryKey(m('x', 0, { clientMessageId: null }))).to.equal('i:x');
    expect(entryKey(o('x', 0))).to.equal('i:x');
  });
});

describe('mergeFeed', () => {
  it('returns the same array for no incoming items or nothing new', () => {
    const feed = mergeFeed([], [m('a', 1), o('b', 2)]);
    expect(mergeFeed(feed, [])).to.equal(feed);
    expect(mergeFeed(feed, [m('a', 1), o('b', 2)])).to.equal(feed); // equal content, new objects
    expect(mergeFeed(feed, feed)).to.equal(feed);
  });
  it('sorts by time value, whatever the ISO format', () => {
    const a = m('a', 0, { at: '2024-01-01T10:00:00Z' });
    const b = m('b', 0, { at: '2024-01-01T11:30:00+02:00' }); // 09:30Z
    const c = m('c', 0, { at: '2024-01-01T10:15:00.000Z' });
    expect(ids(mergeFeed([], [a, b, c]))).to.deep.equal(['b', 'a', 'c']);
  });
  it('keeps existing before incoming on equal times, each in its own order', () => {
    const feed = mergeFeed([], [m('e1', 5), m('e2', 5)]);
    expect(ids(mergeFeed(feed, [m('i1', 5), m('i2', 5), m('i0', 4)]))).to.deep.equal([
      'i0',
      'e1',
      'e2',
      'i1',
      'i2',
    ]);
  });
  it('prepends an older page and appends newer items', () => {
    const feed = mergeFeed([], [m('c', 10), m('d', 11)]);
    const older = mergeFeed(feed, [m('b', 5), m('a', 4)]);
    expect(ids(older)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(older[2]).to.equal(feed[0]);
    expect(ids(mergeFeed(older, [m('e', 11), o('f', 12)]))).to.deep.equal([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
  });
  it('inserts items in the middle', () => {
    expect(ids(mergeFeed(mergeFeed([], [m('a', 1), m('c', 3)]), [m('b', 2)]))).to.deep.equal([
      'a',
      'b',
      'c',
    ]);
  });
  it('replaces a pending local message with the server copy (one entry, at the server time)', () => {
    const feed = mergeFeed([], [m('a', 1), m('b', 5), local('k1', 9)]);
    const stored = m('s9', 3, { clientMessageId: 'k1' });
    const out = mergeFeed(feed, [stored]);
    expect(ids(out)).to.deep.equal(['a', 's9', 'b']);
    expect(out[1]).to.equal(stored);
  });
  it('keeps messages not stored yet below every stored entry, in the order written', () => {
    // Three quick sends; the server stamps the first when it stores it, after the other two were written.
    let feed = mergeFeed([], [m('a', 1), local('k1', 10), local('k2', 11), local('k3', 12)]);
    feed = mergeFeed(feed, [m('s1', 14, { clientMessageId: 'k1' })]);
    expect(ids(feed)).to.deep.equal(['a', 's1', 'local:k2', 'local:k3']);
    // A client's message stored meanwhile goes above them too; a failed one stays with the unsent.
    feed = mergeFeed(feed, [m('c', 15, { sender: 'client' }), local('k2', 11, 'failed')]);
    expect(ids(feed)).to.deep.equal(['a', 's1', 'c', 'local:k2', 'local:k3']);
    feed = mergeFeed(feed, [m('s3', 16, { clientMessageId: 'k3' })]);
    expect(ids(feed)).to.deep.equal(['a', 's1', 'c', 's3', 'local:k2']);
  });
  it('never lets a local entry replace the server copy', () => {
    const stored = m('s9', 3, { clientMessageId: 'k1' });
    const feed = mergeFeed([], [stored]);
    expect(mergeFeed(feed, [local('k1', 9)])).to.equal(feed);
    expect(mergeFeed(feed, [local('k1', 9, 'failed')])).to.equal(feed);
    // and in one batch, in either order, the server copy wins
    expect(mergeFeed([], [stored, local('k1', 9)])).to.deep.equal([stored]);
    expect(mergeFeed([], [local('k1', 9), stored])).to.deep.equal([stored]);
  });
  it('lets a local entry replace a local one (pending → failed)', () => {
    const feed = mergeFeed([], [m('a', 1), local('k1', 2)]);
    const failed = local('k1', 2, 'failed');
    const out = mergeFeed(feed, [failed]);
    expect(out).to.deep.equal([feed[0], failed]);
  });
  it('replaces a changed order in place', () => {
    const feed = mergeFeed([], [o('o1', 1), m('a', 2)]);
    const done = o('o1', 1, { status: 'completed' });
    const out = mergeFeed(feed, [done]);
    expect(out).to.deep.equal([done, feed[1]]);
    expect(out[0]).to.equal(done);
  });
  it('de-duplicates by id across different keys', () => {
    const feed = mergeFeed([], [m('s1', 1)]);
    const withCmid = m('s1', 1, { clientMessageId: 'k' });
    expect(mergeFeed(feed, [withCmid])).to.deep.equal([withCmid]);
    // an incoming entry matching one existing entry by key and another by id leaves one entry
    const two = mergeFeed([], [local('k', 2), m('s1', 1)]);
    expect(mergeFeed(two, [withCmid])).to.deep.equal([withCmid]);
  });
  it('de-duplicates and sorts a messy incoming batch', () => {
    const out = mergeFeed([], [m('b', 2), m('a', 1), m('b', 2, { body: 'newer' })]);
    expect(ids(out)).to.deep.equal(['a', 'b']);
    expect((out[1] as MessageItem).body).to.equal('newer');
  });
  it('equals the naive model (property)', () => {
    fc.assert(
      fc.property(
        universeArb.chain((u) =>
          fc.tuple(fc.constant(u), fc.shuffledSubarray(u.all), fc.shuffledSubarray(u.all)),
        ),
        ([, a, b]) => {
          const existing = model([], a);
          expect(mergeFeed(existing, b)).to.deep.equal(model(existing, b));
          expect(mergeFeed([], a)).to.deep.equal(existing);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('is idempotent, unique, sorted, and its content does not depend on merge order (property)', () => {
    fc.assert(
      fc.property(
        universeArb.chain((u) =>
          fc.tuple(
            fc.constant(u),
            fc.array(fc.shuffledSubarray(u.all), { maxLength: 5 }),
            fc.func(fc.integer()),
          ),
        ),
        ([, pages, rank]) => {
          const fold = (ps: FeedEntry[][]) =>
            ps.reduce<FeedEntry[]>((acc, p) => mergeFeed(acc, p), []);
          const out = fold(pages);
          checkInvariants(out);
          for (const p of pages) expect(mergeFeed(out, p)).to.equal(out); // idempotent: nothing changes
          const shuffled = pages
            .map((p, i) => [rank(i), p] as const)
            .sort((x, y) => x[0] - y[0])
            .map(([, p]) => p);
          expect(byKey(fold(shuffled))).to.deep.equal(byKey(out));
          expect(byKey(fold([...pages].reverse()))).to.deep.equal(byKey(out));
          // content: per key, the server copy when any page had it, else the local one
          const seen = pages.flat();
          const expected = new Map<string, FeedEntry>();
          for (const e of seen)
            if (!e.delivery || !expected.has(entryKey(e))) expected.set(entryKey(e), e);
          for (const e of seen) if (!e.delivery) expected.set(entryKey(e), e);
          expect(byKey(out)).to.deep.equal(byKey([...expected.values()]));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('prepending an older page keeps the existing entries, in order, after it (property)', () => {
    fc.assert(
      fc.property(universeArb, fc.integer({ min: 0, max: 40 }), ({ server }, cut) => {
        const cutAt = Date.UTC(2024, 0, 1) + cut * 1000;
        const existing = mergeFeed(
          [],
          server.filter((e) => Date.parse(e.at) >= cutAt),
        );
        const older = server.filter((e) => Date.parse(e.at) < cutAt);
        const out = mergeFeed(existing, older);
        expect(out.length).to.equal(existing.length + older.length);
        const tail = out.slice(older.length);
        tail.forEach((e, i) => expect(e).to.equal(existing[i]));
        checkInvariants(out);
      }),
      { numRuns: 300 },
    );
  });
  it('merges correctly at 100,000 items (speed is measured in npm run bench, not here)', () => {
    const fastest = <T>(fn: () => T): [T] => [fn()];
    const big = mergeFeed(
      [],
      Array.from({ length: 100000 }, (_, i) =>
        m('s' + i, 1000 + i, { sender: i % 2 ? 'client' : 'advisor' }),
      ),
    );
    const [older] = fastest(() =>
      mergeFeed(
        big,
        Array.from({ length: 50 }, (_, i) => m('old' + i, i)),
      ),
    );
    const [newer] = fastest(() => mergeFeed(older, [m('new', 200000)]));
    const [same] = fastest(() => mergeFeed(newer, [m('s500', 1500, { sender: 'advisor' })]));
    const [mid] = fastest(() => mergeFeed(newer, [o('mid', 50000)]));
    expect(older.length).to.equal(100050);
    expect(older[50]).to.equal(big[0]);
    expect(newer[newer.length - 1]!.id).to.equal('new');
    expect(same).to.equal(newer);
    expect(mid.length).to.equal(100052);
    expect(mid[50 + 49001]!.id).to.equal('mid'); // after s49000, which has the same time
  });
});

describe('matchesFilter', () => {
  const cases: Array<[FeedFilter, boolean, boolean]> = [
    ['all', true, true],
    ['orders', false, true],
    ['messages', true, false],
  ];
  for (const [filter, message, order] of cases)
    it(`${filter}: message ${message}, order ${order}`, () => {
      expect(matchesFilter(m('a', 0), filter)).to.equal(message);
      expect(matchesFilter(o('b', 0), filter)).to.equal(order);
    });
});

describe('removeByKey', () => {
  it('removes the entry with that key, by clientMessageId or id', () => {
    const feed = mergeFeed([], [m('a', 1), local('k', 2), o('b', 3)]);
    expect(ids(removeByKey(feed, 'm:k'))).to.deep.equal(['a', 'b']);
    expect(ids(removeByKey(feed, 'i:b'))).to.deep.equal(['a', 'local:k']);
    expect(ids(feed)).to.deep.equal(['a', 'b', 'local:k']);
  });
  it('returns the same array when no entry has the key', () => {
    const feed = [m('a', 1)];
    expect(removeByKey(feed, 'i:zzz')).to.equal(feed);
    expect(removeByKey(feed, 'm:a')).to.equal(feed);
  });
});

describe('firstUnreadIndex', () => {
  const cm = (id: string) => m(id, 0, { sender: 'client' });
  const am = (id: string) => m(id, 0);
  const table: Array<[string, FeedEntry[], number]> = [
    ['empty', [], -1],
    ['advisor last', [cm('1'), am('2')], -1],
    ['client messages after the advisor', [am('1'), cm('2'), cm('3')], 1],
    ['an order counts as client-side', [cm('0'), am('1'), o('2', 0), cm('3')], 2],
    ['only client-side items', [cm('1'), o('2', 0)], 0],
    ['only an order after advisor', [am('1'), o('2', 0)], 1],
    [
      'a message not stored yet is left out (a failed send hides nothing)',
      [cm('1'), local('k', 0)],
      0,
    ],
    ["a message not stored yet after the advisor's", [am('1'), local('k', 0)], -1],
  ];
  for (const [name, items, expected] of table)
    it(name, () => void expect(firstUnreadIndex(items)).to.equal(expected));
  it('points at the start of the trailing client-side run (property)', () => {
    const entry = fc.oneof(fc.constant(am('a')), fc.constant(cm('c')), fc.constant(o('o', 0)));
    fc.assert(
      fc.property(fc.array(entry), (items) => {
        const i = firstUnreadIndex(items);
        const clientSide = (e: FeedEntry) => e.kind === 'order' || e.sender === 'client';
        if (i === -1)
          expect(items.length === 0 || !clientSide(items[items.length - 1]!)).to.equal(true);
        else {
          expect(items.slice(i).every(clientSide)).to.equal(true);
          if (i > 0) expect(clientSide(items[i - 1]!)).to.equal(false);
        }
      }),
    );
  });
});
