/** Rules judged over everything the run received: shapes against the OpenAPI file, eligibility, event ids, keep-alive. */
import { describeAnswer } from '../http.js';
import type { Loose } from '../sse.js';
import { short, type Rule, type RunContext } from '../context.js';

export function aggregateRules(keepAlive: () => Promise<string | null>): Rule[] {
  return [
    {
      id: 'schema',
      name: 'Every answer matches the OpenAPI file (status listed, JSON body of the right shape, date-times with Z or an offset, integers)',
      async run(ctx: RunContext) {
        let checked = 0;
        for (const x of ctx.http.log) {
          const problem = ctx.contract.checkResponse(
            x.method,
            x.path,
            x.status,
            x.contentType,
            x.json,
          );
          checked++;
          if (problem)
            return ctx.failOn(
              x,
              'an answer of the shape in the OpenAPI file',
              `${problem}; got ${describeAnswer(x, 160)}`,
            );
        }
        for (const e of ctx.stream.events) {
          const problem =
            e.json === undefined &&
            ['feed-item', 'client', 'eligibility', 'advisor', 'client-read', 'typing'].includes(
              e.event,
            )
              ? 'data is not JSON'
              : ctx.contract.checkEvent(e.event, e.json);
          if (problem)
            return ctx.fail(
              'GET /events',
              `the ${e.event} event's data as in the OpenAPI file`,
              `${problem}: ${e.data.slice(0, 160)}`,
            );
        }
        if (!checked) return ctx.skip('no answers to check');
      },
    },
    {
      id: 'eligibility-reason',
      name: 'Eligibility: reason is null exactly when canSend is true, consecutiveLimit is 5 (answers and events)',
      async run(ctx: RunContext) {
        const all: Array<{ where: string; e: Loose }> = [];
        for (const x of ctx.http.log)
          if (x.status === 200 && /\/send-eligibility$/.test(x.path))
            all.push({ where: `GET ${x.target}`, e: x.json });
        for (const ev of ctx.stream.named('eligibility'))
          all.push({
            where: `GET /events (eligibility #${ev.id})`,
            e: (ev.json as Loose)?.eligibility,
          });
        if (!all.length) return ctx.skip('no eligibility seen');
        for (const { where, e } of all) {
          const ok =
            e &&
            typeof e.canSend === 'boolean' &&
            (e.canSend ? e.reason === null : typeof e.reason === 'string') &&
            e.consecutiveLimit === 5;
          if (!ok)
            return ctx.fail(
              where,
              'reason null exactly when canSend is true; consecutiveLimit 5',
              JSON.stringify(e),
            );
        }
      },
    },
    {
      id: 'events-ids',
      name: 'Every event has an id: line (the widget reconnects with the last one)',
      async run(ctx: RunContext) {
        const events = ctx.stream.events;
        if (!events.length) return ctx.skip('no event arrived during the run');
        const bare = events.filter((e) => e.id === null || e.id === '');
        if (bare.length)
          return ctx.fail(
            'GET /events (open for the whole run)',
            'an id: line on every event',
            `${bare.length} of ${events.length} without: ${short(bare.map((e) => e.event))}`,
          );
      },
    },
    {
      id: 'events-keepalive',
      name: 'The event stream is never silent for 15 s: a ": ping" comment while nothing else is sent (1.1)',
      async run(ctx: RunContext) {
        const problem = await keepAlive();
        if (problem)
          return ctx.fail(
            'GET /events (a second stream, open from the start)',
            'a comment line (": ping") at least every 15 s while nothing else is sent',
            problem,
          );
      },
    },
  ];
}
