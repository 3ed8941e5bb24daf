import { compareClients, upsertClient } from '../core/client-order.js';
import { matchesFilter, mergeFeed, removeByKey } from '../core/feed-merge.js';
import { type Notice, isClientActivity, noticeDecision, releaseDeferred } from '../core/notify-policy.js';
import { eligibilityAfterAdvisorSend, eligibilityAfterClientActivity, eligibilityForAdvisorStatus } from '../core/send-block.js';
import type {
  Advisor,
  ClientSummary,
  DmEvent,
  Eligibility,
  FeedEntry,
  FeedFilter,
  FeedItem,
  MessageItem,
  OrderDetail,
  Presence,
} from '../core/types.js';
import { type DmAdapter, DmError, type LiveStatus, isRetryable, toDmError } from './adapter.js';
import { ConversationSearch, IDLE_SEARCH, type SearchState } from './conversation-search.js';
import { ClientSignals } from './client-signals.js';
import { DraftStore, safeLocalStorage } from './drafts.js';
import { FeedWindow, type JumpResult } from './feed-window.js';
import { sleep } from './rest-adapter.js';

/** Where a piece of remote data stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The client list as the store holds it (one list: the current search). */
export interface ClientListState {
  readonly query: string;
  readonly clients: readonly ClientSummary[];
  readonly nextCursor: string | null;
  readonly status: LoadStatus;
  readonly error: DmError | null;
  readonly loadingMore: boolean;
}

/** One client's feed under one filter. */
export interface FeedState {
  readonly clientId: string;
  readonly filter: FeedFilter;
  readonly items: readonly FeedEntry[];
  readonly olderCursor: string | null;
  readonly status: LoadStatus;
  readonly error: DmError | null;
  readonly loadingOlder: boolean;
  readonly olderError: DmError | null;
  /**
   * Since 1.1, after a jump into the past: fetches the page after the newest item held; null when
   * the feed holds the newest item (the live tail).
   */
  readonly newerCursor: string | null;
  readonly loadingNewer: boolean;
  readonly newerError: DmError | null;
  /** Live items that arrived while the feed shows the past (kept aside for "back to latest", never put after it). */
  readonly pastArrivals: number;
}

/** A value loaded on demand (eligibility, order details). */
export interface Loadable<T> {
  readonly status: LoadStatus;
  readonly value: T | null;
  readonly error: DmError | null;
}

/** What became of a send. */
export type SendResult =
  | { status: 'sent'; message: MessageItem }
  | { status: 'failed'; error: DmError }
  | { status: 'blocked'; body: string; error: DmError }
  | { status: 'auth'; body: string; error: DmError };

/** An in-app notice about a client who wrote. */
export interface StoreNotice extends Notice {
  readonly key: string;
}

/** Options of {@link DmStore}. */
export interface DmStoreOptions {
  /** Items per feed page; default 50. */
  feedPageSize?: number;
  /** Clients per list page; default 50. */
  clientPageSize?: number;
  /** Where drafts and the outbox persist; `null` keeps them in memory only. Default `localStorage`. */
  storage?: Storage | null;
  /** Attempts per send before it is marked failed; default 5. */
  maxSendAttempts?: number;
  /** First retry delay in ms, doubled per attempt; default 500. */
  retryBaseMs?: number;
}

interface OutboxEntry {
  clientId: string;
  clientMessageId: string;
  body: string;
  at: string;
  /** Retries were spent (or an earlier message to the same client failed): waits for Retry. */
  failed?: boolean;
}

const EMPTY_LIST: ClientListState = { query: '', clients: [], nextCursor: null, status: 'idle', error: null, loadingMore: false };
const IDLE: Loadable<never> = { status: 'idle', value: null, error: null };

/**
 * The data layer under every element: caches clients, feeds, eligibility and orders, applies live
 * events, sends optimistically through an outbox that retries without duplicating, and keeps
 * notices. Framework-free; elements subscribe and re-render. Events it dispatches:
 * `change`, `auth-required`, `live-item` (detail: FeedItem), `message-sent` (detail: MessageItem).
 */
export class DmStore extends EventTarget {
  readonly adapter: DmAdapter;
  readonly drafts: DraftStore;
  /** Since 1.1: how far each client has read, who is typing, the advisor's typing reports, what the server supports. */
  readonly signals: ClientSignals;
  advisor: Advisor | null = null;
  advisorStatus: LoadStatus = 'idle';
  clientList: ClientListState = EMPTY_LIST;
  unreadCount = 0;
  liveStatus: LiveStatus = 'closed';
  notices: readonly StoreNotice[] = [];
  presence: Presence = { active: true, inLiveSession: false };

  private readonly opts_: Required<Omit<DmStoreOptions, 'storage'>>;
  private readonly storage_: Storage | null;
  private feeds_ = new Map<string, FeedState>();
  private feedAborts_ = new Map<string, AbortController>();
  private eligibilities_ = new Map<string, Loadable<Eligibility>>();
  private orders_ = new Map<string, Loadable<OrderDetail>>();
  private clientsById_ = new Map<string, ClientSummary>();
  private clientFetches_ = new Map<string, Promise<ClientSummary | null>>();
  /** Clients fetched one by one (a deep link, an open card): shown in the list even beyond its loaded pages. */
  private pinned_ = new Set<string>();
  private listAbort_: AbortController | null = null;
  private listeners_ = new Set<() => void>();
  private unsubscribeLive_: (() => void) | null = null;
  private seenEventIds_ = new Set<string>();
  /** When each client's summary last changed here (a count), to tell a page older than a change. */
  private touched_ = new Map<string, number>();
  private touches_ = 0;
  /** Orders met in live events (a later event for one of them is a change). */
  private seenOrders_ = new Set<string>();
  /** A 401 came back: nothing is reloaded on its own until start() is called again. */
  private signedOut_ = false;
  private deferred_: Notice[] = [];
  private openClients_ = new Map<string, number>();
  private queues_ = new Map<string, Promise<unknown>>();
  private outbox_: OutboxEntry[] = [];
  /** Messages sent again (Retry, back online): refused, they stay "Not sent" rather than leave. */
  private retried_ = new WeakSet<OutboxEntry>();
  /** Messages that failed here on a network or server fault (or behind one): sent again when the browser is back online. */
  private sendAgainOnline_ = new WeakSet<OutboxEntry>();
  /** Messages the live stream confirmed while their send was still retrying (a lost reply), by clientMessageId. */
  private confirmed_ = new Map<string, MessageItem>();
  private readingUpTo_ = new Map<string, string>();
  /** After a failed mark-read: not before this time (ms) again, per client. */
  private readRetryAt_ = new Map<string, number>();
  /** A newer item to mark read once the request on its way for that client is answered. */
  private readNext_ = new Map<string, string>();
  /** Failed eligibility requests asked again in a row, per client. */
  private eligibilityRetries_ = new Map<string, number>();
  /** Retries waiting to run; cleared by stop(). */
  private timers_ = new Set<ReturnType<typeof setTimeout>>();
  private presenceSent_: string | null = null;
  private presenceTimer_: ReturnType<typeof setTimeout> | null = null;
  private presenceRetryMs_ = 500;
  private presenceRetrying_ = false;
  private unreadTimer_: ReturnType<typeof setTimeout> | null = null;
  private notifyScheduled_ = false;
  private started_ = false;
  private wasOpen_ = false;

