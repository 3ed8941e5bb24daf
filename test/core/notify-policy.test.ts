import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  foldNotice,
  isClientActivity,
  isPushSuppressed,
  noticeDecision,
  releaseDeferred,
} from '../../src/core/notify-policy.js';
import type { Notice } from '../../src/core/notify-policy.js';
import type { FeedItem, OrderStatus } from '../../src/core/types.js';
import { describe, iso, it } from './support.js';

const msg = (sender: 'client' | 'advisor', clientId = 'c1'): FeedItem => ({
  kind: 'message',
  id: 'm1',
  clientId,
  at: '2024-01-01T00:00:00Z',
  sender,
  body: 'hi',
});
const order = (status: OrderStatus, clientId = 'c1'): FeedItem => ({
  kind: 'order',
  id: 'o1',
  clientId,
  at: '2024-01-01T00:00:00Z',
  orderType: 'live_chat',
  status,
  title: 'Chat',
  price: { amountMinor: 100, currency: 'USD' },
});
const ctx = { openClientId: null, pageVisible: true, inLiveSession: false };

describe('isClientActivity', () => {
  const at = '2024-01-01T00:00:00Z';
  const shift = (ms: number) => new Date(Date.parse(at) + ms).toISOString();
  it('counts a client message (seen or not, whatever its time), never an advisor message', () => {
    expect(isClientActivity(msg('client'), false, at)).to.equal(true);
    expect(isClientActivity(msg('client'), false, shift(3_600_000))).to.equal(true);
    expect(isClientActivity(msg('advisor'), false, shift(-60_000))).to.equal(false);
  });
  it('counts an order not seen before, whatever its status, also when the client event or the advisor came first', () => {
    expect(isClientActivity(order('pending'), false, shift(-1000))).to.equal(true);
    expect(isClientActivity(order('in_progress'), false, shift(-1000))).to.equal(true);
    expect(isClientActivity(order('pending'), false, undefined), 'client not known').to.equal(true);
    expect(isClientActivity(order('pending'), false, at), 'client event first, same time').to.equal(
      true,
    );
    expect(
      isClientActivity(order('in_progress'), false, shift(1)),
      'client event first, 1 ms later',
    ).to.equal(true);
    expect(
      isClientActivity(order('pending'), false, shift(20_000)),
      'the advisor wrote just after',
    ).to.equal(true);
  });
  it('does not count a change to an order: seen before, or placed well before the last activity', () => {
    expect(isClientActivity(order('pending'), true, shift(-1000))).to.equal(false);
    expect(isClientActivity(order('completed'), false, shift(3_600_000))).to.equal(false);
    expect(isClientActivity(order('pending'), false, shift(3_600_000))).to.equal(false);
  });
});

describe('noticeDecision', () => {
  it('shows a client message or a new order while another card is open', () => {
    expect(noticeDecision({ ...ctx, item: msg('client') })).to.equal('show');
    expect(noticeDecision({ ...ctx, openClientId: 'c2', item: msg('client') })).to.equal('show');
    expect(noticeDecision({ ...ctx, item: order('pending') })).to.equal('show');
  });
  it('skips the advisor’s own messages and order changes', () => {
    expect(noticeDecision({ ...ctx, item: msg('advisor') })).to.equal('skip');
    for (const s of ['in_progress', 'completed', 'cancelled', 'refunded'] as const)
      expect(noticeDecision({ ...ctx, item: order(s) })).to.equal('skip');
    expect(noticeDecision({ ...ctx, inLiveSession: true, item: msg('advisor') })).to.equal('skip');
  });
  it('skips when that client’s card is open on a visible page, shows when hidden', () => {
    expect(noticeDecision({ ...ctx, openClientId: 'c1', item: msg('client') })).to.equal('skip');
    expect(
      noticeDecision({ ...ctx, openClientId: 'c1', pageVisible: false, item: msg('client') }),
    ).to.equal('show');
  });
  it('defers during a live session', () => {
    expect(noticeDecision({ ...ctx, inLiveSession: true, item: msg('client') })).to.equal('defer');
    expect(
      noticeDecision({
        ...ctx,
        inLiveSession: true,
        pageVisible: false,
        openClientId: 'c1',
        item: order('pending'),
      }),
    ).to.equal('defer');
  });
  it('matches the rule for every combination (exhaustive)', () => {
    const items = [msg('client'), msg('advisor'), order('pending'), order('completed')];
    for (const item of items)
      for (const openClientId of [null, 'c1', 'c2'])
        for (const pageVisible of [true, false])
          for (const inLiveSession of [true, false]) {
            const notable =
              item.kind === 'message' ? item.sender === 'client' : item.status === 'pending';
            const expected =
              !notable || (openClientId === 'c1' && pageVisible)
                ? 'skip'
                : inLiveSession
                  ? 'defer'
                  : 'show';
            expect(noticeDecision({ item, openClientId, pageVisible, inLiveSession })).to.equal(
              expected,
            );
          }
  });
});

