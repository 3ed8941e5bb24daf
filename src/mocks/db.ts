/**
 * The state behind the mock backend: seeded data, the server's business rules, an event log for
 * `GET /events`, fault injection and inspection helpers. Framework-free (no MSW, no DOM).
 */
import type {
  Advisor,
  AdvisorStatus,
  BlockReason,
  ClientPage,
  ClientSummary,
  Eligibility,
  FeedFilter,
  FeedItem,
  FeedPage,
  MessageItem,
  OrderDetail,
  OrderItem,
  OrderReview,
  OrderStatus,
  OrderType,
  Presence,
} from '../core/types.js';
import { Rng, hashString } from './prng.js';
import {
  CLIENT_WRITES_BODIES,
  MOCK_ADVISOR_ID,
  MOCK_ADVISOR_NAME,
  buildSpecs,
  generateNewestFirst,
  makeOrder,
  previewOf,
  statusReason,
  type ClientSpec,
  type SeedContext,
} from './seed.js';

/** The consecutive-message limit of the contract. */
export const CONSECUTIVE_LIMIT = 5;

/** Options of {@link MockDb}. */
export interface MockDbOptions {
  /** PRNG seed of all generated data (default 42). */
  seed?: number;
  /** Epoch ms all seeded timestamps are relative to (default: `Date.now()` rounded down to the minute). */
  now?: number;
  /** The advisor's initial status (default `active`). */
  advisorStatus?: AdvisorStatus;
  /** Number of clients, well-known ones included (default 64). */
  clientCount?: number;
  /** `empty`: no clients at all. */
  scenario?: 'default' | 'empty';
  /** URL prefix of the avatar images the mock serves (default `/api/dm/__avatars`). */
  avatarBase?: string;
}

/** Route keys used by latency and fault controls. */
export type MockRoute =
  | 'me'
  | 'clients'
  | 'client'
  | 'feed'
  | 'send'
  | 'eligibility'
  | 'read'
  | 'order'
  | 'unread'
  | 'presence'
  | 'events'
  | 'avatar';

export const MOCK_ROUTES: readonly MockRoute[] = [
  'me', 'clients', 'client', 'feed', 'send', 'eligibility', 'read', 'order', 'unread', 'presence', 'events', 'avatar',
];

/** Options of {@link MockDb.failNext}. */
export interface FailOptions {
  /** For 429 (default 1) or any status: the `Retry-After` header in seconds. */
  retryAfterSeconds?: number;
  /** Replaces the whole JSON body. */
  body?: unknown;
  /** For 403: the block reason put beside the error. */
  reason?: BlockReason;
  /** The error code (default derived from the status). */
  code?: string;
}

/** One queued fault. */
export type MockFault =
  | { kind: 'status'; status: number; options: FailOptions }
  | { kind: 'malformed' }
  | { kind: 'invalid'; mutate?: (body: unknown) => unknown }
  | { kind: 'network' };

/** One entry of the event log (`GET /events`). */
export interface MockEvent {
  /** The SSE `id:`. */
  id: number;
  /** The SSE `event:` name. */
  event: string;
  /** The payload: serialised as JSON, or written as-is when `raw`. */
  data: unknown;
  raw: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  search: string;
  route: MockRoute;
  at: number;
}

export interface PresenceLogEntry extends Presence {
  at: number;
}

/** A failure the handlers turn into an error response. */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface ClientState {
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
}

/** Serialises one event in `text/event-stream` format. */
export function serializeEvent(e: MockEvent): string {
  const text = e.raw ? String(e.data) : JSON.stringify(e.data);
  const data = text
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n');
  return `id: ${e.id}\nevent: ${e.event}\n${data}\n\n`;
}

