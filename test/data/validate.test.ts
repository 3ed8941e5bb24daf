import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DmError } from '../../src/data/adapter.js';
import {
  parseAdvisor,
  parseClientPage,
  parseClientSummary,
  parseEligibility,
  parseEvent,
  parseFeedItem,
  parseFeedPage,
  parseOrderDetail,
  parseSearchPage,
  parseUnread,
} from '../../src/data/validate.js';
import {
  advisorArb,
  clientArb,
  describe,
  eligibilityArb,
  feedItemArb,
  isoArb,
  it,
  messageArb,
  nullableStr,
  orderArb,
  orderDetailArb,
} from '../core/support.js';

const DEL = Symbol('delete');
type Mutation = [path: string, bad: unknown];

/** A deep copy of `v` with the value at a dotted path replaced (or deleted). */
function mutate(v: unknown, path: string, bad: unknown): unknown {
  const copy = structuredClone(v) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  let o = copy;
  for (const k of keys) o = o[k] as Record<string, unknown>;
  if (bad === DEL) delete o[last];
  else o[last] = bad;
  return copy;
}

function failure(fn: () => unknown): DmError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(DmError);
    return e as DmError;
  }
  throw new Error('expected the parser to throw');
}

/** The valid value is accepted unchanged; each mutation is rejected with an invalid-response naming the field. */
function check(
  name: string,
  arb: fc.Arbitrary<unknown>,
  parse: (v: unknown) => unknown,
  muts: Mutation[],
) {
  it(`${name}: accepts every valid value`, () => {
    fc.assert(
      fc.property(arb, (v) => void expect(parse(structuredClone(v))).to.deep.equal(v)),
      { numRuns: 200 },
    );
  });
  it(`${name}: rejects each single mutation (${muts.length} kinds)`, () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...muts), (v, [path, bad]) => {
        const err = failure(() => parse(mutate(v, path, bad)));
        expect(err.kind).to.equal('invalid-response');
        expect(err.message).to.contain(path.split('.').pop());
      }),
      { numRuns: 400 },
    );
    // every mutation, at least once, on one valid value
    const sample = fc.sample(arb, { numRuns: 1, seed: 42 })[0];
    for (const [path, bad] of muts) failure(() => parse(mutate(sample, path, bad)));
  });
  it(`${name}: rejects non-objects`, () => {
    for (const v of [null, undefined, 1, 'x', true, []])
      expect(failure(() => parse(v)).kind).to.equal('invalid-response');
  });
}

const required = (...fields: string[]): Mutation[] => fields.map((f) => [f, DEL]);
const notString = (...fields: string[]): Mutation[] =>
  fields.flatMap((f): Mutation[] => [
    [f, 1],
    [f, null],
    [f, {}],
  ]);
const badDate = (f: string): Mutation[] => [
  [f, DEL],
  [f, null],
  [f, 1],
  [f, 'yesterday'],
  [f, '2024-01-01'],
  [f, '2024-13-45T00:00:00Z'],
  [f, '2024-01-01T10:00:00'],
];
const itemCommon: Mutation[] = [
  ...required('id', 'clientId'),
  ...notString('id', 'clientId'),
  ...badDate('at'),
  ['kind', DEL],
  ['kind', 'note'],
  ['kind', 1],
];

