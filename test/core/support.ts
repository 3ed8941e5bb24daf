// Shared by the core tests: mocha's globals, typed locally, and fast-check arbitraries of valid contract values.
import fc from 'fast-check';
import { AdvisorStatus, BlockReason, OrderStatus, OrderType } from '../../src/core/types.js';
import type {
  Advisor,
  ClientSummary,
  Eligibility,
  FeedItem,
  MessageItem,
  OrderDetail,
  OrderItem,
} from '../../src/core/types.js';

type Body = (this: unknown) => void | Promise<void>;
/** Mocha's globals (the project has no @types/mocha; local names also avoid clashing with one later). */
export const { describe, it } = globalThis as unknown as {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: Body) => void;
};

const T0 = Date.UTC(2024, 0, 1);

/** Formats a time as an ISO string in one of several equivalent styles. */
export function iso(t: number, style = 0): string {
  if (style === 1) return new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');
  if (style === 2) return new Date(t + 2 * 3600e3).toISOString().replace('Z', '+02:00');
  if (style === 3) return new Date(t - 5 * 3600e3).toISOString().replace('Z', '-05:00');
  return new Date(t).toISOString();
}

/** A time drawn from a small range (in whole seconds) so that ties are common. */
export const timeArb = fc.integer({ min: 0, max: 40 }).map((s) => T0 + s * 1000);
/** An ISO date-time string in any of the styles. */
export const isoArb = fc.tuple(timeArb, fc.integer({ min: 0, max: 3 })).map(([t, s]) => iso(t, s));

export const nullableStr = fc.option(fc.string(), { nil: null });

export const advisorArb: fc.Arbitrary<Advisor> = fc.record({
  id: fc.string(),
  displayName: fc.string(),
  status: fc.constantFrom(...Object.values(AdvisorStatus)),
});

export const clientArb = (
  ids: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
): fc.Arbitrary<ClientSummary> =>
  fc.record({
    id: ids,
    displayName: fc.string(),
    avatarUrl: nullableStr,
    hasUnread: fc.boolean(),
    lastActivityAt: isoArb,
    lastItemPreview: nullableStr,
  });

export const messageArb: fc.Arbitrary<MessageItem> = fc.record(
  {
    kind: fc.constant('message' as const),
    id: fc.string(),
    clientId: fc.string(),
    at: isoArb,
    sender: fc.constantFrom('advisor' as const, 'client' as const),
    body: fc.string(),
    clientMessageId: nullableStr,
  },
  { requiredKeys: ['kind', 'id', 'clientId', 'at', 'sender', 'body'] },
);

export const orderArb: fc.Arbitrary<OrderItem> = fc.record(
  {
    kind: fc.constant('order' as const),
    id: fc.string(),
    clientId: fc.string(),
    at: isoArb,
    orderType: fc.constantFrom(...Object.values(OrderType)),
    status: fc.constantFrom(...Object.values(OrderStatus)),
    title: fc.string(),
    price: fc.record({ amountMinor: fc.integer(), currency: fc.constantFrom('USD', 'EUR') }),
    durationMinutes: fc.option(fc.nat(), { nil: null }),
  },
  { requiredKeys: ['kind', 'id', 'clientId', 'at', 'orderType', 'status', 'title', 'price'] },
);

export const feedItemArb: fc.Arbitrary<FeedItem> = fc.oneof(messageArb, orderArb);

export const orderDetailArb: fc.Arbitrary<OrderDetail> = fc
  .tuple(
    orderArb,
    fc.record(
      {
        question: nullableStr,
        deliveredAt: fc.option(isoArb, { nil: null }),
        review: fc.option(
          fc.record({
            rating: fc.constantFrom('positive' as const, 'negative' as const),
            comment: nullableStr,
          }),
          { nil: null },
        ),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([o, extra]) => ({ ...o, ...extra }));

/** A consistent eligibility: a reason exactly when blocked, and a count that agrees with it. */
export const eligibilityArb: fc.Arbitrary<Eligibility> = fc
  .record({
    reason: fc.option(fc.constantFrom(...Object.values(BlockReason)), { nil: null }),
    consecutiveSent: fc.integer({ min: 0, max: 8 }),
    consecutiveLimit: fc.constant(5),
  })
  .map((e) => ({
    ...e,
    canSend: e.reason === null,
    // the count agrees with the reason: below the limit when allowed, at or over it for consecutive_limit
    consecutiveSent:
      e.reason === null
        ? e.consecutiveSent % 5
        : e.reason === 'consecutive_limit'
          ? 5 + (e.consecutiveSent % 3)
          : e.consecutiveSent,
  }));

/** A cheap http(s) URL (fast-check's webUrl is slow to generate in a busy browser). */
export const urlArb: fc.Arbitrary<string> = fc
  .record({
    scheme: fc.constantFrom('http', 'https', 'HTTPS'),
    host: fc.constantFrom(
      'example.com',
      'a.b.io',
      'localhost:8080',
      '127.0.0.1',
      'xn--bcher-kva.example',
    ),
    path: fc.array(fc.constantFrom('a', 'b-c', 'x_y', '%20', '~u', '1', 'index.html'), {
      maxLength: 3,
    }),
    query: fc.array(fc.constantFrom('q=1', 'a=b', 'x=%2F', 'y', 'dm-client=old'), { maxLength: 3 }),
    hash: fc.constantFrom('', '#top', '#a=b', '#'),
  })
  .map(
    (u) =>
      `${u.scheme}://${u.host}/${u.path.join('/')}${u.query.length ? '?' + u.query.join('&') : ''}${u.hash}`,
  );