function b64encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function b64decode(text: string): unknown {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function compareClients(a: ClientSummary, b: ClientSummary): number {
  if (a.hasUnread !== b.hasUnread) return a.hasUnread ? -1 : 1;
  const ta = Date.parse(a.lastActivityAt);
  const tb = Date.parse(b.lastActivityAt);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const matchesType = (item: FeedItem, type: FeedFilter) =>
  type === 'all' || (type === 'orders' ? item.kind === 'order' : item.kind === 'message');

/** The stateful mock backend. */
export class MockDb {
  readonly seed: number;
  readonly now: number;
  readonly options: Readonly<MockDbOptions>;

  /** Every `PUT /presence` body received, oldest first. */
  presenceLog: PresenceLogEntry[] = [];
  /** Every request the handlers saw, oldest first. */
  requestLog: RequestLogEntry[] = [];
  /** Every event emitted since the last reset, oldest first. */
  eventLog: MockEvent[] = [];
  /** Interval of the `: ping` comment on open event streams. */
  pingIntervalMs = 15_000;

  private advisorStatus: AdvisorStatus = 'active';
  private states = new Map<string, ClientState>();
  private orderDetails = new Map<string, OrderDetail>();
  private lastTime = 0;
  private seq = 0;
  private writes = 0;
  private eventSeq = 0;
  private offline = false;
  private latency = new Map<MockRoute | '*', number>();
  private replyDelay = new Map<MockRoute, number>();
  private faults = new Map<MockRoute, MockFault[]>();
  private listeners = new Set<(event: MockEvent) => void>();
  private connections = new Set<{ close(): void }>();
  private ctx: SeedContext;

  constructor(options: MockDbOptions = {}) {
    this.options = { ...options };
    this.seed = options.seed ?? 42;
    this.now = options.now ?? Math.floor(Date.now() / 60_000) * 60_000;
    this.ctx = { seed: this.seed, now: this.now, avatarBase: options.avatarBase ?? '/api/dm/__avatars' };
    this.init();
  }

  // ---------------------------------------------------------------- seeding

  private init(): void {
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
      for (const { item } of generateNewestFirst(this.ctx, spec)) {
        newest ??= item;
        if (item.kind === 'message' && item.sender === 'advisor') consecutive++;
        else break;
      }
      const negativeReviews = spec.tail.filter((t) => t.kind === 'order' && t.review?.rating === 'negative').length;
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
      });
    }
  }

  /** Generates a client's feed on first access. */
  private materialize(state: ClientState): FeedItem[] {
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

  private state(clientId: string): ClientState | undefined {
    return this.states.get(clientId);
  }

  private require(clientId: string): ClientState {
    const state = this.states.get(clientId);
    if (!state) throw new MockHttpError(404, 'not_found', `No client ${clientId}`);
    return state;
  }

  private tick(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  // ---------------------------------------------------------------- events

  private emit(event: string, data: unknown, raw = false): MockEvent {
    const e: MockEvent = { id: ++this.eventSeq, event, data, raw };
    this.eventLog.push(e);
    for (const listener of [...this.listeners]) listener(e);
    return e;
  }

  /** Observes every event as it is emitted. Returns an unsubscribe function. */
  subscribe(listener: (event: MockEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Logged events with an id greater than `lastEventId`. */
  eventsSince(lastEventId: number): MockEvent[] {
    return this.eventLog.filter((e) => e.id > lastEventId);
  }

  /** The id of the newest event (0 when none). */
  get lastEventId(): number {
    return this.eventSeq;
  }

  /** Used by the `/events` handler: tracks an open stream so {@link dropConnections} can close it. */
  registerConnection(connection: { close(): void }): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  /** Number of open `/events` streams. */
  get openConnections(): number {
    return this.connections.size;
  }

  private emitClient(state: ClientState): void {
    this.emit('client', { client: { ...state.summary } });
  }

  private emitEligibility(clientId: string): void {
    this.emit('eligibility', { clientId, eligibility: this.eligibility(clientId) });
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
      if (!needle || s.summary.displayName.toLowerCase().includes(needle)) out.push({ ...s.summary });
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
    const all = this.clients(params.q);
    let start = 0;
    if (params.cursor) {
      const key = b64decode(params.cursor) as { u?: unknown; t?: unknown; id?: unknown; q?: unknown } | undefined;
      if (!key || typeof key.u !== 'boolean' || typeof key.t !== 'string' || typeof key.id !== 'string' || key.q !== params.q) {
        throw new MockHttpError(400, 'invalid_cursor', 'The cursor is not valid for this query');
      }
      const pivot = { id: key.id, hasUnread: key.u, lastActivityAt: key.t } as ClientSummary;
      start = all.findIndex((c) => compareClients(c, pivot) > 0);
      if (start < 0) start = all.length;
    }
    const clients = all.slice(start, start + params.limit);
    const last = clients[clients.length - 1];
    const more = start + params.limit < all.length;
    return {
      clients,
      nextCursor: more && last ? b64encode({ u: last.hasUnread, t: last.lastActivityAt, id: last.id, q: params.q }) : null,
    };
  }

  /** Every feed item of a client, oldest first (a copy of the array). */
  feedItems(clientId: string): FeedItem[] {
    const s = this.state(clientId);
    return s ? [...this.materialize(s)] : [];
  }

  /** `GET /clients/{id}/feed`. */
  feedPage(clientId: string, params: { type: FeedFilter; before: string | null; limit: number }): FeedPage {
    const state = this.require(clientId);
    const items = this.materialize(state);
    let end = items.length;
    if (params.before) {
      const c = b64decode(params.before) as { c?: unknown; i?: unknown } | undefined;
      if (!c || c.c !== clientId || typeof c.i !== 'number' || !Number.isInteger(c.i) || c.i < 0 || c.i > items.length) {
        throw new MockHttpError(400, 'invalid_cursor', 'The cursor is not valid for this feed');
      }
      end = c.i;
    }
    const { type, limit } = params;
    if (type === 'all') {
      const start = Math.max(0, end - limit);
      return { items: items.slice(start, end), olderCursor: start > 0 ? b64encode({ c: clientId, i: start }) : null };
    }
    const page: FeedItem[] = [];
    let i = end - 1;
    let oldest = end;
    for (; i >= 0 && page.length < limit; i--) {
      const item = items[i]!;
      if (matchesType(item, type)) {
        page.push(item);
        oldest = i;
      }
    }
    let more = false;
    for (let k = oldest - 1; k >= 0; k--) {
      if (matchesType(items[k]!, type)) {
        more = true;
        break;
      }
    }
    page.reverse();
    return { items: page, olderCursor: more ? b64encode({ c: clientId, i: oldest }) : null };
  }

  /** Whether the advisor may send to a client now. */
  eligibility(clientId: string): Eligibility {
    const s = this.require(clientId);
    let reason: BlockReason | null = statusReason(this.advisorStatus);
    if (!reason && s.negativeReviews > 0) reason = 'negative_review';
    if (!reason && s.consecutive >= CONSECUTIVE_LIMIT) reason = 'consecutive_limit';
    return { canSend: reason === null, reason, consecutiveSent: s.consecutive, consecutiveLimit: CONSECUTIVE_LIMIT };
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
    return detail ? { ...detail, price: { ...detail.price }, review: detail.review ? { ...detail.review } : null } : undefined;
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
    return this.feedItems(clientId).filter((i) => i.kind === 'message' && i.clientMessageId === clientMessageId).length;
  }

  // ---------------------------------------------------------------- writes (the API)

  /** `POST /clients/{id}/messages`, validated by the handler. Returns 201 (stored) or 200 (already stored). */
  send(clientId: string, body: string, clientMessageId: string): { status: 200 | 201; message: MessageItem } {
    const state = this.require(clientId);
    const existing = state.sent.get(clientMessageId);
    if (existing) return { status: 200, message: { ...existing } };
    const eligibility = this.eligibility(clientId);
    if (!eligibility.canSend) {
      throw new MockHttpError(403, 'send_blocked', `Sending is blocked: ${eligibility.reason}`, { reason: eligibility.reason });
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
    this.emit('feed-item', { item: { ...message } });
    this.emitClient(state);
    this.emitEligibility(clientId);
    return { status: 201, message: { ...message } };
  }

  /** `POST /clients/{id}/read`. */
  markRead(clientId: string, upTo: string): void {
    const state = this.require(clientId);
    this.materialize(state);
    const index = state.indexById!.get(upTo);
    if (index === undefined) throw new MockHttpError(404, 'not_found', `No item ${upTo} in this feed`);
    state.readIndex = Math.max(state.readIndex, index);
    const hasUnread = state.lastClientMsgIndex > state.readIndex;
    if (hasUnread !== state.summary.hasUnread) {
      state.summary.hasUnread = hasUnread;
      this.emitClient(state);
    }
  }

  /** `PUT /presence`. */
  recordPresence(presence: Presence): void {
    this.presenceLog.push({ active: presence.active, inLiveSession: presence.inLiveSession, at: Date.now() });
  }

  private append(state: ClientState, item: FeedItem): void {
    const items = this.materialize(state);
    items.push(item);
    state.indexById!.set(item.id, items.length - 1);
    state.summary.lastActivityAt = item.at;
    state.summary.lastItemPreview = previewOf(item);
  }

  // ---------------------------------------------------------------- controls

  /** The client sends a message now: unread, resets the consecutive count. Returns the item. */
  clientWrites(clientId: string, body?: string): MessageItem {
    const state = this.require(clientId);
    const message: MessageItem = {
      kind: 'message',
      id: `m-${clientId}-n${++this.seq}`,
      clientId,
      at: new Date(this.tick()).toISOString(),
      sender: 'client',
      body: body ?? CLIENT_WRITES_BODIES[this.writes++ % CLIENT_WRITES_BODIES.length]!,
      clientMessageId: null,
    };
    this.append(state, message);
    state.lastClientMsgIndex = state.items!.length - 1;
    state.summary.hasUnread = true;
    state.consecutive = 0;
    this.emit('feed-item', { item: { ...message } });
    this.emitClient(state);
    this.emitEligibility(clientId);
    return { ...message };
  }

  /** The client places an order now (pending); resets the consecutive count. Returns the order. */
  clientOrders(clientId: string, orderType: OrderType = 'recorded_reading'): OrderItem {
    const state = this.require(clientId);
    const id = `o-${clientId}-n${++this.seq}`;
    const rng = new Rng(hashString(`${this.seed}:${id}`));
    const { item, detail } = makeOrder(rng, { id, clientId, at: this.tick(), now: Date.now(), orderType, status: 'pending' });
    this.append(state, item);
    if (detail) this.orderDetails.set(id, detail);
    state.consecutive = 0;
    this.emit('feed-item', { item: { ...item } });
    this.emitClient(state);
    this.emitEligibility(clientId);
    return { ...(item as OrderItem) };
  }

  /** Changes an order's status (emits `feed-item` with the changed order). */
  setOrderStatus(orderId: string, status: OrderStatus): void {
    const detail = this.order(orderId) && this.orderDetails.get(orderId);
    if (!detail) throw new Error(`No order ${orderId}`);
    detail.status = status;
    if (status === 'completed') detail.deliveredAt ??= new Date(this.tick()).toISOString();
    const state = this.require(detail.clientId);
    const index = state.indexById!.get(orderId)!;
    const item = { ...(state.items![index] as OrderItem), status };
    state.items![index] = item;
    this.emit('feed-item', { item: { ...item } });
  }

  /** The client reviews an order; a negative review blocks sending to that client. */
  leaveReview(orderId: string, rating: OrderReview['rating'], comment: string | null = null): void {
    const detail = this.order(orderId) && this.orderDetails.get(orderId);
    if (!detail) throw new Error(`No order ${orderId}`);
    const state = this.require(detail.clientId);
    const before = this.eligibility(detail.clientId);
    if (detail.review?.rating === 'negative') state.negativeReviews--;
    detail.review = { rating, comment };
    if (rating === 'negative') state.negativeReviews++;
    const after = this.eligibility(detail.clientId);
    if (before.reason !== after.reason) this.emitEligibility(detail.clientId);
  }

  /** Changes the advisor's status: emits `advisor` and `eligibility` for every client whose eligibility changed. */
  setAdvisorStatus(status: AdvisorStatus): void {
    const ids = [...this.states.keys()];
    const before = new Map(ids.map((id) => [id, this.eligibility(id).reason]));
    this.advisorStatus = status;
    this.emit('advisor', { advisor: this.advisor });
    for (const id of ids) if (this.eligibility(id).reason !== before.get(id)) this.emitEligibility(id);
  }

  /** Sets a client's unread flag directly (emits `client`). */
  setUnread(clientId: string, hasUnread: boolean): void {
    const state = this.require(clientId);
    state.summary.hasUnread = hasUnread;
    if (!hasUnread) state.readIndex = Math.max(state.readIndex, state.lastClientMsgIndex);
    else state.lastClientMsgIndex = Math.max(state.lastClientMsgIndex, state.readIndex + 1);
    this.emitClient(state);
  }

  /** Adds latency (ms) to one route, or to all routes when `route` is omitted. */
  setLatency(ms: number, route?: MockRoute): void {
    this.latency.set(route ?? '*', Math.max(0, ms));
  }

  /**
   * Delays the answers of a route on the way back (ms): the server answers at once, the answer
   * arrives later, so events that happen meanwhile are not in it (a slow network; `setLatency`
   * is a slow server, which answers with the state at the end of the wait).
   */
  setReplyDelay(ms: number, route: MockRoute): void {
    this.replyDelay.set(route, Math.max(0, ms));
  }

  /** The reply delay a route currently has. */
  replyDelayFor(route: MockRoute): number {
    return this.replyDelay.get(route) ?? 0;
  }

  /** The latency a route currently has. */
  latencyFor(route: MockRoute): number {
    return this.latency.get(route) ?? this.latency.get('*') ?? 0;
  }

  /** The next `times` requests of `route` answer `status` with an error JSON (429 carries Retry-After). */
  failNext(route: MockRoute, times = 1, status = 500, options: FailOptions = {}): void {
    this.queue(route, times, { kind: 'status', status, options });
  }

  /** The next `times` requests of `route` answer 200 with a body that is not JSON. */
  malformedNext(route: MockRoute, times = 1): void {
    this.queue(route, times, { kind: 'malformed' });
  }

  /** The next `times` requests of `route` answer 200 with JSON that breaks the schema. */
  invalidNext(route: MockRoute, times = 1, mutate?: (body: unknown) => unknown): void {
    this.queue(route, times, mutate ? { kind: 'invalid', mutate } : { kind: 'invalid' });
  }

  /** The next `times` requests of `route` fail as network errors. */
  networkErrorNext(route: MockRoute, times = 1): void {
    this.queue(route, times, { kind: 'network' });
  }

  private queue(route: MockRoute, times: number, fault: MockFault): void {
    const list = this.faults.get(route) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(route, list);
  }

  /** Takes the next queued fault of a route (used by the handlers). */
  takeFault(route: MockRoute): MockFault | undefined {
    return this.faults.get(route)?.shift();
  }

  /** While true every request fails as a network error and open streams are closed. */
  setOffline(offline: boolean): void {
    this.offline = offline;
    if (offline) this.dropConnections();
  }

  get isOffline(): boolean {
    return this.offline;
  }

  /** Closes every open `/events` stream (clients should reconnect with Last-Event-ID). */
  dropConnections(): void {
    for (const c of [...this.connections]) c.close();
    this.connections.clear();
  }

  /** Pushes an arbitrary event into the stream. A string `data` is written as-is (may be invalid JSON). */
  emitRaw(eventName: string, data: unknown): MockEvent {
    return this.emit(eventName, data, typeof data === 'string');
  }

  /** Records a request (used by the handlers). */
  logRequest(request: Request, route: MockRoute): void {
    const url = new URL(request.url);
    this.requestLog.push({ method: request.method, path: url.pathname, search: url.search, route, at: Date.now() });
  }

  /** Back to the seeded state (same seed and now); clears faults, latency, logs, and closes streams. Event ids keep increasing. */
  reset(): void {
    this.dropConnections();
    this.init();
    this.presenceLog = [];
    this.requestLog = [];
    this.eventLog = [];
    this.offline = false;
    this.latency.clear();
    this.replyDelay.clear();
    this.faults.clear();
  }
}
