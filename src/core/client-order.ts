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

/** A new sorted list with `client` replacing any entry of the same id, inserted at its sorted place (binary search). */
export function upsertClient(
  list: readonly ClientSummary[],
  client: ClientSummary,
): ClientSummary[] {
  const out = list.filter((c) => c.id !== client.id);
  let lo = 0;
  let hi = out.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareClients(out[mid]!, client) <= 0) lo = mid + 1;
    else hi = mid;
  }
  out.splice(lo, 0, client);
  return out;
}
