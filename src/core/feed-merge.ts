import type { FeedEntry, FeedFilter, FeedItem } from './types.js';

/** The identity of a feed entry: `m:<clientMessageId>` for messages that have one (so a local pending copy and the stored one match), else `i:<id>`. */
export function entryKey(item: FeedEntry): string {
  return item.kind === 'message' && item.clientMessageId
    ? 'm:' + item.clientMessageId
    : 'i:' + item.id;
}

const time = (e: FeedEntry): number => Date.parse(e.at) || 0;

/**
 * The feed's order: stored entries by time; entries not stored yet (pending or failed, `delivery`
 * set) after all of them, in the order written. The server stamps a message when it stores it, so
 * a message still waiting will be newer than anything stored: the first of three quick sends,
 * once stored, stays above the two still on their way.
 */
export const compareEntries = (a: FeedEntry, b: FeedEntry): number =>
  +!!a.delivery - +!!b.delivery || time(a) - time(b);

/** Deep equality of plain JSON-like values. */
const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (!a || !b || typeof a != 'object' || typeof b != 'object') return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
};

/** Stable sort by {@link compareEntries}; returns the input when already sorted. */
function sortEntries(list: FeedEntry[]): FeedEntry[] {
  if (list.every((e, i) => !i || compareEntries(list[i - 1]!, e) <= 0)) return list;
  return list
    .map((e, i) => [e, i] as const)
    .sort((a, b) => compareEntries(a[0], b[0]) || a[1] - b[1])
    .map(([e]) => e);
}

/**
 * Merges incoming entries into a feed (`existing` is a previous result: sorted, unique).
 * Union by {@link entryKey} and by `id`; an incoming entry replaces the existing one, except that a local entry
 * (`delivery` set) never replaces a server entry. Sorted by {@link compareEntries}, stable (existing before incoming on ties).
 * Returns `existing` itself when nothing changed; prepending older pages and appending newer items skip the sort.
 */
export function mergeFeed(
  existing: readonly FeedEntry[],
  incoming: readonly FeedEntry[],
): FeedEntry[] {
  const prev = existing as FeedEntry[];
  if (!incoming.length) return prev;
  const ids = new Set<string>();
  const cmids = new Set<string>();
  for (const e of incoming) {
    ids.add(e.id);
    if (e.kind === 'message' && e.clientMessageId) cmids.add(e.clientMessageId);
  }
  // Only entries sharing an id or clientMessageId with an incoming one can be replaced (keys derive from those).
  const hit: number[] = [];
  existing.forEach((e, i) => {
    if (
      ids.has(e.id) ||
      (e.kind === 'message' && e.clientMessageId && cmids.has(e.clientMessageId))
    )
      hit.push(i);
  });
  // Fast paths: nothing in common, incoming free of duplicates, and wholly before or after `existing`.
  if (
    !hit.length &&
    ids.size === incoming.length &&
    new Set(incoming.map(entryKey)).size === incoming.length
  ) {
    const inc = sortEntries([...incoming]);
    if (!existing.length) return inc;
    if (compareEntries(inc[inc.length - 1]!, existing[0]!) < 0) return [...inc, ...existing];
    if (compareEntries(inc[0]!, existing[existing.length - 1]!) >= 0) return [...existing, ...inc];
  }
  const out: (FeedEntry | null)[] = existing.slice();
  const byKey = new Map<string, number>();
  const byId = new Map<string, number>();
  const index = (e: FeedEntry, i: number) => (byKey.set(entryKey(e), i), byId.set(e.id, i));
  for (const i of hit) index(existing[i]!, i);
  let changed = false;
  for (const e of incoming) {
    const key = entryKey(e);
    const hits = [...new Set([byKey.get(key), byId.get(e.id)])].filter(
      (i): i is number =>
        i !== undefined && !!out[i] && (entryKey(out[i]!) === key || out[i]!.id === e.id),
    );
    if (e.delivery && hits.some((i) => !out[i]!.delivery)) continue;
    if (hits.length === 1 && same(out[hits[0]!], e)) continue;
    changed = true;
    const at = hits.length ? hits[0]! : out.length;
    for (const i of hits) out[i] = null;
    out[at] = e;
    index(e, at);
  }
  return changed ? sortEntries(out.filter((e): e is FeedEntry => !!e)) : prev;
}

/** Whether a feed item is shown under a filter (`all`, only `orders`, only `messages`). */
export function matchesFilter(item: FeedItem, filter: FeedFilter): boolean {
  return filter === 'all' || (filter === 'orders') === (item.kind === 'order');
}

/** The list without the entry of that {@link entryKey}; the same array when there is none. */
export function removeByKey(list: readonly FeedEntry[], key: string): FeedEntry[] {
  const out = list.filter((e) => entryKey(e) !== key);
  return out.length === list.length ? (list as FeedEntry[]) : out;
}

/**
 * Index of the first unread item, by heuristic: the contract only says whether a client has unread, so this is the
 * first of the trailing run of client-side items (client messages and orders) after the advisor's last message;
 * -1 when the last item is the advisor's (or the list is empty), 0 when the advisor never wrote. Messages not stored
 * yet (at the end) are left out: a failed send does not hide what the client wrote.
 */
export function firstUnreadIndex(items: readonly FeedEntry[]): number {
  const end = storedLength(items);
  const i = clientRunStart(items, end);
  return i === end ? -1 : i;
}

/** Where the run of client-side items (client messages and orders) that ends just before `end` starts. */
export function clientRunStart(items: readonly FeedEntry[], end: number): number {
  let i = end;
  while (
    i > 0 &&
    (items[i - 1]!.kind === 'order' || (items[i - 1] as { sender?: string }).sender === 'client')
  )
    i--;
  return i;
}

/** How many entries of a merged feed are stored: the ones before the trailing pending or failed messages. */
export function storedLength(items: readonly FeedEntry[]): number {
  let n = items.length;
  while (n > 0 && items[n - 1]!.delivery) n--;
  return n;
}
