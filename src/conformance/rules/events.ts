/** Rules of GET /events: the stream itself, what a send or a client brings, ids, replay, keep-alive. */
import { SseConnection, sleep, type Loose, type SseEvent } from '../sse.js';
import { short, type Item, type Rule, type RunContext } from '../context.js';

const list = (events: SseEvent[]) =>
  short(
    events.map((e) => `${e.event}#${e.id ?? '(no id)'}`),
    8,
  ) || 'nothing';

/** The keep-alive watcher started with the run: resolves with null (kept alive) or what went wrong. */
export function watchKeepAlive(
  ctx: { http: RunContext['http'] },
  silenceMs: number,
): { verdict: Promise<string | null>; stop(): void } {
  let stream: SseConnection | undefined;
  let stopped = false;
  const verdict = (async () => {
    stream = await SseConnection.open(ctx.http);
    if (!stream.response.ok) return `GET /events answered ${stream.response.status}`;
    // Proven as soon as a comment line arrives; a silence longer than silenceMs fails.
    while (!stopped) {
      const got = await stream.waitFor(
        () => stream!.comments.length > 0 || Date.now() - stream!.lastActivity > silenceMs,
        250,
      );
      if (stream.comments.length) return null;
      if (stream.closed) return 'the server closed the stream';
      if (got) return `nothing (no event, no comment line) for ${Math.round(silenceMs / 1000)} s`;
    }
    return null;
  })();
  return {
    verdict,
    stop() {
      stopped = true;
      stream?.close();
    },
  };
}

