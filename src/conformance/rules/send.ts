/** Rules of sending: 201, idempotency, body and key validation, the consecutive limit and the 403. */
import { describeAnswer, type Exchange } from '../http.js';
import type { Item, Rule, RunContext } from '../context.js';

const enc = encodeURIComponent;

/** How many items of the newest feed page (200) carry a clientMessageId. */
async function copies(ctx: RunContext, cmid: string): Promise<{ x: Exchange; n: number }> {
  const x = await ctx.http.get(`/clients/${enc(ctx.writeClient!)}/feed?type=messages&limit=200`);
  ctx.expectStatus(x, 200);
  const items = ((x.json as { items?: Item[] }).items ?? []) as Item[];
  return { x, n: items.filter((i) => i.clientMessageId === cmid).length };
}

export const sendRules: Rule[] = [
  {
    id: 'send-201',
    name: 'A send answers 201 with the stored message, which is then the newest item of the feed',
    needs: ['client'],
    async run(ctx) {
      await ctx.budget(1);
      const body = ctx.text('a first message');
      const cmid = ctx.cmid();
      const x = await ctx.send(body, cmid);
      ctx.expectStatus(x, 201);
      const m = ctx.body<Item>(x);
      ctx.shared.set('first-send', { cmid, body, item: m });
      ctx.check(
        m.kind === 'message' && m.sender === 'advisor',
        x,
        'a message item with sender "advisor"',
      );
      ctx.check(
        m.body === body && m.clientMessageId === cmid && m.clientId === ctx.writeClient,
        x,
        `body, clientMessageId ${cmid} and clientId ${ctx.writeClient} as sent`,
      );
      const page = await ctx.http.get(`/clients/${enc(ctx.writeClient!)}/feed?limit=5`);
      ctx.expectStatus(page, 200);
      const items = ((page.json as { items?: Item[] }).items ?? []) as Item[];
      ctx.check(
        items.some((i) => i.id === m.id),
        page,
        `the new message ${m.id} on the newest page`,
        describeAnswer(page, 200),
      );
    },
  },
  {
    id: 'send-repeat-200',
    name: 'The same clientMessageId sent again answers 200 with the same message (same id)',
    needs: ['client'],
    async run(ctx) {
      const first = ctx.shared.get('first-send') as
        { cmid: string; body: string; item: Item } | undefined;
      if (!first) return ctx.skip('needs the message of the rule above');
      const x = await ctx.send(first.body, first.cmid);
      ctx.expectStatus(x, 200, 'status 200 (already stored under this clientMessageId), not 201');
      const m = ctx.body<Item>(x);
      ctx.check(m.id === first.item.id, x, `the stored message ${first.item.id}`, `id ${m.id}`);
      const other = await ctx.send(ctx.text('same key, another text'), first.cmid);
      ctx.expectStatus(
        other,
        200,
        'status 200 for the same key with another body (the first body wins)',
      );
      ctx.check(
        ctx.body<Item>(other).id === first.item.id,
        other,
        `the stored message ${first.item.id}`,
      );
    },
  },
  {
    id: 'send-one-copy',
    name: 'After the repeats, the feed holds one copy of the message',
    needs: ['client'],
    async run(ctx) {
      const first = ctx.shared.get('first-send') as { cmid: string } | undefined;
      if (!first) return ctx.skip('needs the message of the rule above');
      const { x, n } = await copies(ctx, first.cmid);
      ctx.check(n === 1, x, `one item with clientMessageId ${first.cmid}`, `${n} items`);
    },
  },
  {
    id: 'send-bad-body',
    name: 'A body that is empty, whitespace only or 2,001 characters answers 400 and stores nothing',
    needs: ['client'],
    async run(ctx) {
      const keys: string[] = [];
      for (const [label, body] of [
        ['empty', ''],
        ['whitespace only', ' \n\t  '],
        ['2,001 characters', ctx.text('').padEnd(2001, 'x')],
        ['2,001 code points (emoji)', '🙂'.repeat(2001)],
        ['not a string', 42],
      ] as const) {
        const cmid = ctx.cmid();
        keys.push(cmid);
        const x = await ctx.http.post(`/clients/${enc(ctx.writeClient!)}/messages`, {
          body,
          clientMessageId: cmid,
        });
        ctx.expectStatus(x, 400, `status 400 for a body that is ${label}`);
      }
      const page = await ctx.http.get(
        `/clients/${enc(ctx.writeClient!)}/feed?type=messages&limit=200`,
      );
      ctx.expectStatus(page, 200);
      const stored = (((page.json as { items?: Item[] }).items ?? []) as Item[]).filter((i) =>
        keys.includes(String(i.clientMessageId)),
      );
      ctx.check(
        !stored.length,
        page,
        'nothing stored for the refused bodies',
        `stored: ${stored.map((i) => i.id).join(', ')}`,
      );
    },
  },
  {
    id: 'send-code-points',
    name: '2,000 characters are counted in Unicode code points: 2,000 emoji (4,000 UTF-16 units) are accepted as sent',
    needs: ['client'],
    async run(ctx) {
      await ctx.budget(1);
      const head = ctx.text('');
      const body = head + '🙂'.repeat(2000 - [...head].length);
      const x = await ctx.send(body);
      ctx.expectStatus(x, 201, 'status 201 for 2,000 code points');
      ctx.check(
        ctx.body<Item>(x).body === body,
        x,
        'the body stored exactly as sent',
        `${[...String(ctx.body<Item>(x).body)].length} code points`,
      );
    },
  },
  {
    id: 'send-bad-key',
    name: 'A missing or too short (under 8) or too long (over 64) clientMessageId answers 400',
    needs: ['client'],
    async run(ctx) {
      for (const clientMessageId of [undefined, '1234567', 'k'.repeat(65)]) {
        const x = await ctx.http.post(`/clients/${enc(ctx.writeClient!)}/messages`, {
          body: ctx.text('bad key'),
          clientMessageId,
        });
        ctx.expectStatus(
          x,
          400,
          `status 400 for clientMessageId ${clientMessageId === undefined ? 'missing' : `of ${clientMessageId.length} characters`}`,
        );
      }
    },
  },
  {
    id: 'consecutive-count',
    name: 'Each send raises consecutiveSent by one, and the 5th in a row blocks with consecutive_limit',
    needs: ['client'],
    async run(ctx) {
      if (ctx.hasHook('clientWrites'))
        await ctx.hook('clientWrites', ctx.writeClient!, ctx.text('(the client answers)'));
      let { x, e } = await ctx.eligibility();
      if (!e.canSend)
        return ctx.skip(`sending to ${ctx.writeClient} is blocked already (${e.reason})`);
      ctx.check(
        e.consecutiveSent >= 0 && e.consecutiveSent < 5,
        x,
        'consecutiveSent from 0 to 4 while sending is allowed',
        String(e.consecutiveSent),
      );
      while (e.consecutiveSent < 5) {
        const before = e.consecutiveSent;
        const s = await ctx.send(ctx.text(`in a row ${before + 1}`));
        ctx.expectStatus(s, 201, `status 201: only ${before} messages in a row so far`);
        ({ x, e } = await ctx.eligibility());
        ctx.check(
          e.consecutiveSent === before + 1,
          x,
          `consecutiveSent ${before + 1} after a send`,
          `consecutiveSent ${e.consecutiveSent}`,
        );
        if (e.consecutiveSent < 5)
          ctx.check(
            e.canSend && e.reason === null,
            x,
            `canSend true, reason null at ${e.consecutiveSent} in a row`,
          );
      }
      ctx.check(
        !e.canSend && e.reason === 'consecutive_limit',
        x,
        'canSend false with reason consecutive_limit after 5 in a row',
        `canSend ${e.canSend}, reason ${e.reason}`,
      );
    },
  },
  {
    id: 'blocked-403',
    name: 'A blocked send answers 403 with the reason at the top level; a key stored before the block is not refused',
    needs: ['client'],
    async run(ctx) {
      const { e } = await ctx.eligibility();
      if (e.reason !== 'consecutive_limit')
        return ctx.skip('sending is not blocked by consecutive_limit (see the rule above)');
      const x = await ctx.send(ctx.text('one too many'));
      ctx.expectStatus(x, 403);
      const body = ctx.body(x);
      ctx.check(
        body.reason === 'consecutive_limit',
        x,
        'reason "consecutive_limit" at the top level of the body, beside error',
        `reason ${JSON.stringify(body.reason)}${body.error?.reason ? ` (inside error: ${JSON.stringify(body.error.reason)})` : ''}`,
      );
      ctx.check(
        typeof body.error?.code === 'string' && typeof body.error?.message === 'string',
        x,
        '{ error: { code, message }, reason }',
      );
      // The widget sends a key again when an answer was lost: a key stored before the block is not refused.
      const stored = ctx.sent[ctx.sent.length - 1];
      if (stored?.clientMessageId) {
        const again = await ctx.send(stored.body!, stored.clientMessageId);
        ctx.check(
          again.status !== 403 && (again.json as Item | undefined)?.id === stored.id,
          again,
          `the stored message ${stored.id}, not a 403: the key ${stored.clientMessageId} was stored before the block`,
        );
      }
    },
  },
  {
    id: 'reset-by-message',
    name: 'A client message resets the consecutive count to 0 and unblocks',
    needs: ['client', 'clientWrites'],
    async run(ctx) {
      await ctx.hook('clientWrites', ctx.writeClient!, ctx.text('the client writes back'));
      const { x, e } = await ctx.eligibility();
      ctx.check(
        e.canSend && e.reason === null && e.consecutiveSent === 0,
        x,
        'canSend true, reason null, consecutiveSent 0 after a client message',
        describeAnswer(x),
      );
    },
  },
  {
    id: 'reset-by-order',
    name: 'A client order resets the consecutive count to 0',
    needs: ['client', 'clientOrders'],
    async run(ctx) {
      await ctx.budget(1);
      ctx.expectStatus(await ctx.send(ctx.text('before the order')), 201);
      const before = await ctx.eligibility();
      ctx.check(before.e.consecutiveSent >= 1, before.x, 'consecutiveSent at least 1 after a send');
      await ctx.hook('clientOrders', ctx.writeClient!);
      const { x, e } = await ctx.eligibility();
      ctx.check(
        e.consecutiveSent === 0,
        x,
        'consecutiveSent 0 after a client order',
        `consecutiveSent ${e.consecutiveSent}`,
      );
    },
  },
  {
    id: 'precedence',
    name: 'Block reasons take precedence: advisor status, then negative_review, then consecutive_limit (eligibility and 403 agree)',
    needs: ['client', 'clientWrites', 'negativeReview', 'setAdvisorStatus'],
    async run(ctx) {
      const expect = async (reason: string, why: string) => {
        const { x, e } = await ctx.eligibility();
        ctx.check(
          !e.canSend && e.reason === reason,
          x,
          `canSend false, reason ${reason} (${why})`,
          `canSend ${e.canSend}, reason ${e.reason}`,
        );
        const s = await ctx.send(ctx.text(`blocked by ${reason}`));
        ctx.check(
          s.status === 403 && (s.json as { reason?: unknown } | undefined)?.reason === reason,
          s,
          `403 with reason ${reason} (${why})`,
        );
      };
      try {
        await ctx.budget(5);
        for (let i = 0; i < 5; i++)
          ctx.expectStatus(await ctx.send(ctx.text(`towards the limit ${i + 1}`)), 201);
        await expect('consecutive_limit', '5 in a row');
        await ctx.hook('negativeReview', ctx.writeClient!, true);
        await expect('negative_review', 'a negative review and 5 in a row');
        for (const status of ['needs_improvement', 'rejected', 'suspended'] as const) {
          await ctx.hook('setAdvisorStatus', status);
          await expect(`advisor_${status}`, `advisor ${status}, a negative review and 5 in a row`);
        }
        await ctx.hook('setAdvisorStatus', 'active');
        await expect('negative_review', 'advisor active again');
        await ctx.hook('negativeReview', ctx.writeClient!, false);
        await expect('consecutive_limit', 'the negative review gone');
      } finally {
        await ctx.hook('setAdvisorStatus', 'active');
        await ctx.hook('negativeReview', ctx.writeClient!, false);
        await ctx.hook('clientWrites', ctx.writeClient!, ctx.text('(the client answers)'));
      }
    },
  },
];
