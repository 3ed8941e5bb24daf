import { matchesFilter, mergeFeed, removeByKey } from '../core/feed-merge.js';
import type { FeedEntry, FeedFilter, FeedItem } from '../core/types.js';
import { nextCursorAfter } from './clients.js';
import type { ClientSignals } from './client-signals.js';
import { FeedWindow } from './feed-window.js';
import { DmError } from './adapter.js';
import type { Hub } from './hub.js';
import type { FeedState } from './store-types.js';

const FILTERS = ['all', 'orders', 'messages'] as const;

/** What the feeds need from the outbox: its messages not stored yet, and the stored ones it confirms. */
export interface FeedOutbox {
  /** The local (pending or failed) messages of a client, for a filter. */
  localEntries_(clientId: string, filter: FeedFilter): FeedEntry[];
  /** Messages of ours the server shows stored leave the outbox. */
  confirmStored_(items: readonly FeedItem[]): void;
}

/**
 * The feed cache: each client's feed per filter, its newest page and the older pages, what
 * arrived live while a page was on its way, and releasing the loads of a feed nobody shows.
 */
export class Feeds {
  private feeds_ = new Map<string, FeedState>();
  /** The idle state of feeds not loaded, one per key (the same object each time: selectors compare it). */
  private idle_ = new Map<string, FeedState>();
  /** Set once the outbox exists (they refer to each other). */
  outbox_!: FeedOutbox;
  /** Since 1.1: told each page's `clientReadAt`; a newest page without it is a 1.0 server's (no search). */
  signals_?: Pick<ClientSignals, 'noteRead_' | 'capabilities'>;
  /** Since 1.1: jumps into the past and the pages after (see {@link FeedWindow}). */
  readonly window: FeedWindow;

  constructor(private hub_: Hub) {
    this.window = new FeedWindow(hub_, {
      get: (id, f) => this.get_(id, f),
      put: (s) => this.set_(s),
      local: (id, f) => this.outbox_.localEntries_(id, f),
      received_: (id, page) => {
        this.outbox_.confirmStored_(page.items);
        this.signals_?.noteRead_(id, page.clientReadAt);
      },
    });
  }

  /** The feed state for a client and filter (an idle state until loaded). */
  get_(clientId: string, filter: FeedFilter = 'all'): FeedState {
    const key = feedKey(clientId, filter);
    let idle = this.idle_.get(key);
    if (!idle) this.idle_.set(key, (idle = idleFeed(clientId, filter)));
    return this.feeds_.get(key) ?? idle;
  }

  all_(): IterableIterator<FeedState> {
    return this.feeds_.values();
  }

  private set_(state: FeedState): void {
    this.feeds_.set(feedKey(state.clientId, state.filter), state);
    this.hub_.changed_();
  }

  /** Loads the newest page of a feed unless it is loaded or loading (or `force`). */
  async load_(clientId: string, filter: FeedFilter = 'all', force = false): Promise<void> {
    const cur = this.get_(clientId, filter);
    if (!force && (cur.status === 'ready' || cur.status === 'loading')) return;
    this.set_({ ...cur, status: 'loading', error: null });
    const before = new Set(cur.items);
    const params = { type: filter, limit: this.hub_.settings_.feedPageSize };
    const got = await this.hub_.loads_.run_('feed:' + feedKey(clientId, filter), (signal) =>
      this.hub_.adapter_.getFeed(clientId, params, { signal }),
    );
    if (!got) return;
    if (got.ok) {
      const page = got.value;
      this.outbox_.confirmStored_(page.items);
      this.signals_?.noteRead_(clientId, page.clientReadAt);
      // Every 1.1 page carries clientReadAt: a newest page without it is a 1.0 server's, which has no search.
      if (page.clientReadAt === undefined)
        this.signals_?.capabilities.learn_(
          'search',
          new DmError('not-found', 'A 1.0 server (no clientReadAt)'),
        );
      // What arrived live while the page was on its way stays (the page may predate it).
      const arrived = this.get_(clientId, filter).items.filter(
        (e) => !before.has(e) && !e.delivery,
      );
      const local = this.outbox_.localEntries_(clientId, filter);
      const fresh = { newerCursor: null, loadingNewer: false, newerError: null, pastArrivals: 0 };
      this.set_({
        ...this.get_(clientId, filter),
        items: mergeFeed(mergeFeed(page.items, arrived), local),
        olderCursor: page.olderCursor,
        status: 'ready',
        error: null,
        ...fresh,
      });
    } else {
      const { error } = got;
      this.set_({ ...this.get_(clientId, filter), status: 'error', error });
      this.hub_.loads_.askAgainAfter_(
        error,
        () =>
          this.get_(clientId, filter).error === error &&
          this.hub_.isOpen_(clientId) &&
          this.load_(clientId, filter, true),
      );
    }
  }

