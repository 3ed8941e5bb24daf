// An in-memory DmAdapter for the benchmarks: deterministic data, answers at once (no network,
// no MSW), so the figures measure the elements and the store, not I/O.
import { type DmAdapter, DmError, type FeedParams } from '../src/data/adapter.js';
import { sortClientsForList } from '../src/core/client-order.js';
import { mulberry32 } from '../src/mocks/prng.js';
import type {
  ClientSummary,
  FeedItem,
  FeedPage,
  OrderType,
  OrderStatus,
  SearchPage,
} from '../src/core/types.js';

/** The client whose feed the benchmarks show. */
export const FEED_CLIENT = 'c-bench';

const rng = mulberry32;

const WORDS = (
  'the reading card energy love career path moon tarot question future soon feel clarity partner ' +
  'thank you so much again really helpful about my situation what do you see next month week ' +
  'today yesterday dream sign guidance spirit message please could would maybe honest trust'
).split(' ');
const ORDER_TYPES: OrderType[] = [
  'recorded_reading',
  'rush_reading',
  'live_chat',
  'live_voice',
  'live_video',
];
const ORDER_STATUSES: OrderStatus[] = [
  'completed',
  'completed',
  'completed',
  'in_progress',
  'pending',
  'cancelled',
  'refunded',
];
const TITLES = [
  'Love & relationship reading',
  'Career crossroads',
  'Three-card spread',
  'Quick yes/no',
  'Year ahead forecast',
];

