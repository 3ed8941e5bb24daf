/** Rules about the whole API: the advisor, credentials, error bodies, unknown ids, presence, typing, orders. */
import { SseConnection } from '../sse.js';
import { describeAnswer, type Exchange } from '../http.js';
import type { Rule } from '../context.js';

const enc = encodeURIComponent;

/** Whether an answer is the contract's error JSON; returns what is wrong, or null. */
export function errorShapeProblem(x: Exchange): string | null {
  if (!/json/i.test(x.contentType)) return `Content-Type "${x.contentType || 'missing'}"`;
  const e = (x.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string')
    return 'no { error: { code, message } } in the body';
  return null;
}

export const basicRules: Rule[] = [
  {
    id: 'me',
    name: 'GET /me answers the signed-in advisor with a known status',
    async run(ctx) {
      const x = await ctx.http.get('/me');
      ctx.expectStatus(x, 200);
      const me = ctx.body(x);
      ctx.check(
        typeof me.id === 'string' && typeof me.displayName === 'string',
        x,
        'an advisor { id, displayName, status }',
      );
      ctx.check(
        ['active', 'suspended', 'rejected', 'needs_improvement'].includes(me.status),
        x,
        'status one of active, suspended, rejected, needs_improvement',
      );
    },
  },
  {
    id: 'auth-401',
    name: 'Without the credentials given by --header, the API answers 401 with the error JSON',
    async run(ctx) {
      if (!ctx.http.hasCredentials) return ctx.skip('no --header given: nothing to leave out');
      for (const target of [
        '/me',
        '/clients?limit=1',
        '/unread',
        `/clients/${enc(ctx.readClient)}/feed?limit=1`,
      ]) {
        const x = await ctx.http.get(target, { anonymous: true });
        ctx.check(
          x.status === 401,
          x,
          'status 401 when the request carries none of the --header credentials',
        );
        const problem = errorShapeProblem(x);
        if (problem)
          return ctx.failOn(
            x,
            'the 401 body to be { error: { code, message } } as JSON',
            `${problem}: ${describeAnswer(x)}`,
          );
      }
      const stream = await SseConnection.open(ctx.http, { anonymous: true });
      stream.close();
      if (stream.response.status !== 401)
        return ctx.fail(
          'GET /events (without credentials)',
          'status 401, not a stream anybody can open',
          `${stream.response.status} ${stream.response.headers.get('content-type') ?? ''}`,
        );
    },
  },
  {
    id: 'errors-json',
    name: "Errors are the contract's JSON { error: { code, message } } (400 for a bad limit or type, 404 for an unknown id)",
    async run(ctx) {
      const targets = [
        '/clients?limit=0',
        '/clients?limit=201',
        `/clients/${enc(ctx.readClient)}/feed?type=bogus`,
        `/clients/${enc(ctx.readClient)}/feed?limit=abc`,
        `/clients/dmv-no-such-client-${ctx.token}`,
        `/orders/dmv-no-such-order-${ctx.token}`,
      ];
      for (const target of targets) {
        const x = await ctx.http.get(target);
        ctx.check(x.status === 400 || x.status === 404, x, 'an error status (400 or 404)');
        const problem = errorShapeProblem(x);
        if (problem)
          return ctx.failOn(
            x,
            'the body to be { error: { code: string, message: string } } as application/json',
            `${problem}: ${describeAnswer(x)}`,
          );
      }
    },
  },
  {
    id: 'not-found',
    name: 'An unknown client or order answers 404 on every route',
    async run(ctx) {
      const nobody = `dmv-no-such-client-${ctx.token}`;
      const targets = [
        `/clients/${nobody}`,
        `/clients/${nobody}/feed`,
        `/clients/${nobody}/send-eligibility`,
        `/clients/${nobody}/search?q=hello`,
        `/orders/dmv-no-such-order-${ctx.token}`,
      ];
      for (const target of targets)
        ctx.expectStatus(
          await ctx.http.get(target),
          404,
          'status 404 for an id that does not exist',
        );
    },
  },
  {
    id: 'presence',
    name: 'PUT /presence answers 204 for { active, inLiveSession } and 400 for a bad body',
    async run(ctx) {
      ctx.expectStatus(
        await ctx.http.request('PUT', '/presence', {
          body: { active: true, inLiveSession: false },
        }),
        204,
      );
      for (const body of [{ active: 'yes', inLiveSession: false }, { active: true }, []]) {
        ctx.expectStatus(
          await ctx.http.request('PUT', '/presence', { body }),
          400,
          'status 400: active and inLiveSession must both be booleans',
        );
      }
      ctx.expectStatus(
        await ctx.http.request('PUT', '/presence', { rawBody: '{not json' }),
        400,
        'status 400 for a body that is not JSON',
      );
    },
  },
  {
    id: 'typing',
    name: 'POST /clients/{id}/typing answers 204, and 404 for an unknown client (1.1)',
    needs: ['client'],
    async run(ctx) {
      ctx.expectStatus(await ctx.http.post(`/clients/${enc(ctx.writeClient!)}/typing`), 204);
      ctx.expectStatus(await ctx.http.post(`/clients/dmv-no-such-client-${ctx.token}/typing`), 404);
    },
  },
  {
    id: 'order-detail',
    name: 'GET /orders/{id} answers the details of an order of the feed (same id, type, status, title, price)',
    async run(ctx) {
      const order = [...(await ctx.fullFeed())].reverse().find((i) => i.kind === 'order');
      if (!order) return ctx.skip(`no order in the feed of ${ctx.readClient}`);
      const x = await ctx.http.get(`/orders/${enc(order.id)}`);
      ctx.expectStatus(x, 200);
      const d = ctx.body(x);
      for (const key of ['id', 'clientId', 'orderType', 'status', 'title'] as const) {
        ctx.check(
          d[key] === order[key],
          x,
          `${key} ${JSON.stringify(order[key])} as in the feed`,
          `${key} ${JSON.stringify(d[key])}`,
        );
      }
      ctx.check(
        JSON.stringify(d.price) === JSON.stringify(order.price),
        x,
        `price ${JSON.stringify(order.price)} as in the feed`,
        `price ${JSON.stringify(d.price)}`,
      );
    },
  },
];
