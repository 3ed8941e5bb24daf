import { type Notice, foldNotice, releaseDeferred } from '../core/notify-policy.js';
import type { Presence } from '../core/types.js';
import { isRetryable } from './adapter.js';
import type { Hub } from './hub.js';
import { remember } from './live.js';
import type { StoreNotice } from './store-types.js';

/** A presence change reaches the server within this long. */
const PRESENCE_DELAY_MS = 250;

/**
 * In-app notices (shown, or held back during a live session) and the advisor's presence, which
 * decides them and which the server hears of shortly after each change.
 */
export class NoticesPresence {
  notices_: readonly StoreNotice[] = [];
  presence_: Presence = { active: true, inLiveSession: false };
  private deferred_: Notice[] = [];
  /** Items that made a notice (each makes one, once). */
  private noticed_ = new Set<string>();
  private sent_: string | null = null;
  private attempt_ = 0;
  /** The waiting report is a retry after a failure (a change then goes sooner). */
  private retrying_ = false;

  constructor(private hub_: Hub) {}

  /** An item's notice, once: shown, or held back until the live session ends (`defer`). */
  add_(notice: Notice, defer: boolean): void {
    if (this.noticed_.has(notice.itemId)) return;
    remember(this.noticed_, notice.itemId);
    if (defer) this.deferred_.push(notice);
    else this.show_([notice]);
  }

  private show_(add: readonly Notice[]): void {
    for (const n of add)
      this.notices_ = foldNotice(this.notices_, { ...n, key: n.clientId + ':' + n.itemId });
    this.hub_.changed_();
  }

  dismiss_(key: string): void {
    this.notices_ = this.notices_.filter((n) => n.key !== key);
    this.hub_.changed_();
  }

  /** A client's notices, shown or held back, are stale (its card is open, or it was read elsewhere). */
  forget_(clientId: string): void {
    this.notices_ = this.notices_.filter((n) => n.clientId !== clientId);
    this.deferred_ = this.deferred_.filter((n) => n.clientId !== clientId);
  }

  set_(change: Partial<Presence>): void {
    const wasLive = this.presence_.inLiveSession;
    this.presence_ = { ...this.presence_, ...change };
    if (wasLive && !this.presence_.inLiveSession && this.deferred_.length) {
      this.show_(releaseDeferred(this.deferred_).filter((n) => !this.hub_.isOpen_(n.clientId)));
      this.deferred_ = [];
    }
    this.hub_.changed_();
    // A change waits at most 250 ms, also when a failed report was waiting longer to be sent again.
    if (!this.hub_.timers_.has_('presence') || this.retrying_) {
      this.retrying_ = false;
      this.hub_.timers_.after_('presence', PRESENCE_DELAY_MS, () => void this.flush_());
    }
  }

  private async flush_(): Promise<void> {
    this.retrying_ = false;
    const body = { ...this.presence_ };
    const key = JSON.stringify(body);
    if (key === this.sent_) return;
    try {
      await this.hub_.adapter_.putPresence(body);
      this.sent_ = key;
      this.attempt_ = 0;
    } catch (e) {
      const error = this.hub_.failed_(e);
      // The server should know within 2 s: try again after a moment, then back off.
      if (isRetryable(error) && !this.hub_.timers_.has_('presence') && this.hub_.started_) {
        this.retrying_ = true;
        this.hub_.timers_.retry_('presence', ++this.attempt_, error, () => void this.flush_());
      }
    }
  }
}
