/**
 * MSW request handlers for the whole `dm-api` contract, backed by a {@link MockDb}.
 */
import { HttpResponse, delay, http, type RequestHandler } from 'msw';
import type { FeedFilter } from '../core/types.js';
import { MockHttpError, type MockDb, type MockFault, type MockRoute } from './db.js';
import { eventStream } from './event-stream.js';
import { avatarSvg } from './seed.js';

export interface HandlerOptions {
  /** Base URL of the API (default `/api/dm`). Relative bases match on any origin. */
  baseUrl?: string;
}

type Params = Record<string, string | readonly string[] | undefined>;
type Resolver = (args: { request: Request; params: Params }) => Response | Promise<Response>;

const JSON_HEADERS = { 'Content-Type': 'application/json' };

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  500: 'server_error',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'gateway_timeout',
};

function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error: { code, message }, ...extra }), {
    status,
    headers: { ...JSON_HEADERS, ...headers },
  });
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

const bad = (message: string, code = 'bad_request') => new MockHttpError(400, code, message);

function parseLimit(url: URL, fallback = 50): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw bad('limit must be an integer from 1 to 200', 'invalid_limit');
  const n = Number(raw);
  if (n < 1 || n > 200) throw bad('limit must be an integer from 1 to 200', 'invalid_limit');
  return n;
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw bad('The body is not valid JSON', 'invalid_json');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw bad('The body must be a JSON object', 'invalid_body');
  return body as Record<string, unknown>;
}

const codePoints = (s: string) => [...s].length;

/** Default schema-breaking bodies for `invalidNext`. */
function defaultInvalid(route: MockRoute, body: unknown): unknown {
  switch (route) {
    case 'clients':
      return { clients: [{ id: 42, displayName: null, hasUnread: 'yes' }], nextCursor: 7 };
    case 'feed':
      return { items: [{ kind: 'bogus', id: 1, at: 'not a date' }], olderCursor: 5 };
    case 'unread':
      return { clientsWithUnread: 'many' };
    case 'eligibility':
      return { canSend: 'yes', reason: 'because', consecutiveSent: -1 };
    default: {
      if (body && typeof body === 'object' && !Array.isArray(body)) {
        // Keep the keys but give every one the wrong type, and drop `id`.
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(body)) if (key !== 'id') out[key] = [];
        return out;
      }
      return { unexpected: true };
    }
  }
}

