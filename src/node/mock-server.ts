/**
 * The mock backend as a real HTTP server for Node (`dm-widgets/mocks/node`): the same MSW handlers
 * as in the browser, answered through MSW's `getResponse`, with CORS for a page on another origin,
 * an optional bearer token, and the controls on `/__mock/*`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { MockDb, type MockDbOptions } from '../mocks/db.js';
import { createHandlers } from '../mocks/handlers.js';
import { toRequest, writeResponse } from './http-bridge.js';
import { runControl } from './mock-controls.js';

export interface StartMockServerOptions {
  /** Port to listen on (default 8787; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Path of the API (default `/api/dm`). */
  basePath?: string;
  /** The database to serve (default: a new `MockDb` with `dbOptions`, avatars served by this server). */
  db?: MockDb;
  /** Options of the default database. */
  dbOptions?: MockDbOptions;
  /** When set, every API request needs `Authorization: Bearer <token>` (else 401). */
  token?: string;
  /** Origins allowed by CORS (default: any origin, reflected, with credentials). */
  allowedOrigins?: readonly string[];
  /** Observes every API answer (a clone) with its request, e.g. to validate it in a test. */
  onResponse?: (request: Request, response: Response) => void;
}

export interface MockServer {
  /** The API's base URL, e.g. `http://127.0.0.1:8787/api/dm`. */
  url: string;
  /** The server's origin, e.g. `http://127.0.0.1:8787` (controls at `<origin>/__mock/…`). */
  origin: string;
  port: number;
  db: MockDb;
  /** Closes open event streams and the server. */
  close(): Promise<void>;
}

const ALLOW_HEADERS = 'Authorization, Content-Type, Last-Event-ID, Accept, Cache-Control';

function corsHeaders(
  req: IncomingMessage,
  allowed: readonly string[] | undefined,
): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || (allowed && !allowed.includes(origin))) return {};
  const requested = req.headers['access-control-request-headers'];
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': requested ? `${ALLOW_HEADERS}, ${requested}` : ALLOW_HEADERS,
    'access-control-expose-headers': 'Retry-After, Content-Type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  const value = JSON.parse(text) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Starts the mock server; resolves once it listens. */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const basePath = `/${(options.basePath ?? '/api/dm').replace(/^\/+|\/+$/g, '')}`;
  const host = options.host ?? '127.0.0.1';
  let db = options.db;
  let handlers: ReturnType<typeof createHandlers> = [];
  let origin = '';
  const sockets = new Set<import('node:net').Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent)
        sendJson(
          res,
          500,
          { error: { code: 'server_error', message: 'The mock server failed' } },
          {},
        );
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    // Small answers go out at once (no Nagle wait); event streams are flushed per event.
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req, options.allowedOrigins);
    const path = new URL(req.url ?? '/', origin).pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (path.startsWith('/__mock/')) {
      let body: Record<string, unknown>;
      try {
        body = await readBody(req);
      } catch {
        sendJson(
          res,
          400,
          { error: { code: 'invalid_json', message: 'The body is not valid JSON' } },
          cors,
        );
        return;
      }
      const answer = runControl(db!, req.method ?? 'GET', path.slice('/__mock'.length), body);
      sendJson(res, answer.status, answer.body, cors);
      return;
    }
    const inApi = path === basePath || path.startsWith(`${basePath}/`);
    if (!inApi) {
      sendJson(
        res,
        404,
        {
          error: {
            code: 'not_found',
            message: `No route ${req.method} ${path} (the API is under ${basePath})`,
          },
        },
        cors,
      );
      return;
    }
    const isAvatar = path.startsWith(`${basePath}/__avatars/`);
    if (options.token && !isAvatar && req.headers.authorization !== `Bearer ${options.token}`) {
      sendJson(
        res,
        401,
        { error: { code: 'unauthorized', message: 'Sign in first (Authorization: Bearer …)' } },
        cors,
      );
      return;
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const request = await toRequest(req, origin, abort.signal);
    const response =
      (await getResponse(handlers, request)) ??
      new Response(
        JSON.stringify({ error: { code: 'not_found', message: `No route ${req.method} ${path}` } }),
        {
          status: 404,
          headers: { 'content-type': 'application/json' },
        },
      );
    if (
      options.onResponse &&
      response.type !== 'error' &&
      !(response.headers.get('content-type') ?? '').includes('event-stream')
    ) {
      options.onResponse(request, response.clone());
    }
    await writeResponse(response, res, cors);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  db ??= new MockDb({ avatarBase: `${origin}${basePath}/__avatars`, ...options.dbOptions });
  handlers = createHandlers(db, { baseUrl: basePath });

  return {
    url: `${origin}${basePath}`,
    origin,
    port,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        db!.dropConnections();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
