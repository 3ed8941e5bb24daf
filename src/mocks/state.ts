/**
 * What the mock server does for the API: the seeded state of every client and the business rules
 * of each route (list order, paging, sending, eligibility, reads). {@link MockDb} adds the controls
 * a test drives from outside (the client's side, the advisor's status, faults).
 */
import type {
  Advisor,
  AdvisorStatus,
  BlockReason,
  ClientPage,
  ClientSummary,
  Eligibility,
  FeedItem,
  MessageItem,
  OrderDetail,
  Presence,
} from '../core/types.js';
import { compareClients } from './codec.js';
import { EventHub } from './event-hub.js';
import { FaultControls } from './faults.js';
import { pageClients, pageFeed, searchFeed } from './paging.js';
import {
  MOCK_ADVISOR_ID,
  MOCK_ADVISOR_NAME,
  buildSpecs,
  generateNewestFirst,
  previewOf,
  statusReason,
  type ClientSpec,
  type SeedContext,
} from './seed.js';
import {
  MockHttpError,
  type FeedQuery,
  type MockDbOptions,
  type MockFeedPage,
  type MockRoute,
  type PresenceLogEntry,
  type RequestLogEntry,
  type SearchPage,
  type TypingLogEntry,
} from './types.js';

/** The consecutive-message limit of the contract. */
export const CONSECUTIVE_LIMIT = 5;

export interface ClientState {
  spec: ClientSpec;
  summary: ClientSummary;
  items: FeedItem[] | null;
  indexById: Map<string, number> | null;
  consecutive: number;
  negativeReviews: number;
  readIndex: number;
  lastClientMsgIndex: number;
  total: number;
  sent: Map<string, MessageItem>;
  /** Since 1.1: up to when the client has read the conversation in their own app (null: never). */
  clientReadAt: string | null;
}

export class MockState {
  readonly seed: number;
  readonly now: number;
  readonly options: Readonly<MockDbOptions>;

  /** Every `PUT /presence` body received, oldest first. */
  presenceLog: PresenceLogEntry[] = [];
  /** Every `POST /clients/{id}/typing` received, oldest first. */
  typingLog: TypingLogEntry[] = [];
  /** Every request the handlers saw, oldest first. */
  requestLog: RequestLogEntry[] = [];
  /** Longest silence of an open event stream before a `: ping` comment (read when a stream opens). */
  pingIntervalMs: number;

  protected readonly hub = new EventHub();
  protected readonly faults = new FaultControls();
  protected advisorStatus: AdvisorStatus = 'active';
  protected states = new Map<string, ClientState>();
  protected orderDetails = new Map<string, OrderDetail>();
  protected seq = 0;
  protected writes = 0;
  protected readonly ctx: SeedContext;
  private lastTime = 0;

  constructor(options: MockDbOptions = {}) {
    this.options = { ...options };
    this.seed = options.seed ?? 42;
    this.now = options.now ?? Math.floor(Date.now() / 60_000) * 60_000;
    this.pingIntervalMs = options.pingIntervalMs ?? 15_000;
    this.ctx = {
      seed: this.seed,
      now: this.now,
      avatarBase: options.avatarBase ?? '/api/dm/__avatars',
    };
    this.init();
  }

  // ---------------------------------------------------------------- seeding

  protected init(): void {
    this.advisorStatus = this.options.advisorStatus ?? 'active';
    this.states.clear();
    this.orderDetails.clear();
    this.seq = 0;
    this.writes = 0;
    this.lastTime = this.now;
    const specs = buildSpecs(this.ctx, {
      clientCount: this.options.clientCount ?? 64,
      scenario: this.options.scenario ?? 'default',
    });
    for (const spec of specs) {
      // Walk newest-first only until the first client-authored item: enough for the summary.
      let newest: FeedItem | undefined;
      let consecutive = 0;
      let oldestOfRun: FeedItem | undefined;
      let clientItem: FeedItem | undefined;
      for (const { item } of generateNewestFirst(this.ctx, spec)) {
        newest ??= item;
        if (item.kind === 'message' && item.sender === 'advisor') {
          consecutive++;
          oldestOfRun = item;
        } else {
          clientItem = item;
          break;
        }
      }
      // The client read up to their own newest item; of two or more unanswered advisor messages
      // they have seen the first (so the seed shows both "seen" and "not seen yet").
      const readItem = consecutive >= 2 ? oldestOfRun : clientItem;
      const negativeReviews = spec.tail.filter(
        (t) => t.kind === 'order' && t.review?.rating === 'negative',
      ).length;
      this.states.set(spec.id, {
        spec,
        summary: {
          id: spec.id,
          displayName: spec.displayName,
          avatarUrl: spec.avatarUrl,
          hasUnread: spec.unreadCount > 0,
          lastActivityAt: new Date(spec.newestAt).toISOString(),
          lastItemPreview: previewOf(newest),
        },
        items: null,
        indexById: null,
        consecutive,
        negativeReviews,
        readIndex: spec.total - 1 - spec.unreadCount,
        lastClientMsgIndex: spec.unreadCount > 0 ? spec.total - 1 : -1,
        total: spec.total,
        sent: new Map(),
        clientReadAt: readItem?.at ?? null,
      });
    }
  }

