/**
 * Paging of the mock's lists: the client list (keyset cursors), a feed (`before`, and since 1.1
 * `after` and `around`) and a conversation search (since 1.1). Pure functions over arrays.
 */
import type { ClientPage, ClientSummary, FeedItem } from '../core/types.js';
import { b64decode, b64encode, compareClients, matchesType } from './codec.js';
import { MockHttpError, type FeedQuery, type MockFeedPage, type SearchPage } from './types.js';

const invalidCursor = (what: string) =>
  new MockHttpError(400, 'invalid_cursor', `The cursor is not valid for this ${what}`);

/** `GET /clients`: `all` in list order; the cursor holds the last row's sort key and the query. */
export function pageClients(
  all: ClientSummary[],
  params: { limit: number; cursor: string | null; q: string },
): ClientPage {
  let start = 0;
  if (params.cursor) {
    const key = b64decode(params.cursor) as
      { u?: unknown; t?: unknown; id?: unknown; q?: unknown } | undefined;
    if (
      !key ||
      typeof key.u !== 'boolean' ||
      typeof key.t !== 'string' ||
      typeof key.id !== 'string' ||
      key.q !== params.q
    ) {
      throw new MockHttpError(400, 'invalid_cursor', 'The cursor is not valid for this query');
    }
    const pivot = { id: key.id, hasUnread: key.u, lastActivityAt: key.t } as ClientSummary;
    start = all.findIndex((c) => compareClients(c, pivot) > 0);
    if (start < 0) start = all.length;
  }
  const clients = all.slice(start, start + params.limit);
  const last = clients[clients.length - 1];
  const more = start + params.limit < all.length;
  return {
    clients,
    nextCursor:
      more && last
        ? b64encode({ u: last.hasUnread, t: last.lastActivityAt, id: last.id, q: params.q })
        : null,
  };
}

/** First position in the ascending `view` whose value is >= `value`. */
function lowerBound(view: readonly number[], value: number): number {
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads a feed cursor: `o` (olderCursor, for `before`) or `n` (newerCursor, for `after`); a raw item index. */
function readFeedCursor(
  cursor: string,
  clientId: string,
  field: 'i' | 'n',
  length: number,
): number {
  const c = b64decode(cursor) as Record<string, unknown> | undefined;
  const i = c?.[field];
  if (
    !c ||
    c.c !== clientId ||
    typeof i !== 'number' ||
    !Number.isInteger(i) ||
    i < 0 ||
    i > length
  )
    throw invalidCursor('feed');
  return i;
}

/**
 * `GET /clients/{id}/feed`. `items` oldest first; `indexOf` finds an item's index by id.
 * Cursors hold a raw index into `items`, which only grows at its end, so they stay valid.
 */
export function pageFeed(
  items: readonly FeedItem[],
  indexOf: (id: string) => number | undefined,
  clientId: string,
  query: FeedQuery,
  clientReadAt: string | null,
): MockFeedPage {
  const given = [query.before, query.after, query.around].filter((v) => v).length;
  if (given > 1)
    throw new MockHttpError(400, 'bad_request', 'Give at most one of before, after and around');
  const { type, limit } = query;
  const view: number[] = [];
  for (let i = 0; i < items.length; i++) if (matchesType(items[i]!, type)) view.push(i);

  let start: number;
  let end: number;
  if (query.around) {
    const raw = indexOf(query.around);
    const k = raw === undefined ? -1 : lowerBound(view, raw);
    if (raw === undefined || view[k] !== raw) {
      throw new MockHttpError(
        404,
        'not_found',
        `No item ${query.around} in this feed with type ${type}`,
      );
    }
    start = Math.max(0, k - Math.floor((limit - 1) / 2));
    end = Math.min(view.length, start + limit);
    start = Math.max(0, end - limit);
  } else if (query.after) {
    start = lowerBound(view, readFeedCursor(query.after, clientId, 'n', items.length));
    end = Math.min(view.length, start + limit);
  } else {
    end = query.before
      ? lowerBound(view, readFeedCursor(query.before, clientId, 'i', items.length))
      : view.length;
    start = Math.max(0, end - limit);
  }
  const page: MockFeedPage = {
    items: view.slice(start, end).map((i) => items[i]!),
    olderCursor: start > 0 ? b64encode({ c: clientId, i: view[start] }) : null,
    clientReadAt,
  };
  if (query.around || query.after)
    page.newerCursor = end < view.length ? b64encode({ c: clientId, n: view[end - 1]! + 1 }) : null;
  return page;
}

/** The text a search looks in: a message's body, an order's title. */
const searchable = (item: FeedItem) =>
  (item.kind === 'message' ? item.body : item.title).toLowerCase();

/**
 * `GET /clients/{id}/search`: case-insensitive substring of the trimmed `q` in message bodies and
 * order titles, newest first. The cursor holds the raw index of the last hit and the query.
 */
export function searchFeed(
  items: readonly FeedItem[],
  clientId: string,
  params: { q: string; cursor: string | null; limit: number },
): SearchPage {
  const needle = params.q.trim().toLowerCase();
  if ([...needle].length < 2)
    throw new MockHttpError(400, 'bad_request', 'q must hold at least 2 characters');
  let end = items.length;
  if (params.cursor) {
    const c = b64decode(params.cursor) as Record<string, unknown> | undefined;
    const s = c?.s;
    if (
      !c ||
      c.c !== clientId ||
      c.q !== needle ||
      typeof s !== 'number' ||
      !Number.isInteger(s) ||
      s < 0 ||
      s > items.length
    ) {
      throw invalidCursor('search');
    }
    end = s;
  }
  const hits: FeedItem[] = [];
  let i = end - 1;
  let last = end;
  for (; i >= 0 && hits.length < params.limit; i--) {
    if (searchable(items[i]!).includes(needle)) {
      hits.push(items[i]!);
      last = i;
    }
  }
  let more = false;
  for (let k = last - 1; k >= 0 && !more; k--) more = searchable(items[k]!).includes(needle);
  return { hits, nextCursor: more ? b64encode({ c: clientId, s: last, q: needle }) : null };
}
