import { splitArrivals } from '../core/feed-window.js';
import { mergeFeed } from '../core/feed-merge.js';
import type { FeedEntry, FeedFilter, FeedPage } from '../core/types.js';
import type { Hub } from './hub.js';
import type { FeedState } from './store-types.js';

/** What the two-way window needs from the feeds. */
export interface WindowFeeds {
  get(clientId: string, filter: FeedFilter): FeedState;
  put(state: FeedState): void;
  /** Messages written here and not stored yet, for this feed. */
  local(clientId: string, filter: FeedFilter): FeedEntry[];
  /** A page came (stored copies of messages sent here, the client's read time). */
  received_(clientId: string, page: FeedPage): void;
}

/** What became of a jump to an item. */
export type JumpResult = 'shown' | 'gone' | 'failed';

/**
 * The feed as a two-way window (contract 1.1): a jump loads a page `around` an item, which
 * replaces what the feed holds; the window then pages up (`before`, as ever) and down (`after`)
 * until a page reaches the newest item (`newerCursor` null), where it is the live tail again.
 * While it shows the past, live items newer than it are never put after it (a gap): they are
 * counted (`pastArrivals`, for the pill) and come with the pages after, from the server.
 */
export class FeedWindow {
  constructor(
    private readonly hub_: Hub,
    private readonly feeds_: WindowFeeds,
  ) {}

  /**
   * Brings an item into the feed: nothing to fetch when it is loaded; else one page `around` it.
   * `gone`: the item is not in this feed (404); the feed is left as it was.
   */
  async jump(clientId: string, filter: FeedFilter, itemId: string): Promise<JumpResult> {
    const { hub_: hub, feeds_: feeds } = this;
    if (feeds.get(clientId, filter).items.some((e) => e.id === itemId)) return 'shown';
    const key = clientId + '\u0000' + filter;
    const params = { type: filter, around: itemId, limit: hub.settings_.feedPageSize };
    const got = await hub.loads_.run_('around:' + key, (signal) =>
      hub.adapter_.getFeed(clientId, params, { signal }),
    );
    if (!got) return 'failed';
    if (!got.ok) return got.error.kind === 'not-found' ? 'gone' : 'failed';
    const page = got.value;
    feeds.received_(clientId, page);
    if (!page.items.some((e) => e.id === itemId)) return 'gone';
    // Paging that was on its way belongs to the stretch left behind.
    hub.loads_.releaseAll_(['older:' + key, 'newer:' + key]);
    const newerCursor = page.newerCursor ?? null;
    feeds.put({
      ...feeds.get(clientId, filter),
      items: newerCursor ? page.items : mergeFeed(page.items, feeds.local(clientId, filter)),
      olderCursor: page.olderCursor,
      newerCursor,
      loadingOlder: false,
      olderError: null,
      loadingNewer: false,
      newerError: null,
      pastArrivals: 0,
    });
    return 'shown';
  }

  /** Loads the page after the newest item of a past window; the page that reaches the newest makes it the live tail. */
  async loadNewer(
    clientId: string,
    filter: FeedFilter,
    limit = this.hub_.settings_.feedPageSize,
  ): Promise<void> {
    const { hub_: hub, feeds_: feeds } = this;
    const cur = feeds.get(clientId, filter);
    if (cur.status !== 'ready' || cur.loadingNewer || !cur.newerCursor) return;
    feeds.put({ ...cur, loadingNewer: true, newerError: null });
    const params = { type: filter, after: cur.newerCursor, limit };
    const got = await hub.loads_.run_('newer:' + clientId + '\u0000' + filter, (signal) =>
      hub.adapter_.getFeed(clientId, params, { signal }),
    );
    if (!got) return;
    const now = feeds.get(clientId, filter);
    if (!got.ok) return feeds.put({ ...now, loadingNewer: false, newerError: got.error });
    const page = got.value;
    feeds.received_(clientId, page);
    // A page that is empty and hands back its own cursor would be asked for forever: the window has reached the newest.
    const newerCursor =
      page.newerCursor && (page.items.length || page.newerCursor !== cur.newerCursor)
        ? page.newerCursor
        : null;
    const items = mergeFeed(
      now.items,
      newerCursor ? page.items : [...page.items, ...feeds.local(clientId, filter)],
    );
    feeds.put({
      ...now,
      items,
      newerCursor,
      loadingNewer: false,
      pastArrivals: newerCursor ? now.pastArrivals : 0,
    });
  }

  /** Live entries for a feed that shows the past: those within its stretch update it, newer ones are counted. */
  arrive(cur: FeedState, entries: readonly FeedEntry[]): FeedState {
    const { inside, beyond } = splitArrivals(cur.items, entries);
    const items = mergeFeed(cur.items, inside);
    const fresh = beyond.filter((e) => !e.delivery).length;
    return items === cur.items && !fresh
      ? cur
      : { ...cur, items, pastArrivals: cur.pastArrivals + fresh };
  }
}
