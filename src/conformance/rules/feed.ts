/** Rules of a feed: order, the olderCursor walk, the type filter, limit, and (1.1) around / after / clientReadAt. */
import { describeAnswer, type Exchange } from '../http.js';
import { duplicates, short, timeOf, type Item, type Rule, type RunContext } from '../context.js';

const enc = encodeURIComponent;
const ids = (items: Item[]) => items.map((i) => i.id);
const itemsOf = (x: Exchange) =>
  ((x.json as { items?: Item[] } | undefined)?.items ?? []) as Item[];
const feedPath = (ctx: RunContext, query: string) =>
  `/clients/${enc(ctx.readClient)}/feed?${query}`;

/** Positions of a page's items in the whole feed (-1 when not found). */
const positions = (full: Item[], page: Item[]) => {
  const index = new Map(full.map((it, i) => [it.id, i]));
  return page.map((it) => index.get(it.id) ?? -1);
};

/** The around page of the middle item, asked once and kept for the rules after it. */
async function aroundPage(ctx: RunContext): Promise<{ x: Exchange; target: Item; full: Item[] }> {
  const full = await ctx.fullFeed();
  if (full.length < 3)
    return ctx.skip(
      `the feed of ${ctx.readClient} has ${full.length} items: too few to look around one`,
    );
  if (!ctx.shared.has('around')) {
    const target = full[Math.floor(full.length / 2)]!;
    const x = await ctx.http.get(feedPath(ctx, `around=${enc(target.id)}&limit=9`));
    ctx.shared.set('around', { x, target, full });
  }
  return ctx.shared.get('around') as { x: Exchange; target: Item; full: Item[] };
}

