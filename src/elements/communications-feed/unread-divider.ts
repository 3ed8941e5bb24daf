import type { VirtualWindow } from '../../controllers/virtual-window.js';
import { clientRunStart, entryKey, firstUnreadIndex } from '../../core/feed-merge.js';
import type { FeedEntry } from '../../core/types.js';
import type { FeedState } from '../../data/store.js';

/**
 * Where a feed opens and its "New" divider: at the first unread item under the divider, otherwise
 * at the bottom. When the client's unread run reaches past the loaded page, the view follows the
 * divider up through older pages until the advisor scrolls or reads by hand.
 */
export class UnreadDivider {
  /** The key of the entry the "New" divider goes above, if any. */
  key: string | null = null;
  /** The view has been placed for the current client and filter. */
  positioned_ = false;
  /** Older pages the view still follows the divider through. */
  private follow_ = 0;

  constructor(private window_: VirtualWindow<FeedEntry>) {}

  /** A new view: placed again once its feed is ready. */
  reset(): void {
    this.key = null;
    this.positioned_ = false;
  }

  /** The advisor took the view in hand: the divider is no longer followed. */
  stopFollowing_(): void {
    this.follow_ = 0;
  }

  /** An event listener that stops following (passive: never delays scrolling). */
  readonly handInput_ = { handleEvent: (): void => this.stopFollowing_(), passive: true };

  /** Places a ready feed once: at its first unread item (`hasUnread` from the client's summary). */
  position(feed: FeedState, hasUnread: boolean): void {
    if (this.positioned_ || feed.status !== 'ready') return;
    this.positioned_ = true;
    const items = feed.items;
    const i = hasUnread && feed.filter !== 'orders' ? firstUnreadIndex(items) : -1;
    this.key = i >= 0 ? entryKey(items[i]) : null;
    this.follow_ = i === 0 && feed.olderCursor ? 10 : 0;
    if (this.key) this.window_.scrollToKey_(this.key, 'start');
  }

  /** Older items came in above a divider at the top: the unread run may start further up. */
  itemsChanged_(feed: FeedState, prev: readonly FeedEntry[]): void {
    const items = feed.items;
    if (!this.positioned_ || !this.key || !prev.length || entryKey(prev[0]) !== this.key) return;
    const at = items.findIndex((e) => entryKey(e) === this.key);
    if (at <= 0) return;
    const i = clientRunStart(items, at);
    this.key = entryKey(items[i]);
    if (this.follow_) {
      this.window_.scrollToKey_(this.key, 'start');
      this.follow_ = i === 0 && feed.olderCursor ? this.follow_ - 1 : 0;
    }
  }
}
