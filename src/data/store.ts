/**
 * `DmStore`: the data layer under every element, a small facade over one module per concern.
 *
 * How modules plug in: each module is a class in `src/data/` that takes the {@link Hub} (the
 * adapter, settings, the one load primitive `hub.loads_`, the one retry policy `hub.timers_`,
 * `hub.changed_()`, `hub.failed_()`, `hub.emit_()`, which cards are open) and the few modules it
 * reads, in its constructor. To add one: construct it in `modules()` below (after the modules
 * it reads), keep its state in its own fields, call `hub.changed_()` after every change, and
 * expose what elements need as a method or getter of `DmStore` that forwards to it. Live events
 * reach modules through `LiveSync` (live.ts); lifecycle (start, stop, reload after a fault)
 * through `start()`, `stop()` here and `reloadFailed()` (recovery.ts).
 */
import type {
  Advisor,
  ClientSummary,
  DmEvent,
  Eligibility,
  FeedFilter,
  OrderDetail,
  Presence,
} from '../core/types.js';
import type { DmAdapter, LiveStatus } from './adapter.js';
import { ClientSignals } from './client-signals.js';
import { Clients } from './clients.js';
import {
  type ConversationSearch,
  ConversationSearches,
  type SearchState,
} from './conversation-search.js';
import type { JumpResult } from './feed-window.js';
import { DraftStore, safeLocalStorage } from './drafts.js';
import { Eligibilities } from './eligibility.js';
import { Feeds } from './feeds.js';
import { Hub } from './hub.js';
import { LiveSync } from './live.js';
import { NoticesPresence } from './notices.js';
import { Orders } from './orders.js';
import { Outbox } from './outbox.js';
import { refreshAfterReconnect, reloadFailed } from './recovery.js';
import type {
  ClientListState,
  DmStoreEventMap,
  DmStoreOptions,
  FeedState,
  Loadable,
  LoadStatus,
  SendResult,
  StoreNotice,
  TypedEventTarget,
} from './store-types.js';
import { Unread } from './unread.js';

export type * from './store-types.js';
export { newClientMessageId } from './outbox.js';

/** What the modules need from the facade. */
interface FacadeHooks {
  advisorId(): string | undefined;
  /** The advisor changed (a live event). */
  advisor(advisor: Advisor): void;
  /** The live stream is open again after a drop. */
  reconnected_(): void;
}

/** Builds the modules, each after those it reads. */
function modules(hub: Hub, storage: Storage | null, facade: FacadeHooks) {
  const unread = new Unread(hub);
  const clients = (unread.clients_ = new Clients(hub, (before, after) =>
    unread.summaryChanged_(before, after),
  ));
  const feeds = new Feeds(hub);
  // Eligibility counts the outbox's sends on their way (asked only after both exist).
  const eligibility: Eligibilities = new Eligibilities(hub, (id): number => outbox.pending_(id));
  const outbox: Outbox = new Outbox(hub, feeds, eligibility, storage, facade.advisorId);
  feeds.outbox_ = outbox;
  const orders = new Orders(hub);
  const notices = new NoticesPresence(hub);
  const signals = (feeds.signals_ = new ClientSignals(hub.adapter_, {
    knows_: (id) => !!clients.get_(id),
    changed_: () => hub.changed_(),
  }));
  const live = new LiveSync(hub, {
    signals_: signals,
    clients_: clients,
    feeds_: feeds,
    outbox_: outbox,
    eligibility_: eligibility,
    orders_: orders,
    notices_: notices,
    advisor_: facade.advisor,
    reconnected_: facade.reconnected_,
  });
  return {
    unread_: unread,
    clients_: clients,
    feeds_: feeds,
    eligibility_: eligibility,
    outbox_: outbox,
    orders_: orders,
    notices_: notices,
    live_: live,
    signals_: signals,
    searches_: new ConversationSearches({
      adapter_: hub.adapter_,
      failed_: (e) => hub.failed_(e),
      changed_: () => hub.changed_(),
      unsupported_: (e) => signals.capabilities.learn_('search', e),
    }),
  };
}

// An EventTarget whose addEventListener knows the store's events (no runtime cost).
const StoreTarget = EventTarget as new () => TypedEventTarget<DmStoreEventMap>;

/**
 * The data layer under every element: caches clients, feeds, eligibility and orders, applies live
 * events, sends optimistically through an outbox that retries without duplicating, and keeps
 * notices. Framework-free; elements subscribe and re-render. Events it dispatches (typed in
 * `DmStoreEventMap`): `change`, `auth-required` (detail: DmError), `live-item` (detail: FeedItem),
 * `message-sent` (detail: MessageItem).
 */
export class DmStore extends StoreTarget {
  readonly adapter: DmAdapter;
  readonly drafts: DraftStore;
  private advisor_: Advisor | null = null;
  private advisorStatus_: LoadStatus = 'idle';
  private readonly storage_: Storage | null;
  private readonly hub_: Hub;
  private readonly m_: ReturnType<typeof modules>;

