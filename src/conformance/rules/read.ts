/** Rules of reading: a read clears hasUnread and lowers /unread; read errors. */
import type { ClientRow, Item, Rule } from '../context.js';
import { timeOf } from '../context.js';

const enc = encodeURIComponent;

export const readRules: Rule[] = [
  {
    id: 'read-clears',
    name: 'A client message sets hasUnread; POST /read up to it clears hasUnread and lowers /unread by one',
    needs: ['client', 'clientWrites'],
    async run(ctx) {
      const id = ctx.writeClient!;
      await ctx.hook('clientWrites', id, ctx.text('the client asks something'));
      const c1 = await ctx.http.get(`/clients/${enc(id)}`);
      ctx.expectStatus(c1, 200);
      ctx.check(
        ctx.body<ClientRow>(c1).hasUnread === true,
        c1,
        'hasUnread true after the client wrote',
        `hasUnread ${ctx.body<ClientRow>(c1).hasUnread}`,
      );
      const u1 = await ctx.http.get('/unread');
      ctx.expectStatus(u1, 200);
      const before = ctx.body(u1).clientsWithUnread as number;
      const page = await ctx.http.get(`/clients/${enc(id)}/feed?limit=20`);
      ctx.expectStatus(page, 200);
      const items = [...(((page.json as { items?: Item[] }).items ?? []) as Item[])].sort(
        (a, b) => timeOf(a) - timeOf(b),
      );
      const newest = items[items.length - 1];
      if (!newest) return ctx.failOn(page, "the client's message in the feed", 'an empty page');
      const r = await ctx.http.post(`/clients/${enc(id)}/read`, { upTo: newest.id });
      ctx.expectStatus(r, 204);
      const c2 = await ctx.http.get(`/clients/${enc(id)}`);
      ctx.check(
        ctx.body<ClientRow>(c2).hasUnread === false,
        c2,
        `hasUnread false after POST /read { upTo: "${newest.id}" } (the newest item)`,
        `hasUnread ${ctx.body<ClientRow>(c2).hasUnread}`,
      );
      const u2 = await ctx.http.get('/unread');
      const after = ctx.body(u2).clientsWithUnread as number;
      ctx.check(
        after === before - 1,
        u2,
        `clientsWithUnread ${before - 1} (one fewer than before the read)`,
        `clientsWithUnread ${after}`,
      );
      const cleared = await ctx.waitEvents(
        () =>
          ctx.stream.named('client', (d) => d?.client?.id === id && d.client.hasUnread === false)
            .length > 0,
        3000,
      );
      if (!cleared)
        return ctx.fail(
          'GET /events (open during the read)',
          `a client event for ${id} with hasUnread false after the read`,
          `no such event within 3 s`,
        );
    },
  },
  {
    id: 'read-errors',
    name: 'POST /read answers 404 for an upTo that is not an item of the feed and 400 without upTo',
    needs: ['client'],
    async run(ctx) {
      const id = enc(ctx.writeClient!);
      ctx.expectStatus(
        await ctx.http.post(`/clients/${id}/read`, { upTo: `dmv-no-such-item-${ctx.token}` }),
        404,
        'status 404: upTo is an item id of this feed',
      );
      ctx.expectStatus(
        await ctx.http.post(`/clients/${id}/read`, {}),
        400,
        'status 400 without upTo',
      );
      ctx.expectStatus(
        await ctx.http.post(`/clients/dmv-no-such-client-${ctx.token}/read`, { upTo: 'x' }),
        404,
        'status 404 for an unknown client',
      );
    },
  },
];
