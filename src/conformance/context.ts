/** What every rule works with: the HTTP client, the contract, the hooks, the live stream, and helpers. */
import type { Contract } from './contract.js';
import { describeAnswer, describeRequest, type Exchange, type Http } from './http.js';
import type { Loose, SseConnection } from './sse.js';
import { VerifyAbort, type DmHooks, type Evidence, type HookName } from './types.js';

/** Thrown by a rule that found the server breaking it. */
export class RuleFail extends Error {
  constructor(readonly evidence: Evidence[]) {
    super(evidence[0]?.wants ?? 'failed');
  }
}

/** Thrown by a rule that cannot be checked on this server (a missing hook, no data to check with). */
export class RuleSkip extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** `client`: needs `--client` (the rule writes). A hook name: needs that hook. */
export type Need = 'client' | Exclude<HookName, 'reset'>;

export interface Rule {
  id: string;
  /** The rule, as a backend developer reads it. */
  name: string;
  needs?: Need[];
  run(ctx: RunContext): Promise<void>;
}

export interface ClientRow {
  id: string;
  displayName: string;
  hasUnread: boolean;
  lastActivityAt: string;
  [key: string]: unknown;
}

export interface Item {
  kind: 'message' | 'order';
  id: string;
  clientId: string;
  at: string;
  body?: string;
  title?: string;
  sender?: string;
  clientMessageId?: string | null;
  [key: string]: unknown;
}

export interface Walk<T> {
  rows: T[];
  pages: Exchange[];
  /** Set when the walk could not go on: the evidence. */
  broken?: Evidence;
}

const q = (v: string) => encodeURIComponent(v);

/** The item's time in ms (NaN when unreadable). */
export const timeOf = (item: { at?: unknown; lastActivityAt?: unknown }) =>
  Date.parse(String(item.at ?? item.lastActivityAt));

