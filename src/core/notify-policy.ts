import type { FeedItem } from './types.js';

/** A notice waiting to be shown: which client, which item, and that item's ISO time. */
export interface Notice {
  clientId: string;
  itemId: string;
  at: string;
  /** The item's kind; absent: a message. */
  kind?: FeedItem['kind'];
  /** A message's first line (see `firstLine`). */
  text?: string;
  /** How many of the client's messages it stands for (folded); absent: 1. */
  count?: number;
}

/**
 * What to do with a live feed item: only a client's message or a new client order (status `pending`) makes a notice;
 * `skip` when that client's card is open on a visible page, `defer` during a live session, else `show`.
 */
export function noticeDecision(input: {
  item: FeedItem;
  openClientId: string | null;
  pageVisible: boolean;
  inLiveSession: boolean;
}): 'show' | 'defer' | 'skip' {
  const { item } = input;
  const notable = item.kind === 'message' ? item.sender === 'client' : item.status === 'pending';
  if (!notable || (input.pageVisible && input.openClientId === item.clientId)) return 'skip';
  return input.inLiveSession ? 'defer' : 'show';
}

/**
 * Whether a live `feed-item` is new activity from the client: a client message, or a new order.
 * The contract sends the same event for a new order and for a change to one (a new status), so an
 * order the store already holds (`seen`) is a change; so is one placed well before the client's
 * last activity (a minute: the `client` event and the advisor's own messages may come first).
 * A change neither resets the consecutive count, nor moves the list, nor makes a notice.
 */
export function isClientActivity(item: FeedItem, seen: boolean, lastActivityAt?: string): boolean {
  if (item.kind === 'message') return item.sender === 'client';
  return !seen && !(Date.parse(item.at) < Date.parse(lastActivityAt ?? '') - 60_000);
}

/** Whether the server should hold back push notifications: while the advisor is active in the app or in a live session. */
export function isPushSuppressed(p: { active: boolean; inLiveSession: boolean }): boolean {
  return p.active || p.inLiveSession;
}

const time = (n: Notice) => Date.parse(n.at) || 0;

/**
 * Adds a notice to those shown: one per client, about its newest item, last. A client's messages
 * fold into one notice that counts them (an order's notice replaces, and is replaced, as it is).
 */
export function foldNotice<T extends Notice>(shown: readonly T[], n: T): T[] {
  const prev = shown.find((p) => p.clientId === n.clientId);
  const newer = !prev || time(n) >= time(prev) ? n : prev;
  return [
    ...shown.filter((p) => p !== prev),
    prev && n.kind !== 'order' && prev.kind !== 'order'
      ? { ...newer, count: (prev.count ?? 1) + (n.count ?? 1) }
      : newer,
  ];
}

/** The notices to show when a live session ends: one per client (its latest, folded), ordered by that item's time ascending. */
export function releaseDeferred(deferred: readonly Notice[]): Notice[] {
  return [...deferred].sort((a, b) => time(a) - time(b)).reduce<Notice[]>(foldNotice, []);
}
