import type { ClientSummary } from './types.js';

/** Milliseconds of an ISO date-time; unparseable dates count as -Infinity (sorted last in their group). */
const time = (iso: string): number => {
  const t = Date.parse(iso);
  return t === t ? t : -Infinity;
};

/** Client-list order: unread first, then `lastActivityAt` descending (as time), then `id` ascending. */
export function compareClients(a: ClientSummary, b: ClientSummary): number {
  return (
    +b.hasUnread - +a.hasUnread ||
    time(b.lastActivityAt) - time(a.lastActivityAt) || // NaN (both invalid) falls through too
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A new array of the clients in list order, de-duplicated by id (the last occurrence wins). */
export function sortClientsForList(clients: readonly ClientSummary[]): ClientSummary[] {
  return [...new Map(clients.map((c) => [c.id, c])).values()].sort(compareClients);
}

/** Where `client` goes in a sorted list that does not hold it (binary search). */
function sortedIndex(list: readonly ClientSummary[], client: ClientSummary): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareClients(list[mid]!, client) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A new sorted list with `client` replacing any entry of the same id, inserted at its sorted place. */
export function upsertClient(
  list: readonly ClientSummary[],
  client: ClientSummary,
): ClientSummary[] {
  const out = list.filter((c) => c.id !== client.id);
  out.splice(sortedIndex(out, client), 0, client);
  return out;
}

/**
 * The place an open client holds (its card is showing): the higher of the place it held and the
 * one its summary `now` gives. Opening it reads it, and being read would move it down from under
 * the pointer: it does not while it is open. New activity (a message, an order) still moves it up.
 * Start with `held` undefined when it is opened; the list sorts it by the result.
 */
export function heldPlace(held: ClientSummary | undefined, now: ClientSummary): ClientSummary {
  return held?.id === now.id && compareClients(held, now) < 0 ? held : now;
}

/**
 * The sorted list with the client of `place` (same id) moved to where `place` sorts, its own
 * summary kept; `list` itself when it is already there or not listed.
 */
export function holdPlace(
  list: readonly ClientSummary[],
  place: ClientSummary,
): readonly ClientSummary[] {
  const i = list.findIndex((c) => c.id === place.id);
  if (i < 0) return list;
  const out = list.filter((_, j) => j !== i);
  const at = sortedIndex(out, place);
  if (at === i) return list;
  out.splice(at, 0, list[i]!);
  return out;
}
