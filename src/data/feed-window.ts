import { splitArrivals } from '../core/feed-window.js';
import { mergeFeed } from '../core/feed-merge.js';
import type { FeedEntry, FeedFilter, FeedPage } from '../core/types.js';
import type { DmAdapter, DmError } from './adapter.js';
import type { FeedState } from './store.js';

/** What the two-way window needs from the store. */
export interface WindowHost {
  readonly adapter: DmAdapter;
  readonly pageSize: number;
  feed(clientId: string, filter: FeedFilter): FeedState;
  setFeed(state: FeedState): void;
  failed(e: unknown): DmError;
  /** Messages written here and not stored yet, for this feed. */
  localEntries(clientId: string, filter: FeedFilter): FeedEntry[];
  /** A page came (stored copies of messages sent here, the client's read time). */
  received(clientId: string, page: FeedPage): void;
  /** In-flight requests by key (abandoned by `releaseFeed`). */
  aborts: Map<string, AbortController>;
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
  constructor(private readonly host_: WindowHost) {}

  /**
   * Brings an item into the feed: nothing to fetch when it is loaded; else one page `around` it.
   * `gone`: the item is not in this feed (404); the feed is left as it was.
   */
  async jump(clientId: string, filter: FeedFilter, itemId: string): Promise<JumpResult> {
    const h = this.host_;
    if (h.feed(clientId, filter).items.some((e) => e.id === itemId)) return 'shown';
    const k = clientId + '\u0000' + filter;
    const abort = new AbortController();
    h.aborts.get(k + ':around')?.abort();
    h.aborts.set(k + ':around', abort);
    try {
      const page = await h.adapter.getFeed(clientId, { type: filter, around: itemId, limit: h.pageSize }, { signal: abort.signal });
      if (abort.signal.aborted) return 'failed';
      h.received(clientId, page);
      if (!page.items.some((e) => e.id === itemId)) return 'gone';
      // Paging that was on its way belongs to the stretch left behind.
      for (const s of [':older', ':newer']) h.aborts.get(k + s)?.abort();
      const newerCursor = page.newerCursor ?? null;
      h.setFeed({
        ...h.feed(clientId, filter),
        items: newerCursor ? page.items : mergeFeed(page.items, h.localEntries(clientId, filter)),
        olderCursor: page.olderCursor,
        newerCursor,
        loadingOlder: false,
        olderError: null,
        loadingNewer: false,
        newerError: null,
        pastArrivals: 0,
      });
      return 'shown';
    } catch (e) {
      if (abort.signal.aborted) return 'failed';
      return h.failed(e).kind === 'not-found' ? 'gone' : 'failed';
    }
  }

  /** Loads the page after the newest item of a past window; the page that reaches the newest makes it the live tail. */
  async loadNewer(clientId: string, filter: FeedFilter, limit = this.host_.pageSize): Promise<void> {
    const h = this.host_;
    const cur = h.feed(clientId, filter);
    if (cur.status !== 'ready' || cur.loadingNewer || !cur.newerCursor) return;
    const k = clientId + '\u0000' + filter + ':newer';
    const abort = new AbortController();
    h.aborts.set(k, abort);
    h.setFeed({ ...cur, loadingNewer: true, newerError: null });
    try {
      const page = await h.adapter.getFeed(clientId, { type: filter, after: cur.newerCursor, limit }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      h.received(clientId, page);
      const now = h.feed(clientId, filter);
      // A page that is empty and hands back its own cursor would be asked for forever: the window has reached the newest.
      const newerCursor = page.newerCursor && (page.items.length || page.newerCursor !== cur.newerCursor) ? page.newerCursor : null;
      const items = mergeFeed(now.items, newerCursor ? page.items : [...page.items, ...h.localEntries(clientId, filter)]);
      h.setFeed({ ...now, items, newerCursor, loadingNewer: false, pastArrivals: newerCursor ? now.pastArrivals : 0 });
    } catch (e) {
      if (abort.signal.aborted) return;
      h.setFeed({ ...h.feed(clientId, filter), loadingNewer: false, newerError: h.failed(e) });
    }
  }

  /** Live entries for a feed that shows the past: those within its stretch update it, newer ones are counted. */
  arrive(cur: FeedState, entries: readonly FeedEntry[]): FeedState {
    const { inside, beyond } = splitArrivals(cur.items, entries);
    const items = mergeFeed(cur.items, inside);
    const fresh = beyond.filter((e) => !e.delivery).length;
    return items === cur.items && !fresh ? cur : { ...cur, items, pastArrivals: cur.pastArrivals + fresh };
  }
}
