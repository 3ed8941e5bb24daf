import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readUpTo, seenMessageId } from '../../src/core/seen.js';
import type { FeedEntry } from '../../src/core/types.js';
import { describe, feedItemArb, iso, it } from './support.js';

const T = Date.UTC(2024, 4, 1, 10);
const msg = (
  id: string,
  sec: number,
  sender: 'advisor' | 'client',
  delivery?: 'pending' | 'failed',
): FeedEntry => ({
  kind: 'message',
  id,
  clientId: 'c',
  at: iso(T + sec * 1000),
  sender,
  body: id,
  ...(delivery ? { delivery } : {}),
});

describe('readUpTo', () => {
  it('takes the reported time, in any ISO style', () => {
    expect(readUpTo(null, iso(T, 2), T + 5000)).to.equal(T);
    expect(readUpTo(null, iso(T, 3), T + 5000)).to.equal(T);
  });
  it('counts a time in the future as now', () => {
    expect(readUpTo(null, iso(T + 3600e3), T)).to.equal(T);
    expect(readUpTo(T - 1000, iso(T + 60e3), T)).to.equal(T);
  });
  it('only moves forward', () => {
    expect(readUpTo(T, iso(T - 1000), T + 9000)).to.equal(T);
    expect(readUpTo(T, iso(T + 1000), T + 9000)).to.equal(T + 1000);
  });
  it('keeps what is known for null (never), undefined (a 1.0 server) and a value that is not a date', () => {
    for (const v of [null, undefined, '', 'yesterday']) {
      expect(readUpTo(null, v, T)).to.equal(null);
      expect(readUpTo(T, v, T)).to.equal(T);
    }
  });
});

describe('seenMessageId', () => {
  const feed = [
    msg('a1', 0, 'advisor'),
    msg('c1', 10, 'client'),
    msg('a2', 20, 'advisor'),
    msg('a3', 30, 'advisor'),
    msg('c2', 40, 'client'),
  ];
  it('is the newest advisor message at or before the read time', () => {
    expect(seenMessageId(feed, T + 20_000)).to.equal('a2');
    expect(seenMessageId(feed, T + 29_999)).to.equal('a2');
    expect(seenMessageId(feed, T + 30_000)).to.equal('a3');
    expect(seenMessageId(feed, T + 99_000)).to.equal('a3');
    expect(seenMessageId(feed, T + 5_000)).to.equal('a1');
  });
  it('is none before the first advisor message, when never read, or with no advisor message', () => {
    expect(seenMessageId(feed, T - 1)).to.equal(null);
    expect(seenMessageId(feed, null)).to.equal(null);
    expect(seenMessageId([msg('c1', 0, 'client')], T + 1e6)).to.equal(null);
    expect(seenMessageId([], T)).to.equal(null);
  });
  it('skips messages not stored yet (sending or failed) and orders', () => {
    const order = {
      kind: 'order',
      id: 'o1',
      clientId: 'c',
      at: iso(T + 50_000),
      orderType: 'live_chat',
      status: 'completed',
      title: 't',
      price: { amountMinor: 1, currency: 'USD' },
    } as const;
    const withLocal = [
      ...feed,
      order,
      msg('p1', 60, 'advisor', 'pending'),
      msg('f1', 61, 'advisor', 'failed'),
    ];
    expect(seenMessageId(withLocal, T + 1e6)).to.equal('a3');
  });
  it('matches a plain scan of the rule (property)', () => {
    fc.assert(
      fc.property(
        fc.array(feedItemArb, { maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        (items, s) => {
          const sorted = [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
          const upTo = s === null ? null : Date.UTC(2024, 0, 1) + s * 1000;
          const expected =
            upTo === null
              ? null
              : (sorted
                  .filter(
                    (e) =>
                      e.kind === 'message' && e.sender === 'advisor' && Date.parse(e.at) <= upTo,
                  )
                  .at(-1)?.id ?? null);
          expect(seenMessageId(sorted, upTo)).to.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