function sentence(r: () => number, chars: number): string {
  let s = '';
  while (s.length < chars) s += (s ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** Message bodies of varied length: half short, a third medium, the rest long; a few with links. */
function body(r: () => number): string {
  const p = r();
  const len = p < 0.5 ? 5 + r() * 35 : p < 0.85 ? 40 + r() * 160 : 200 + r() * 600;
  let text = sentence(r, len);
  if (r() < 0.05)
    text += ' See https://example.com/article/' + Math.floor(r() * 1e6) + ' for more.';
  if (r() < 0.05) text += '\n\n' + sentence(r, 30);
  return text;
}

const cache = new Map<number, FeedItem[]>();

/**
 * `total` feed items, oldest first: about 85% messages (both senders) and 15% orders, minutes to
 * hours apart (so there are day separators). Deterministic: the same `total` gives the same items.
 */
export function feedItems(total: number): FeedItem[] {
  const hit = cache.get(total);
  if (hit) return hit;
  const r = rng(0xdeb0 + total);
  const items: FeedItem[] = [];
  let t = Date.UTC(2015, 0, 1, 9, 0);
  for (let i = 0; i < total; i++) {
    t += Math.floor((1 + r() * 90) * 60_000);
    const at = new Date(t).toISOString();
    if (r() < 0.15) {
      const orderType = ORDER_TYPES[Math.floor(r() * ORDER_TYPES.length)];
      items.push({
        kind: 'order',
        id: 'o' + i,
        clientId: FEED_CLIENT,
        at,
        orderType,
        status: ORDER_STATUSES[Math.floor(r() * ORDER_STATUSES.length)],
        title: TITLES[Math.floor(r() * TITLES.length)],
        price: { amountMinor: 500 + Math.floor(r() * 200) * 100, currency: 'USD' },
        durationMinutes: orderType.startsWith('live') ? 5 + Math.floor(r() * 55) : null,
      });
    } else {
      items.push({
        kind: 'message',
        id: 'm' + i,
        clientId: FEED_CLIENT,
        at,
        sender: r() < 0.5 ? 'advisor' : 'client',
        body: body(r),
      });
    }
  }
  cache.set(total, items);
  return items;
}

const clientCache = new Map<number, ClientSummary[]>();

/** `n` clients in list order (unread first, then most recent), 5% with unread. */
export function clients(n: number): ClientSummary[] {
  const hit = clientCache.get(n);
  if (hit) return hit;
  const r = rng(0xc1 + n);
  const first = [
    'Dana',
    'Alex',
    'Sam',
    'Maria',
    'Jordan',
    'Priya',
    'Lee',
    'Noa',
    'Chen',
    'Olu',
    'Fatima',
    'Ivan',
  ];
  const last = [
    'Smith',
    'Garcia',
    'Kim',
    'Cohen',
    'Okafor',
    'Rossi',
    'Nguyen',
    'Müller',
    'Silva',
    'Haddad',
  ];
  const now = Date.UTC(2025, 5, 1);
  const list: ClientSummary[] = [];
  for (let i = 0; i < n; i++) {
    list.push({
      id: 'c' + i,
      displayName: `${first[Math.floor(r() * first.length)]} ${last[Math.floor(r() * last.length)]} ${i}`,
      avatarUrl: null,
      hasUnread: r() < 0.05,
      lastActivityAt: new Date(now - Math.floor(r() * 400 * 86_400_000)).toISOString(),
      lastItemPreview: sentence(r, 20 + r() * 100).slice(0, 140),
    });
  }
  const sorted = sortClientsForList(list);
  clientCache.set(n, sorted);
  return sorted;
}

/** Options of {@link FakeAdapter}. */
export interface FakeOptions {
  /** Items in the newest page (what `loadFeed` puts in the store). */
  newest: number;
  /** Older items behind `olderCursor` (0: nothing older). */
  older?: number;
  /** Clients returned by `listClients` in one page. */
  clients?: number;
}

/**
 * A {@link DmAdapter} over generated data. The first `getFeed` page holds the newest `newest`
 * items whatever `limit` asks (so one `loadFeed` puts N items in the store); older pages honour
 * `limit`. `holdOlder()` makes the next older page wait until released (to time a prepend).
 */
export class FakeAdapter implements DmAdapter {
  readonly all: FeedItem[];
  private readonly newest: number;
  private readonly clientList: ClientSummary[];
  private gate: {
    open: Promise<void>;
    release: () => void;
    requested: Promise<void>;
    markRequested: () => void;
  } | null = null;

  constructor(opts: FakeOptions) {
    this.newest = opts.newest;
    this.all = feedItems(opts.newest + (opts.older ?? 0));
    this.clientList = opts.clients ? clients(opts.clients) : [];
  }

  /** The next older page waits for the returned `release()`; `requested` resolves when it is asked for. */
  holdOlder(): { release: () => void; requested: Promise<void> } {
    let release!: () => void;
    let markRequested!: () => void;
    const open = new Promise<void>((r) => (release = r));
    const requested = new Promise<void>((r) => (markRequested = r));
    this.gate = { open, release, requested, markRequested };
    return { release, requested };
  }

  async getMe() {
    return { id: 'adv-bench', displayName: 'Bench Advisor', status: 'active' as const };
  }
  async listClients() {
    return { clients: this.clientList, nextCursor: null };
  }
  async getClient(clientId: string): Promise<ClientSummary> {
    const c = this.clientList.find((x) => x.id === clientId);
    return (
      c ?? {
        id: clientId,
        displayName: 'Dana Bench',
        avatarUrl: null,
        hasUnread: false,
        lastActivityAt: new Date(0).toISOString(),
        lastItemPreview: null,
      }
    );
  }
  /** Every call, in order (`feed?around=…`, `search?q=…`), to count requests. */
  readonly calls: string[] = [];

  async getFeed(_clientId: string, params: FeedParams): Promise<FeedPage> {
    const total = this.all.length;
    const limit = params.limit ?? 50;
    this.calls.push(
      'feed?' +
        (params.before ? 'before' : params.after ? 'after' : params.around ? 'around' : 'newest'),
    );
    if (params.around) {
      // A page that holds the item, with items on both sides (contract 1.1).
      const i = this.all.findIndex((x) => x.id === params.around);
      if (i < 0) throw new DmError('not-found', 'No such item', { status: 404 });
      const start = Math.max(0, Math.min(i - (limit >> 1), total - limit));
      const end = Math.min(total, start + limit);
      return {
        items: this.all.slice(start, end),
        olderCursor: start > 0 ? String(start) : null,
        newerCursor: end < total ? String(end) : null,
      };
    }
    if (params.after) {
      const start = Number(params.after);
      const end = Math.min(total, start + limit);
      return {
        items: this.all.slice(start, end),
        olderCursor: start > 0 ? String(start) : null,
        newerCursor: end < total ? String(end) : null,
      };
    }
    if (!params.before) {
      const start = Math.max(0, total - this.newest);
      return {
        items: this.all.slice(start),
        olderCursor: start > 0 ? String(start) : null,
        clientReadAt: null,
      };
    }
    const gate = this.gate;
    if (gate) {
      this.gate = null;
      gate.markRequested();
      await gate.open;
    }
    const end = Number(params.before);
    const start = Math.max(0, end - (params.limit ?? 50));
    return { items: this.all.slice(start, end), olderCursor: start > 0 ? String(start) : null };
  }
  /** Search (contract 1.1): case-insensitive in bodies and titles, newest first; the cursor is where to go on. */
  async search(
    _clientId: string,
    params: { q: string; cursor?: string | null; limit?: number },
  ): Promise<SearchPage> {
    this.calls.push('search?q=' + params.q);
    const q = params.q.trim().toLowerCase();
    const hits: FeedItem[] = [];
    let i = params.cursor ? Number(params.cursor) : this.all.length - 1;
    for (; i >= 0 && hits.length < (params.limit ?? 20); i--) {
      const x = this.all[i];
      if ((x.kind === 'message' ? x.body : x.title).toLowerCase().includes(q)) hits.push(x);
    }
    return { hits, nextCursor: i >= 0 ? String(i) : null };
  }

  async sendMessage(clientId: string, b: { body: string; clientMessageId: string }) {
    return {
      kind: 'message' as const,
      id: 'sent-' + b.clientMessageId,
      clientId,
      at: new Date().toISOString(),
      sender: 'advisor' as const,
      body: b.body,
      clientMessageId: b.clientMessageId,
    };
  }
  async getEligibility() {
    return { canSend: true, reason: null, consecutiveSent: 0, consecutiveLimit: 5 };
  }
  async markRead() {}
  async getOrder(orderId: string) {
    const o = this.all.find((i) => i.id === orderId && i.kind === 'order');
    if (!o || o.kind !== 'order') throw new Error('not found');
    return { ...o, question: null, deliveredAt: null, review: null };
  }
  async getUnread() {
    return { clientsWithUnread: this.clientList.filter((c) => c.hasUnread).length };
  }
  async putPresence() {}
  subscribe(_onEvent: unknown, opts?: { onStatus?(s: 'open'): void }) {
    opts?.onStatus?.('open');
    return () => {};
  }
}
