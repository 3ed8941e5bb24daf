/** Rules of the conversation search (1.1). */
import type { Exchange } from '../http.js';
import { duplicates, short, timeOf, type Item, type Rule, type RunContext } from '../context.js';

const enc = encodeURIComponent;
const hitsOf = (x: Exchange) => ((x.json as { hits?: Item[] } | undefined)?.hits ?? []) as Item[];
const textOf = (i: Item) => String(i.kind === 'message' ? i.body : i.title).toLowerCase();

/** A word of the read client's feed found in several items (the most, up to the newest 200 items). */
async function searchWord(ctx: RunContext): Promise<{ word: string; matching: Item[] }> {
  if (ctx.shared.has('search-word'))
    return ctx.shared.get('search-word') as { word: string; matching: Item[] };
  const full = await ctx.fullFeed();
  const counts = new Map<string, number>();
  for (const item of full.slice(-200)) {
    for (const w of new Set(textOf(item).match(/\p{L}{4,}/gu) ?? []))
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const best = [...counts.entries()]
    .filter(([, n]) => n >= 3)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (!best) return ctx.skip(`no word found in 3 items of the feed of ${ctx.readClient}`);
  const word = best[0];
  const value = { word, matching: full.filter((i) => textOf(i).includes(word)) };
  ctx.shared.set('search-word', value);
  return value;
}

/** The word with its case mixed: `reading` → `ReAdInG`. */
const mixCase = (w: string) =>
  [...w].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join('');

export const searchRules: Rule[] = [
  {
    id: 'search-newest-first',
    name: 'Search hits are the items whose body or order title holds q in any case, newest first (1.1)',
    async run(ctx) {
      const { word, matching } = await searchWord(ctx);
      const q = mixCase(word);
      const x = await ctx.http.get(`/clients/${enc(ctx.readClient)}/search?q=${enc(q)}&limit=200`);
      ctx.expectStatus(x, 200);
      const hits = hitsOf(x);
      const wrong = hits.filter((h) => !textOf(h).includes(word));
      ctx.check(
        !wrong.length,
        x,
        `only items holding "${word}" in any case`,
        `also ${short(wrong.map((h) => h.id))}`,
      );
      for (let i = 1; i < hits.length; i++) {
        if (timeOf(hits[i]!) > timeOf(hits[i - 1]!)) {
          ctx.failOn(
            x,
            'hits newest first (each `at` at or before the one before)',
            `${hits[i - 1]!.id} at ${hits[i - 1]!.at}, then ${hits[i]!.id} at ${hits[i]!.at}`,
          );
        }
      }
      const newest = matching[matching.length - 1]!;
      ctx.check(
        hits[0]?.id === newest.id || timeOf(hits[0] ?? {}) === timeOf(newest),
        x,
        `the newest matching item ${newest.id} (at ${newest.at}) first`,
        `first: ${hits[0]?.id ?? 'no hits'}`,
      );
      const def = await ctx.http.get(`/clients/${enc(ctx.readClient)}/search?q=${enc(q)}`);
      ctx.expectStatus(def, 200);
      ctx.check(
        hitsOf(def).length <= 20,
        def,
        'at most 20 hits without limit (the default)',
        `${hitsOf(def).length} hits`,
      );
    },
  },
  {
    id: 'search-walk',
    name: 'The search nextCursor walk yields every matching item once, then null (1.1)',
    async run(ctx) {
      const { word, matching } = await searchWord(ctx);
      const seen: string[] = [];
      let cursor: string | null = null;
      let last: Exchange | undefined;
      for (let n = 0; n === 0 || cursor; n++) {
        last = await ctx.http.get(
          `/clients/${enc(ctx.readClient)}/search?q=${enc(word)}&limit=2${cursor ? `&cursor=${enc(cursor)}` : ''}`,
        );
        ctx.expectStatus(last, 200);
        const hits = hitsOf(last);
        ctx.check(hits.length <= 2, last, 'at most limit=2 hits', `${hits.length}`);
        seen.push(...hits.map((h) => h.id));
        const next = (last.json as { nextCursor?: unknown }).nextCursor;
        cursor = typeof next === 'string' ? next : null;
        if (n > 500)
          return ctx.failOn(last, 'the walk to end with nextCursor null', 'a cursor on every page');
      }
      const dup = duplicates(seen);
      if (dup.length)
        return ctx.failOn(last!, 'each hit once across pages', `twice: ${short(dup)}`);
      const expected = matching.map((i) => i.id);
      const missing = expected.filter((id) => !seen.includes(id));
      if (missing.length)
        return ctx.failOn(
          last!,
          `all ${expected.length} items holding "${word}", then nextCursor null`,
          `${seen.length} hits, missing ${short(missing)}`,
        );
    },
  },
  {
    id: 'search-errors',
    name: 'Search answers 400 for a q under 2 characters once trimmed or a bad limit, 404 for an unknown client (1.1)',
    async run(ctx) {
      const base = `/clients/${enc(ctx.readClient)}/search`;
      for (const query of ['q=a', `q=${enc('  b  ')}`, '', 'q=ab&limit=0', 'q=ab&limit=201']) {
        ctx.expectStatus(await ctx.http.get(`${base}?${query}`), 400, `status 400 for ?${query}`);
      }
      ctx.expectStatus(
        await ctx.http.get(`/clients/dmv-no-such-client-${ctx.token}/search?q=hello`),
        404,
      );
    },
  },
];