  constructor(adapter: DmAdapter, options: DmStoreOptions = {}) {
    super();
    this.adapter = adapter;
    this.storage_ = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.drafts = new DraftStore(this.storage_);
    this.hub_ = new Hub(adapter, options, this);
    this.m_ = modules(this.hub_, this.storage_, {
      advisorId: () => this.advisor_?.id,
      advisor: (a) => (this.advisor_ = a),
      reconnected_: () => refreshAfterReconnect(this.hub_, this.m_, this),
    });
  }

  get advisor(): Advisor | null {
    return this.advisor_;
  }
  get advisorStatus(): LoadStatus {
    return this.advisorStatus_;
  }
  get clientList(): ClientListState {
    return this.m_.clients_.list_;
  }
  get unreadCount(): number {
    return this.m_.unread_.count_;
  }
  get liveStatus(): LiveStatus {
    return this.m_.live_.status_;
  }
  get notices(): readonly StoreNotice[] {
    return this.m_.notices_.notices_;
  }
  get presence(): Presence {
    return this.m_.notices_.presence_;
  }
  /** Since 1.1: how far each client has read, who is typing, the advisor's typing reports, what the server supports. */
  get signals(): ClientSignals {
    return this.m_.signals_;
  }

  /** Calls `listener` (batched to a microtask) whenever any state changes. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    return this.hub_.subscribe_(listener);
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /**
   * Loads the advisor and the unread count, opens the live stream, resumes the outbox. Calling it
   * again (after signing in again, when a 401 ended the session) reopens a closed stream and loads
   * again what failed.
   */
  start(): void {
    const hub = this.hub_;
    hub.signedOut_ = false;
    if (hub.started_) {
      if (this.liveStatus === 'closed') this.m_.live_.open_();
      reloadFailed(this.hub_, this.m_, this);
      return;
    }
    hub.started_ = true;
    void this.loadAdvisor();
    void this.refreshUnread();
    this.m_.live_.open_();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.handleOnline_);
      if (this.storage_) window.addEventListener('storage', this.m_.outbox_.handleStorage_);
    }
  }

  /** Closes the live stream and cancels pending work. */
  stop(): void {
    this.hub_.started_ = false;
    this.m_.live_.close_();
    this.m_.signals_.stop_();
    this.hub_.loads_.releaseAll_(['feed:', 'older:', 'clients']);
    this.hub_.timers_.clear_();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.handleOnline_);
      window.removeEventListener('storage', this.m_.outbox_.handleStorage_);
    }
  }

  private handleOnline_ = () => {
    reloadFailed(this.hub_, this.m_, this, true);
    if (!this.hub_.signedOut_) this.m_.outbox_.online_();
    this.hub_.changed_();
  };

  async loadAdvisor(): Promise<void> {
    this.advisorStatus_ = 'loading';
    this.hub_.changed_();
    const got = await this.hub_.loads_.run_('me', (signal) => this.adapter.getMe({ signal }));
    if (!got) return;
    if (got.ok) {
      this.advisor_ = got.value;
      this.drafts.setAdvisor(got.value.id);
      this.advisorStatus_ = 'ready';
      this.m_.outbox_.restore_();
    } else this.advisorStatus_ = 'error';
    this.hub_.changed_();
  }

  // ---- clients and unread -------------------------------------------------------------------

  /** A client's summary, from the list or an earlier fetch. */
  client(clientId: string): ClientSummary | undefined {
    return this.m_.clients_.get_(clientId);
  }

  /** Loads the first page of clients for `query` (a new query replaces the list). */
  loadClients(query = this.clientList.query, force = false): Promise<void> {
    return this.m_.clients_.load_(query, force);
  }

  /** Loads the next page of the current list, if there is one. */
  loadMoreClients(): Promise<void> {
    return this.m_.clients_.loadMore_();
  }

  /** Makes sure a client's summary is known (a deep link may name one not on the first page). */
  ensureClient(clientId: string): Promise<ClientSummary | null> {
    return this.m_.clients_.ensure_(clientId);
  }

  /** Fetches how many clients have unread messages (the menu's bubble). */
  refreshUnread(): Promise<void> {
    return this.m_.unread_.refresh_();
  }

  /**
   * Marks a client read up to and including an item the advisor has seen. The bubble goes at once;
   * if the server refuses, it comes back and the next attempt waits a few seconds.
   */
  markRead(clientId: string, upTo: string): Promise<void> {
    return this.m_.unread_.markRead_(clientId, upTo);
  }

  // ---- feeds --------------------------------------------------------------------------------

  /** The feed state for a client and filter (an idle state until loaded). */
  feed(clientId: string, filter: FeedFilter = 'all'): FeedState {
    return this.m_.feeds_.get_(clientId, filter);
  }

  /** Loads the newest page of a feed unless it is loaded or loading (or `force`). */
  loadFeed(clientId: string, filter: FeedFilter = 'all', force = false): Promise<void> {
    return this.m_.feeds_.load_(clientId, filter, force);
  }

  /** Loads the page before the oldest loaded item. */
  loadOlder(clientId: string, filter: FeedFilter = 'all', limit?: number): Promise<void> {
    return this.m_.feeds_.loadOlder_(clientId, filter, limit);
  }

  // ---- the two-way window and search (since 1.1) --------------------------------------------

  /**
   * Brings an item into a feed for a jump (a search hit): at once when it is loaded, else a page
   * `around` it replaces what the feed shows, which then pages both ways. `gone`: the item is no
   * longer in this feed (the feed is left as it was).
   */
  jumpTo(clientId: string, filter: FeedFilter, itemId: string): Promise<JumpResult> {
    return this.m_.feeds_.window.jump(clientId, filter, itemId);
  }

  /** Loads the page after the newest item of a feed that shows the past (`limit` items; default the page size). */
  loadNewer(clientId: string, filter: FeedFilter = 'all', limit?: number): Promise<void> {
    return this.m_.feeds_.window.loadNewer(clientId, filter, limit);
  }

  /** Takes a feed that shows the past straight back to the live tail: its newest page replaces the past. */
  toLatest(clientId: string, filter: FeedFilter = 'all'): void {
    this.m_.feeds_.toLatest(clientId, filter);
  }

  /** Whether the conversation search is offered: the adapter has it and the server is not a 1.0 one. */
  get searchSupported(): boolean {
    return this.m_.signals_.capabilities.has('search');
  }

  /** One client's conversation search (created on first use). */
  conversationSearch(clientId: string): ConversationSearch {
    return this.m_.searches_.get_(clientId);
  }

  /** A client's search state (idle until searched). */
  searchState(clientId: string): SearchState {
    return this.m_.searches_.state_(clientId);
  }

  /** Abandons in-flight loads of a feed nobody shows any more (a quick switch of client or filter). */
  releaseFeed(clientId: string, filter: FeedFilter = 'all'): void {
    this.m_.feeds_.release_(clientId, filter);
  }

  /** Marks that a client's card is on screen (no notice for it); returns the undo. */
  viewing(clientId: string): () => void {
    const end = this.hub_.view_(clientId);
    this.m_.notices_.forget_(clientId);
    this.hub_.changed_();
    return end;
  }

  // ---- eligibility and orders ---------------------------------------------------------------

  /** Whether the advisor may send to a client (idle until loaded). */
  eligibility(clientId: string): Loadable<Eligibility> {
    return this.m_.eligibility_.get_(clientId);
  }

  loadEligibility(clientId: string, force = false): Promise<void> {
    return this.m_.eligibility_.load_(clientId, force);
  }

  /** An order's details (idle until loaded). */
  order(orderId: string): Loadable<OrderDetail> {
    return this.m_.orders_.get_(orderId);
  }

  loadOrder(orderId: string, force = false): Promise<void> {
    return this.m_.orders_.load_(orderId, force);
  }

  // ---- sending ------------------------------------------------------------------------------

  /**
   * Sends a message: it shows at once as pending, the consecutive count moves at once (so the
   * 5th send blocks without a refetch), and delivery retries with the same `clientMessageId`.
   */
  send(clientId: string, body: string): Promise<SendResult> {
    return this.m_.outbox_.send_(clientId, body);
  }

  /**
   * Sends a failed message again, with its original `clientMessageId`. Failed messages written
   * before it to the same client go first, so the client receives them in the order written.
   */
  retrySend(clientId: string, clientMessageId: string): Promise<SendResult> | null {
    return this.m_.outbox_.retry_(clientId, clientMessageId);
  }

  /** Drops a failed message; returns its text so it can go back into the box. */
  discardSend(clientId: string, clientMessageId: string): string | null {
    return this.m_.outbox_.discard_(clientId, clientMessageId);
  }

  /** Messages still waiting for the server (pending or failed). */
  outboxFor(clientId: string): readonly { clientMessageId: string; body: string }[] {
    return this.m_.outbox_.for_(clientId);
  }

  // ---- live events, notices, presence -------------------------------------------------------

  /** Applies one live event (also usable by custom adapters' tests). Replays are ignored. */
  applyEvent(event: DmEvent): void {
    this.m_.live_.apply_(event);
  }

  /** Removes a notice (dismissed or opened). */
  dismissNotice(key: string): void {
    this.m_.notices_.dismiss_(key);
  }

  /** Updates presence; the server hears of a change within about half a second. */
  setPresence(change: Partial<Presence>): void {
    this.m_.notices_.set_(change);
  }
}