  /** Generates a client's feed on first access. */
  protected materialize(state: ClientState): FeedItem[] {
    if (state.items) return state.items;
    const items: FeedItem[] = [];
    for (const { item, detail } of generateNewestFirst(this.ctx, state.spec)) {
      items.push(item);
      if (detail) this.orderDetails.set(detail.id, detail);
    }
    items.reverse();
    state.items = items;
    state.indexById = new Map(items.map((it, i) => [it.id, i]));
    return items;
  }

  protected state(clientId: string): ClientState | undefined {
    return this.states.get(clientId);
  }

  protected require(clientId: string): ClientState {
    const state = this.states.get(clientId);
    if (!state) throw new MockHttpError(404, 'not_found', `No client ${clientId}`);
    return state;
  }

  protected tick(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  protected append(state: ClientState, item: FeedItem): void {
    const items = this.materialize(state);
    items.push(item);
    state.indexById!.set(item.id, items.length - 1);
    state.summary.lastActivityAt = item.at;
    state.summary.lastItemPreview = previewOf(item);
  }

  protected emitClient(state: ClientState): void {
    this.hub.emit('client', { client: { ...state.summary } });
  }

  protected emitEligibility(clientId: string): void {
    this.hub.emit('eligibility', { clientId, eligibility: this.eligibility(clientId) });
  }

  // ---------------------------------------------------------------- reads

  /** The signed-in advisor. */
  get advisor(): Advisor {
    return { id: MOCK_ADVISOR_ID, displayName: MOCK_ADVISOR_NAME, status: this.advisorStatus };
  }

  /** `GET /me`. */
  me(): Advisor {
    return this.advisor;
  }

  /** Every client in list order (copies). */
  clients(q?: string): ClientSummary[] {
    const needle = q?.toLowerCase() ?? '';
    const out: ClientSummary[] = [];
    for (const s of this.states.values()) {
      if (!needle || s.summary.displayName.toLowerCase().includes(needle))
        out.push({ ...s.summary });
    }
    return out.sort(compareClients);
  }

  /** One client's summary (a copy), or undefined. */
  client(id: string): ClientSummary | undefined {
    const s = this.state(id);
    return s ? { ...s.summary } : undefined;
  }

  /** `GET /clients`: keyset pagination; the cursor holds the last row's sort key and the query. */
  pageClients(params: { limit: number; cursor: string | null; q: string }): ClientPage {
    return pageClients(this.clients(params.q), params);
  }

  /** Every feed item of a client, oldest first (a copy of the array). */
  feedItems(clientId: string): FeedItem[] {
    const s = this.state(clientId);
    return s ? [...this.materialize(s)] : [];
  }

  /** `GET /clients/{id}/feed`: the newest page, or `before` / (since 1.1) `after` / `around` one. */
  feedPage(clientId: string, query: FeedQuery): MockFeedPage {
    const state = this.require(clientId);
    const items = this.materialize(state);
    return pageFeed(items, (id) => state.indexById!.get(id), clientId, query, state.clientReadAt);
  }

  /** `GET /clients/{id}/search` (since 1.1). */
  search(
    clientId: string,
    params: { q: string; cursor: string | null; limit: number },
  ): SearchPage {
    const state = this.require(clientId);
    return searchFeed(this.materialize(state), clientId, params);
  }

  /** Up to when the client has read the conversation in their app (since 1.1), null when never. */
  clientReadAt(clientId: string): string | null {
    return this.require(clientId).clientReadAt;
  }

  /** Whether the advisor may send to a client now. */
  eligibility(clientId: string): Eligibility {
    const s = this.require(clientId);
    let reason: BlockReason | null = statusReason(this.advisorStatus);
    if (!reason && s.negativeReviews > 0) reason = 'negative_review';
    if (!reason && s.consecutive >= CONSECUTIVE_LIMIT) reason = 'consecutive_limit';
    return {
      canSend: reason === null,
      reason,
      consecutiveSent: s.consecutive,
      consecutiveLimit: CONSECUTIVE_LIMIT,
    };
  }

  /** `GET /orders/{id}` (a copy), or undefined. */
  order(orderId: string): OrderDetail | undefined {
    let detail = this.orderDetails.get(orderId);
    if (!detail) {
      const m = /^o-(.+)-n?\d+$/.exec(orderId);
      const s = m ? this.state(m[1]!) : undefined;
      if (s && !s.items) {
        this.materialize(s);
        detail = this.orderDetails.get(orderId);
      }
    }
    return detail
      ? {
          ...detail,
          price: { ...detail.price },
          review: detail.review ? { ...detail.review } : null,
        }
      : undefined;
  }

  /** Number of clients with unread messages. */
  unreadCount(): number {
    let n = 0;
    for (const s of this.states.values()) if (s.summary.hasUnread) n++;
    return n;
  }

  /** The messages the advisor stored through `POST /messages` for a client, oldest first. */
  storedMessages(clientId: string): MessageItem[] {
    return [...(this.state(clientId)?.sent.values() ?? [])];
  }

  /** How many feed items of a client carry this clientMessageId (1 at most, if idempotency holds). */
  countByClientMessageId(clientId: string, clientMessageId: string): number {
    return this.feedItems(clientId).filter(
      (i) => i.kind === 'message' && i.clientMessageId === clientMessageId,
    ).length;
  }

  // ---------------------------------------------------------------- writes (the API)

  /** `POST /clients/{id}/messages`, validated by the handler. Returns 201 (stored) or 200 (already stored). */
  send(
    clientId: string,
    body: string,
    clientMessageId: string,
  ): { status: 200 | 201; message: MessageItem } {
    const state = this.require(clientId);
    const existing = state.sent.get(clientMessageId);
    if (existing) return { status: 200, message: { ...existing } };
    const eligibility = this.eligibility(clientId);
    if (!eligibility.canSend) {
      throw new MockHttpError(403, 'send_blocked', `Sending is blocked: ${eligibility.reason}`, {
        reason: eligibility.reason,
      });
    }
    const message: MessageItem = {
      kind: 'message',
      id: `m-${clientId}-n${++this.seq}`,
      clientId,
      at: new Date(this.tick()).toISOString(),
      sender: 'advisor',
      body,
      clientMessageId,
    };
    this.append(state, message);
    state.sent.set(clientMessageId, message);
    state.consecutive++;
    this.hub.emit('feed-item', { item: { ...message } });
    this.emitClient(state);
    this.emitEligibility(clientId);
    return { status: 201, message: { ...message } };
  }

  /** `POST /clients/{id}/read`. */
  markRead(clientId: string, upTo: string): void {
    const state = this.require(clientId);
    this.materialize(state);
    const index = state.indexById!.get(upTo);
    if (index === undefined)
      throw new MockHttpError(404, 'not_found', `No item ${upTo} in this feed`);
    state.readIndex = Math.max(state.readIndex, index);
    const hasUnread = state.lastClientMsgIndex > state.readIndex;
    if (hasUnread !== state.summary.hasUnread) {
      state.summary.hasUnread = hasUnread;
      this.emitClient(state);
    }
  }

  /** `PUT /presence`. */
  recordPresence(presence: Presence): void {
    this.presenceLog.push({
      active: presence.active,
      inLiveSession: presence.inLiveSession,
      at: Date.now(),
    });
  }

  /** `POST /clients/{id}/typing` (since 1.1): the advisor is typing; the mock only records it. */
  recordTyping(clientId: string): void {
    this.require(clientId);
    this.typingLog.push({ clientId, at: Date.now() });
  }

  /** Records a request (used by the handlers). */
  logRequest(request: Request, route: MockRoute): void {
    const url = new URL(request.url);
    this.requestLog.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      route,
      at: Date.now(),
    });
  }
}
