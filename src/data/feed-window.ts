import { splitArrivals } from '../core/feed-window.js';
import { entryKey, mergeFeed } from '../core/feed-merge.js';
import type { FeedEntry, FeedFilter, FeedItem, FeedPage } from '../core/types.js';
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

/** The live tail as it was when the feed jumped into the past: shown again at once by "back to latest". */
interface Tail {
  items: readonly FeedEntry[];
  olderCursor: string | null;
}

const key = (clientId: string, filter: FeedFilter) => clientId + '\u0000' + filter;

/**
 * The feed as a two-way window (contract 1.1): a jump loads a page `around` an item; the window
 * then pages up (`before`, as ever) and down (`after`) until a page reaches the newest item, where
 * it rejoins the live tail. While it shows the past, live items newer than it are kept with the
 * live tail and counted (`pastArrivals`, for the pill), never put after the window (a gap).
 */
export class FeedWindow {
  private tails_ = new Map<string, Tail>();

  constructor(private readonly host_: WindowHost) {}

  /** Whether the feed shows the past (there are newer items than it holds). */
  static isPast(f: FeedState): boolean {
    return f.newerCursor !== null;
  }

  /**
   * Brings an item into the feed: nothing to fetch when it is loaded; else one page `around` it
   * replaces the items (the live tail is kept aside). `gone`: the item is not in this feed (404);
   * the feed is left as it was.
   */
  async jump(clientId: string, filter: FeedFilter, itemId: string): Promise<JumpResult> {
    const h = this.host_;
    const cur = h.feed(clientId, filter);
    if (cur.items.some((e) => e.id === itemId)) return 'shown';
    const k = key(clientId, filter) + ':around';
    h.aborts.get(k)?.abort();
    const abort = new AbortController();
    h.aborts.set(k, abort);
    try {
      const page = await h.adapter.getFeed(clientId, { type: filter, around: itemId, limit: h.pageSize }, { signal: abort.signal });
      if (abort.signal.aborted) return 'failed';
      h.received(clientId, page);
      if (!page.items.some((e) => e.id === itemId)) return 'gone';
      const now = h.feed(clientId, filter);
      // Paging that was on its way belongs to the stretch left behind.
      for (const s of [':older', ':newer']) h.aborts.get(key(clientId, filter) + s)?.abort();
      const base = { ...now, loadingOlder: false, olderError: null, loadingNewer: false, newerError: null, pastArrivals: 0 };
      const tail = this.tails_.get(key(clientId, filter)) ?? (FeedWindow.isPast(now) ? null : { items: now.items, olderCursor: now.olderCursor });
      if (!page.newerCursor) {
        // The page reaches the newest item: it joins what is loaded of the live tail.
        this.tails_.delete(key(clientId, filter));
        const items = mergeFeed(mergeFeed(page.items, tail?.items.filter((e) => !e.delivery) ?? []), h.localEntries(clientId, filter));
        h.setFeed({ ...base, items, olderCursor: page.olderCursor, newerCursor: null });
      } else {
        if (tail) this.tails_.set(key(clientId, filter), tail);
        h.setFeed({ ...base, items: page.items, olderCursor: page.olderCursor, newerCursor: page.newerCursor });
      }
      return 'shown';
    } catch (e) {
      if (abort.signal.aborted) return 'failed';
      return h.failed(e).kind === 'not-found' ? 'gone' : 'failed';
    } finally {
      if (h.aborts.get(k) === abort) h.aborts.delete(k);
    }
  }

