import { AdvisorStatus, BlockReason, OrderStatus, OrderType } from '../core/types.js';
import { DmError } from './adapter.js';
import type {
  Advisor,
  ClientPage,
  ClientSummary,
  DmEvent,
  Eligibility,
  FeedItem,
  FeedPage,
  OrderDetail,
  SearchPage,
} from '../core/types.js';

type Obj = Record<string, unknown>;

const bad = (field: string): never => {
  throw new DmError('invalid-response', field);
};
const obj = (v: unknown, f: string): Obj =>
  v && typeof v == 'object' && !Array.isArray(v) ? (v as Obj) : bad(f);
const arr = (v: unknown, f: string): unknown[] => (Array.isArray(v) ? v : bad(f));
const str = (v: unknown, f: string): string => (typeof v == 'string' ? v : bad(f));
const bool = (v: unknown, f: string): boolean => (typeof v == 'boolean' ? v : bad(f));
const int = (v: unknown, f: string, min = -Infinity): number =>
  Number.isInteger(v) && (v as number) >= min ? (v as number) : bad(f);
const date = (v: unknown, f: string): string =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(str(v, f)) &&
  Date.parse(v as string) === Date.parse(v as string)
    ? (v as string)
    : bad(f);
const oneOf = <T>(v: unknown, f: string, values: Record<string, T>): T =>
  Object.values(values).includes(v as T) ? (v as T) : bad(f);
/** Required but may be null. */
const nullable = <T>(v: unknown, f: string, check: (v: unknown, f: string) => T): T | null =>
  v === null ? null : check(v, f);
/** May be absent or null. */
const optional = <T>(
  v: unknown,
  f: string,
  check: (v: unknown, f: string) => T,
): T | null | undefined => (v == null ? (v as null) : check(v, f));

function advisor(v: unknown, p: string): Advisor {
  const o = obj(v, p);
  str(o.id, p + '.id');
  str(o.displayName, p + '.displayName');
  oneOf(o.status, p + '.status', AdvisorStatus);
  return o as unknown as Advisor;
}

function client(v: unknown, p: string): ClientSummary {
  const o = obj(v, p);
  str(o.id, p + '.id');
  str(o.displayName, p + '.displayName');
  nullable(o.avatarUrl, p + '.avatarUrl', str);
  bool(o.hasUnread, p + '.hasUnread');
  date(o.lastActivityAt, p + '.lastActivityAt');
  nullable(o.lastItemPreview, p + '.lastItemPreview', str);
  return o as unknown as ClientSummary;
}

function item(v: unknown, p: string, orderOnly = false): FeedItem {
  const o = obj(v, p);
  const kind = o.kind;
  if (kind !== 'order' && (orderOnly || kind !== 'message')) bad(p + '.kind');
  str(o.id, p + '.id');
  str(o.clientId, p + '.clientId');
  date(o.at, p + '.at');
  if (kind === 'message') {
    oneOf(o.sender, p + '.sender', { a: 'advisor', c: 'client' });
    str(o.body, p + '.body');
    optional(o.clientMessageId, p + '.clientMessageId', str);
  } else {
    oneOf(o.orderType, p + '.orderType', OrderType);
    oneOf(o.status, p + '.status', OrderStatus);
    str(o.title, p + '.title');
    const price = obj(o.price, p + '.price');
    int(price.amountMinor, p + '.price.amountMinor');
    str(price.currency, p + '.price.currency');
    optional(o.durationMinutes, p + '.durationMinutes', int);
  }
  return o as unknown as FeedItem;
}

function eligibility(v: unknown, p: string): Eligibility {
  const o = obj(v, p);
  const canSend = bool(o.canSend, p + '.canSend');
  // canSend and reason must agree: a reason exactly when sending is blocked.
  if ((nullable(o.reason, p + '.reason', (r, f) => oneOf(r, f, BlockReason)) === null) !== canSend)
    bad(p + '.reason');
  int(o.consecutiveSent, p + '.consecutiveSent', 0);
  int(o.consecutiveLimit, p + '.consecutiveLimit', 1);
  return o as unknown as Eligibility;
}