  /** Loads the page before the oldest loaded item (`limit` items; default the page size). */
  async loadOlder_(
    clientId: string,
    filter: FeedFilter = 'all',
    limit = this.hub_.settings_.feedPageSize,
  ): Promise<void> {
    const cur = this.get_(clientId, filter);
    if (cur.status !== 'ready' || cur.loadingOlder || !cur.olderCursor) return;
    this.set_({ ...cur, loadingOlder: true, olderError: null });
    const params = { type: filter, before: cur.olderCursor, limit };
    const got = await this.hub_.loads_.run_('older:' + feedKey(clientId, filter), (signal) =>
      this.hub_.adapter_.getFeed(clientId, params, { signal }),
    );
    if (!got) return;
    if (got.ok) {
      const page = got.value;
      this.outbox_.confirmStored_(page.items);
      this.signals_?.noteRead_(clientId, page.clientReadAt);
      const now = this.get_(clientId, filter);
      const olderCursor = nextCursorAfter(cur.olderCursor, page.items.length, page.olderCursor);
      this.set_({
        ...now,
        items: mergeFeed(now.items, page.items),
        olderCursor,
        loadingOlder: false,
      });
    } else {
      const { error } = got;
      this.set_({ ...this.get_(clientId, filter), loadingOlder: false, olderError: error });
      this.hub_.loads_.askAgainAfter_(
        error,
        () =>
          this.get_(clientId, filter).olderError === error &&
          this.hub_.isOpen_(clientId) &&
          this.loadOlder_(clientId, filter),
      );
    }
  }

  /** Abandons in-flight loads of a feed nobody shows any more (a quick switch of client or filter). */
  release_(clientId: string, filter: FeedFilter = 'all'): void {
    const key = feedKey(clientId, filter);
    for (const k of ['feed:' + key, 'older:' + key, 'newer:' + key, 'around:' + key]) {
      if (!this.hub_.loads_.release_(k)) continue;
      const cur = this.get_(clientId, filter);
      if (cur.status === 'loading')
        this.set_({ ...cur, status: cur.items.length ? 'ready' : 'idle' });
      else if (cur.loadingOlder || cur.loadingNewer)
        this.set_({ ...cur, loadingOlder: false, loadingNewer: false });
    }
  }

  /** After a reconnect: the newest page again, merged into a loaded feed (best effort; live events keep coming). */
  async refreshNewest_(clientId: string, filter: FeedFilter): Promise<void> {
    const params = { type: filter, limit: this.hub_.settings_.feedPageSize };
    const got = await this.hub_.loads_.run_('newest:' + feedKey(clientId, filter), (signal) =>
      this.hub_.adapter_.getFeed(clientId, params, { signal }),
    );
    if (!got?.ok) return;
    this.outbox_.confirmStored_(got.value.items);
    this.signals_?.noteRead_(clientId, got.value.clientReadAt);
    const cur = this.get_(clientId, filter);
    // Showing the past, the newest page is not put after it (a gap): the pages after bring it.
    if (cur.status === 'ready' && !cur.newerCursor)
      this.set_({ ...cur, items: mergeFeed(cur.items, got.value.items) });
  }

  /** Takes a feed that shows the past straight back to the live tail: its newest page replaces the past. */
  toLatest(clientId: string, filter: FeedFilter): void {
    const cur = this.get_(clientId, filter);
    if (!cur.newerCursor) return;
    const key = feedKey(clientId, filter);
    this.hub_.loads_.releaseAll_(['around:' + key, 'older:' + key, 'newer:' + key]);
    // Nothing of the past is shown meanwhile; the messages on their way are.
    const local = this.outbox_.localEntries_(clientId, filter);
    this.set_({
      ...cur,
      items: local,
      olderCursor: null,
      newerCursor: null,
      loadingOlder: false,
      loadingNewer: false,
      pastArrivals: 0,
    });
    void this.load_(clientId, filter, true);
  }

  /** Puts items into every loaded feed of their client whose filter they match. */
  add_(clientId: string, entries: readonly FeedEntry[]): void {
    for (const filter of FILTERS) {
      const cur = this.feeds_.get(feedKey(clientId, filter));
      if (!cur || (cur.status !== 'ready' && cur.status !== 'loading')) continue;
      const add = entries.filter((e) => matchesFilter(e, filter));
      if (!add.length) continue;
      // Showing the past: live items never go after it (a gap); the advisor's own message takes the feed back to the live tail.
      if (cur.newerCursor && add.some((e) => e.delivery)) this.toLatest(clientId, filter);
      else if (cur.newerCursor) {
        const next = this.window.arrive(cur, add);
        if (next !== cur) this.set_(next);
        continue;
      }
      const now = this.get_(clientId, filter);
      const items = mergeFeed(now.items, add);
      if (items !== now.items) this.set_({ ...now, items });
    }
  }

  /** Whether a loaded feed of the item's client already holds it (only feeds it could be in are read). */
  holds_(item: FeedItem): boolean {
    return FILTERS.some(
      (filter) =>
        matchesFilter(item, filter) &&
        !!this.feeds_.get(feedKey(item.clientId, filter))?.items.some((e) => e.id === item.id),
    );
  }

  remove_(clientId: string, key: string): void {
    for (const filter of FILTERS) {
      const cur = this.feeds_.get(feedKey(clientId, filter));
      if (cur) this.set_({ ...cur, items: removeByKey(cur.items, key) });
    }
  }
}

function feedKey(clientId: string, filter: FeedFilter): string {
  return clientId + '\u0000' + filter;
}

function idleFeed(clientId: string, filter: FeedFilter): FeedState {
  return {
    clientId,
    filter,
    items: [],
    olderCursor: null,
    status: 'idle',
    error: null,
    loadingOlder: false,
    olderError: null,
    newerCursor: null,
    loadingNewer: false,
    newerError: null,
    pastArrivals: 0,
  };
}