export const eventRules: Rule[] = [
  {
    id: 'events-stream',
    name: 'GET /events answers 200 text/event-stream and stays open',
    async run(ctx) {
      const r = ctx.stream.response;
      const type = r.headers.get('content-type') ?? '';
      if (r.status !== 200 || !type.includes('text/event-stream'))
        return ctx.fail(
          'GET /events',
          '200 with Content-Type text/event-stream',
          `${r.status} ${type}`,
        );
      await sleep(200);
      if (ctx.stream.closed)
        return ctx.fail(
          'GET /events',
          'the stream open while the run goes on',
          'the server closed it',
        );
    },
  },
  {
    id: 'events-send',
    name: 'An advisor send brings feed-item (with its clientMessageId), client and eligibility events',
    needs: ['client'],
    async run(ctx) {
      const first = ctx.shared.get('first-send') as { cmid: string; item: Item } | undefined;
      if (!first) return ctx.skip('needs the message of the rule "A send answers 201"');
      const id = ctx.writeClient!;
      const ok = await ctx.waitEvents(
        () =>
          ctx.stream.named(
            'feed-item',
            (d) => d?.item?.clientMessageId === first.cmid && d.item.id === first.item.id,
          ).length > 0 &&
          ctx.stream.named('client', (d) => d?.client?.id === id).length > 0 &&
          ctx.stream.named('eligibility', (d) => d?.clientId === id).length > 0,
      );
      if (!ok) {
        ctx.fail(
          `GET /events (open) while POST /clients/${id}/messages stored ${first.item.id}`,
          `feed-item with item.id ${first.item.id} and clientMessageId ${first.cmid}, client for ${id}, eligibility for ${id}, within 5 s`,
          list(ctx.stream.events),
        );
      }
    },
  },
  {
    id: 'events-client',
    name: 'A client message brings feed-item (sender client), client (hasUnread true) and eligibility events',
    needs: ['client', 'clientWrites'],
    async run(ctx) {
      const id = ctx.writeClient!;
      const text = ctx.text('the client writes live');
      const from = ctx.stream.events.length;
      await ctx.hook('clientWrites', id, text);
      const since = () => ctx.stream.events.slice(from);
      const has = (name: string, where: (d: Loose) => boolean) =>
        since().some((e) => e.event === name && e.json !== undefined && where(e.json));
      const ok = await ctx.waitEvents(
        () =>
          has(
            'feed-item',
            (d) => d?.item?.sender === 'client' && d.item.body === text && d.item.clientId === id,
          ) &&
          has('client', (d) => d?.client?.id === id && d.client.hasUnread === true) &&
          has('eligibility', (d) => d?.clientId === id),
      );
      if (!ok)
        return ctx.fail(
          `GET /events (open) while the hook clientWrites("${id}", "${text}") ran`,
          'feed-item (sender client, that body), client (hasUnread true), eligibility, within 5 s',
          list(since()),
        );
    },
  },
  {
    id: 'events-advisor',
    name: "A change of the advisor's status brings an advisor event, and eligibility events for the clients it blocks",
    needs: ['client', 'setAdvisorStatus'],
    async run(ctx) {
      const id = ctx.writeClient!;
      const from = ctx.stream.events.length;
      const since = () => ctx.stream.events.slice(from);
      try {
        await ctx.hook('setAdvisorStatus', 'suspended');
        const ok = await ctx.waitEvents(
          () =>
            since().some(
              (e) => e.event === 'advisor' && (e.json as Loose)?.advisor?.status === 'suspended',
            ) &&
            since().some(
              (e) =>
                e.event === 'eligibility' &&
                (e.json as Loose)?.clientId === id &&
                (e.json as Loose).eligibility?.reason === 'advisor_suspended',
            ),
        );
        if (!ok)
          return ctx.fail(
            'GET /events (open) while the hook setAdvisorStatus("suspended") ran',
            `advisor (status suspended) and eligibility for ${id} (reason advisor_suspended), within 5 s`,
            list(since()),
          );
      } finally {
        await ctx.hook('setAdvisorStatus', 'active');
      }
      const back = await ctx.waitEvents(() =>
        since().some(
          (e) => e.event === 'advisor' && (e.json as Loose)?.advisor?.status === 'active',
        ),
      );
      if (!back)
        return ctx.fail(
          'GET /events (open) while the hook setAdvisorStatus("active") ran',
          'an advisor event with status active',
          list(since()),
        );
    },
  },
  {
    id: 'events-replay',
    name: 'A reconnect with Last-Event-ID replays exactly the events missed, each once',
    needs: ['client'],
    async run(ctx) {
      await sleep(300);
      const seen = ctx.stream.events.filter((e) => e.id !== null);
      if (!seen.length) return ctx.skip('needs event ids: no event so far had an id');
      const lastId = seen[seen.length - 1]!.id!;
      const seenIds = new Set(seen.map((e) => e.id));
      await ctx.budget(2);
      const a = await ctx.send(ctx.text('missed 1'));
      const b = await ctx.send(ctx.text('missed 2'));
      ctx.expectStatus(a, 201);
      ctx.expectStatus(b, 201);
      const cmids = [(a.json as Item).clientMessageId, (b.json as Item).clientMessageId];
      const replay = await SseConnection.open(ctx.http, { lastEventId: lastId });
      const request = `GET /events with Last-Event-ID: ${lastId} (after 2 sends while away)`;
      try {
        if (replay.response.status !== 200)
          return ctx.fail(request, 'status 200', String(replay.response.status));
        const feedItems = () =>
          replay
            .named('feed-item')
            .filter((e) => cmids.includes((e.json as Loose)?.item?.clientMessageId));
        await replay.waitFor(() => feedItems().length >= 2, 3000);
        await sleep(400);
        const got = feedItems().map((e) => (e.json as Loose).item.clientMessageId as string);
        const counts = cmids.map((c) => got.filter((g) => g === c).length);
        if (counts.some((n) => n !== 1)) {
          ctx.fail(
            request,
            `the feed-item of each missed send once (${cmids.join(', ')})`,
            `${counts.join(' and ')} copies; replayed: ${list(replay.events)}`,
          );
        }
        if (got[0] !== cmids[0])
          return ctx.fail(
            request,
            'the missed events in the order they happened',
            `replayed: ${list(replay.events)}`,
          );
        const old = replay.events.filter((e) => e.id !== null && seenIds.has(e.id));
        if (old.length)
          return ctx.fail(
            request,
            `nothing from before ${lastId} again`,
            `replayed again: ${list(old)}`,
          );
      } finally {
        replay.close();
      }
    },
  },
];
