import { firstLine } from '../core/notice-text.js';
import { isClientActivity, noticeDecision } from '../core/notify-policy.js';
import { eligibilityAfterClientActivity } from '../core/send-block.js';
import type { Advisor, DmEvent, FeedItem } from '../core/types.js';
import type { LiveStatus } from './adapter.js';
import type { ClientSignals } from './client-signals.js';
import type { Clients } from './clients.js';
import type { Eligibilities } from './eligibility.js';
import type { Feeds } from './feeds.js';
import { missedMessages } from './gap.js';
import type { Hub } from './hub.js';
import type { NoticesPresence } from './notices.js';
import type { Orders } from './orders.js';
import type { Outbox } from './outbox.js';

/** What live events change. */
export interface LiveTargets {
  clients_: Clients;
  feeds_: Feeds;
  outbox_: Outbox;
  eligibility_: Eligibilities;
  orders_: Orders;
  notices_: NoticesPresence;
  signals_: ClientSignals;
  /** The advisor changed (their status). */
  advisor_(advisor: Advisor): void;
  /** The stream is open again after a drop: what the replay may not cover is fetched again. */
  reconnected_(): void;
}

/** Keeps the newest `max` of a set (insertion order). */
export function remember(set: Set<string>, id: string, max = 2000): void {
  set.add(id);
  if (set.size > max) set.delete(set.values().next().value!);
}

/**
 * Live sync: the event stream (its status, reopening it), each event applied once (replays are
 * ignored) to the modules it changes, and the notice each client's activity deserves.
 */
export class LiveSync {
  status_: LiveStatus = 'closed';
  private unsubscribe_: (() => void) | null = null;
  private wasOpen_ = false;
  /** When the stream last opened (this page's clock). */
  private openedAt_ = '';
  private seenEvents_ = new Set<string>();
  /** Orders met in live events (a later event for one of them is a change). */
  private seenOrders_ = new Set<string>();

  constructor(
    private hub_: Hub,
    private to_: LiveTargets,
  ) {}

  open_(): void {
    this.unsubscribe_?.();
    this.unsubscribe_ = this.hub_.adapter_.subscribe((e) => this.apply_(e), {
      onStatus: (s) => this.handleStatus_(s),
      onError: (e) => this.hub_.failed_(e),
    });
  }

  close_(): void {
    this.unsubscribe_?.();
    this.unsubscribe_ = null;
  }

  private handleStatus_(status: LiveStatus): void {
    this.status_ = status;
    if (status === 'open') {
      const since = this.openedAt_;
      this.openedAt_ = new Date().toISOString();
      if (this.wasOpen_) {
        // No event (id) ever came, so nothing is replayed: the client messages written since the
        // stream opened are found by asking, for their notices (before the refetch below moves what the store knew).
        if (!this.seenEvents_.size)
          void missedMessages(this.hub_, this.to_.clients_, since).then((missed) =>
            missed.forEach((m) => this.notice_(m, true)),
          );
        // After a drop, refetch what the replay may not cover (another tab, a server restart).
        this.to_.reconnected_();
      }
      this.wasOpen_ = true;
    }
    this.hub_.changed_();
  }

  /** Applies one live event. Replays are ignored. */
  apply_(event: DmEvent): void {
    if (event.id) {
      if (this.seenEvents_.has(event.id)) return;
      remember(this.seenEvents_, event.id);
    }
    const { clients_, eligibility_, notices_ } = this.to_;
    switch (event.type) {
      case 'feed-item':
        return this.applyItem_(event.item);
      case 'client': {
        const { client } = event;
        // Read elsewhere (another tab, the phone app): its notices, shown or held back, are stale.
        if (!client.hasUnread && clients_.get_(client.id)?.hasUnread) notices_.forget_(client.id);
        return clients_.set_(client);
      }
      case 'eligibility':
        return eligibility_.set_(event.clientId, event.eligibility, true);
      case 'advisor':
        this.to_.advisor_(event.advisor);
        eligibility_.advisorStatus_(event.advisor.status);
        return;
      case 'client-read':
        return this.to_.signals_.noteRead_(event.clientId, event.readAt);
      case 'typing':
        return this.to_.signals_.noteTyping_(event.clientId, event.until);
    }
  }

  private applyItem_(item: FeedItem): void {
    const { clients_, feeds_, eligibility_ } = this.to_;
    this.to_.outbox_.confirmStored_([item]);
    if (item.kind === 'message' && item.sender === 'client')
      this.to_.signals_.stopTyping_(item.clientId);
    const known = clients_.get_(item.clientId);
    // An order met before (in a loaded feed or an earlier event) is a change, not a new order.
    const seen = item.kind === 'order' && (this.seenOrders_.has(item.id) || feeds_.holds_(item));
    const activity = isClientActivity(item, seen, known?.lastActivityAt);
    if (item.kind === 'order') remember(this.seenOrders_, item.id);
    feeds_.add_(item.clientId, [item]);
    if (item.kind === 'order') this.to_.orders_.changed_(item);
    if (activity) {
      const e = eligibility_.get_(item.clientId).value;
      if (e) eligibility_.set_(item.clientId, eligibilityAfterClientActivity(e));
    }
    const open = this.hub_.isOpen_(item.clientId);
    if (
      known &&
      (item.kind === 'message' || activity) &&
      Date.parse(item.at) >= Date.parse(known.lastActivityAt)
    ) {
      // Keep the list order live even before the server's `client` event arrives. Only messages
      // are unread (an order is not), as the server counts them.
      clients_.set_({
        ...known,
        lastActivityAt: item.at,
        lastItemPreview: (item.kind === 'message' ? item.body : item.title).slice(0, 140),
        hasUnread: known.hasUnread || (activity && item.kind === 'message' && !open),
      });
    }
    this.hub_.emit_('live-item', item);
    this.notice_(item, activity);
    this.hub_.changed_();
  }

  /** The notice a client's item deserves (none for the advisor's, none for a change to an order). */
  private notice_(item: FeedItem, activity: boolean): void {
    const { notices_ } = this.to_;
    const decision = !activity
      ? 'skip'
      : noticeDecision({
          item,
          openClientId: this.hub_.isOpen_(item.clientId) ? item.clientId : null,
          pageVisible: typeof document === 'undefined' || document.visibilityState !== 'hidden',
          inLiveSession: notices_.presence_.inLiveSession,
        });
    if (decision === 'skip') return;
    const { clientId, id: itemId, at, kind } = item;
    const text = kind === 'message' ? firstLine(item.body) : undefined;
    notices_.add_({ clientId, itemId, at, kind, text }, decision === 'defer');
    void this.to_.clients_.ensure_(clientId);
  }
}
