/**
 * A 1.0 server in front of the contract mock, for the stories and tests of the 1.0 fallback: the
 * routes added by contract 1.1 (`/search`, `/typing`) answer 404 as on a server that lacks them,
 * and feed pages lose `clientReadAt` and `newerCursor`. Everything else is the mock's own answer
 * (the 1.1 controls `clientReads` / `clientTypes` are simply not used against it).
 */
import { http, HttpResponse, getResponse, type RequestHandler } from 'msw';
import { type MockDb, createHandlers } from '../../src/mocks/index.js';

const noRoute = ({ request }: { request: Request }) =>
  HttpResponse.json(
    {
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${new URL(request.url).pathname}`,
      },
    },
    { status: 404 },
  );

/** MSW handlers for `db` as a 1.0 server would answer. */
export function contract10Handlers(
  db: MockDb,
  { baseUrl = '/api/dm' }: { baseUrl?: string } = {},
): RequestHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const inner = createHandlers(db, { baseUrl: base });
  return [
    http.get(`${base}/clients/:clientId/search`, noRoute),
    http.post(`${base}/clients/:clientId/typing`, noRoute),
    http.get(`${base}/clients/:clientId/feed`, async ({ request }) => {
      // A 1.0 server knows no `after` nor `around`: it ignores them, as any unknown parameter.
      const url = new URL(request.url);
      url.searchParams.delete('after');
      url.searchParams.delete('around');
      const res = (await getResponse(inner, new Request(url, { headers: request.headers })))!;
      if (!res.ok) return res;
      const {
        clientReadAt: _r,
        newerCursor: _n,
        ...page
      } = (await res.json()) as Record<string, unknown>;
      return HttpResponse.json(page);
    }),
    ...inner,
  ];
}
