/**
 * "Nothing lost, nothing injected": for each class of fault the mock can inject, a scripted session
 * of sends, drafts and client switches on the real `<dm-communications>` ends with every message
 * stored exactly once on the mock's side, in the order written, and every draft intact.
 * A table of the numbers is printed at the end.
 *
 * The sessions are split over two files that run side by side (fault-injection-a.test.ts has the
 * even ones in the order below, fault-injection-b.test.ts the odd ones), each printing its table:
 * one file took over a minute on a busy machine.
 */
import { expect } from '@open-wc/testing';
import type { DmEvent } from '../../src/core/types.js';
import type { SubscribeOptions } from '../../src/data/adapter.js';
import { RestAdapter } from '../../src/data/rest-adapter.js';
import { part, parts, startMock, textOf, waitFor } from '../helpers/render.js';
import {
  type Ledger,
  type Tab,
  type Tally,
  checkDrafts,
  clickClient,
  composerOf,
  feedOf,
  feedTexts,
  formatTable,
  inputOf,
  listOf,
  newLedger,
  pickClients,
  record,
  renderTab,
  retryFailed,
  rowOf,
  sendText,
  settle,
  typeText,
  watchUncaught,
} from './session.js';

const { db } = await startMock();
const table: Tally[] = [];
let current: Tab | undefined;

/** A fetch that lets the first `times` sends reach the server, then drops the answer as a broken connection would. */
function lostReplyFetch(times: number): { fetch: typeof fetch; lost: () => number } {
  let lost = 0;
  const f: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (
      lost < times &&
      (init?.method ?? 'GET') === 'POST' &&
      /\/messages$/.test(new URL(url, location.href).pathname) &&
      res.ok
    ) {
      lost++;
      await res.text();
      throw new TypeError(
        'Failed to fetch (the connection dropped after the server stored the message)',
      );
    }
    return res;
  };
  return { fetch: f, lost: () => lost };
}

/**
 * Whether an outbox entry has spent its retries (or waits behind one that has). `outboxFor` returns the
 * store's entries; their `failed` flag is what the feed renders as "Not sent".
 */
const isFailed = (o: object) => (o as { failed?: boolean }).failed === true;

/** Every message of these clients is stored, or failed and waiting for Retry. */
const allSettled = (t: Tab, ids: string[]) =>
  ids.every((id) => t.store.outboxFor(id).every(isFailed));

/** The REST adapter with the live stream down for good (the worst case for lost replies: only a retry can confirm). */
class NoStreamAdapter extends RestAdapter {
  override subscribe(_onEvent: (event: DmEvent) => void, opts: SubscribeOptions = {}): () => void {
    opts.onStatus?.('reconnecting');
    return () => undefined;
  }
}

interface Hooks {
  /** After the first two messages to A. */
  midway?(): void | Promise<void>;
  /** After the last send, before the accounting. */
  end?(): void | Promise<void>;
}

/**
 * The scripted session: A gets two messages, a burst of quick switches, B gets one and a draft,
 * C gets one and a draft, back to A (its box is empty) for a third. Returns the ledger.
 */
async function script(
  t: Tab,
  tag: string,
  hooks: Hooks = {},
  ids = pickClients(db, 3),
): Promise<{ ledger: Ledger; ids: string[] }> {
  const [a, b, c] = ids as [string, string, string];
  const ledger = newLedger();
  const send = async (id: string, body: string) => {
    await sendText(t.tab, body);
    record(ledger, id, body);
  };
  await waitFor(() => parts(listOf(t.tab), 'client').length > 0, 10000, 'client list');
  await clickClient(t.tab, a);
  await send(a, `${tag}: A1`);
  await send(a, `${tag}: A2`);
  await hooks.midway?.();
  // Quick switches: rows clicked one after another without waiting for anything.
  for (const id of [b, c, a, b]) rowOf(t.tab, id)?.click();
  await waitFor(
    () => t.tab.client === b && composerOf(t.tab).clientId === b,
    10000,
    'B after the burst',
  );
  await composerOf(t.tab).updateComplete;
  await send(b, `${tag}: B1`);
  await typeText(t.tab, `${tag}: draft for B`);
  ledger.drafts.set(b, `${tag}: draft for B`);
  await clickClient(t.tab, c);
  await send(c, `${tag}: C1`);
  await typeText(t.tab, `${tag}: draft for C`);
  ledger.drafts.set(c, `${tag}: draft for C`);
  await clickClient(t.tab, a);
  expect(inputOf(t.tab).value, "A's box is empty (its messages were sent, no draft)").to.equal('');
  await send(a, `${tag}: A3`);
  await hooks.end?.();
  return { ledger, ids: [a, b, c] };
}

