/**
 * The mock server's controls on `/__mock/*`: what happens on the other side of the API (the client
 * writes, orders, reviews, reads, types; the advisor's status changes) and test levers (faults,
 * latency, reset). JSON in, JSON out; documented in `docs/mocks.md`.
 */
import type { AdvisorStatus, OrderStatus, OrderType } from '../core/types.js';
import type { MockDb, MockRoute } from '../mocks/db.js';
import { MOCK_ROUTES } from '../mocks/types.js';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

const ok = (body: unknown = { ok: true }): ControlAnswer => ({ status: 200, body });
const fail = (status: number, message: string): ControlAnswer => ({
  status,
  body: { error: { code: status === 404 ? 'not_found' : 'bad_request', message } },
});

const ADVISOR_STATUSES: readonly AdvisorStatus[] = [
  'active',
  'suspended',
  'rejected',
  'needs_improvement',
];

type Body = Record<string, unknown>;
type Control = (db: MockDb, body: Body, id: string) => ControlAnswer;

const num = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const route = (v: unknown): MockRoute | '*' | null =>
  v === undefined || v === '*'
    ? '*'
    : MOCK_ROUTES.includes(v as MockRoute)
      ? (v as MockRoute)
      : null;

/** `[method, path pattern, control]`; `:id` matches one path segment. */
const CONTROLS: Array<[string, RegExp, Control]> = [
  ['POST', /^\/reset$/, (db) => (db.reset(), ok())],
  [
    'POST',
    /^\/clients\/([^/]+)\/writes$/,
    (db, b, id) => ok(db.clientWrites(id, typeof b.body === 'string' ? b.body : undefined)),
  ],
  [
    'POST',
    /^\/clients\/([^/]+)\/orders$/,
    (db, b, id) => ok(db.clientOrders(id, (b.orderType as OrderType) ?? undefined)),
  ],
  [
    'POST',
    /^\/clients\/([^/]+)\/negative-review$/,
    (db, b, id) => (
      db.setNegativeReview(id, b.on !== false),
      ok({ eligibility: db.eligibility(id) })
    ),
  ],
  [
    'POST',
    /^\/clients\/([^/]+)\/reads$/,
    (db, b, id) => ok({ readAt: db.clientReads(id, typeof b.at === 'string' ? b.at : undefined) }),
  ],
  [
    'POST',
    /^\/clients\/([^/]+)\/typing$/,
    (db, b, id) =>
      ok({ until: db.clientTypes(id, b.ms === undefined ? undefined : num(b.ms, 6000)) }),
  ],
  [
    'POST',
    /^\/clients\/([^/]+)\/unread$/,
    (db, b, id) => (db.setUnread(id, b.hasUnread !== false), ok()),
  ],
  [
    'POST',
    /^\/orders\/([^/]+)\/status$/,
    (db, b, id) => (db.setOrderStatus(id, b.status as OrderStatus), ok()),
  ],
  [
    'POST',
    /^\/advisor-status$/,
    (db, b) => {
      if (!ADVISOR_STATUSES.includes(b.status as AdvisorStatus))
        return fail(400, `status must be one of ${ADVISOR_STATUSES.join(', ')}`);
      db.setAdvisorStatus(b.status as AdvisorStatus);
      return ok({ advisor: db.advisor });
    },
  ],
  [
    'POST',
    /^\/fail$/,
    (db, b) => {
      const r = route(b.route);
      if (!r) return fail(400, `route must be '*' or one of ${MOCK_ROUTES.join(', ')}`);
      const options =
        b.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: num(b.retryAfterSeconds, 1) };
      db.failNext(
        r,
        Math.max(1, Math.floor(num(b.times, 1))),
        Math.floor(num(b.status, 500)),
        options,
      );
      return ok();
    },
  ],
  [
    'POST',
    /^\/latency$/,
    (db, b) => {
      const r = route(b.route);
      if (!r) return fail(400, `route must be '*' or one of ${MOCK_ROUTES.join(', ')}`);
      db.setLatency(num(b.ms, 0), r === '*' ? undefined : r);
      return ok();
    },
  ],
  ['POST', /^\/offline$/, (db, b) => (db.setOffline(b.offline !== false), ok())],
  ['POST', /^\/drop-connections$/, (db) => (db.dropConnections(), ok())],
  [
    'GET',
    /^\/state$/,
    (db) =>
      ok({
        advisor: db.advisor,
        lastEventId: db.lastEventId,
        openConnections: db.openConnections,
        unread: db.unreadCount(),
        typing: db.typingLog,
        presence: db.presenceLog,
      }),
  ],
];

/** Answers one control request; `path` is what follows `/__mock`. */
export function runControl(db: MockDb, method: string, path: string, body: Body): ControlAnswer {
  for (const [m, pattern, control] of CONTROLS) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (m !== method) return fail(405 as number, `Use ${m} for /__mock${path}`);
    const id = match[1] ? decodeURIComponent(match[1]) : '';
    if (path.startsWith('/clients/') && !db.client(id)) return fail(404, `No client ${id}`);
    try {
      return control(db, body, id);
    } catch (error) {
      return fail(400, error instanceof Error ? error.message : String(error));
    }
  }
  return fail(404, `No control ${method} /__mock${path}`);
}