describe('isPushSuppressed', () => {
  it('suppresses while active or in a live session', () => {
    expect(isPushSuppressed({ active: false, inLiveSession: false })).to.equal(false);
    expect(isPushSuppressed({ active: true, inLiveSession: false })).to.equal(true);
    expect(isPushSuppressed({ active: false, inLiveSession: true })).to.equal(true);
    expect(isPushSuppressed({ active: true, inLiveSession: true })).to.equal(true);
  });
});

describe('releaseDeferred', () => {
  it('keeps each client’s latest notice, ordered by time', () => {
    const n = (clientId: string, itemId: string, at: string): Notice => ({ clientId, itemId, at });
    const out = releaseDeferred([
      n('a', 'a1', '2024-01-01T10:00:00Z'),
      n('b', 'b1', '2024-01-01T10:01:00Z'),
      n('a', 'a2', '2024-01-01T10:05:00Z'),
      n('c', 'c1', '2024-01-01T12:02:00+02:00'), // 10:02Z
      n('b', 'b0', '2024-01-01T09:00:00Z'), // arrived late but older
    ]);
    expect(out.map((x) => x.itemId)).to.deep.equal(['b1', 'c1', 'a2']);
    expect(releaseDeferred([])).to.deep.equal([]);
  });
  it('one per client, each the latest, sorted ascending (property)', () => {
    const noticeArb = fc.record({
      clientId: fc.constantFrom('a', 'b', 'c', 'd'),
      itemId: fc.string(),
      at: fc
        .tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 3 }))
        .map(([t, s]) => iso(Date.UTC(2024, 0, 1) + t * 1000, s)),
    });
    fc.assert(
      fc.property(fc.array(noticeArb), (list) => {
        const out = releaseDeferred(list);
        const t = (x: Notice) => Date.parse(x.at);
        expect(new Set(out.map((x) => x.clientId))).to.deep.equal(
          new Set(list.map((x) => x.clientId)),
        );
        expect(out.length).to.equal(new Set(list.map((x) => x.clientId)).size);
        for (const x of out) {
          const { count, ...item } = x;
          expect(list).to.deep.include(item);
          const mine = list.filter((y) => y.clientId === x.clientId);
          expect(count ?? 1, 'the client’s notices, counted').to.equal(mine.length);
          for (const y of mine) expect(t(y)).to.be.at.most(t(x));
        }
        for (let i = 1; i < out.length; i++) expect(t(out[i - 1]!)).to.be.at.most(t(out[i]!));
      }),
    );
  });
});

describe('foldNotice', () => {
  const n = (
    clientId: string,
    itemId: string,
    min: number,
    more: Partial<Notice> = {},
  ): Notice => ({
    clientId,
    itemId,
    at: new Date(Date.UTC(2024, 0, 1, 10, min)).toISOString(),
    ...more,
  });
  it('keeps one notice per client, the newest last', () => {
    const shown = [n('a', 'a1', 0), n('b', 'b1', 1)];
    expect(foldNotice(shown, n('c', 'c1', 2)).map((x) => x.itemId)).to.deep.equal([
      'a1',
      'b1',
      'c1',
    ]);
    expect(foldNotice(shown, n('a', 'a2', 3)).map((x) => x.itemId)).to.deep.equal(['b1', 'a2']);
  });
  it('folds a client’s messages into one notice that counts them and shows the newest', () => {
    let shown = [n('a', 'a1', 0, { text: 'one' })];
    shown = foldNotice(shown, n('a', 'a2', 1, { text: 'two' }));
    shown = foldNotice(shown, n('a', 'a3', 2, { text: 'three' }));
    expect(shown).to.deep.equal([n('a', 'a3', 2, { text: 'three', count: 3 })]);
    // A folded notice folds into another (held back during a live session, then released).
    expect(foldNotice(shown, n('a', 'a5', 5, { count: 2 }))[0]!.count).to.equal(5);
    // An older message arriving late counts, but the newest stays shown.
    expect(foldNotice(shown, n('a', 'a0', -5, { text: 'zero' }))).to.deep.equal([
      n('a', 'a3', 2, { text: 'three', count: 4 }),
    ]);
  });
  it('does not fold an order: its notice replaces, and is replaced by, the client’s newest', () => {
    const order = n('a', 'o1', 1, { kind: 'order' });
    expect(foldNotice([n('a', 'a1', 0, { count: 2 })], order)).to.deep.equal([order]);
    expect(foldNotice([order], n('a', 'a2', 2))).to.deep.equal([n('a', 'a2', 2)]);
  });
});