/**
 * Waits until every message is either stored or shown as failed; then, as the advisor would, opens
 * each client with a "Not sent" message and clicks Retry. Returns how many clients needed Retry.
 */
async function recover(t: Tab, ledger: Ledger): Promise<number> {
  const ids = [...ledger.sent.keys()];
  const failedOf = (id: string) => t.store.outboxFor(id).filter(isFailed);
  await waitFor(() => allSettled(t, ids), 30000, 'every message stored or marked failed');
  let retried = 0;
  for (const id of ids) {
    if (!t.store.outboxFor(id).length) continue;
    await clickClient(t.tab, id);
    const feed = feedOf(t.tab);
    // The card's feed may have failed to load while the server was away: its own Retry first.
    const err = part(feed, 'error');
    if (err && t.store.feed(id, 'all').status === 'error') {
      [...err.querySelectorAll('button')].find((b) => textOf(b) === 'Retry')!.click();
      await waitFor(
        () => t.store.feed(id, 'all').status === 'ready',
        10000,
        `feed of ${id} reloaded`,
      );
    }
    if (!t.store.outboxFor(id).length) continue;
    // The card shows every one of them as "Not sent"; Retry on the first sends them all, in order.
    for (const o of failedOf(id)) {
      await waitFor(
        () =>
          parts(feed, 'message').some(
            (m) => textOf(m).includes(o.body) && textOf(m).includes('Not sent'),
          ),
        10000,
        `"Not sent" on ${o.body}`,
      );
    }
    await retryFailed(t.tab, failedOf(id)[0]!.body);
    retried++;
  }
  return retried;
}

async function finish(
  fault: string,
  t: Tab,
  ledger: Ledger,
  opts: { allowRetry?: boolean } = {},
): Promise<Tally> {
  const retried = opts.allowRetry ? await recover(t, ledger) : 0;
  const tally = await settle(db, t, ledger, fault, retried);
  await checkDrafts(t, ledger, tally);
  table.push(tally);
  expect(tally.lost, 'lost').to.equal(0);
  expect(tally.duplicated, 'duplicated').to.equal(0);
  expect(tally.stored).to.equal(tally.sent);
  expect(tally.draftsIntact).to.equal(tally.drafts);
  return tally;
}

