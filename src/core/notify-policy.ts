import type { FeedItem } from './types.js';

/** A notice waiting to be shown: which client, which item, and that item's ISO time. */
export interface Notice {
  clientId: string;
  itemId: string;
  at: string;
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

/** The notices to show when a live session ends: one per client (its latest), ordered by that item's time ascending. */
export function releaseDeferred(deferred: readonly Notice[]): Notice[] {
  const t = (n: Notice) => Date.parse(n.at) || 0;
  const latest = new Map<string, Notice>();
  for (const n of deferred) {
    const prev = latest.get(n.clientId);
    if (!prev || t(n) >= t(prev)) latest.set(n.clientId, n);
  }
  return [...latest.values()].sort((a, b) => t(a) - t(b));
}
