import type { BlockReason, DmEvent, Presence } from '../core/types.js';
import {
  parseAdvisor,
  parseClientPage,
  parseClientSummary,
  parseEligibility,
  parseEvent,
  parseFeedItem,
  parseFeedPage,
  parseOrderDetail,
  parseSearchPage,
  parseUnread,
} from './validate.js';
import {
  type CallOptions,
  type DmAdapter,
  DmError,
  type FeedParams,
  type SubscribeOptions,
  toDmError,
} from './adapter.js';
import { retryDelay, sleep } from './retry.js';
import { readEventStream } from './sse.js';

export { sleep };

/** Headers to add to every request: a value, or a (possibly async) function called per request. */
export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of the built-in {@link RestAdapter}. */
export interface RestAdapterOptions {
  /** Where the API lives, e.g. `/api/dm` or `https://example.com/api/dm`. */
  baseUrl: string;
  /** Extra headers, e.g. `async () => ({ Authorization: 'Bearer ' + await token() })`. */
  headers?: HeadersSource;
  /** `fetch` credentials mode; default `same-origin`. */
  credentials?: RequestCredentials;
  /** Per-request timeout in ms; default 15000. */
  timeoutMs?: number;
  /** Delay before the first reconnect of the event stream, doubled up to 30 s; default 1000. */
  reconnectDelayMs?: number;
  /** The `fetch` to use; default the global one. */
  fetch?: typeof fetch;
  /**
   * How long the event stream may hear nothing (no event, no `: ping` comment) before it is taken
   * for a half-open connection, closed and reopened with `Last-Event-ID`; default 45000 (the
   * contract's keep-alive is at least every 15 s).
   */
  silenceTimeoutMs?: number;
}

/**
 * The adapter for the site's HTTP API (the contract in `docs/api.md`), over `fetch`.
 * Every response is validated; data that breaks the contract becomes an `invalid-response` error.
 * Live events are read from `GET /events` as a text/event-stream over `fetch` rather than
 * `EventSource`, because `EventSource` can send neither the host's auth headers nor a
 * `Last-Event-ID` on a connection it did not open itself.
 */
export class RestAdapter implements DmAdapter {
  readonly options: Required<Omit<RestAdapterOptions, 'headers' | 'fetch'>> &
    Pick<RestAdapterOptions, 'headers' | 'fetch'>;

  constructor(options: RestAdapterOptions) {
    this.options = {
      credentials: 'same-origin',
      timeoutMs: 15000,
      reconnectDelayMs: 1000,
      silenceTimeoutMs: 45000,
      ...options,
    };
  }

  getMe(opts?: CallOptions) {
    return this.request_('GET', '/me', undefined, opts).then(parseAdvisor);
  }

  listClients(params: { limit?: number; cursor?: string | null; q?: string }, opts?: CallOptions) {
    return this.request_(
      'GET',
      '/clients' + query({ limit: params.limit, cursor: params.cursor, q: params.q }),
      undefined,
      opts,
    ).then(parseClientPage);
  }

  getClient(clientId: string, opts?: CallOptions) {
    return this.request_('GET', `/clients/${enc(clientId)}`, undefined, opts).then(
      parseClientSummary,
    );
  }

  getFeed(clientId: string, params: FeedParams, opts?: CallOptions) {
    const q = query({
      type: params.type,
      before: params.before,
      after: params.after,
      around: params.around,
      limit: params.limit,
    });
    return this.request_('GET', `/clients/${enc(clientId)}/feed${q}`, undefined, opts).then(
      parseFeedPage,
    );
  }

  search(
    clientId: string,
    params: { q: string; cursor?: string | null; limit?: number },
    opts?: CallOptions,
  ) {
    const q = query({ q: params.q, cursor: params.cursor, limit: params.limit });
    return this.request_('GET', `/clients/${enc(clientId)}/search${q}`, undefined, opts).then(
      parseSearchPage,
    );
  }

  async sendTyping(clientId: string, opts?: CallOptions) {
    await this.request_('POST', `/clients/${enc(clientId)}/typing`, undefined, opts);
  }

  sendMessage(
    clientId: string,
    body: { body: string; clientMessageId: string },
    opts?: CallOptions,
  ) {
    return this.request_('POST', `/clients/${enc(clientId)}/messages`, body, opts).then((data) => {
      const item = parseFeedItem(data);
      if (item.kind !== 'message')
        throw new DmError('invalid-response', 'Send answered with an order');
      return item;
    });
  }

  getEligibility(clientId: string, opts?: CallOptions) {
    return this.request_('GET', `/clients/${enc(clientId)}/send-eligibility`, undefined, opts).then(
      parseEligibility,
    );
  }

  async markRead(clientId: string, upTo: string, opts?: CallOptions) {
    await this.request_('POST', `/clients/${enc(clientId)}/read`, { upTo }, opts);
  }

  getOrder(orderId: string, opts?: CallOptions) {
    return this.request_('GET', `/orders/${enc(orderId)}`, undefined, opts).then(parseOrderDetail);
  }

  getUnread(opts?: CallOptions) {
    return this.request_('GET', '/unread', undefined, opts).then(parseUnread);
  }

  async putPresence(presence: Presence, opts?: CallOptions) {
    await this.request_('PUT', '/presence', presence, opts);
  }