/** Defines the suite with every other session: `half` 0 keeps the first, third…, 1 the second, fourth…. */
export function faultInjection(half: 0 | 1): void {
  let index = 0;
  const session = (name: string, fn: () => Promise<void>) => {
    if (index++ % 2 === half) it(name, fn);
  };

  describe('fault injection: nothing lost, nothing injected', function () {
    this.timeout(90000);
    let uncaught: ReturnType<typeof watchUncaught>;

    beforeEach(() => {
      db.reset();
      uncaught = watchUncaught();
    });

    afterEach(async () => {
      uncaught.stop();
      db.setOffline(false);
      db.setLatency(0);
      for (const r of ['send', 'feed', 'eligibility', 'clients'] as const) db.setLatency(0, r);
      const t = current;
      current = undefined;
      // Let every send of this test reach the mock before the next test resets it.
      if (t)
        await waitFor(
          () => db.clients().every((c) => t.store.outboxFor(c.id).length === 0),
          10000,
          'outbox drained',
        ).catch(() => undefined);
      expect(uncaught.errors, 'uncaught errors on the page').to.deep.equal([]);
    });

    after(() => {
      console.log(
        '\nFault-injection sessions (messages per mock, drafts per composer):\n' +
          formatTable(table) +
          '\n',
      );
    });

    session('no fault (baseline)', async () => {
      const t = (current = await renderTab());
      const { ledger } = await script(t, 'baseline');
      await finish('none (baseline)', t, ledger);
    });

    session('5xx: the first 3 sends answer 503, then the server recovers', async () => {
      db.failNext('send', 3, 503);
      const t = (current = await renderTab());
      const { ledger } = await script(t, '5xx');
      const tally = await finish('5xx (503 x3, then OK)', t, ledger, { allowRetry: true });
      expect(tally.attempts, 'send requests (the faults were hit)').to.be.greaterThan(tally.sent);
    });

    session('network error: the first 3 sends never reach the server', async () => {
      db.networkErrorNext('send', 3);
      const t = (current = await renderTab());
      const { ledger } = await script(t, 'network');
      const tally = await finish('network error x3', t, ledger, { allowRetry: true });
      expect(tally.attempts, 'send requests (the faults were hit)').to.be.greaterThan(tally.sent);
    });

    session(
      'lost reply: the server stores the message but the answer is lost (3 times)',
      async () => {
        const lost = lostReplyFetch(3);
        const t = (current = await renderTab({
          adapter: new RestAdapter({ baseUrl: '/api/dm', fetch: lost.fetch }),
        }));
        const { ledger } = await script(t, 'lost-reply');
        await finish('lost reply x3 (stored, answer dropped)', t, ledger, { allowRetry: true });
        expect(lost.lost(), 'replies dropped').to.equal(3);
      },
    );

    session(
      'lost reply with the live stream down: only the retry (same clientMessageId) confirms',
      async () => {
        const lost = lostReplyFetch(3);
        const t = (current = await renderTab({
          adapter: new NoStreamAdapter({ baseUrl: '/api/dm', fetch: lost.fetch }),
        }));
        const { ledger } = await script(t, 'lost-reply-nostream');
        const tally = await finish('lost reply x3, no live stream', t, ledger, {
          allowRetry: true,
        });
        expect(lost.lost(), 'replies dropped').to.equal(3);
        // Each lost reply was retried with the same id; the mock answered 200 with the stored message.
        expect(tally.attempts, 'send requests').to.equal(tally.sent + 3);
      },
    );

    session(
      'malformed and invalid reads: errors with Retry, the rest goes on; unknown and bad events are skipped',
      async () => {
        const [a, b, c] = pickClients(db, 3) as [string, string, string];
        const ledger = newLedger();
        const send = async (id: string, body: string) => {
          await sendText(t.tab, body);
          record(ledger, id, body);
        };
        // The client list's first answer breaks the schema; the card (opened by its attribute) works regardless.
        db.invalidNext('clients', 1);
        const t = (current = await renderTab({ client: a }));
        const list = listOf(t.tab);
        await waitFor(() => part(list, 'error'), 10000, 'client list error');
        expect(textOf(part(list, 'error'))).to.contain('Retry');
        await waitFor(() => t.store.feed(a, 'all').status === 'ready', 10000, "A's feed");
        await send(a, 'reads: A1');
        [...part(list, 'error')!.querySelectorAll('button')]
          .find((x) => textOf(x) === 'Retry')!
          .click();
        await waitFor(() => rowOf(t.tab, b), 10000, 'list after Retry');

        // B's feed answers 200 with a body that is not JSON: an error with Retry; the composer still sends.
        db.malformedNext('feed', 1);
        await clickClient(t.tab, b);
        const feed = feedOf(t.tab);
        await waitFor(
          () => part(feed, 'error') && t.store.feed(b, 'all').status === 'error',
          10000,
          "B's feed error",
        );
        await send(b, 'reads: B1');
        await typeText(t.tab, 'reads: draft for B');
        ledger.drafts.set(b, 'reads: draft for B');
        [...part(feed, 'error')!.querySelectorAll('button')]
          .find((x) => textOf(x) === 'Retry')!
          .click();
        await waitFor(
          () => parts(feed, 'message').filter((m) => textOf(m).includes('reads: B1')).length === 1,
          10000,
          'B1 in the reloaded feed',
        );

        // C's eligibility breaks the schema: no block is invented, the box stays usable. B's own
        // eligibility is asked again after B1 was stored; let that answer land first, or it takes C's fault.
        await waitFor(
          () => t.store.eligibility(b).status === 'ready',
          10000,
          "B's eligibility after B1",
        );
        db.invalidNext('eligibility', 1);
        await clickClient(t.tab, c);
        await waitFor(
          () => t.store.eligibility(c).status === 'error',
          10000,
          "C's eligibility error",
        );
        expect(inputOf(t.tab).disabled).to.equal(false);
        expect(part(composerOf(t.tab), 'blocked-reason')).to.equal(null);
        await send(c, 'reads: C1');
        await typeText(t.tab, 'reads: draft for C');
        ledger.drafts.set(c, 'reads: draft for C');

        // Events: an unknown name, data that is not JSON, and events that break the schema are skipped.
        await waitFor(() => t.store.liveStatus === 'open', 10000, 'live stream open');
        const before = t.store.feed(c, 'all').items.length;
        db.emitRaw('no-such-event', { hello: 'world' });
        db.emitRaw('feed-item', '{"item": not json');
        db.emitRaw('feed-item', {
          item: {
            kind: 'message',
            id: 7,
            clientId: c,
            at: 'yesterday',
            body: 'reads: injected',
            sender: 'client',
          },
        });
        db.emitRaw('client', { client: { id: 42, displayName: null } });
        db.emitRaw('eligibility', { clientId: c, eligibility: { canSend: 'nope' } });
        db.clientWrites(c, 'reads: the client wrote after the bad events');
        await waitFor(
          () => feedTexts(t.tab).some((x) => x.includes('after the bad events')),
          10000,
          'a good event after the bad ones',
        );
        expect(feedTexts(t.tab).filter((x) => x.includes('after the bad events')).length).to.equal(
          1,
        );
        expect(
          feedTexts(t.tab).some((x) => x.includes('reads: injected')),
          'the invalid item was not shown',
        ).to.equal(false);
        expect(
          t.store.feed(c, 'all').items.length,
          "items in C's feed: only the good one added",
        ).to.equal(before + 1);
        expect(t.store.liveStatus).to.equal('open');
        expect(inputOf(t.tab).disabled, 'the bad eligibility event blocked nothing').to.equal(
          false,
        );

        await clickClient(t.tab, a);
        await send(a, 'reads: A2');
        await finish('malformed/invalid reads + bad events', t, ledger);
      },
    );

    session(
      'fires dm-message-sent once per stored message, also when the live stream confirms a message whose reply was lost',
      async () => {
        const lost = lostReplyFetch(3);
        const t = (current = await renderTab({
          adapter: new RestAdapter({ baseUrl: '/api/dm', fetch: lost.fetch }),
        }));
        await waitFor(() => t.store.liveStatus === 'open', 10000, 'live stream open');
        const { ledger } = await script(t, 'sent-events');
        const tally = await settle(db, t, ledger, 'sent-events');
        expect(lost.lost()).to.equal(3);
        const stored = [...ledger.sent.keys()].flatMap((id) =>
          db.storedMessages(id).map((m) => m.clientMessageId),
        );
        await waitFor(
          () => t.sentEvents.length >= tally.sent,
          5000,
          'a dm-message-sent per message',
        ).catch(() => undefined);
        expect([...t.sentEvents].sort(), 'dm-message-sent per stored message').to.deep.equal(
          [...stored].sort(),
        );
      },
    );

    session(
      "fires dm-message-sent for a message stored through the feed's Retry (after its retries were spent)",
      async () => {
        const [a] = pickClients(db, 1) as [string];
        const t = (current = await renderTab({ client: a }));
        await waitFor(() => t.store.feed(a, 'all').status === 'ready', 10000, "A's feed");
        db.setOffline(true);
        await sendText(t.tab, 'sent-event: via Retry');
        await waitFor(
          () =>
            parts(feedOf(t.tab), 'message').some(
              (m) => textOf(m).includes('sent-event: via Retry') && textOf(m).includes('Not sent'),
            ),
          15000,
          '"Not sent"',
        );
        db.setOffline(false);
        await retryFailed(t.tab, 'sent-event: via Retry');
        await waitFor(() => t.store.outboxFor(a).length === 0, 10000, 'stored after Retry');
        expect(db.storedMessages(a).map((m) => m.body)).to.deep.equal(['sent-event: via Retry']);
        await waitFor(() => t.sentEvents.length === 1, 3000, 'dm-message-sent').catch(
          () => undefined,
        );
        expect(t.sentEvents, 'dm-message-sent for the message stored via Retry').to.deep.equal([
          db.storedMessages(a)[0]!.clientMessageId,
        ]);
      },
    );

    session('429: the first 2 sends are rate-limited with Retry-After: 1', async () => {
      db.failNext('send', 2, 429, { retryAfterSeconds: 1 });
      const t = (current = await renderTab());
      const { ledger } = await script(t, '429');
      const tally = await finish('429 + Retry-After 1 s x2', t, ledger, { allowRetry: true });
      expect(tally.attempts, 'send requests (the faults were hit)').to.be.greaterThan(tally.sent);
    });

    session(
      'slow server: 800 ms per send, 600 ms per feed, with quick client switches',
      async () => {
        const t = (current = await renderTab());
        const { ledger } = await script(t, 'slow', {
          midway() {
            db.setLatency(800, 'send');
            db.setLatency(600, 'feed');
            db.setLatency(400, 'eligibility');
          },
        });
        await finish('slow server (send 800 ms, feed 600 ms)', t, ledger);
      },
    );

    session('server unreachable for a while (offline, then back)', async () => {
      const t = (current = await renderTab());
      const { ledger } = await script(t, 'offline', {
        midway: () => db.setOffline(true),
        end: () => db.setOffline(false),
      });
      await finish('server unreachable (offline, back)', t, ledger, { allowRetry: true });
    });

    session(
      'server unreachable beyond the retry budget: "Not sent" with Retry, then stored once',
      async () => {
        const t = (current = await renderTab());
        const ids = pickClients(db, 3);
        const { ledger } = await script(
          t,
          'offline-long',
          {
            midway: () => db.setOffline(true),
            async end() {
              // Every send made while offline spends its retries and ends "Not sent".
              await waitFor(() => allSettled(t, ids), 30000, 'every unsent message marked failed');
              db.setOffline(false);
            },
          },
          ids,
        );
        // What the open card shows: A3 failed, with Retry and Discard.
        const a3 = parts(feedOf(t.tab), 'message').find((m) =>
          textOf(m).includes('offline-long: A3'),
        );
        expect(textOf(a3)).to.contain('Not sent');
        const tally = await finish('unreachable past retries -> Retry', t, ledger, {
          allowRetry: true,
        });
        expect(tally.retried, 'clients that needed Retry').to.be.greaterThan(0);
      },
    );

    session(
      'dropped live stream mid-session (and a client message while it was down)',
      async () => {
        const t = (current = await renderTab());
        const ids = pickClients(db, 3);
        const writer = ids[1]!;
        const { ledger } = await script(
          t,
          'dropped',
          {
            midway() {
              db.dropConnections();
              db.clientWrites(writer, 'dropped: the client wrote while the stream was down');
            },
          },
          ids,
        );
        await finish('dropped live stream', t, ledger);
        await waitFor(() => t.store.liveStatus === 'open', 10000, 'stream open again');
        await waitFor(
          () =>
            t.store
              .feed(writer, 'all')
              .items.some(
                (e) => e.kind === 'message' && e.body.includes('while the stream was down'),
              ),
          10000,
          'missed message',
        );
        expect(
          t.store
            .feed(writer, 'all')
            .items.filter(
              (e) => e.kind === 'message' && e.body.includes('while the stream was down'),
            ).length,
        ).to.equal(1);
      },
    );
  });
}