describe('validators', () => {
  check('parseAdvisor', advisorArb, parseAdvisor, [
    ...required('id', 'displayName', 'status'),
    ...notString('id', 'displayName'),
    ['status', 'banned'],
    ['status', null],
    ['status', 'Active'],
  ]);

  check('parseClientSummary', clientArb(fc.string()), parseClientSummary, [
    ...required('id', 'displayName', 'avatarUrl', 'hasUnread', 'lastItemPreview'),
    ...notString('id', 'displayName'),
    ['avatarUrl', 1],
    ['avatarUrl', {}],
    ['lastItemPreview', 1],
    ['lastItemPreview', false],
    ['hasUnread', 'true'],
    ['hasUnread', 1],
    ['hasUnread', null],
    ...badDate('lastActivityAt'),
  ]);

  check('parseFeedItem (message)', messageArb, parseFeedItem, [
    ...itemCommon,
    ...required('sender', 'body'),
    ['sender', 'system'],
    ['sender', null],
    ['body', 1],
    ['body', null],
    ['clientMessageId', 1],
    ['clientMessageId', {}],
  ]);

  check('parseFeedItem (order)', orderArb, parseFeedItem, [
    ...itemCommon,
    ...required('orderType', 'status', 'title', 'price', 'price.amountMinor', 'price.currency'),
    ['orderType', 'pizza'],
    ['orderType', null],
    ['status', 'done'],
    ['status', 1],
    ['title', 1],
    ['title', null],
    ['price', null],
    ['price', 5],
    ['price.amountMinor', 1.5],
    ['price.amountMinor', '100'],
    ['price.currency', 1],
    ['durationMinutes', '30'],
    ['durationMinutes', 1.5],
  ]);

  check('parseOrderDetail', orderDetailArb, parseOrderDetail, [
    ...itemCommon,
    ['kind', 'message'],
    ...required('orderType', 'status', 'title', 'price'),
    ['orderType', 'pizza'],
    ['status', 'done'],
    ['price.amountMinor', 'x'],
    ['question', 1],
    ['deliveredAt', 'soon'],
    ['deliveredAt', 1],
    ['review', 'good'],
    ['review', 1],
    ['review', { rating: 'meh', comment: null }],
    ['review', { comment: null }],
    ['review', { rating: 'positive', comment: 1 }],
  ]);

  check('parseEligibility', eligibilityArb, parseEligibility, [
    ...required('canSend', 'reason', 'consecutiveSent', 'consecutiveLimit'),
    ['canSend', 'yes'],
    ['canSend', null],
    ['reason', 'bogus'],
    ['reason', 1],
    ['consecutiveSent', -1],
    ['consecutiveSent', 1.5],
    ['consecutiveSent', '1'],
    ['consecutiveLimit', 0],
    ['consecutiveLimit', '5'],
  ]);
  it('parseEligibility: rejects canSend disagreeing with reason', () => {
    failure(() =>
      parseEligibility({
        canSend: true,
        reason: 'negative_review',
        consecutiveSent: 0,
        consecutiveLimit: 5,
      }),
    );
    failure(() =>
      parseEligibility({ canSend: false, reason: null, consecutiveSent: 0, consecutiveLimit: 5 }),
    );
  });

  const clientPageArb = fc.record({
    clients: fc.array(clientArb(fc.string()), { minLength: 1, maxLength: 3 }),
    nextCursor: nullableStr,
  });
  check('parseClientPage', clientPageArb, parseClientPage, [
    ...required('clients', 'nextCursor', 'clients.0.id', 'clients.0.hasUnread'),
    ['clients', null],
    ['clients', {}],
    ['nextCursor', 1],
    ['clients.0', 'x'],
    ['clients.0.lastActivityAt', 'now'],
    ['clients.0.hasUnread', 0],
  ]);
  it('parseClientPage: accepts an empty last page', () => {
    expect(parseClientPage({ clients: [], nextCursor: null })).to.deep.equal({
      clients: [],
      nextCursor: null,
    });
  });

  const feedPageArb = fc.record({
    items: fc.array(feedItemArb, { minLength: 1, maxLength: 3 }),
    olderCursor: nullableStr,
  });
  check('parseFeedPage', feedPageArb, parseFeedPage, [
    ...required('items', 'olderCursor', 'items.0.kind', 'items.0.at'),
    ['items', null],
    ['items', 'x'],
    ['olderCursor', 1],
    ['items.0', null],
    ['items.0.kind', 'note'],
    ['items.0.at', 'then'],
  ]);

  // Since 1.1: newerCursor and clientReadAt, optional (a 1.0 server sends neither), checked when present.
  const feedPage11Arb = fc.record(
    {
      items: fc.array(feedItemArb, { minLength: 1, maxLength: 3 }),
      olderCursor: nullableStr,
      newerCursor: nullableStr,
      clientReadAt: fc.option(isoArb, { nil: null }),
    },
    { requiredKeys: ['items', 'olderCursor'] },
  );
  check('parseFeedPage (1.1 fields)', feedPage11Arb, parseFeedPage, [
    ['newerCursor', 1],
    ['newerCursor', {}],
    ['newerCursor', true],
    ['clientReadAt', 'yesterday'],
    ['clientReadAt', 1],
    ['clientReadAt', '2024-01-01'],
    ['clientReadAt', '2024-13-45T00:00:00Z'],
    ['clientReadAt', {}],
  ]);
  it('parseFeedPage: a 1.0 page (no newerCursor, no clientReadAt) stays without them', () => {
    const page = parseFeedPage({ items: [], olderCursor: null });
    expect(page).to.deep.equal({ items: [], olderCursor: null });
    expect('clientReadAt' in page).to.equal(false);
  });

  const searchPageArb = fc.record({
    hits: fc.array(feedItemArb, { minLength: 1, maxLength: 3 }),
    nextCursor: nullableStr,
  });
  check('parseSearchPage', searchPageArb, parseSearchPage, [
    ...required('hits', 'nextCursor', 'hits.0.kind', 'hits.0.id'),
    ['hits', null],
    ['hits', {}],
    ['nextCursor', 1],
    ['hits.0', 'x'],
    ['hits.0.kind', 'note'],
    ['hits.0.at', 'then'],
  ]);
  it('parseSearchPage: accepts no hits', () => {
    expect(parseSearchPage({ hits: [], nextCursor: null })).to.deep.equal({
      hits: [],
      nextCursor: null,
    });
  });

  check('parseUnread', fc.record({ clientsWithUnread: fc.nat() }), parseUnread, [
    ...required('clientsWithUnread'),
    ['clientsWithUnread', -1],
    ['clientsWithUnread', 1.5],
    ['clientsWithUnread', '2'],
    ['clientsWithUnread', null],
  ]);

  it('accepts ISO date-times with offsets and without fractions', () => {
    for (const at of [
      '2024-01-01T10:00:00Z',
      '2024-01-01T10:00:00.123Z',
      '2024-01-01T12:00:00+02:00',
      '2024-01-01t10:00:00z',
    ])
      expect(
        parseFeedItem({ kind: 'message', id: 'm', clientId: 'c', at, sender: 'client', body: '' }),
      ).to.have.property('at', at);
  });
});