export const feedRules: Rule[] = [
  {
    id: 'feed-oldest-first',
    name: 'Feed pages are oldest first: the newest item is the last of the newest page',
    async run(ctx) {
      const full = await ctx.fullFeed();
      if (full.length < 2)
        return ctx.skip(`the feed of ${ctx.readClient} has ${full.length} item(s)`);
      const pages = [
        await ctx.http.get(feedPath(ctx, 'limit=50')),
        ...(await ctx.feedWalk({ limit: 7 })).pages,
      ];
      for (const x of pages) {
        ctx.expectStatus(x, 200);
        const items = itemsOf(x);
        for (let i = 1; i < items.length; i++) {
          if (timeOf(items[i]!) < timeOf(items[i - 1]!)) {
            ctx.failOn(
              x,
              'items oldest first within a page (each `at` at or after the one before)',
              `${items[i - 1]!.id} at ${items[i - 1]!.at}, then ${items[i]!.id} at ${items[i]!.at}`,
            );
          }
        }
      }
      const newest = itemsOf(pages[0]!);
      const last = full[full.length - 1]!;
      ctx.check(
        newest[newest.length - 1]?.id === last.id ||
          timeOf(newest[newest.length - 1]!) === timeOf(last),
        pages[0]!,
        `the newest item ${last.id} (at ${last.at}) last on the newest page`,
        `last: ${newest[newest.length - 1]?.id}`,
      );
    },
  },
  {
    id: 'feed-walk',
    name: 'The olderCursor walk reaches the oldest item once: no item twice, none missing, only null ends it',
    async run(ctx) {
      const full = await ctx.fullFeed();
      const walk = await ctx.feedWalk({ limit: 7 });
      if (walk.broken) return ctx.fail(walk.broken.request, walk.broken.wants, walk.broken.got);
      const dup = duplicates(ids(walk.rows));
      if (dup.length)
        return ctx.fail(
          `the walk GET ${feedPath(ctx, 'limit=7')} then before=olderCursor …`,
          'each item on one page only',
          `on two pages: ${short(dup)}`,
        );
      const seen = new Set(ids(walk.rows));
      const missing = ids(full).filter((id) => !seen.has(id));
      const last = walk.pages[walk.pages.length - 1]!;
      if (missing.length)
        return ctx.fail(
          `the walk with limit=7, last GET ${last.target}`,
          `all ${full.length} items of the limit=200 walk`,
          `${walk.rows.length} items, missing ${short(missing)}; last page: ${describeAnswer(last, 100)}`,
        );
      for (let p = 1; p < walk.pages.length; p++) {
        const newer = itemsOf(walk.pages[p - 1]!);
        const older = itemsOf(walk.pages[p]!);
        const oldestOfNewer = Math.min(...newer.map(timeOf));
        const newestOfOlder = Math.max(...older.map(timeOf));
        ctx.check(
          newestOfOlder <= oldestOfNewer,
          walk.pages[p]!,
          'the page just before: every item at or before the oldest item of the page it came from',
          `an item at ${new Date(newestOfOlder).toISOString()} after ${new Date(oldestOfNewer).toISOString()}`,
        );
        ctx.check(
          older.length <= 7,
          walk.pages[p]!,
          'at most limit=7 items',
          `${older.length} items`,
        );
      }
    },
  },
  {
    id: 'feed-type',
    name: 'type=orders and type=messages filter on the server, and their walks cover the feed between them',
    async run(ctx) {
      const full = await ctx.fullFeed();
      const got: Record<string, string[]> = {};
      for (const [type, kind] of [
        ['orders', 'order'],
        ['messages', 'message'],
      ] as const) {
        for (const limit of [200, 7]) {
          const walk = await ctx.feedWalk({ type, limit });
          if (walk.broken) return ctx.fail(walk.broken.request, walk.broken.wants, walk.broken.got);
          for (const x of walk.pages) {
            const wrong = itemsOf(x).filter((i) => i.kind !== kind);
            ctx.check(
              !wrong.length,
              x,
              `only ${kind} items for type=${type}`,
              `also ${short(wrong.map((i) => `${i.id} (${i.kind})`))}`,
            );
          }
          const expected = ids(full.filter((i) => i.kind === kind)).sort();
          const have = ids(walk.rows).sort();
          if (have.join() !== expected.join()) {
            ctx.fail(
              `the walk GET ${feedPath(ctx, `type=${type}&limit=${limit}`)} …`,
              `every ${kind} of the feed once (${expected.length})`,
              `${have.length} items${duplicates(have).length ? `, twice: ${short(duplicates(have))}` : ''}`,
            );
          }
          got[type] = have;
        }
      }
      if (!got.orders!.length && !got.messages!.length && full.length)
        return ctx.fail(
          feedPath(ctx, 'type=…'),
          'the items split between orders and messages',
          'both empty',
        );
    },
  },
  {
    id: 'feed-limit',
    name: 'limit: a feed page holds at most limit items (default 50, at most 200); 0 and 201 answer 400',
    async run(ctx) {
      for (const [query, max] of [
        ['limit=3', 3],
        ['', 50],
        ['limit=200', 200],
      ] as const) {
        const x = await ctx.http.get(feedPath(ctx, query));
        ctx.expectStatus(x, 200);
        ctx.check(
          itemsOf(x).length <= max,
          x,
          `at most ${max} items`,
          `${itemsOf(x).length} items`,
        );
      }
      for (const query of ['limit=0', 'limit=201'])
        ctx.expectStatus(
          await ctx.http.get(feedPath(ctx, query)),
          400,
          'status 400 for a limit outside 1..200',
        );
    },
  },
  {
    id: 'feed-around',
    name: 'around=<item id> answers a page that holds the item, with the items just before and after it (1.1)',
    async run(ctx) {
      const { x, target, full } = await aroundPage(ctx);
      ctx.expectStatus(x, 200);
      const items = itemsOf(x);
      ctx.check(
        items.some((i) => i.id === target.id),
        x,
        `the item ${target.id} in the page`,
        `items ${short(ids(items), 9)}`,
      );
      const pos = positions(full, items).sort((a, b) => a - b);
      const k = full.findIndex((i) => i.id === target.id);
      ctx.check(
        pos[0]! < k && pos[pos.length - 1]! > k,
        x,
        `items before and after ${target.id} (it is item ${k + 1} of ${full.length})`,
        `items ${short(ids(items), 9)}`,
      );
      ctx.check(items.length <= 9, x, 'at most limit=9 items', `${items.length}`);
      const contiguous = pos[0]! >= 0 && pos.every((p, i) => p === pos[0]! + i);
      ctx.check(
        contiguous,
        x,
        'a run of consecutive items of the feed, no gap',
        `positions in the feed: ${pos.join(', ')}`,
      );
      const body = ctx.body(x);
      ctx.check(
        'newerCursor' in body,
        x,
        'a newerCursor (null only when the page reaches the newest item)',
        'no newerCursor',
      );
    },
  },
  {
    id: 'feed-after',
    name: 'From an around page, after=newerCursor walks to the newest and before=olderCursor back, with no gap (1.1)',
    async run(ctx) {
      const { x, full } = await aroundPage(ctx);
      ctx.expectStatus(x, 200);
      const page = itemsOf(x);
      const pos = positions(full, page);
      const hi = Math.max(...pos);
      const lo = Math.min(...pos.filter((p) => p >= 0));
      const newer: Item[] = [];
      let cursor = (x.json as { newerCursor?: unknown }).newerCursor;
      let last = x;
      for (let n = 0; typeof cursor === 'string'; n++) {
        last = await ctx.http.get(feedPath(ctx, `after=${enc(cursor)}&limit=9`));
        ctx.expectStatus(last, 200);
        const body = ctx.body(last);
        ctx.check(
          'newerCursor' in body,
          last,
          'a newerCursor on every after page (null at the newest)',
          'no newerCursor',
        );
        newer.push(...itemsOf(last));
        cursor = body.newerCursor;
        if (n > 200)
          return ctx.failOn(
            last,
            'the after walk to reach the newest item',
            'a newerCursor on every page',
          );
      }
      const expected = ids(full.slice(hi + 1));
      const got = ids(newer);
      if (duplicates(got).length)
        return ctx.failOn(last, 'each newer item once', `twice: ${short(duplicates(got))}`);
      if ([...got].sort().join() !== [...expected].sort().join()) {
        ctx.failOn(
          last,
          `the ${expected.length} items after the around page, then newerCursor null`,
          `${got.length} items: ${short(got)}`,
        );
      }
      const older = (x.json as { olderCursor?: unknown }).olderCursor;
      if (lo > 0) {
        ctx.check(
          typeof older === 'string',
          x,
          'an olderCursor (there are older items)',
          String(older),
        );
        const y = await ctx.http.get(feedPath(ctx, `before=${enc(older as string)}&limit=9`));
        ctx.expectStatus(y, 200);
        const before = positions(full, itemsOf(y)).sort((a, b) => a - b);
        ctx.check(
          before.length > 0 &&
            before[before.length - 1] === lo - 1 &&
            before.every((p, i) => p === before[0]! + i),
          y,
          `the items just before the around page, ending with ${full[lo - 1]!.id}`,
          `items ${short(ids(itemsOf(y)), 9)}`,
        );
      }
    },
  },
  {
    id: 'feed-around-errors',
    name: 'around answers 404 for an item not in this feed with this type; two of before/after/around answer 400 (1.1)',
    async run(ctx) {
      const { x, full } = await aroundPage(ctx);
      const message = full.find((i) => i.kind === 'message');
      if (message)
        ctx.expectStatus(
          await ctx.http.get(feedPath(ctx, `around=${enc(message.id)}&type=orders`)),
          404,
          `status 404: ${message.id} is a message, not in type=orders`,
        );
      ctx.expectStatus(
        await ctx.http.get(feedPath(ctx, `around=dmv-no-such-item-${ctx.token}`)),
        404,
        'status 404 for an item id that is not in the feed',
      );
      const body = (x.json ?? {}) as { olderCursor?: unknown; newerCursor?: unknown };
      const target = full[Math.floor(full.length / 2)]!;
      if (typeof body.olderCursor === 'string') {
        ctx.expectStatus(
          await ctx.http.get(
            feedPath(ctx, `before=${enc(body.olderCursor)}&around=${enc(target.id)}`),
          ),
          400,
          'status 400 for before and around together',
        );
      }
      if (typeof body.newerCursor === 'string' && typeof body.olderCursor === 'string') {
        ctx.expectStatus(
          await ctx.http.get(
            feedPath(ctx, `before=${enc(body.olderCursor)}&after=${enc(body.newerCursor)}`),
          ),
          400,
          'status 400 for before and after together',
        );
      }
    },
  },
  {
    id: 'feed-client-read-at',
    name: 'Every feed page carries clientReadAt: a date-time with Z or an offset, or null (1.1)',
    async run(ctx) {
      const pages = ctx.http.log.filter(
        (x) => x.status === 200 && /^\/clients\/[^/]+\/feed$/.test(x.path),
      );
      if (!pages.length) return ctx.skip('no feed page was answered');
      for (const x of pages) {
        const body = x.json as { clientReadAt?: unknown } | undefined;
        ctx.check(
          body && 'clientReadAt' in body,
          x,
          'a clientReadAt field (null when the client never read)',
          'no clientReadAt',
        );
        const v = body!.clientReadAt;
        ctx.check(
          v === null ||
            (typeof v === 'string' &&
              /(Z|[+-]\d\d:?\d\d)$/i.test(v) &&
              !Number.isNaN(Date.parse(v))),
          x,
          'null or a date-time with Z or an offset',
          JSON.stringify(v),
        );
      }
    },
  },
];
