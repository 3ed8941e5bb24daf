import { isClientActivity, noticeDecision } from '../core/notify-policy.js';
import { eligibilityAfterClientActivity } from '../core/send-block.js';
import type { Advisor, DmEvent, FeedItem } from '../core/types.js';
import type { LiveStatus } from './adapter.js';
import type { ClientSignals } from './client-signals.js';
import type { Clients } from './clients.js';
import type { Eligibilities } from './eligibility.js';
import type { Feeds } from './feeds.js';
import type { Hub } from './hub.js';
import type { NoticesPresence } from './notices.js';
import type { Orders } from './orders.js';
import type { Outbox } from './outbox.js';

/** What live events change. */
export interface LiveTargets {
  clients: Clients;
  feeds: Feeds;
  outbox: Outbox;
  eligibility: Eligibilities;
  orders: Orders;
  notices: NoticesPresence;
  signals: ClientSignals;
  /** The advisor changed (their status). */
  advisor(advisor: Advisor): void;
  /** The stream is open again after a drop: what the replay may not cover is fetched again. */
  reconnected(): void;
}

/** Keeps the newest `max` of a set (insertion order). */
function remember(set: Set<string>, id: string, max = 2000): void {
  set.add(id);
  if (set.size > max) set.delete(set.values().next().value!);
}

/**
 * Live sync: the event stream (its status, reopening it), each event applied once (replays are
 * ignored) to the modules it changes, and the notice each client's activity deserves.
 */
export class LiveSync {
  status: LiveStatus = 'closed';
  private unsubscribe_: (() => void) | null = null;
  private wasOpen_ = false;
  private seenEvents_ = new Set<string>();
  /** Orders met in live events (a later event for one of them is a change). */
  private seenOrders_ = new Set<string>();

  constructor(
    private hub_: Hub,
    private to_: LiveTargets,
  ) {}

  open(): void {
    this.unsubscribe_?.();
    this.unsubscribe_ = this.hub_.adapter.subscribe((e) => this.apply(e), {
      onStatus: (s) => this.handleStatus_(s),
      onError: (e) => this.hub_.failed(e),
    });
  }

  close(): void {
    this.unsubscribe_?.();
    this.unsubscribe_ = null;
  }

  private handleStatus_(status: LiveStatus): void {
    this.status = status;
    if (status === 'open') {
      // After a drop, refetch what the replay may not cover (another tab, a server restart).
      if (this.wasOpen_) this.to_.reconnected();
      this.wasOpen_ = true;
    }
    this.hub_.changed();
  }

  /** Applies one live event. Replays are ignored. */
  apply(event: DmEvent): void {
    if (event.id) {
      if (this.seenEvents_.has(event.id)) return;
      remember(this.seenEvents_, event.id);
    }
    const { clients, eligibility, notices } = this.to_;
    switch (event.type) {
      case 'feed-item':
        return this.applyItem_(event.item);
      case 'client': {
        const { client } = event;
        // Read elsewhere (another tab, the phone app): its notices, shown or held back, are stale.
        if (!client.hasUnread && clients.get(client.id)?.hasUnread) notices.forget(client.id);
        return clients.set(client);
      }
      case 'eligibility':
        return eligibility.set(event.clientId, event.eligibility, true);
      case 'advisor':
        this.to_.advisor(event.advisor);
        eligibility.advisorStatus(event.advisor.status);
        return;
      case 'client-read':
        return this.to_.signals.read(event.clientId, event.readAt);
      case 'typing':
        return this.to_.signals.typing(event.clientId, event.until);
    }
  }

  private applyItem_(item: FeedItem): void {
    const { clients, feeds, eligibility, notices } = this.to_;
    this.to_.outbox.confirmStored([item]);
    if (item.kind === 'message' && item.sender === 'client') this.to_.signals.stopTyping(item.clientId);
    const known = clients.get(item.clientId);
    // An order met before (in a loaded feed or an earlier event) is a change, not a new order.
    const seen = item.kind === 'order' && (this.seenOrders_.has(item.id) || feeds.holds(item));
    const activity = isClientActivity(item, seen, known?.lastActivityAt);
    if (item.kind === 'order') remember(this.seenOrders_, item.id);
    feeds.add(item.clientId, [item]);
    if (item.kind === 'order') this.to_.orders.changed(item);
    if (activity) {
      const e = eligibility.get(item.clientId).value;
      if (e) eligibility.set(item.clientId, eligibilityAfterClientActivity(e));
    }
    const open = this.hub_.isOpen(item.clientId);
    if (known && (item.kind === 'message' || activity) && Date.parse(item.at) >= Date.parse(known.lastActivityAt)) {
      // Keep the list order live even before the server's `client` event arrives. Only messages
      // are unread (an order is not), as the server counts them.
      clients.set({
        ...known,
        lastActivityAt: item.at,
        lastItemPreview: (item.kind === 'message' ? item.body : item.title).slice(0, 140),
        hasUnread: known.hasUnread || (activity && item.kind === 'message' && !open),
      });
    }
    this.hub_.emit('live-item', item);
    const decision = !activity
      ? 'skip'
      : noticeDecision({
          item,
          openClientId: open ? item.clientId : null,
          pageVisible: typeof document === 'undefined' || document.visibilityState !== 'hidden',
          inLiveSession: notices.presence.inLiveSession,
        });
    const notice = { clientId: item.clientId, itemId: item.id, at: item.at };
    if (decision === 'show') notices.show([notice]);
    else if (decision === 'defer') notices.defer(notice);
    if (decision !== 'skip') void clients.ensure(item.clientId);
    this.hub_.changed();
  }
}