describe('parseEvent', () => {
  it('parses each known event (property)', () => {
    fc.assert(
      fc.property(
        feedItemArb,
        clientArb(fc.string()),
        eligibilityArb,
        advisorArb,
        fc.string(),
        (item, client, eligibility, advisor, clientId) => {
          expect(parseEvent('feed-item', { item })).to.deep.equal({ type: 'feed-item', item });
          expect(parseEvent('client', { client })).to.deep.equal({ type: 'client', client });
          expect(parseEvent('eligibility', { clientId, eligibility })).to.deep.equal({
            type: 'eligibility',
            clientId,
            eligibility,
          });
          expect(parseEvent('advisor', { advisor })).to.deep.equal({ type: 'advisor', advisor });
        },
      ),
      { numRuns: 100 },
    );
  });
  it('parses the 1.1 events client-read and typing (property)', () => {
    fc.assert(
      fc.property(fc.string(), isoArb, (clientId, at) => {
        expect(parseEvent('client-read', { clientId, readAt: at })).to.deep.equal({
          type: 'client-read',
          clientId,
          readAt: at,
        });
        expect(parseEvent('typing', { clientId, until: at })).to.deep.equal({
          type: 'typing',
          clientId,
          until: at,
        });
      }),
      { numRuns: 100 },
    );
  });
  it('returns null for unknown event names', () => {
    for (const name of ['ping', 'message', '', 'toString', '__proto__', 'constructor'])
      expect(parseEvent(name, {})).to.equal(null);
  });
  it('throws for a known name with bad data', () => {
    const item = fc.sample(messageArb, { numRuns: 1, seed: 1 })[0]!;
    const eligibility = { canSend: true, reason: null, consecutiveSent: 0, consecutiveLimit: 5 };
    const cases: Array<[string, unknown]> = [
      ['feed-item', null],
      ['feed-item', {}],
      ['feed-item', { item: { ...item, sender: 'bot' } }],
      ['client', { client: { id: 'c' } }],
      ['eligibility', { eligibility }],
      ['eligibility', { clientId: 'c', eligibility: { ...eligibility, reason: 'x' } }],
      ['advisor', { advisor: { id: 'a', displayName: 'A', status: 'gone' } }],
      ['advisor', 'x'],
      ['client-read', { clientId: 'c' }],
      ['client-read', { clientId: 'c', readAt: 'now' }],
      ['client-read', { readAt: '2024-01-01T10:00:00Z' }],
      ['typing', { clientId: 'c', until: 'soon' }],
      ['typing', { clientId: 'c', until: 5 }],
      ['typing', { clientId: 1, until: '2024-01-01T10:00:00Z' }],
      ['typing', null],
    ];
    for (const [name, data] of cases)
      expect(failure(() => parseEvent(name, data)).kind, name).to.equal('invalid-response');
  });
});
