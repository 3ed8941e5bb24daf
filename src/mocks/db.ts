/**
 * The stateful mock backend: {@link MockState} (what the API does) plus the controls a demo, a
 * story or a test drives from outside: the client's side of the conversation, the advisor's
 * status, the event log, latency and faults. Framework-free (no MSW, no DOM).
 */
import type {
  AdvisorStatus,
  MessageItem,
  OrderItem,
  OrderReview,
  OrderStatus,
  OrderType,
} from '../core/types.js';
import { Rng, hashString } from './prng.js';
import { CLIENT_WRITES_BODIES, makeOrder } from './seed.js';
import { MockState } from './state.js';
import type { FailOptions, MockEvent, MockFault, MockRoute } from './types.js';

export { serializeEvent } from './event-hub.js';
export { CONSECUTIVE_LIMIT } from './state.js';
export {
  MOCK_ROUTES,
  MockHttpError,
  type FailOptions,
  type FeedQuery,
  type MockDbOptions,
  type MockEvent,
  type MockFault,
  type MockFeedPage,
  type MockRoute,
  type PresenceLogEntry,
  type RequestLogEntry,
  type SearchPage,
  type TypingLogEntry,
} from './types.js';

/** How long a `typing` event from {@link MockDb.clientTypes} lasts by default (ms). */
export const TYPING_MS = 6000;