  constructor(adapter: DmAdapter, options: DmStoreOptions = {}) {
    super();
    this.adapter = adapter;
    this.storage_ = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.opts_ = { feedPageSize: 50, clientPageSize: 50, maxSendAttempts: 5, retryBaseMs: 500, ...options };
    this.drafts = new DraftStore(this.storage_);
    this.signals = new ClientSignals(adapter, { knows: (id) => this.clientsById_.has(id), changed: () => this.changed_() });
  }

  // ---- subscription -------------------------------------------------------------------------

  /** Calls `listener` (batched to a microtask) whenever any state changes. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  private changed_(): void {
    if (this.notifyScheduled_) return;
    this.notifyScheduled_ = true;
    queueMicrotask(() => {
      this.notifyScheduled_ = false;
      for (const l of [...this.listeners_]) l();
      this.dispatchEvent(new Event('change'));
    });
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /**
   * Loads the advisor and the unread count, opens the live stream, resumes the outbox. Calling it
   * again (after signing in again, when a 401 ended the session) reopens a closed stream and loads
   * again what failed.
   */
  start(): void {
    this.signedOut_ = false;
    if (this.started_) {
      if (this.liveStatus === 'closed') this.subscribeLive_();
      this.reloadFailed_();
      return;
    }
    this.started_ = true;
    void this.loadAdvisor();
    void this.refreshUnread();
    this.subscribeLive_();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.handleOnline_);
      if (this.storage_) window.addEventListener('storage', this.handleStorage_);
    }
  }

  private subscribeLive_(): void {
    this.unsubscribeLive_?.();
    this.unsubscribeLive_ = this.adapter.subscribe((e) => this.applyEvent(e), {
      onStatus: (s) => this.handleLiveStatus_(s),
      onError: (e) => this.failed_(e),
    });
  }

  /** Closes the live stream and cancels pending work. */
  stop(): void {
    this.started_ = false;
    this.unsubscribeLive_?.();
    this.unsubscribeLive_ = null;
    for (const c of this.feedAborts_.values()) c.abort();
    this.listAbort_?.abort();
    clearTimeout(this.presenceTimer_ ?? undefined);
    clearTimeout(this.unreadTimer_ ?? undefined);
    this.presenceTimer_ = this.unreadTimer_ = null;
    this.signals.stop();
    for (const t of this.timers_) clearTimeout(t);
    this.timers_.clear();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.handleOnline_);
      window.removeEventListener('storage', this.handleStorage_);
    }
  }

  private handleOnline_ = () => {
    this.reloadFailed_(true);
    // Messages this page gave up on for a passing fault go out again, in the order written.
    if (this.signedOut_) return;
    const clients = new Set<string>();
    for (const o of this.outbox_) {
      if (!o.failed || clients.has(o.clientId)) continue;
      clients.add(o.clientId);
      // A client's failed messages go again together, in order: only if none was refused for good.
      if (this.outbox_.every((x) => x.clientId !== o.clientId || !x.failed || this.sendAgainOnline_.has(x))) void this.retrySend(o.clientId, o.clientMessageId);
    }
    this.changed_();
  };

  private handleLiveStatus_(status: LiveStatus): void {
    this.liveStatus = status;
    if (status === 'open') {
      // After a drop, refetch what the replay may not cover (another tab, a server restart).
      if (this.wasOpen_) void this.refreshAfterReconnect_();
      this.wasOpen_ = true;
    }
    this.changed_();
  }

  /**
   * Loads again what failed, and reports presence: after signing in again (everything), or when
   * the network or the live stream comes back (`transient`: only what a network or server fault left).
   */
  private reloadFailed_(transient = false): void {
    // Signed out: nothing is asked again until the host signs the advisor in and calls start().
    if (transient && this.signedOut_) return;
    // When the network comes back, what is on screen (open cards) reloads now; the rest when shown.
    const again = (s: { status: LoadStatus; error: DmError | null }, clientId?: string) =>
      s.status === 'error' && (!transient || (isRetryable(s.error) && (!clientId || this.openClients_.has(clientId))));
    if (this.advisorStatus === 'error') void this.loadAdvisor();
    this.setPresence({});
    this.unreadRetries_ = 0;
    void this.refreshUnread();
    if (again(this.clientList)) void this.loadClients(this.clientList.query, true);
    for (const f of this.feeds_.values()) if (again(f, f.clientId)) void this.loadFeed(f.clientId, f.filter, true);
    for (const [id, e] of this.eligibilities_) if (again(e, id)) void this.loadEligibility(id, true);
  }

  private async refreshAfterReconnect_(): Promise<void> {
    this.reloadFailed_(true);
    for (const f of this.feeds_.values()) if (f.status === 'ready') void this.refreshNewest_(f.clientId, f.filter);
    for (const id of this.openClients_.keys()) if (this.eligibility(id).status === 'ready') void this.loadEligibility(id, true);
    if (this.clientList.status === 'ready') void this.refreshClientsFirstPage_();
  }

  async loadAdvisor(): Promise<void> {
    this.advisorStatus = 'loading';
    this.changed_();
    try {
      this.advisor = await this.adapter.getMe();
      this.drafts.setAdvisor(this.advisor.id);
      this.advisorStatus = 'ready';
      this.restoreOutbox_();
    } catch (e) {
      this.advisorStatus = 'error';
      this.failed_(e);
    }
    this.changed_();
  }

  // ---- clients ------------------------------------------------------------------------------

  /** A client's summary, from the list or an earlier fetch. */
  client(clientId: string): ClientSummary | undefined {
    return this.clientsById_.get(clientId);
  }

  /** Loads the first page of clients for `query` (a new query replaces the list). */
  async loadClients(query = this.clientList.query, force = false): Promise<void> {
    const cur = this.clientList;
    if (!force && cur.query === query && (cur.status === 'ready' || cur.status === 'loading')) return;
    this.listAbort_?.abort();
    const abort = (this.listAbort_ = new AbortController());
    this.clientList = { ...EMPTY_LIST, query, status: 'loading', clients: cur.query === query ? cur.clients : [] };
    this.changed_();
    const since = this.touches_;
    try {
      const page = await this.adapter.listClients({ limit: this.opts_.clientPageSize, q: query || undefined }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      let clients: readonly ClientSummary[] = dedupeClients([], this.fromPage_(page.clients, since));
      for (const id of this.pinned_) clients = placeClient(clients, this.clientsById_.get(id), query);
      // Clients that changed while the page was on its way (a live message) take their place now.
      for (const [id, n] of this.touched_) if (n > since) clients = placeClient(clients, this.clientsById_.get(id), query);
      this.clientList = { query, clients, nextCursor: page.nextCursor, status: 'ready', error: null, loadingMore: false };
    } catch (e) {
      if (abort.signal.aborted) return;
      const error = this.failed_(e);
      this.clientList = { ...this.clientList, status: 'error', error };
      this.askAgainAfter_(error, () => this.clientList.error === error && this.loadClients(query, true));
    }
    this.changed_();
  }

  /** Loads the next page of the current list, if there is one. */
  async loadMoreClients(): Promise<void> {
    const cur = this.clientList;
    if (cur.status !== 'ready' || cur.loadingMore || !cur.nextCursor) return;
    const abort = (this.listAbort_ = new AbortController());
    this.clientList = { ...cur, loadingMore: true, error: null };
    this.changed_();
    const since = this.touches_;
    try {
      const page = await this.adapter.listClients(
        { limit: this.opts_.clientPageSize, cursor: cur.nextCursor, q: cur.query || undefined },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      const nextCursor = nextCursorAfter(cur.nextCursor, page.clients.length, page.nextCursor);
      this.clientList = { ...this.clientList, clients: appendPage(this.clientList.clients, this.fromPage_(page.clients, since)), nextCursor, loadingMore: false };
    } catch (e) {
      if (abort.signal.aborted) return;
      const error = this.failed_(e);
      this.clientList = { ...this.clientList, loadingMore: false, error };
    }
    this.changed_();
  }

  private async refreshClientsFirstPage_(): Promise<void> {
    const { query } = this.clientList;
    const since = this.touches_;
    try {
      const page = await this.adapter.listClients({ limit: this.opts_.clientPageSize, q: query || undefined });
      if (this.clientList.query !== query) return;
      let clients = this.clientList.clients;
      for (const c of this.fromPage_(page.clients, since)) clients = upsertClient(clients, c);
      this.clientList = { ...this.clientList, clients };
      this.changed_();
    } catch {
      // The list keeps what it had; the next event or reload brings it up to date.
    }
  }

  /** Makes sure a client's summary is known (a deep link may name one not on the first page). */
  ensureClient(clientId: string): Promise<ClientSummary | null> {
    const known = this.clientsById_.get(clientId);
    if (known) return Promise.resolve(known);
    let p = this.clientFetches_.get(clientId);
    if (!p) {
      p = this.adapter.getClient(clientId).then(
        (c) => {
          this.clientsById_.set(c.id, c);
          // The few most recent (the open card, a deep link), not every client ever fetched.
          this.pinned_.delete(c.id);
          this.pinned_.add(c.id);
          if (this.pinned_.size > 3) this.pinned_.delete(this.pinned_.values().next().value!);
          const list = this.clientList;
          if (list.status === 'ready') this.clientList = { ...list, clients: placeClient(list.clients, c, list.query) };
          this.changed_();
          return c;
        },
        (e) => {
          this.clientFetches_.delete(clientId);
          this.failed_(e);
          return null;
        },
      );
      this.clientFetches_.set(clientId, p);
    }
    return p;
  }

  /**
   * A page's summaries as they are now: a client changed (live) after the page was asked for keeps
   * its newer summary, the page may predate it. Remembers the others.
   */
  private fromPage_(clients: readonly ClientSummary[], since: number): ClientSummary[] {
    return clients.map((c) => {
      if ((this.touched_.get(c.id) ?? 0) > since) return this.clientsById_.get(c.id) ?? c;
      this.clientsById_.set(c.id, c);
      return c;
    });
  }

  private setClient_(client: ClientSummary): void {
    const before = this.clientsById_.get(client.id);
    this.clientsById_.set(client.id, client);
    this.touched_.set(client.id, ++this.touches_);
    const list = this.clientList;
    const inList = list.clients.some((c) => c.id === client.id);
    const matches = matchesQuery(client, list.query);
    if (list.status === 'ready' && (inList || matches)) {
      this.clientList = { ...list, clients: upsertClient(list.clients, client) };
    }
    if (before && before.hasUnread !== client.hasUnread) {
      this.unreadCount = Math.max(0, this.unreadCount + (client.hasUnread ? 1 : -1));
    } else if (!before && client.hasUnread && this.unreadCount === 0) {
      this.unreadCount = 1;
    }
    // The count above is a prompt guess; the server's answer follows shortly.
    this.scheduleUnreadRefresh_();
    this.changed_();
  }

  // ---- unread -------------------------------------------------------------------------------

  /** Fetches how many clients have unread messages (the menu's bubble). */
  async refreshUnread(): Promise<void> {
    try {
      this.unreadCount = (await this.adapter.getUnread()).clientsWithUnread;
      this.unreadRetries_ = 0;
      this.changed_();
    } catch (e) {
      const error = this.failed_(e);
      // The menu's bubble has no error state to retry from: a passing failure is asked again, backing off.
      if (isRetryable(error) && this.started_ && this.unreadRetries_ < 6) {
        clearTimeout(this.unreadTimer_ ?? undefined);
        const n = ++this.unreadRetries_;
        this.unreadTimer_ = setTimeout(() => void this.refreshUnread(), waitFor(error.retryAfterMs, this.opts_.retryBaseMs * 2 ** n, this.opts_.retryBaseMs * 2));
      }
    }
  }

  private unreadRetries_ = 0;

  private scheduleUnreadRefresh_(): void {
    if (this.unreadTimer_) clearTimeout(this.unreadTimer_);
    this.unreadTimer_ = setTimeout(() => void this.refreshUnread(), 400);
  }

  /**
   * Marks a client read up to and including an item the advisor has seen. The bubble goes at once;
   * if the server refuses, it comes back (the server still counts the client unread) and the next
   * attempt waits a few seconds, so a failing server is not asked on every render.
   */
  async markRead(clientId: string, upTo: string): Promise<void> {
    const client = this.clientsById_.get(clientId);
    if (!client?.hasUnread || upTo.startsWith('local:')) return;
    if (this.readingUpTo_.has(clientId)) {
      // One request per client at a time; the newest item asked for meanwhile goes next.
      if (this.readingUpTo_.get(clientId) !== upTo) this.readNext_.set(clientId, upTo);
      return;
    }
    if (Date.now() < (this.readRetryAt_.get(clientId) ?? 0)) return;
    this.readingUpTo_.set(clientId, upTo);
    this.setClient_({ ...client, hasUnread: false });
    try {
      await this.adapter.markRead(clientId, upTo);
      this.readRetryAt_.delete(clientId);
    } catch (e) {
      this.readRetryAt_.set(clientId, Date.now() + 5000);
      const now = this.clientsById_.get(clientId);
      if (now && !now.hasUnread) this.setClient_({ ...now, hasUnread: true });
      this.failed_(e);
    } finally {
      this.readingUpTo_.delete(clientId);
      const next = this.readNext_.get(clientId);
      this.readNext_.delete(clientId);
      if (next) void this.markRead(clientId, next);
    }
  }

  // ---- feeds --------------------------------------------------------------------------------

  /** The feed state for a client and filter (an idle state until loaded). */
  feed(clientId: string, filter: FeedFilter = 'all'): FeedState {
    return this.feeds_.get(feedKey(clientId, filter)) ?? idleFeed(clientId, filter);
  }

  private setFeed_(state: FeedState): void {
    this.feeds_.set(feedKey(state.clientId, state.filter), state);
    this.changed_();
  }

  /** Loads the newest page of a feed unless it is loaded or loading (or `force`). */
  async loadFeed(clientId: string, filter: FeedFilter = 'all', force = false): Promise<void> {
    const key = feedKey(clientId, filter);
    const cur = this.feed(clientId, filter);
    if (!force && (cur.status === 'ready' || cur.status === 'loading')) return;
    this.feedAborts_.get(key)?.abort();
    const abort = new AbortController();
    this.feedAborts_.set(key, abort);
    this.setFeed_({ ...cur, status: 'loading', error: null });
    const before = new Set(cur.items);
    try {
      const page = await this.adapter.getFeed(clientId, { type: filter, limit: this.opts_.feedPageSize }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.confirmStored_(page.items);
      this.signals.read(clientId, page.clientReadAt);
      // Every 1.1 page carries clientReadAt: a newest page without it is a 1.0 server's, which has no search.
      if (page.clientReadAt === undefined) this.signals.capabilities.learn('search', new DmError('not-found', 'A 1.0 server (no clientReadAt)'));
      // What arrived live while the page was on its way stays (the page may predate it).
      const arrived = this.feed(clientId, filter).items.filter((e) => !before.has(e) && !e.delivery);
      const local = this.localEntries_(clientId, filter);
      const fresh = { newerCursor: null, loadingNewer: false, newerError: null, pastArrivals: 0 };
      this.setFeed_({ ...this.feed(clientId, filter), items: mergeFeed(mergeFeed(page.items, arrived), local), olderCursor: page.olderCursor, status: 'ready', error: null, ...fresh });
    } catch (e) {
      if (abort.signal.aborted) return;
      const error = this.failed_(e);
      this.setFeed_({ ...this.feed(clientId, filter), status: 'error', error });
      this.askAgainAfter_(error, () => this.feed(clientId, filter).error === error && this.openClients_.has(clientId) && this.loadFeed(clientId, filter, true));
    } finally {
      if (this.feedAborts_.get(key) === abort) this.feedAborts_.delete(key);
    }
  }

  /** Loads the page before the oldest loaded item (`limit` items; default the page size). */
  async loadOlder(clientId: string, filter: FeedFilter = 'all', limit = this.opts_.feedPageSize): Promise<void> {
    const cur = this.feed(clientId, filter);
    if (cur.status !== 'ready' || cur.loadingOlder || !cur.olderCursor) return;
    const key = feedKey(clientId, filter) + ':older';
    const abort = new AbortController();
    this.feedAborts_.set(key, abort);
    this.setFeed_({ ...cur, loadingOlder: true, olderError: null });
    try {
      const page = await this.adapter.getFeed(
        clientId,
        { type: filter, before: cur.olderCursor, limit },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.confirmStored_(page.items);
      this.signals.read(clientId, page.clientReadAt);
      const now = this.feed(clientId, filter);
      const olderCursor = nextCursorAfter(cur.olderCursor, page.items.length, page.olderCursor);
      this.setFeed_({ ...now, items: mergeFeed(now.items, page.items), olderCursor, loadingOlder: false });
    } catch (e) {
      if (abort.signal.aborted) return;
      const error = this.failed_(e);
      this.setFeed_({ ...this.feed(clientId, filter), loadingOlder: false, olderError: error });
      this.askAgainAfter_(error, () => this.feed(clientId, filter).olderError === error && this.openClients_.has(clientId) && this.loadOlder(clientId, filter));
    } finally {
      this.feedAborts_.delete(key);
    }
  }

  /** Abandons in-flight loads of a feed nobody shows any more (a quick switch of client or filter). */
  releaseFeed(clientId: string, filter: FeedFilter = 'all'): void {
    const key = feedKey(clientId, filter);
    for (const k of [key, key + ':older', key + ':newer', key + ':around']) {
      const c = this.feedAborts_.get(k);
      if (!c) continue;
      c.abort();
      this.feedAborts_.delete(k);
      const cur = this.feed(clientId, filter);
      if (cur.status === 'loading') this.setFeed_({ ...cur, status: cur.items.length ? 'ready' : 'idle' });
      else if (cur.loadingOlder || cur.loadingNewer) this.setFeed_({ ...cur, loadingOlder: false, loadingNewer: false });
    }
  }

  private async refreshNewest_(clientId: string, filter: FeedFilter): Promise<void> {
    try {
      const page = await this.adapter.getFeed(clientId, { type: filter, limit: this.opts_.feedPageSize });
      this.confirmStored_(page.items);
      this.signals.read(clientId, page.clientReadAt);
      const cur = this.feed(clientId, filter);
      // Showing the past, the newest page is not put after it (a gap): the pages after bring it.
      if (cur.status === 'ready' && !cur.newerCursor) this.setFeed_({ ...cur, items: mergeFeed(cur.items, page.items) });
    } catch {
      // Best effort; live events keep coming.
    }
  }

  /** Puts items into every loaded feed of their client whose filter they match. */
  private addToFeeds_(clientId: string, entries: readonly FeedEntry[]): void {
    for (const filter of ['all', 'orders', 'messages'] as const) {
      const cur = this.feeds_.get(feedKey(clientId, filter));
      if (!cur || (cur.status !== 'ready' && cur.status !== 'loading')) continue;
      const add = entries.filter((e) => matchesFilter(e, filter));
      if (!add.length) continue;
      // Showing the past: live items never go after it (a gap); the advisor's own message takes the feed back to the live tail.
      if (cur.newerCursor && add.some((e) => e.delivery)) this.toLatest(clientId, filter);
      else if (cur.newerCursor) {
        const next = this.window_.arrive(cur, add);
        if (next !== cur) this.setFeed_(next);
        continue;
      }
      const now = this.feed(clientId, filter);
      const items = mergeFeed(now.items, add);
      if (items !== now.items) this.setFeed_({ ...now, items });
    }
  }

  // ---- the two-way window and search (since 1.1) --------------------------------------------

  private window_ = this.newWindow_();
  private newWindow_(): FeedWindow {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this;
    return new FeedWindow({
      get adapter() {
        return store.adapter;
      },
      get pageSize() {
        return store.opts_.feedPageSize;
      },
      feed: (id, f) => this.feed(id, f),
      setFeed: (s) => this.setFeed_(s),
      failed: (e) => this.failed_(e),
      localEntries: (id, f) => this.localEntries_(id, f),
      received: (id, page) => {
        this.confirmStored_(page.items);
        this.signals.read(id, page.clientReadAt);
      },
      aborts: this.feedAborts_,
    });
  }

  /**
   * Brings an item into a feed for a jump (a search hit): at once when it is loaded, else a page
   * `around` it replaces what the feed shows, which then pages both ways. `gone`: the item is no
   * longer in this feed (the feed is left as it was).
   */
  jumpTo(clientId: string, filter: FeedFilter, itemId: string): Promise<JumpResult> {
    return this.window_.jump(clientId, filter, itemId);
  }

  /** Loads the page after the newest item of a feed that shows the past (`limit` items; default the page size). */
  loadNewer(clientId: string, filter: FeedFilter = 'all', limit = this.opts_.feedPageSize): Promise<void> {
    return this.window_.loadNewer(clientId, filter, limit);
  }

  /** Takes a feed that shows the past straight back to the live tail: its newest page replaces the past. */
  toLatest(clientId: string, filter: FeedFilter = 'all'): void {
    const cur = this.feed(clientId, filter);
    if (!cur.newerCursor) return;
    for (const k of [':around', ':older', ':newer']) this.feedAborts_.get(feedKey(clientId, filter) + k)?.abort();
    // Nothing of the past is shown meanwhile; the messages on their way are.
    this.setFeed_({ ...cur, items: this.localEntries_(clientId, filter), olderCursor: null, newerCursor: null, loadingOlder: false, loadingNewer: false, pastArrivals: 0 });
    void this.loadFeed(clientId, filter, true);
  }

  private searches_ = new Map<string, ConversationSearch>();
  /** Whether the conversation search is offered: the adapter has it and the server did not answer 404 (a 1.0 server). */
  get searchSupported(): boolean {
    return this.signals.capabilities.has('search');
  }

  /** One client's conversation search (created on first use). */
  conversationSearch(clientId: string): ConversationSearch {
    let s = this.searches_.get(clientId);
    if (!s) {
      s = new ConversationSearch(
        {
          adapter: this.adapter,
          failed: (e) => this.failed_(e),
          changed: () => this.changed_(),
          unsupported: (e) => this.signals.capabilities.learn('search', e),
        },
        clientId,
      );
      this.searches_.set(clientId, s);
    }
    return s;
  }

  /** A client's search state (idle until searched). */
  searchState(clientId: string): SearchState {
    return this.searches_.get(clientId)?.state ?? IDLE_SEARCH;
  }

  /** Whether a loaded feed of the item's client already holds it (only feeds it could be in are read). */
  private holds_(item: FeedItem): boolean {
    return (['all', 'orders', 'messages'] as const).some(
      (filter) => matchesFilter(item, filter) && !!this.feeds_.get(feedKey(item.clientId, filter))?.items.some((e) => e.id === item.id),
    );
  }

  private removeFromFeeds_(clientId: string, key: string): void {
    for (const filter of ['all', 'orders', 'messages'] as const) {
      const cur = this.feeds_.get(feedKey(clientId, filter));
      if (cur) this.setFeed_({ ...cur, items: removeByKey(cur.items, key) });
    }
  }

  /** Marks that a client's card is on screen (no notice for it); returns the undo. */
  viewing(clientId: string): () => void {
    this.openClients_.set(clientId, (this.openClients_.get(clientId) ?? 0) + 1);
    this.notices = this.notices.filter((n) => n.clientId !== clientId);
    this.deferred_ = this.deferred_.filter((n) => n.clientId !== clientId);
    this.changed_();
    return () => {
      const n = (this.openClients_.get(clientId) ?? 1) - 1;
      if (n > 0) this.openClients_.set(clientId, n);
      else this.openClients_.delete(clientId);
    };
  }

  // ---- eligibility --------------------------------------------------------------------------

  /** Whether the advisor may send to a client (idle until loaded). */
  eligibility(clientId: string): Loadable<Eligibility> {
    return this.eligibilities_.get(clientId) ?? IDLE;
  }

  private setEligibility_(clientId: string, value: Eligibility): void {
    this.eligibilities_.set(clientId, { status: 'ready', value, error: null });
    this.changed_();
  }

  async loadEligibility(clientId: string, force = false): Promise<void> {
    const cur = this.eligibility(clientId);
    if (!force && (cur.status === 'ready' || cur.status === 'loading')) return;
    this.eligibilities_.set(clientId, { ...cur, status: 'loading' });
    this.changed_();
    try {
      this.setEligibility_(clientId, this.withPending_(clientId, await this.adapter.getEligibility(clientId)));
      this.eligibilityRetries_.delete(clientId);
    } catch (e) {
      const error = this.failed_(e);
      this.eligibilities_.set(clientId, { status: 'error', value: cur.value, error });
      this.changed_();
      // Until it is known, the composer stays open and the server has the last word; a blocked
      // client's composer would look open, so a passing failure (5xx, 429, network) is asked again.
      const n = this.eligibilityRetries_.get(clientId) ?? 0;
      if (isRetryable(error) && n < 6 && this.started_) {
        this.eligibilityRetries_.set(clientId, n + 1);
        const timer = setTimeout(() => {
          this.timers_.delete(timer);
          if (this.eligibility(clientId).status === 'error') void this.loadEligibility(clientId, true);
        }, error.retryAfterMs ?? this.opts_.retryBaseMs * 2 ** (n + 1));
        this.timers_.add(timer);
      } else this.eligibilityRetries_.delete(clientId); // a later failure starts over
    }
  }

  /** The server's eligibility plus the sends still on their way (counted at once, so the 5th blocks). */
  private withPending_(clientId: string, value: Eligibility): Eligibility {
    for (const o of this.outbox_) if (o.clientId === clientId && !o.failed && value.canSend) value = eligibilityAfterAdvisorSend(value);
    return value;
  }

  // ---- orders -------------------------------------------------------------------------------

  /** An order's details (idle until loaded). */
  order(orderId: string): Loadable<OrderDetail> {
    return this.orders_.get(orderId) ?? IDLE;
  }

  async loadOrder(orderId: string, force = false): Promise<void> {
    const cur = this.order(orderId);
    if (!force && (cur.status === 'ready' || cur.status === 'loading')) return;
    const loading: Loadable<OrderDetail> = { status: 'loading', value: cur.value, error: null };
    this.orders_.set(orderId, loading);
    this.changed_();
    let next: Loadable<OrderDetail>;
    try {
      next = { status: 'ready', value: await this.adapter.getOrder(orderId), error: null };
    } catch (e) {
      // A failed refresh keeps what is shown; only a first load shows the error.
      next = { status: 'error', value: cur.value, error: this.failed_(e) };
    }
    // A later request (a newer live change) owns the entry now.
    if (this.orders_.get(orderId) !== loading) return;
    this.orders_.set(orderId, next);
    this.changed_();
  }

  // ---- sending ------------------------------------------------------------------------------

  /**
   * Sends a message: it shows at once as pending, the consecutive count moves at once (so the
   * 5th send blocks without a refetch), and delivery retries with the same `clientMessageId`.
   */
  send(clientId: string, body: string): Promise<SendResult> {
    const text = body.trim();
    const entry: OutboxEntry = { clientId, clientMessageId: newClientMessageId(), body: text, at: new Date().toISOString() };
    this.outbox_.push(entry);
    this.saveOutbox_();
    this.addToFeeds_(clientId, [localMessage(entry, 'pending')]);
    const elig = this.eligibility(clientId).value;
    if (elig) this.setEligibility_(clientId, eligibilityAfterAdvisorSend(elig));
    return this.enqueue_(entry);
  }

  /**
   * Sends a failed message again, with its original `clientMessageId`. Failed messages written
   * before it to the same client go first, so the client receives them in the order written.
   */
  retrySend(clientId: string, clientMessageId: string): Promise<SendResult> | null {
    const entry = this.outbox_.find((o) => o.clientId === clientId && o.clientMessageId === clientMessageId);
    if (!entry) return null;
    let result: Promise<SendResult> | null = null;
    for (const o of this.outbox_) {
      if (o.clientId !== clientId || !o.failed) continue;
      o.failed = false;
      this.retried_.add(o);
      this.addToFeeds_(clientId, [localMessage(o, 'pending')]);
      const p = this.enqueue_(o);
      if (o === entry) result = p;
    }
    this.retried_.add(entry);
    return result ?? this.enqueue_(entry);
  }

  /** Drops a failed message; returns its text so it can go back into the box. */
  discardSend(clientId: string, clientMessageId: string): string | null {
    const entry = this.dropOutbox_(clientId, clientMessageId);
    if (entry) void this.loadEligibility(clientId, true);
    return entry?.body ?? null;
  }

  /** Messages still waiting for the server (pending or failed). */
  outboxFor(clientId: string): readonly { clientMessageId: string; body: string }[] {
    return this.outbox_.filter((o) => o.clientId === clientId);
  }

  private enqueue_(entry: OutboxEntry): Promise<SendResult> {
    // One queue per client keeps that client's messages in the order they were written.
    const prev = this.queues_.get(entry.clientId) ?? Promise.resolve();
    const next = prev.then(() => this.deliver_(entry));
    this.queues_.set(entry.clientId, next.catch(() => undefined));
    return next;
  }

  private async deliver_(entry: OutboxEntry): Promise<SendResult> {
    const { clientId, clientMessageId, body } = entry;
    let attempt = 0;
    for (;;) {
      if (!this.outbox_.includes(entry)) return this.settledElsewhere_(entry);
      // Never overtake a failed message to the same client: the order written is the order stored.
      const i = this.outbox_.indexOf(entry);
      if (this.outbox_.some((o, j) => j < i && o.clientId === clientId && o.failed)) return this.markFailed_(entry, new DmError('aborted', 'Waiting for an earlier message'));
      await this.whenOnline_();
      // Another tab discarded it (or saw it stored) meanwhile: it leaves here too, unsent.
      if (this.storedDone_().includes(clientMessageId)) this.dropOutbox_(clientId, clientMessageId, !this.confirmed_.has(clientMessageId));
      if (!this.outbox_.includes(entry)) return this.settledElsewhere_(entry);
      try {
        const message = await this.adapter.sendMessage(clientId, { body, clientMessageId });
        this.confirmed_.delete(clientMessageId);
        this.dropOutbox_(clientId, clientMessageId, false);
        this.addToFeeds_(clientId, [message]);
        this.dispatchEvent(new CustomEvent('message-sent', { detail: message }));
        // The server's count now includes this message; an eligibility that arrived while it was
        // on its way may or may not have: ask again rather than guess (the order of events is free).
        void this.loadEligibility(clientId, true);
        return { status: 'sent', message };
      } catch (e) {
        // The live stream confirmed it while the answer was lost: it is stored, neither failed nor blocked.
        if (!this.outbox_.includes(entry)) return this.settledElsewhere_(entry);
        const error = this.failed_(e);
        if (error.kind === 'blocked') {
          const cur = this.eligibility(clientId).value;
          this.setEligibility_(clientId, {
            consecutiveLimit: cur?.consecutiveLimit ?? 5,
            consecutiveSent: cur?.consecutiveSent ?? 0,
            canSend: false,
            reason: error.reason ?? cur?.reason ?? null,
          });
          void this.loadEligibility(clientId, true);
        }
        if (error.kind === 'blocked' || error.kind === 'auth') {
          // A message sent again (Retry, back online) has no text box to go back to: it stays "Not sent".
          if (this.retried_.has(entry)) return this.markFailed_(entry, error);
          this.dropOutbox_(clientId, clientMessageId);
          return { status: error.kind, body, error };
        }
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        // Going offline is not a failed attempt: the queue waits for the network instead.
        if (!offline) attempt++;
        if ((isRetryable(error) || offline) && attempt < this.opts_.maxSendAttempts) {
          await sleep(waitFor(error.retryAfterMs, this.opts_.retryBaseMs * 2 ** Math.max(0, attempt - 1) * (0.8 + Math.random() * 0.4), this.opts_.retryBaseMs));
          continue;
        }
        void this.loadEligibility(clientId, true);
        return this.markFailed_(entry, error);
      }
    }
  }

  /** The entry left the outbox while on its way: confirmed by the live stream (sent), or discarded. */
  private settledElsewhere_(entry: OutboxEntry): SendResult {
    const message = this.confirmed_.get(entry.clientMessageId);
    if (!message) return { status: 'failed', error: new DmError('aborted', 'Discarded') };
    this.confirmed_.delete(entry.clientMessageId);
    this.dispatchEvent(new CustomEvent('message-sent', { detail: message }));
    void this.loadEligibility(entry.clientId, true);
    return { status: 'sent', message };
  }

  private markFailed_(entry: OutboxEntry, error: DmError): SendResult {
    entry.failed = true;
    if (isRetryable(error) || error.kind === 'aborted') this.sendAgainOnline_.add(entry);
    this.saveOutbox_();
    this.addToFeeds_(entry.clientId, [localMessage(entry, 'failed')]);
    return { status: 'failed', error };
  }

  private whenOnline_(): Promise<void> {
    if (typeof navigator === 'undefined' || navigator.onLine !== false || typeof window === 'undefined') return Promise.resolve();
    return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
  }

  private dropOutbox_(clientId: string, clientMessageId: string, removeFromFeed = true): OutboxEntry | undefined {
    const i = this.outbox_.findIndex((o) => o.clientId === clientId && o.clientMessageId === clientMessageId);
    if (i < 0) return undefined;
    const [entry] = this.outbox_.splice(i, 1);
    try {
      // Other tabs learn that it is done (a tombstone), so they drop their failed copy, never resend it.
      this.storage_?.setItem(this.doneKey_(), JSON.stringify([...this.storedDone_().filter((id) => id !== clientMessageId), clientMessageId].slice(-200)));
    } catch {
      // Storage full or blocked.
    }
    this.saveOutbox_();
    if (removeFromFeed) this.removeFromFeeds_(clientId, 'm:' + clientMessageId);
    return entry;
  }

  private localEntries_(clientId: string, filter: FeedFilter): FeedEntry[] {
    if (filter === 'orders') return [];
    return this.outbox_.filter((o) => o.clientId === clientId).map((o) => localMessage(o, o.failed ? 'failed' : 'pending'));
  }

  private outboxKey_(): string {
    return `dm-widgets:outbox:${this.advisor?.id ?? 'default'}`;
  }

  /** The outbox as stored (by every tab of this advisor); [] when absent or unreadable. */
  private storedOutbox_(): OutboxEntry[] {
    try {
      const saved = JSON.parse(this.storage_?.getItem(this.outboxKey_()) ?? '[]') as OutboxEntry[];
      return (Array.isArray(saved) ? saved : []).filter(
        (e) => typeof e?.clientId === 'string' && typeof e.body === 'string' && typeof e.clientMessageId === 'string',
      );
    } catch {
      return [];
    }
  }

  /**
   * Stores the outbox, merged with what other tabs stored: their messages stay, and a message any
   * tab saw stored or discarded (a `done` tombstone) is never written back.
   */
  private saveOutbox_(): void {
    try {
      const mine = new Set(this.outbox_.map((o) => o.clientMessageId));
      const done = new Set(this.storedDone_());
      const all = [
        ...this.storedOutbox_().filter((o) => !mine.has(o.clientMessageId) && !done.has(o.clientMessageId)),
        ...this.outbox_,
      ];
      if (all.length) this.storage_?.setItem(this.outboxKey_(), JSON.stringify(all));
      else this.storage_?.removeItem(this.outboxKey_());
    } catch {
      // Storage full or blocked: the outbox lives on in memory.
    }
  }

  /**
   * Picks up messages an earlier page load (or another tab) wrote but did not see stored: those on
   * their way are sent again (idempotently); failed ones stay failed, for the advisor to retry or discard.
   */
  private restoreOutbox_(): void {
    const done = new Set(this.storedDone_());
    for (const e of this.storedOutbox_()) {
      if (done.has(e.clientMessageId) || this.outbox_.some((o) => o.clientMessageId === e.clientMessageId)) continue;
      this.outbox_.push(e);
      this.addToFeeds_(e.clientId, [localMessage(e, e.failed ? 'failed' : 'pending')]);
      if (!e.failed) void this.enqueue_(e);
    }
  }

  /** Another tab sent or discarded messages (its `done` list changed): a failed copy here goes too. */
  private handleStorage_ = (e: StorageEvent) => {
    if (!this.storage_ || (e.storageArea && e.storageArea !== this.storage_) || e.key !== this.doneKey_()) return;
    const done = this.storedDone_();
    for (const o of this.outbox_.filter((o) => o.failed && done.includes(o.clientMessageId))) this.dropOutbox_(o.clientId, o.clientMessageId);
    this.changed_();
  };

  private doneKey_(): string {
    return `dm-widgets:outbox-done:${this.advisor?.id ?? 'default'}`;
  }

  /** The ids of messages any tab saw stored or discarded lately (the newest 200). */
  private storedDone_(): string[] {
    try {
      const done = JSON.parse(this.storage_?.getItem(this.doneKey_()) ?? '[]') as unknown;
      return Array.isArray(done) ? done.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  // ---- live events --------------------------------------------------------------------------

  /** Applies one live event (also usable by custom adapters' tests). Replays are ignored. */
  applyEvent(event: DmEvent): void {
    if (event.id) {
      if (this.seenEventIds_.has(event.id)) return;
      this.seenEventIds_.add(event.id);
      if (this.seenEventIds_.size > 2000) this.seenEventIds_.delete(this.seenEventIds_.values().next().value!);
    }
    switch (event.type) {
      case 'feed-item':
        return this.applyItem_(event.item);
      case 'client': {
        const { client } = event;
        if (!client.hasUnread && this.clientsById_.get(client.id)?.hasUnread) {
          // Read elsewhere (another tab, the phone app): its notices, shown or held back, are stale.
          this.deferred_ = this.deferred_.filter((n) => n.clientId !== client.id);
          this.notices = this.notices.filter((n) => n.clientId !== client.id);
        }
        return this.setClient_(client);
      }
      case 'eligibility':
        return this.setEligibility_(event.clientId, this.withPending_(event.clientId, event.eligibility));
      case 'advisor': {
        this.advisor = event.advisor;
        for (const [id, e] of this.eligibilities_) {
          if (e.value) this.eligibilities_.set(id, { ...e, value: eligibilityForAdvisorStatus(e.value, event.advisor.status) });
          // The server knows about negative reviews that an advisor block was hiding.
          if (event.advisor.status === 'active') void this.loadEligibility(id, true);
        }
        this.changed_();
        return;
      }
      case 'client-read':
        return this.signals.read(event.clientId, event.readAt);
      case 'typing':
        return this.signals.typing(event.clientId, event.until);
    }
  }

  /** Messages of ours the server shows stored (a reply lost, a page reloaded) leave the outbox. */
  private confirmStored_(items: readonly FeedItem[]): void {
    for (const item of items) {
      if (item.kind === 'message' && item.clientMessageId && this.dropOutbox_(item.clientId, item.clientMessageId, false)) {
        this.confirmed_.set(item.clientMessageId, item);
        if (this.confirmed_.size > 200) this.confirmed_.delete(this.confirmed_.keys().next().value!);
        // Every loaded feed of the client swaps its local copy for the stored one.
        this.addToFeeds_(item.clientId, [item]);
      }
    }
  }

  private applyItem_(item: FeedItem): void {
    this.confirmStored_([item]);
    if (item.kind === 'message' && item.sender === 'client') this.signals.stopTyping(item.clientId);
    const known = this.clientsById_.get(item.clientId);
    // An order met before (in a loaded feed or an earlier event) is a change, not a new order.
    const seen = item.kind === 'order' && (this.seenOrders_.has(item.id) || this.holds_(item));
    const activity = isClientActivity(item, seen, known?.lastActivityAt);
    if (item.kind === 'order') {
      this.seenOrders_.add(item.id);
      if (this.seenOrders_.size > 2000) this.seenOrders_.delete(this.seenOrders_.values().next().value!);
    }
    this.addToFeeds_(item.clientId, [item]);
    const detail = this.orders_.get(item.id);
    if (detail && item.kind === 'order') {
      // Details follow the order: its new status shows at once; the entry turns stale (`idle`), so
      // the details view on screen fetches delivery and review again, and a closed one when reopened.
      if (detail.value) this.orders_.set(item.id, { status: 'idle', value: { ...detail.value, ...item }, error: null });
      if (detail.status === 'loading') void this.loadOrder(item.id, true);
    }
    if (activity) {
      const e = this.eligibility(item.clientId).value;
      if (e) this.setEligibility_(item.clientId, eligibilityAfterClientActivity(e));
    }
    if (known && (item.kind === 'message' || activity) && Date.parse(item.at) >= Date.parse(known.lastActivityAt)) {
      // Keep the list order live even before the server's `client` event arrives. Only messages
      // are unread (an order is not), as the server counts them.
      this.setClient_({
        ...known,
        lastActivityAt: item.at,
        lastItemPreview: (item.kind === 'message' ? item.body : item.title).slice(0, 140),
        hasUnread: known.hasUnread || (activity && item.kind === 'message' && !this.openClients_.has(item.clientId)),
      });
    }
    this.dispatchEvent(new CustomEvent('live-item', { detail: item }));
    const decision = !activity
      ? 'skip'
      : noticeDecision({
          item,
          openClientId: this.openClients_.has(item.clientId) ? item.clientId : null,
          pageVisible: typeof document === 'undefined' || document.visibilityState !== 'hidden',
          inLiveSession: this.presence.inLiveSession,
        });
    const notice = { clientId: item.clientId, itemId: item.id, at: item.at };
    if (decision === 'show') this.showNotices_([notice]);
    else if (decision === 'defer') this.deferred_.push(notice);
    if (decision !== 'skip') void this.ensureClient(item.clientId);
    this.changed_();
  }

  private showNotices_(add: Notice[]): void {
    const ids = new Set(add.map((n) => n.clientId));
    this.notices = [...this.notices.filter((n) => !ids.has(n.clientId)), ...add.map((n) => ({ ...n, key: n.clientId + ':' + n.itemId }))];
    this.changed_();
  }

  /** Removes a notice (dismissed or opened). */
  dismissNotice(key: string): void {
    this.notices = this.notices.filter((n) => n.key !== key);
    this.changed_();
  }

  // ---- presence -----------------------------------------------------------------------------

  /** Updates presence; the server hears of a change within about half a second. */
  setPresence(change: Partial<Presence>): void {
    const wasLive = this.presence.inLiveSession;
    this.presence = { ...this.presence, ...change };
    if (wasLive && !this.presence.inLiveSession && this.deferred_.length) {
      this.showNotices_(releaseDeferred(this.deferred_).filter((n) => !this.openClients_.has(n.clientId)));
      this.deferred_ = [];
    }
    this.changed_();
    // A change waits at most 250 ms, also when a failed report was waiting longer to be sent again.
    if (!this.presenceTimer_ || this.presenceRetrying_) {
      clearTimeout(this.presenceTimer_ ?? undefined);
      this.presenceRetrying_ = false;
      this.presenceTimer_ = setTimeout(() => void this.flushPresence_(), 250);
    }
  }

  private async flushPresence_(): Promise<void> {
    this.presenceTimer_ = null;
    this.presenceRetrying_ = false;
    const body = { ...this.presence };
    const key = JSON.stringify(body);
    if (key === this.presenceSent_) return;
    try {
      await this.adapter.putPresence(body);
      this.presenceSent_ = key;
      this.presenceRetryMs_ = 500;
    } catch (e) {
      const error = this.failed_(e);
      // The server should know within 2 s: try again after half a second, then back off.
      if (isRetryable(error) && !this.presenceTimer_ && this.started_) {
        this.presenceRetrying_ = true;
        this.presenceTimer_ = setTimeout(() => void this.flushPresence_(), error.retryAfterMs ?? this.presenceRetryMs_);
        this.presenceRetryMs_ = Math.min(this.presenceRetryMs_ * 2, 30000);
      }
    }
  }

  /** A load the server said to ask again later (`Retry-After`) is asked again then, by itself. */
  private askAgainAfter_(error: DmError, again: () => unknown): void {
    if (error.retryAfterMs === null || !this.started_) return;
    const timer = setTimeout(() => {
      this.timers_.delete(timer);
      again();
    }, waitFor(error.retryAfterMs, 0, this.opts_.retryBaseMs * 2));
    this.timers_.add(timer);
  }

  private lastAuthEvent_ = -Infinity;
  /** Turns a failure into a DmError, telling the host of a 401 on the way. */
  private failed_(e: unknown): DmError {
    const error = toDmError(e);
    // Several requests fail with 401 at once when a session ends: tell the host once, not per request.
    if (error.kind === 'auth') this.signedOut_ = true;
    if (error.kind === 'auth' && Date.now() - this.lastAuthEvent_ >= 3000) {
      this.lastAuthEvent_ = Date.now();
      this.dispatchEvent(new CustomEvent('auth-required', { detail: error }));
    }
    return error;
  }
}

/**
 * The cursor to go on with after a page. A page may be empty and still have more after it; one
 * that is empty and hands back the cursor it was asked with would be asked for again forever, so
 * it ends the paging.
 */
function nextCursorAfter(asked: string | null, count: number, next: string | null): string | null {
  return count || next !== asked ? next : null;
}

/** How long to wait before asking again: the server's `Retry-After` kept between `min` and 60 s, else `fallback`. */
function waitFor(retryAfterMs: number | null, fallback: number, min: number): number {
  return retryAfterMs === null ? fallback : Math.min(Math.max(retryAfterMs, min), 60_000);
}

function feedKey(clientId: string, filter: FeedFilter): string {
  return clientId + '\u0000' + filter;
}

function idleFeed(clientId: string, filter: FeedFilter): FeedState {
  return { clientId, filter, items: [], olderCursor: null, status: 'idle', error: null, loadingOlder: false, olderError: null, newerCursor: null, loadingNewer: false, newerError: null, pastArrivals: 0 };
}

function dedupeClients(existing: readonly ClientSummary[], add: readonly ClientSummary[]): ClientSummary[] {
  const ids = new Set(add.map((c) => c.id));
  return [...existing.filter((c) => !ids.has(c.id)), ...add];
}

/**
 * Appends the next page of clients. A client already listed that sorts after the page's last one
 * (fetched alone for a deep link, or moved by a live event) moves to its place, so the list keeps
 * the server's order as pages come in.
 */
function appendPage(existing: readonly ClientSummary[], add: readonly ClientSummary[]): ClientSummary[] {
  const ids = new Set(add.map((c) => c.id));
  const last = add[add.length - 1];
  const kept: ClientSummary[] = [];
  const later: ClientSummary[] = [];
  for (const c of existing) {
    if (ids.has(c.id)) continue;
    (last && compareClients(c, last) > 0 ? later : kept).push(c);
  }
  let out = kept.concat(add);
  for (const c of later) out = upsertClient(out, c);
  return out;
}

/** Whether a client belongs in the list for a search (a name containing it; every client for none). */
function matchesQuery(client: ClientSummary, query: string): boolean {
  return !query || client.displayName.toLowerCase().includes(query.toLowerCase());
}

/** Puts a client fetched alone into the loaded list at its sorted place, when it matches the search. */
function placeClient(list: readonly ClientSummary[], client: ClientSummary | undefined, query: string): readonly ClientSummary[] {
  if (!client || !matchesQuery(client, query)) return list;
  return upsertClient(list, client);
}

function localMessage(o: OutboxEntry, delivery: 'pending' | 'failed'): FeedEntry {
  return { kind: 'message', id: 'local:' + o.clientMessageId, clientId: o.clientId, at: o.at, sender: 'advisor', body: o.body, clientMessageId: o.clientMessageId, delivery };
}

/** A fresh idempotency key for a message (UUID where available). */
export function newClientMessageId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'cm-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
}