/** Builds the MSW handlers for a database. */
export function createHandlers(db: MockDb, opts: HandlerOptions = {}): RequestHandler[] {
  const base = (opts.baseUrl ?? '/api/dm').replace(/\/+$/, '');
  const prefix = /^[a-z][a-z0-9+.-]*:\/\//i.test(base)
    ? base
    : `*${base.startsWith('/') ? '' : '/'}${base}`;
  const p = (path: string) => `${prefix}${path}`;

  const wrap =
    (route: MockRoute, resolver: Resolver) =>
    async ({ request, params }: { request: Request; params: Params }): Promise<Response> => {
      db.logRequest(request, route);
      const fault: MockFault | undefined = db.isOffline ? undefined : db.takeFault(route);
      const ms = db.latencyFor(route);
      if (ms > 0) await delay(ms);
      if (db.isOffline || fault?.kind === 'network') return HttpResponse.error();
      if (fault?.kind === 'status') {
        const { status, options } = fault;
        const headers: Record<string, string> = {};
        if (status === 429 || options.retryAfterSeconds !== undefined)
          headers['Retry-After'] = String(options.retryAfterSeconds ?? 1);
        if (options.body !== undefined) {
          return new Response(JSON.stringify(options.body), {
            status,
            headers: { ...JSON_HEADERS, ...headers },
          });
        }
        const code =
          options.code ??
          (status === 403 && options.reason ? 'send_blocked' : (CODES[status] ?? `http_${status}`));
        const extra = options.reason ? { reason: options.reason } : {};
        return errorResponse(status, code, `Injected ${status} on ${route}`, extra, headers);
      }
      if (fault?.kind === 'malformed') {
        return new Response('{"this is": not JSON <html>', { status: 200, headers: JSON_HEADERS });
      }
      let response: Response;
      try {
        response = await resolver({ request, params });
      } catch (error) {
        if (error instanceof MockHttpError)
          return errorResponse(error.status, error.code, error.message, error.extra);
        const message = error instanceof Error ? error.message : String(error);
        return errorResponse(500, 'server_error', message);
      }
      const back = db.replyDelayFor(route);
      if (back > 0) await delay(back);
      if (fault?.kind === 'invalid') {
        let body: unknown = null;
        try {
          body = await response.clone().json();
        } catch {
          body = null;
        }
        const mutated = fault.mutate ? fault.mutate(body) : defaultInvalid(route, body);
        return json(mutated, 200);
      }
      return response;
    };

  const clientId = (params: Params) => String(params.clientId);

  return [
    http.get(
      p('/me'),
      wrap('me', () => json(db.me())),
    ),
    http.get(
      p('/clients'),
      wrap('clients', ({ request }) => {
        const url = new URL(request.url);
        const limit = parseLimit(url);
        return json(
          db.pageClients({
            limit,
            cursor: url.searchParams.get('cursor') || null,
            q: url.searchParams.get('q') ?? '',
          }),
        );
      }),
    ),
    http.get(
      p('/clients/:clientId'),
      wrap('client', ({ params }) => {
        const client = db.client(clientId(params));
        if (!client) throw new MockHttpError(404, 'not_found', `No client ${clientId(params)}`);
        return json(client);
      }),
    ),
    http.get(
      p('/clients/:clientId/feed'),
      wrap('feed', ({ request, params }) => {
        const url = new URL(request.url);
        const type = (url.searchParams.get('type') ?? 'all') as FeedFilter;
        if (type !== 'all' && type !== 'orders' && type !== 'messages')
          throw bad('type must be all, orders or messages', 'invalid_type');
        const limit = parseLimit(url);
        const q = (name: string) => url.searchParams.get(name) || null;
        return json(
          db.feedPage(clientId(params), {
            type,
            limit,
            before: q('before'),
            after: q('after'),
            around: q('around'),
          }),
        );
      }),
    ),
    http.get(
      p('/clients/:clientId/search'),
      wrap('search', ({ request, params }) => {
        const url = new URL(request.url);
        const id = clientId(params);
        if (!db.client(id)) throw new MockHttpError(404, 'not_found', `No client ${id}`);
        const limit = parseLimit(url, 20);
        return json(
          db.search(id, {
            q: url.searchParams.get('q') ?? '',
            cursor: url.searchParams.get('cursor') || null,
            limit,
          }),
        );
      }),
    ),
    http.post(
      p('/clients/:clientId/typing'),
      wrap('typing', ({ params }) => {
        db.recordTyping(clientId(params));
        return new Response(null, { status: 204 });
      }),
    ),
    http.post(
      p('/clients/:clientId/messages'),
      wrap('send', async ({ request, params }) => {
        const id = clientId(params);
        if (!db.client(id)) throw new MockHttpError(404, 'not_found', `No client ${id}`);
        const body = await readJson(request);
        const text = body.body;
        const cmid = body.clientMessageId;
        if (
          typeof text !== 'string' ||
          codePoints(text) < 1 ||
          codePoints(text) > 2000 ||
          text.trim() === ''
        ) {
          throw bad(
            'body must be 1 to 2000 characters of text, not only whitespace',
            'invalid_body',
          );
        }
        if (typeof cmid !== 'string' || codePoints(cmid) < 8 || codePoints(cmid) > 64) {
          throw bad(
            'clientMessageId must be a string of 8 to 64 characters',
            'invalid_client_message_id',
          );
        }
        const { status, message } = db.send(id, text, cmid);
        return json(message, status);
      }),
    ),
    http.get(
      p('/clients/:clientId/send-eligibility'),
      wrap('eligibility', ({ params }) => json(db.eligibility(clientId(params)))),
    ),
    http.post(
      p('/clients/:clientId/read'),
      wrap('read', async ({ request, params }) => {
        const id = clientId(params);
        if (!db.client(id)) throw new MockHttpError(404, 'not_found', `No client ${id}`);
        const body = await readJson(request);
        if (typeof body.upTo !== 'string' || !body.upTo)
          throw bad('upTo (an item id) is required', 'invalid_body');
        db.markRead(id, body.upTo);
        return new Response(null, { status: 204 });
      }),
    ),
    http.get(
      p('/orders/:orderId'),
      wrap('order', ({ params }) => {
        const order = db.order(String(params.orderId));
        if (!order) throw new MockHttpError(404, 'not_found', `No order ${String(params.orderId)}`);
        return json(order);
      }),
    ),
    http.get(
      p('/unread'),
      wrap('unread', () => json({ clientsWithUnread: db.unreadCount() })),
    ),
    http.put(
      p('/presence'),
      wrap('presence', async ({ request }) => {
        const body = await readJson(request);
        if (typeof body.active !== 'boolean' || typeof body.inLiveSession !== 'boolean') {
          throw bad('active and inLiveSession must be booleans', 'invalid_body');
        }
        db.recordPresence({ active: body.active, inLiveSession: body.inLiveSession });
        return new Response(null, { status: 204 });
      }),
    ),
    http.get(
      p('/events'),
      wrap('events', ({ request }) => eventStream(db, request)),
    ),
    http.get(
      p('/__avatars/:file'),
      wrap('avatar', ({ params }) => {
        const id = String(params.file).replace(/\.svg$/, '');
        const client = db.client(id);
        if (!client) throw new MockHttpError(404, 'not_found', `No avatar ${id}`);
        return new Response(avatarSvg(id, client.displayName), {
          headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' },
        });
      }),
    ),
    http.all(p('/*'), ({ request }) =>
      errorResponse(
        404,
        'not_found',
        `No route ${request.method} ${new URL(request.url).pathname}`,
      ),
    ),
  ];
}