/** The stateful mock backend. */
export class MockDb extends MockState {
  // ---------------------------------------------------------------- the client's side

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
    this.hub.emit('feed-item', { item: { ...message } });
    this.emitClient(state);
    this.emitEligibility(clientId);
    return { ...message };
  }

  /** The client places an order now (pending); resets the consecutive count. Returns the order. */
  clientOrders(clientId: string, orderType: OrderType = 'recorded_reading'): OrderItem {
    const state = this.require(clientId);
    const id = `o-${clientId}-n${++this.seq}`;
    const rng = new Rng(hashString(`${this.seed}:${id}`));
    const { item, detail } = makeOrder(rng, {
      id,
      clientId,
      at: this.tick(),
      now: Date.now(),
      orderType,
      status: 'pending',
    });
    this.append(state, item);
    if (detail) this.orderDetails.set(id, detail);
    state.consecutive = 0;
    this.hub.emit('feed-item', { item: { ...item } });
    this.emitClient(state);
    this.emitEligibility(clientId);
    return { ...(item as OrderItem) };
  }

  /**
   * The client reads the conversation in their app (since 1.1): moves `clientReadAt` forward to
   * `at` (default now) and emits `client-read`. Returns the new `clientReadAt`.
   */
  clientReads(clientId: string, at?: string | number | Date): string {
    const state = this.require(clientId);
    const when = at === undefined ? this.tick() : new Date(at).getTime();
    const prev = state.clientReadAt ? Date.parse(state.clientReadAt) : -Infinity;
    const readAt = new Date(Math.max(prev, when)).toISOString();
    state.clientReadAt = readAt;
    this.hub.emit('client-read', { clientId, readAt });
    return readAt;
  }

  /** The client is typing (since 1.1): emits `typing` with `until` = now + `ms`. Returns `until`. */
  clientTypes(clientId: string, ms = TYPING_MS): string {
    this.require(clientId);
    const until = new Date(Date.now() + Math.max(0, ms)).toISOString();
    this.hub.emit('typing', { clientId, until });
    return until;
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
    this.hub.emit('feed-item', { item: { ...item } });
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

  /**
   * A negative review on (the client reviews their newest order negatively; places one first when
   * they have none) or off (every negative review of the client turns positive).
   */
  setNegativeReview(clientId: string, on: boolean): void {
    const items = this.feedItems(clientId);
    if (on) {
      let order = [...items].reverse().find((i): i is OrderItem => i.kind === 'order');
      order ??= this.clientOrders(clientId);
      this.leaveReview(order.id, 'negative');
      return;
    }
    for (const item of items) {
      if (item.kind === 'order' && this.order(item.id)?.review?.rating === 'negative')
        this.leaveReview(item.id, 'positive');
    }
  }

  /** Changes the advisor's status: emits `advisor` and `eligibility` for every client whose eligibility changed. */
  setAdvisorStatus(status: AdvisorStatus): void {
    const ids = [...this.states.keys()];
    const before = new Map(ids.map((id) => [id, this.eligibility(id).reason]));
    this.advisorStatus = status;
    this.hub.emit('advisor', { advisor: this.advisor });
    for (const id of ids)
      if (this.eligibility(id).reason !== before.get(id)) this.emitEligibility(id);
  }

  /** Sets a client's unread flag directly (emits `client`). */
  setUnread(clientId: string, hasUnread: boolean): void {
    const state = this.require(clientId);
    state.summary.hasUnread = hasUnread;
    if (!hasUnread) state.readIndex = Math.max(state.readIndex, state.lastClientMsgIndex);
    else state.lastClientMsgIndex = Math.max(state.lastClientMsgIndex, state.readIndex + 1);
    this.emitClient(state);
  }

  // ---------------------------------------------------------------- events

  /** Every event emitted since the last reset, oldest first. */
  get eventLog(): MockEvent[] {
    return this.hub.log;
  }

  /** Observes every event as it is emitted. Returns an unsubscribe function. */
  subscribe(listener: (event: MockEvent) => void): () => void {
    return this.hub.subscribe(listener);
  }

  /** Logged events with an id greater than `lastEventId`. */
  eventsSince(lastEventId: number): MockEvent[] {
    return this.hub.since(lastEventId);
  }

  /** The id of the newest event (0 when none). */
  get lastEventId(): number {
    return this.hub.lastId;
  }

  /** Used by the `/events` handler: tracks an open stream so {@link dropConnections} can close it. */
  registerConnection(connection: { close(): void }): () => void {
    return this.hub.register(connection);
  }

  /** Number of open `/events` streams. */
  get openConnections(): number {
    return this.hub.open;
  }

  /** Closes every open `/events` stream (clients should reconnect with Last-Event-ID). */
  dropConnections(): void {
    this.hub.dropConnections();
  }

  /** Pushes an arbitrary event into the stream. A string `data` is written as-is (may be invalid JSON). */
  emitRaw(eventName: string, data: unknown): MockEvent {
    return this.hub.emit(eventName, data, typeof data === 'string');
  }

  // ---------------------------------------------------------------- latency and faults

  /** Adds latency (ms) to one route, or to all routes when `route` is omitted. */
  setLatency(ms: number, route?: MockRoute): void {
    this.faults.setLatency(ms, route);
  }

  /**
   * Delays the answers of a route on the way back (ms): the server answers at once, the answer
   * arrives later, so events that happen meanwhile are not in it (a slow network; `setLatency`
   * is a slow server, which answers with the state at the end of the wait).
   */
  setReplyDelay(ms: number, route: MockRoute): void {
    this.faults.setReplyDelay(ms, route);
  }

  /** The reply delay a route currently has. */
  replyDelayFor(route: MockRoute): number {
    return this.faults.replyDelayFor(route);
  }

  /** The latency a route currently has. */
  latencyFor(route: MockRoute): number {
    return this.faults.latencyFor(route);
  }

  /**
   * The next `times` requests of `route` (of any route: `'*'`) answer `status` with an error JSON
   * (429 carries Retry-After).
   */
  failNext(route: MockRoute | '*', times = 1, status = 500, options: FailOptions = {}): void {
    this.faults.queue(route, times, { kind: 'status', status, options });
  }

  /** The next `times` requests of `route` answer 200 with a body that is not JSON. */
  malformedNext(route: MockRoute, times = 1): void {
    this.faults.queue(route, times, { kind: 'malformed' });
  }

  /** The next `times` requests of `route` answer 200 with JSON that breaks the schema. */
  invalidNext(route: MockRoute, times = 1, mutate?: (body: unknown) => unknown): void {
    this.faults.queue(route, times, mutate ? { kind: 'invalid', mutate } : { kind: 'invalid' });
  }

  /** The next `times` requests of `route` fail as network errors. */
  networkErrorNext(route: MockRoute, times = 1): void {
    this.faults.queue(route, times, { kind: 'network' });
  }

  /** Takes the next queued fault of a route (used by the handlers). */
  takeFault(route: MockRoute): MockFault | undefined {
    return this.faults.take(route);
  }

  /** While true every request fails as a network error and open streams are closed. */
  setOffline(offline: boolean): void {
    this.faults.offline = offline;
    if (offline) this.dropConnections();
  }

  get isOffline(): boolean {
    return this.faults.offline;
  }

  /** Back to the seeded state (same seed and now); clears faults, latency, logs, and closes streams. Event ids keep increasing. */
  reset(): void {
    this.dropConnections();
    this.init();
    this.presenceLog = [];
    this.typingLog = [];
    this.requestLog = [];
    this.hub.clear();
    this.faults.clear();
  }
}