/** The list order of the contract: unread first, then lastActivityAt descending, then id ascending. */
export function compareClients(a: ClientRow, b: ClientRow): number {
  if (a.hasUnread !== b.hasUnread) return a.hasUnread ? -1 : 1;
  const d = timeOf(b) - timeOf(a);
  if (d) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class RunContext {
  /** Messages this run sent (201), oldest first. */
  readonly sent: Item[] = [];
  /** Facts one rule leaves for later ones. */
  readonly shared = new Map<string, unknown>();
  private seq = 0;

  constructor(
    readonly http: Http,
    readonly contract: Contract,
    readonly hooks: DmHooks,
    /** The client the run writes to (`--client`), or null. */
    readonly writeClient: string | null,
    /** A short random token in every body this run sends. */
    readonly token: string,
    /** The stream opened at the start, open for the whole run. */
    readonly stream: SseConnection,
  ) {}

  /** The client the read-only rules look at: `--client`, else the first client of the list. */
  readClient = '';

  // ------------------------------------------------------------ failing

  fail(request: string, wants: string, got: string): never {
    throw new RuleFail([{ request, wants, got }]);
  }

  /** Fails with the exchange as the request and the answer as what came back. */
  failOn(x: Exchange, wants: string, got = describeAnswer(x)): never {
    return this.fail(describeRequest(x.method, x.target, x.requestBody), wants, got);
  }

  check(ok: unknown, x: Exchange, wants: string, got?: string): void {
    if (!ok) this.failOn(x, wants, got);
  }

  expectStatus(x: Exchange, status: number | number[], wants?: string): void {
    const list = Array.isArray(status) ? status : [status];
    if (!list.includes(x.status)) this.failOn(x, wants ?? `status ${list.join(' or ')}`);
  }

  /** Expects a JSON object body (the contract's answers are objects). */
  body<T = Loose>(x: Exchange): T {
    if (!x.json || typeof x.json !== 'object')
      this.failOn(x, 'a JSON body (Content-Type application/json)');
    return x.json as T;
  }

  skip(reason: string): never {
    throw new RuleSkip(reason);
  }

  // ------------------------------------------------------------ hooks and writes

  hasHook(name: HookName): boolean {
    return typeof this.hooks[name] === 'function';
  }

  /** Calls a hook; a hook that throws stops the run (the kit's setup, not the server, is wrong). */
  async hook(name: Exclude<HookName, 'reset'>, ...args: unknown[]): Promise<void> {
    const fn = this.hooks[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn) this.skip(`needs hook ${name}`);
    try {
      await fn.apply(this.hooks, args);
    } catch (error) {
      throw new VerifyAbort(
        `the hook ${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) threw: ${error instanceof Error ? error.message : String(error)}`,
        error,
      );
    }
    // Let the server's events go out before the next request.
    await new Promise((r) => setTimeout(r, 30));
  }

  /** A fresh idempotency key of this run. */
  cmid(): string {
    return `dmv-${this.token}-${++this.seq}-${Date.now().toString(36)}`;
  }

  /** A message body of this run (holds the run's token, so the search rules can find it). */
  text(label: string): string {
    return `dm-widgets-verify ${this.token} ${label}`;
  }

  /** `POST /clients/{writeClient}/messages`. */
  async send(body: string, clientMessageId = this.cmid()): Promise<Exchange> {
    const x = await this.http.post(`/clients/${q(this.writeClient!)}/messages`, {
      body,
      clientMessageId,
    });
    if (x.status === 201 && x.json && typeof x.json === 'object') this.sent.push(x.json as Item);
    return x;
  }

  /** `GET /clients/{id}/send-eligibility`, its body checked to be an object. */
  async eligibility(clientId = this.writeClient!): Promise<{
    x: Exchange;
    e: { canSend: boolean; reason: string | null; consecutiveSent: number };
  }> {
    const x = await this.http.get(`/clients/${q(clientId)}/send-eligibility`);
    this.expectStatus(x, 200);
    return { x, e: this.body(x) };
  }

  /** Makes sure the write client may receive `n` more advisor messages: a client message resets the count when the hook exists. */
  async budget(n: number): Promise<void> {
    if (this.hasHook('clientWrites'))
      await this.hook('clientWrites', this.writeClient!, this.text('(the client answers)'));
    const { e } = await this.eligibility();
    if (!e.canSend)
      this.skip(
        `sending to ${this.writeClient} is blocked (${e.reason}); the hook clientWrites would unblock it`,
      );
    if (typeof e.consecutiveSent === 'number' && 5 - e.consecutiveSent < n) {
      this.skip(
        `needs hook clientWrites (${e.consecutiveSent} messages in a row already; this rule sends ${n})`,
      );
    }
  }

  // ------------------------------------------------------------ walks

  /** {@link walkClients}, asked once per limit and query in a run (the reads do not change it). */
  async clientsWalk(limit: number, search?: string): Promise<Walk<ClientRow>> {
    const key = `clients:${limit}:${search ?? ''}`;
    if (!this.shared.has(key)) this.shared.set(key, await this.walkClients(limit, search));
    return this.shared.get(key) as Walk<ClientRow>;
  }

  /** Walks `GET /clients` from the first page to a null `nextCursor` (at most `maxPages`). */
  async walkClients(limit: number, search?: string, maxPages = 500): Promise<Walk<ClientRow>> {
    const walk: Walk<ClientRow> = { rows: [], pages: [] };
    let cursor: string | null = null;
    do {
      const params = [
        `limit=${limit}`,
        search !== undefined ? `q=${q(search)}` : '',
        cursor ? `cursor=${q(cursor)}` : '',
      ]
        .filter(Boolean)
        .join('&');
      const x = await this.http.get(`/clients?${params}`);
      walk.pages.push(x);
      const body = x.json as { clients?: unknown; nextCursor?: unknown } | undefined;
      if (x.status !== 200 || !body || !Array.isArray(body.clients)) {
        walk.broken = {
          request: `GET ${x.target}`,
          wants: '200 with { clients: [...], nextCursor }',
          got: describeAnswer(x),
        };
        return walk;
      }
      walk.rows.push(...(body.clients as ClientRow[]));
      cursor = typeof body.nextCursor === 'string' ? body.nextCursor : null;
      if (walk.pages.length >= maxPages) {
        walk.broken = {
          request: `GET ${x.target}`,
          wants: `the walk to end within ${maxPages} pages`,
          got: 'a cursor on every page',
        };
        return walk;
      }
    } while (cursor);
    return walk;
  }

  /** Walks a feed from the newest page back with `olderCursor` to null. */
  async walkFeed(
    clientId: string,
    opts: { type?: string; limit: number; maxPages?: number },
  ): Promise<Walk<Item>> {
    const walk: Walk<Item> = { rows: [], pages: [] };
    let cursor: string | null = null;
    const max = opts.maxPages ?? 400;
    do {
      const params = [
        opts.type ? `type=${opts.type}` : '',
        `limit=${opts.limit}`,
        cursor ? `before=${q(cursor)}` : '',
      ]
        .filter(Boolean)
        .join('&');
      const x = await this.http.get(`/clients/${q(clientId)}/feed?${params}`);
      walk.pages.push(x);
      const body = x.json as { items?: unknown; olderCursor?: unknown } | undefined;
      if (x.status !== 200 || !body || !Array.isArray(body.items)) {
        walk.broken = {
          request: `GET ${x.target}`,
          wants: '200 with { items: [...], olderCursor }',
          got: describeAnswer(x),
        };
        return walk;
      }
      // Pages come newest first in the walk; keep the rows oldest first overall.
      walk.rows.unshift(...(body.items as Item[]));
      cursor = typeof body.olderCursor === 'string' ? body.olderCursor : null;
      if (walk.pages.length >= max) {
        walk.broken = {
          request: `GET ${x.target}`,
          wants: `the walk to end within ${max} pages`,
          got: 'an olderCursor on every page',
        };
        return walk;
      }
    } while (cursor);
    return walk;
  }

  /** {@link walkFeed} of the read client, asked once per type and limit in a run. */
  async feedWalk(opts: { type?: string; limit: number }): Promise<Walk<Item>> {
    const key = `feedwalk:${opts.type ?? ''}:${opts.limit}`;
    if (!this.shared.has(key)) this.shared.set(key, await this.walkFeed(this.readClient, opts));
    return this.shared.get(key) as Walk<Item>;
  }

  /** The read client's whole feed (limit 200 pages), walked once and kept. */
  async fullFeed(clientId = this.readClient): Promise<Item[]> {
    const key = `feed:${clientId}`;
    if (!this.shared.has(key)) {
      const walk =
        clientId === this.readClient
          ? await this.feedWalk({ limit: 200 })
          : await this.walkFeed(clientId, { limit: 200 });
      if (walk.broken) throw new RuleFail([walk.broken]);
      this.shared.set(key, sortByTime(walk.rows));
    }
    return this.shared.get(key) as Item[];
  }

  /** Waits for live events on the run's stream. */
  waitEvents(predicate: () => boolean, ms = 5000): Promise<boolean> {
    return this.stream.waitFor(predicate, ms);
  }
}

/** Items by time, oldest first (stable: equal times keep their order). */
export function sortByTime<T extends { at?: unknown }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i, t: timeOf(item) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.item);
}

/** Ids that occur more than once. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export const short = (list: string[], max = 5) =>
  list.length > max
    ? `${list.slice(0, max).join(', ')} … (${list.length} in all)`
    : list.join(', ');