  subscribe(onEvent: (event: DmEvent) => void, opts: SubscribeOptions = {}): () => void {
    const stop = new AbortController();
    let lastEventId = opts.lastEventId;
    let delay = this.options.reconnectDelayMs;
    let failures = 0;
    const run = async () => {
      for (let attempt = 0; !stop.signal.aborted; attempt++) {
        opts.onStatus?.(attempt ? 'reconnecting' : 'connecting');
        // This connection alone: closed when it stays silent too long (the store reloads the
        // newest pages on reopening, and the replay from Last-Event-ID fills the gap once).
        const conn = new AbortController();
        let silence: ReturnType<typeof setTimeout> | undefined;
        const heard = () => {
          clearTimeout(silence);
          silence = setTimeout(() => conn.abort(), this.options.silenceTimeoutMs);
        };
        try {
          const headers = await this.headers_({ Accept: 'text/event-stream' });
          if (lastEventId) headers.set('Last-Event-ID', lastEventId);
          const res = await (this.options.fetch ?? fetch)(this.url_('/events'), {
            headers,
            credentials: this.options.credentials,
            signal: AbortSignal.any([stop.signal, conn.signal]),
            cache: 'no-store',
          });
          if (!res.ok || !res.body) throw await errorFromResponse(res);
          opts.onStatus?.('open');
          delay = this.options.reconnectDelayMs;
          failures = 0;
          heard();
          // Every chunk counts as heard, comments (`: ping`) included.
          const body = res.body.pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform: (chunk, c) => (heard(), c.enqueue(chunk)),
            }),
          );
          await readEventStream(body, (message) => {
            if (message.retry) delay = message.retry;
            if (message.id) lastEventId = message.id;
            if (!message.event && !message.data) return;
            let event: DmEvent | null;
            try {
              event = parseEvent(message.event || 'message', JSON.parse(message.data));
            } catch (error) {
              opts.onInvalid?.(
                error instanceof DmError
                  ? error
                  : new DmError('invalid-response', 'Event data is not JSON'),
              );
              return;
            }
            if (event) onEvent(message.id ? { ...event, id: message.id } : event);
          });
        } catch (error) {
          if (stop.signal.aborted) break;
          if (conn.signal.aborted) failures = 0; // silent, not failing: reopen after the first delay
          if (error instanceof DmError && error.kind === 'auth') {
            opts.onError?.(error);
            opts.onStatus?.('closed');
            return;
          }
        }
        clearTimeout(silence);
        if (stop.signal.aborted) break;
        opts.onStatus?.('reconnecting');
        // The store's one backoff policy (from the server's `retry:` or the default delay), with
        // jitter so a fleet of tabs does not reconnect in lockstep.
        await sleep(
          retryDelay({ floorMs_: delay, capMs_: 30_000, jitter_: 0.25 }, ++failures),
          stop.signal,
        );
      }
      opts.onStatus?.('closed');
    };
    void run();
    return () => stop.abort();
  }

  private url_(path: string): string {
    return this.options.baseUrl.replace(/\/+$/, '') + path;
  }

  private async headers_(extra: Record<string, string>): Promise<Headers> {
    const src = this.options.headers;
    const headers = new Headers(typeof src === 'function' ? await src() : src);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    return headers;
  }

  /** Sends one request and returns its parsed JSON body (or undefined for 204), throwing a DmError. */
  private async request_(
    method: string,
    path: string,
    body: unknown,
    opts?: CallOptions,
  ): Promise<unknown> {
    const controller = new AbortController();
    const outer = opts?.signal;
    if (outer?.aborted) throw new DmError('aborted', 'Aborted');
    const onAbort = () => controller.abort();
    outer?.addEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      const headers = await this.headers_(
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      );
      let res: Response;
      try {
        res = await (this.options.fetch ?? fetch)(this.url_(path), {
          method,
          headers,
          credentials: this.options.credentials,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut) throw new DmError('timeout', `No answer within ${this.options.timeoutMs} ms`);
        throw toDmError(error);
      }
      if (!res.ok) throw await errorFromResponse(res);
      if (res.status === 204) return undefined;
      const text = await res.text();
      if (!text) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        throw new DmError('invalid-response', `${method} ${path}: the answer is not JSON`, {
          status: res.status,
        });
      }
    } catch (error) {
      throw timedOut && !(error instanceof DmError && error.kind !== 'aborted')
        ? new DmError('timeout', `No answer within ${this.options.timeoutMs} ms`)
        : toDmError(error);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }
}

/** Builds a DmError from an HTTP error response (`{error:{code,message}}`, 403 `reason`, `Retry-After` on 429 and 503). */
async function errorFromResponse(res: Response): Promise<DmError> {
  let code: string | null = null;
  let message = `HTTP ${res.status}`;
  let reason: BlockReason | null = null;
  try {
    const data = (await res.json()) as {
      error?: { code?: unknown; message?: unknown };
      reason?: unknown;
    };
    if (typeof data?.error?.code === 'string') code = data.error.code;
    if (typeof data?.error?.message === 'string') message = data.error.message;
    if (typeof data?.reason === 'string') reason = data.reason as BlockReason;
  } catch {
    // A body that is not JSON still has a status worth reporting.
  }
  const init = {
    status: res.status,
    code,
    reason,
    retryAfterMs: retryAfterMs(res.headers.get('Retry-After')),
  };
  const s = res.status;
  if (s === 401) return new DmError('auth', message, init);
  if (s === 403) return new DmError('blocked', message, init);
  if (s === 404) return new DmError('not-found', message, init);
  if (s === 429) return new DmError('rate-limited', message, init);
  if (s >= 500) return new DmError('server', message, init);
  return new DmError('bad-request', message, init);
}

/** `Retry-After` in ms: delay-seconds or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (!header?.trim()) return null;
  const ms = /^\s*\d+\s*$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}