/** Validates `GET /me`. */
export const parseAdvisor = (v: unknown): Advisor => advisor(v, 'advisor');

/** Validates one client summary (`GET /clients/{id}`). */
export const parseClientSummary = (v: unknown): ClientSummary => client(v, 'client');

/** Validates a page of `GET /clients`. */
export function parseClientPage(v: unknown): ClientPage {
  const o = obj(v, 'page');
  arr(o.clients, 'page.clients').forEach((c, i) => client(c, `page.clients[${i}]`));
  nullable(o.nextCursor, 'page.nextCursor', str);
  return o as unknown as ClientPage;
}

/** Validates one feed item (a message or an order, by `kind`). */
export const parseFeedItem = (v: unknown): FeedItem => item(v, 'item');

/** Validates a page of `GET /clients/{id}/feed`. */
export function parseFeedPage(v: unknown): FeedPage {
  const o = obj(v, 'page');
  arr(o.items, 'page.items').forEach((it, i) => item(it, `page.items[${i}]`));
  nullable(o.olderCursor, 'page.olderCursor', str);
  // Since 1.1; absent from a 1.0 server. Present, they must be what the contract says.
  optional(o.newerCursor, 'page.newerCursor', str);
  optional(o.clientReadAt, 'page.clientReadAt', date);
  return o as unknown as FeedPage;
}

/** Validates a page of `GET /clients/{id}/search` (since 1.1). */
export function parseSearchPage(v: unknown): SearchPage {
  const o = obj(v, 'page');
  arr(o.hits, 'page.hits').forEach((it, i) => item(it, `page.hits[${i}]`));
  nullable(o.nextCursor, 'page.nextCursor', str);
  return o as unknown as SearchPage;
}

/** Validates `GET /orders/{id}`: an order item plus optional question, delivery time and review. */
export function parseOrderDetail(v: unknown): OrderDetail {
  const o = item(v, 'order', true) as unknown as Obj;
  optional(o.question, 'order.question', str);
  optional(o.deliveredAt, 'order.deliveredAt', date);
  optional(o.review, 'order.review', (r, f) => {
    const review = obj(r, f);
    oneOf(review.rating, f + '.rating', { p: 'positive', n: 'negative' });
    return optional(review.comment, f + '.comment', str);
  });
  return o as unknown as OrderDetail;
}

/** Validates `GET /clients/{id}/send-eligibility` (also requires `canSend` to agree with `reason`). */
export const parseEligibility = (v: unknown): Eligibility => eligibility(v, 'eligibility');

/** Validates `GET /unread`. */
export function parseUnread(v: unknown): { clientsWithUnread: number } {
  const o = obj(v, 'unread');
  return { clientsWithUnread: int(o.clientsWithUnread, 'unread.clientsWithUnread', 0) };
}

/** Validates the JSON data of an SSE event by its name; null for an unknown name, throws for bad data. */
export function parseEvent(name: string, data: unknown): DmEvent | null {
  const events: Record<string, (o: Obj) => DmEvent> = {
    'feed-item': (o) => ({ type: 'feed-item', item: item(o.item, 'item') }),
    client: (o) => ({ type: 'client', client: client(o.client, 'client') }),
    eligibility: (o) => ({
      type: 'eligibility',
      clientId: str(o.clientId, 'clientId'),
      eligibility: eligibility(o.eligibility, 'eligibility'),
    }),
    advisor: (o) => ({ type: 'advisor', advisor: advisor(o.advisor, 'advisor') }),
    'client-read': (o) => ({
      type: 'client-read',
      clientId: str(o.clientId, 'clientId'),
      readAt: date(o.readAt, 'readAt'),
    }),
    typing: (o) => ({
      type: 'typing',
      clientId: str(o.clientId, 'clientId'),
      until: date(o.until, 'until'),
    }),
  };
  const parse = Object.hasOwn(events, name) ? events[name]! : null;
  return parse && parse(obj(data, name));
}
