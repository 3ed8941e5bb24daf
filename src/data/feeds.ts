import { matchesFilter, mergeFeed, removeByKey } from '../core/feed-merge.js';
import type { FeedEntry, FeedFilter, FeedItem } from '../core/types.js';
import { nextCursorAfter } from './clients.js';
import type { ClientSignals } from './client-signals.js';
import type { Hub } from './hub.js';
import type { FeedState } from './store-types.js';

const FILTERS = ['all', 'orders', 'messages'] as const;

/** What the feeds need from the outbox: its messages not stored yet, and the stored ones it confirms. */
export interface FeedOutbox {
  /** The local (pending or failed) messages of a client, for a filter. */
  localEntries(clientId: string, filter: FeedFilter): FeedEntry[];
  /** Messages of ours the server shows stored leave the outbox. */
  confirmStored(items: readonly FeedItem[]): void;
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
  outbox!: FeedOutbox;
  /** Since 1.1: told each page's `clientReadAt`. */
  signals?: Pick<ClientSignals, 'read'>;

  constructor(private hub_: Hub) {}

  /** The feed state for a client and filter (an idle state until loaded). */
  get(clientId: string, filter: FeedFilter = 'all'): FeedState {
    const key = feedKey(clientId, filter);
    let idle = this.idle_.get(key);
    if (!idle) this.idle_.set(key, (idle = idleFeed(clientId, filter)));
    return this.feeds_.get(key) ?? idle;
  }

  all(): IterableIterator<FeedState> {
    return this.feeds_.values();
  }

  private set_(state: FeedState): void {
    this.feeds_.set(feedKey(state.clientId, state.filter), state);
    this.hub_.changed();
  }

  /** Loads the newest page of a feed unless it is loaded or loading (or `force`). */
  async load(clientId: string, filter: FeedFilter = 'all', force = false): Promise<void> {
    const cur = this.get(clientId, filter);
    if (!force && (cur.status === 'ready' || cur.status === 'loading')) return;
    this.set_({ ...cur, status: 'loading', error: null });
    const before = new Set(cur.items);
    const params = { type: filter, limit: this.hub_.settings.feedPageSize };
    const got = await this.hub_.loads.run('feed:' + feedKey(clientId, filter), (signal) => this.hub_.adapter.getFeed(clientId, params, { signal }));
    if (!got) return;
    if (got.ok) {
      const page = got.value;
      this.outbox.confirmStored(page.items);
      this.signals?.read(clientId, page.clientReadAt);
      // What arrived live while the page was on its way stays (the page may predate it).
      const arrived = this.get(clientId, filter).items.filter((e) => !before.has(e) && !e.delivery);
      const local = this.outbox.localEntries(clientId, filter);
      this.set_({ ...this.get(clientId, filter), items: mergeFeed(mergeFeed(page.items, arrived), local), olderCursor: page.olderCursor, status: 'ready', error: null });
    } else {
      const { error } = got;
      this.set_({ ...this.get(clientId, filter), status: 'error', error });
      this.hub_.loads.askAgainAfter(error, () => this.get(clientId, filter).error === error && this.hub_.isOpen(clientId) && this.load(clientId, filter, true));
    }
  }

  /** Loads the page before the oldest loaded item. */
  async loadOlder(clientId: string, filter: FeedFilter = 'all'): Promise<void> {
    const cur = this.get(clientId, filter);
    if (cur.status !== 'ready' || cur.loadingOlder || !cur.olderCursor) return;
    this.set_({ ...cur, loadingOlder: true, olderError: null });
    const params = { type: filter, before: cur.olderCursor, limit: this.hub_.settings.feedPageSize };
    const got = await this.hub_.loads.run('older:' + feedKey(clientId, filter), (signal) => this.hub_.adapter.getFeed(clientId, params, { signal }));
    if (!got) return;
    if (got.ok) {
      const page = got.value;
      this.outbox.confirmStored(page.items);
      this.signals?.read(clientId, page.clientReadAt);
      const now = this.get(clientId, filter);
      const olderCursor = nextCursorAfter(cur.olderCursor, page.items.length, page.olderCursor);
      this.set_({ ...now, items: mergeFeed(now.items, page.items), olderCursor, loadingOlder: false });
    } else {
      const { error } = got;
      this.set_({ ...this.get(clientId, filter), loadingOlder: false, olderError: error });
      this.hub_.loads.askAgainAfter(error, () => this.get(clientId, filter).olderError === error && this.hub_.isOpen(clientId) && this.loadOlder(clientId, filter));
    }
  }

  /** Abandons in-flight loads of a feed nobody shows any more (a quick switch of client or filter). */
  release(clientId: string, filter: FeedFilter = 'all'): void {
    const key = feedKey(clientId, filter);
    for (const k of ['feed:' + key, 'older:' + key]) {
      if (!this.hub_.loads.release(k)) continue;
      const cur = this.get(clientId, filter);
      if (cur.status === 'loading') this.set_({ ...cur, status: cur.items.length ? 'ready' : 'idle' });
      else if (cur.loadingOlder) this.set_({ ...cur, loadingOlder: false });
    }
  }

  /** After a reconnect: the newest page again, merged into a loaded feed (best effort; live events keep coming). */
  async refreshNewest(clientId: string, filter: FeedFilter): Promise<void> {
    const params = { type: filter, limit: this.hub_.settings.feedPageSize };
    const got = await this.hub_.loads.run('newest:' + feedKey(clientId, filter), (signal) => this.hub_.adapter.getFeed(clientId, params, { signal }));
    if (!got?.ok) return;
    this.outbox.confirmStored(got.value.items);
    this.signals?.read(clientId, got.value.clientReadAt);
    const cur = this.get(clientId, filter);
    if (cur.status === 'ready') this.set_({ ...cur, items: mergeFeed(cur.items, got.value.items) });
  }

  /** Puts items into every loaded feed of their client whose filter they match. */
  add(clientId: string, entries: readonly FeedEntry[]): void {
    for (const filter of FILTERS) {
      const cur = this.feeds_.get(feedKey(clientId, filter));
      if (!cur || (cur.status !== 'ready' && cur.status !== 'loading')) continue;
      const add = entries.filter((e) => matchesFilter(e, filter));
      if (!add.length) continue;
      const items = mergeFeed(cur.items, add);
      if (items !== cur.items) this.set_({ ...cur, items });
    }
  }

  /** Whether a loaded feed of the item's client already holds it (only feeds it could be in are read). */
  holds(item: FeedItem): boolean {
    return FILTERS.some((filter) => matchesFilter(item, filter) && !!this.feeds_.get(feedKey(item.clientId, filter))?.items.some((e) => e.id === item.id));
  }

  remove(clientId: string, key: string): void {
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
  return { clientId, filter, items: [], olderCursor: null, status: 'idle', error: null, loadingOlder: false, olderError: null };
}
