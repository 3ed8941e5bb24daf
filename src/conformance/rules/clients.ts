/** Rules of the client list: order, the cursor walk, the name search, one client's summary. */
import { describeAnswer } from '../http.js';
import { compareClients, duplicates, short, type ClientRow, type Rule } from '../context.js';

const row = (c: ClientRow) =>
  `${c.id} (hasUnread ${c.hasUnread}, lastActivityAt ${c.lastActivityAt})`;

export const clientRules: Rule[] = [
  {
    id: 'clients-order',
    name: 'The client list is in order across pages: unread first, then lastActivityAt newest first, then id',
    async run(ctx) {
      const walk = await ctx.clientsWalk(7);
      if (walk.broken) return ctx.fail(walk.broken.request, walk.broken.wants, walk.broken.got);
      const rows = walk.pages.flatMap((x) =>
        ((x.json as { clients: ClientRow[] }).clients ?? []).map((c) => ({ c, x })),
      );
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1]!.c;
        const b = rows[i]!.c;
        if (compareClients(a, b) > 0) {
          ctx.fail(
            `GET ${rows[i]!.x.target} (the walk with limit=7)`,
            `${b.id} before ${a.id}: unread first, then lastActivityAt descending, then id ascending`,
            `${row(a)} then ${row(b)}`,
          );
        }
      }
    },
  },
  {
    id: 'clients-walk',
    name: 'The nextCursor walk covers every client once (short pages are fine, only a null cursor ends it)',
    async run(ctx) {
      const small = await ctx.clientsWalk(7);
      if (small.broken) return ctx.fail(small.broken.request, small.broken.wants, small.broken.got);
      const big = await ctx.clientsWalk(200);
      if (big.broken) return ctx.fail(big.broken.request, big.broken.wants, big.broken.got);
      const dup = duplicates(small.rows.map((c) => c.id));
      const last = small.pages[small.pages.length - 1]!;
      if (dup.length)
        return ctx.fail(
          `the walk GET /clients?limit=7 … (${small.pages.length} pages)`,
          'each client on one page only',
          `on two pages: ${short(dup)}`,
        );
      const seen = new Set(small.rows.map((c) => c.id));
      const missing = big.rows.map((c) => c.id).filter((id) => !seen.has(id));
      if (missing.length) {
        ctx.fail(
          `the walk GET /clients?limit=7 … ended at GET ${last.target}`,
          `every client of the limit=200 walk (${big.rows.length} clients); a page ends the walk only with nextCursor null once nothing is left`,
          `${small.rows.length} clients, missing ${short(missing)}; the last page: ${describeAnswer(last, 120)}`,
        );
      }
      for (const x of [...small.pages, ...big.pages]) {
        const n = (x.json as { clients: unknown[] }).clients.length;
        const lim = Number(/limit=(\d+)/.exec(x.target)?.[1]);
        ctx.check(n <= lim, x, `at most limit=${lim} clients`, `${n} clients`);
      }
      if (big.rows.length <= 7)
        return ctx.skip(`only ${big.rows.length} clients: not enough for two pages of 7`);
    },
  },
  {
    id: 'clients-q',
    name: 'q is a case-insensitive substring search of displayName',
    async run(ctx) {
      const all = (await ctx.clientsWalk(200)).rows;
      const target = all.find((c) => c.id === ctx.readClient) ?? all[0];
      if (!target) return ctx.skip('no clients to search for');
      const name = target.displayName;
      const start = Math.max(0, Math.floor(name.length / 2) - 2);
      const part = name.slice(start, start + 4).trim() || name;
      const variants = [part.toUpperCase(), part.toLowerCase()];
      const results: string[][] = [];
      for (const v of variants) {
        const walk = await ctx.clientsWalk(200, v);
        if (walk.broken) return ctx.fail(walk.broken.request, walk.broken.wants, walk.broken.got);
        const x = walk.pages[0]!;
        const wrong = walk.rows.filter(
          (c) => !c.displayName.toLowerCase().includes(part.toLowerCase()),
        );
        ctx.check(
          !wrong.length,
          x,
          `only clients whose displayName holds "${part}" in any case`,
          `also ${short(wrong.map((c) => `${c.id} "${c.displayName}"`))}`,
        );
        ctx.check(
          walk.rows.some((c) => c.id === target.id),
          x,
          `${target.id} "${name}" among the results`,
          `${walk.rows.length} results without it`,
        );
        results.push(walk.rows.map((c) => c.id).sort());
        const expected = all
          .filter((c) => c.displayName.toLowerCase().includes(part.toLowerCase()))
          .map((c) => c.id)
          .sort();
        const missing = expected.filter((id) => !walk.rows.some((c) => c.id === id));
        ctx.check(
          !missing.length,
          x,
          `every client whose displayName holds "${part}" (${expected.length})`,
          `missing ${short(missing)}`,
        );
      }
      if (results[0]!.join() !== results[1]!.join()) {
        ctx.fail(
          `GET /clients?q=${encodeURIComponent(variants[0]!)} and ?q=${encodeURIComponent(variants[1]!)}`,
          'the same clients in any case',
          `${results[0]!.length} and ${results[1]!.length} clients`,
        );
      }
    },
  },
  {
    id: 'client-summary',
    name: 'GET /clients/{id} answers the same summary as the list',
    async run(ctx) {
      const all = (await ctx.clientsWalk(200)).rows;
      const inList = all.find((c) => c.id === ctx.readClient);
      if (!inList) return ctx.skip(`${ctx.readClient} is not in the list`);
      const x = await ctx.http.get(`/clients/${encodeURIComponent(ctx.readClient)}`);
      ctx.expectStatus(x, 200);
      const c = ctx.body<ClientRow>(x);
      for (const key of [
        'id',
        'displayName',
        'hasUnread',
        'lastActivityAt',
        'avatarUrl',
        'lastItemPreview',
      ]) {
        ctx.check(
          JSON.stringify(c[key]) === JSON.stringify(inList[key]),
          x,
          `${key} ${JSON.stringify(inList[key])} as in GET /clients`,
          `${key} ${JSON.stringify(c[key])}`,
        );
      }
    },
  },
];
