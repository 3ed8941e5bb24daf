import type {
  Advisor,
  BlockReason,
  ClientPage,
  ClientSummary,
  DmEvent,
  Eligibility,
  FeedFilter,
  FeedPage,
  MessageItem,
  OrderDetail,
  Presence,
  SearchPage,
} from '../core/types.js';

/** Options every adapter call takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The state of the live-event connection. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Callbacks and resume point for {@link DmAdapter.subscribe}. */
export interface SubscribeOptions {
  /** Resume after this SSE event id (sent as `Last-Event-ID`). */
  lastEventId?: string;
  onStatus?(status: LiveStatus): void;
  /** An event that could not be parsed or validated; it is skipped. */
  onInvalid?(error: DmError): void;
  /** The stream was refused for good (401): it is closed; subscribe again after signing in. */
  onError?(error: DmError): void;
}

/** Which page of a feed {@link DmAdapter.getFeed} fetches. */
export interface FeedParams {
  type?: FeedFilter;
  before?: string | null;
  /** Since 1.1: a `newerCursor`. */
  after?: string | null;
  /** Since 1.1: an item id. */
  around?: string | null;
  limit?: number;
}

/**
 * Everything the widgets need from the site, one method per operation of the contract.
 * The built-in {@link RestAdapter} speaks HTTP; a host may pass any object of this shape.
 * Errors are {@link DmError}s.
 */
export interface DmAdapter {
  getMe(opts?: CallOptions): Promise<Advisor>;
  listClients(
    params: { limit?: number; cursor?: string | null; q?: string },
    opts?: CallOptions,
  ): Promise<ClientPage>;
  getClient(clientId: string, opts?: CallOptions): Promise<ClientSummary>;
  /**
   * A page of the feed: the newest without a cursor; `before` an `olderCursor`; since 1.1 `after`
   * a `newerCursor`, `around` an item id (rejects `not-found` when the item is not in this feed).
   * At most one of `before`, `after`, `around`.
   */
  getFeed(clientId: string, params: FeedParams, opts?: CallOptions): Promise<FeedPage>;
  sendMessage(
    clientId: string,
    body: { body: string; clientMessageId: string },
    opts?: CallOptions,
  ): Promise<MessageItem>;
  getEligibility(clientId: string, opts?: CallOptions): Promise<Eligibility>;
  markRead(clientId: string, upTo: string, opts?: CallOptions): Promise<void>;
  getOrder(orderId: string, opts?: CallOptions): Promise<OrderDetail>;
  getUnread(opts?: CallOptions): Promise<{ clientsWithUnread: number }>;
  putPresence(presence: Presence, opts?: CallOptions): Promise<void>;
  /**
   * Since 1.1: searches one client's conversation (`q` at least 2 characters once trimmed), hits
   * newest first. Optional: an adapter without it, or one that rejects `not-found` (a 1.0 server),
   * has no search; the widgets then hide it (see {@link Capabilities}).
   */
  search?(
    clientId: string,
    params: { q: string; cursor?: string | null; limit?: number },
    opts?: CallOptions,
  ): Promise<SearchPage>;
  /** Since 1.1: tells the server the advisor is typing to this client. Optional, like {@link DmAdapter.search}. */
  sendTyping?(clientId: string, opts?: CallOptions): Promise<void>;
  /** Live events; reconnects by itself. Returns a function that closes the subscription. */
  subscribe(onEvent: (event: DmEvent) => void, opts?: SubscribeOptions): () => void;
}

/** The classes of failure an adapter reports. */
export const DmErrorKind = {
  auth: 'auth',
  blocked: 'blocked',
  rateLimited: 'rate-limited',
  network: 'network',
  timeout: 'timeout',
  server: 'server',
  notFound: 'not-found',
  badRequest: 'bad-request',
  invalidResponse: 'invalid-response',
  aborted: 'aborted',
} as const;
export type DmErrorKind = (typeof DmErrorKind)[keyof typeof DmErrorKind];

/** A typed failure of an adapter call. */
export class DmError extends Error {
  override name = 'DmError';
  readonly kind: DmErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  /** For `blocked`: why sending is blocked. */
  readonly reason: BlockReason | null;
  /** For `rate-limited`: how long to wait, in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: DmErrorKind,
    message: string,
    init: {
      status?: number | null;
      code?: string | null;
      reason?: BlockReason | null;
      retryAfterMs?: number | null;
    } = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.reason = init.reason ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/** Whether trying the same call again later may succeed (network trouble, 5xx, 429). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof DmError)) return false;
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'server' ||
    error.kind === 'rate-limited'
  );
}

/** Turns anything thrown into a {@link DmError}. */
export function toDmError(error: unknown): DmError {
  if (error instanceof DmError) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new DmError('aborted', 'Aborted');
  return new DmError('network', error instanceof Error ? error.message : String(error));
}