  /** Loads the page after the newest item of a past window; the page that reaches the newest rejoins the live tail. */
  async loadNewer(clientId: string, filter: FeedFilter, limit = this.host_.pageSize): Promise<void> {
    const h = this.host_;
    const cur = h.feed(clientId, filter);
    if (cur.status !== 'ready' || cur.loadingNewer || !cur.newerCursor) return;
    const k = key(clientId, filter) + ':newer';
    const abort = new AbortController();
    h.aborts.set(k, abort);
    h.setFeed({ ...cur, loadingNewer: true, newerError: null });
    try {
      const page = await h.adapter.getFeed(clientId, { type: filter, after: cur.newerCursor, limit }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      h.received(clientId, page);
      const now = h.feed(clientId, filter);
      let items = mergeFeed(now.items, page.items);
      // A page that is empty and hands back its own cursor would be asked for forever: the window has reached the newest.
      const newerCursor = page.newerCursor && (page.items.length || page.newerCursor !== cur.newerCursor) ? page.newerCursor : null;
      if (!newerCursor) items = this.rejoin_(clientId, filter, items);
      h.setFeed({ ...now, items, newerCursor, loadingNewer: false, pastArrivals: newerCursor ? now.pastArrivals : 0 });
    } catch (e) {
      if (abort.signal.aborted) return;
      h.setFeed({ ...h.feed(clientId, filter), loadingNewer: false, newerError: h.failed(e) });
    } finally {
      if (h.aborts.get(k) === abort) h.aborts.delete(k);
    }
  }

  /** Goes straight back to the live tail: shown at once from what was kept (false when nothing was: load the newest page). */
  toLatest(clientId: string, filter: FeedFilter): boolean {
    const h = this.host_;
    const cur = h.feed(clientId, filter);
    for (const s of [':around', ':older', ':newer']) h.aborts.get(key(clientId, filter) + s)?.abort();
    const tail = this.tails_.get(key(clientId, filter));
    this.tails_.delete(key(clientId, filter));
    if (!FeedWindow.isPast(cur)) return true;
    if (!tail) return false;
    h.setFeed({
      ...cur,
      items: mergeFeed(tail.items, h.localEntries(clientId, filter)),
      olderCursor: tail.olderCursor,
      newerCursor: null,
      loadingOlder: false,
      olderError: null,
      loadingNewer: false,
      newerError: null,
      pastArrivals: 0,
    });
    return true;
  }

  /** Forgets the kept live tail (the feed was loaded afresh). */
  forget(clientId: string, filter: FeedFilter): void {
    this.tails_.delete(key(clientId, filter));
  }

  /**
   * Live entries for a feed that shows the past: those within its stretch update it, the rest go
   * to the kept live tail and count toward the pill. Returns the feed's new state.
   */
  arrive(cur: FeedState, entries: readonly FeedEntry[]): FeedState {
    const k = key(cur.clientId, cur.filter);
    const { inside, beyond } = splitArrivals(cur.items, entries);
    const tail = this.tails_.get(k);
    const known = new Set(tail?.items.map(entryKey));
    const fresh = beyond.filter((e) => !e.delivery && !known.has(entryKey(e)) && !cur.items.some((x) => x.id === e.id)).length;
    if (tail) this.tails_.set(k, { ...tail, items: mergeFeed(tail.items, [...inside, ...beyond]) });
    const items = mergeFeed(cur.items, inside);
    return items === cur.items && !fresh ? cur : { ...cur, items, pastArrivals: cur.pastArrivals + fresh };
  }

  /** The newest page again (after a reconnect) for a feed that shows the past: it refreshes the kept live tail. */
  refreshTail(cur: FeedState, newest: readonly FeedItem[]): FeedState {
    return this.arrive(cur, newest);
  }

  /** The window reached the newest item: what is kept of the live tail (and local messages) joins it. */
  private rejoin_(clientId: string, filter: FeedFilter, items: readonly FeedEntry[]): FeedEntry[] {
    const tail = this.tails_.get(key(clientId, filter));
    this.tails_.delete(key(clientId, filter));
    const last = items[items.length - 1];
    // Only what is newer than the window's last item joins (the window itself is the fresher copy of the rest).
    const end = last ? Date.parse(last.at) : -Infinity;
    const newer = tail?.items.filter((e) => !e.delivery && Date.parse(e.at) > end) ?? [];
    return mergeFeed(mergeFeed(items, newer), this.host_.localEntries(clientId, filter));
  }
}
