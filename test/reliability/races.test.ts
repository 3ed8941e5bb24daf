/**
 * Races on the real `<dm-communications>`: answers for a card the advisor has left arrive late
 * (held by a gate in a custom adapter, then released in the worst order, and delivered even though
 * the store gave up on them, as a server that ignores the abort would). None of them may paint over
 * the card on screen: not its items, not its eligibility, not an error. Live events for another
 * client leave the open feed alone, and the last of several quick filter changes wins.
 */
import { expect } from '@open-wc/testing';
import type { FeedFilter } from '../../src/core/types.js';
import { type CallOptions, DmError } from '../../src/data/adapter.js';
import { RestAdapter } from '../../src/data/rest-adapter.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { part, parts, startMock, textOf, waitFor } from '../helpers/render.js';
import {
  type Tab,
  composerOf,
  feedOf,
  inputOf,
  listOf,
  pickClients,
  renderTab,
  rowOf,
  watchUncaught,
} from './session.js';

const { db } = await startMock();

interface Held {
  key: string;
  release(): void;
  done: Promise<unknown>;
}

/** The REST adapter, except that calls matching `holdIf` wait for the test to release them. */
class GatedAdapter extends RestAdapter {
  held: Held[] = [];
  /** How each held call ended, by key (a held answer is delivered even when the store gave up on it). */
  outcomes: Array<[string, 'answered' | 'failed']> = [];
  holdIf: (key: string) => boolean = () => false;
  /** Clients whose held feed answers end in a 503 instead. */
  failFeedOf = new Set<string>();

  private gate_<T>(key: string, run: () => Promise<T>, direct: () => Promise<T>): Promise<T> {
    if (!this.holdIf(key)) return direct();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const result = gate.then(run);
    this.held.push({
      key,
      release,
      done: result.then(
        () => this.outcomes.push([key, 'answered']),
        () => this.outcomes.push([key, 'failed']),
      ),
    });
    return result;
  }

  override getFeed(
    clientId: string,
    params: { type?: FeedFilter; before?: string | null; limit?: number },
    opts?: CallOptions,
  ) {
    const key = `feed:${clientId}:${params.type ?? 'all'}${params.before ? ':older' : ''}`;
    return this.gate_(
      key,
      // Held answers come back even if the store aborted meanwhile (a server that ignores the abort).
      () =>
        this.failFeedOf.has(clientId)
          ? Promise.reject(new DmError('server', 'HTTP 503', { status: 503 }))
          : super.getFeed(clientId, params),
      () => super.getFeed(clientId, params, opts),
    );
  }

  override getEligibility(clientId: string, opts?: CallOptions) {
    return this.gate_(
      `elig:${clientId}`,
      () => super.getEligibility(clientId),
      () => super.getEligibility(clientId, opts),
    );
  }

  /** Releases every held call (newest first: the stale ones land last), and waits until they answered. */
  async releaseAll(order: 'newest-first' | 'oldest-first' = 'newest-first'): Promise<void> {
    const held = order === 'newest-first' ? [...this.held].reverse() : [...this.held];
    this.held = [];
    for (const h of held) {
      h.release();
      await h.done;
    }
  }
}

/** Lets the store's microtasks and the elements' updates run after the last answer. */
async function settleUi(t: Tab): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await t.tab.updateComplete;
    await feedOf(t.tab)?.updateComplete;
    await composerOf(t.tab)?.updateComplete;
  }
}

/** The item keys the open feed renders (`i:<item id>`, ids name their client: `m-<clientId>-…`). */
const renderedKeys = (t: Tab) => parts(feedOf(t.tab), 'item').map((i) => i.dataset.vkey ?? '');

function expectShowsOnly(t: Tab, clientId: string): void {
  const keys = renderedKeys(t);
  expect(keys.length, `items of ${clientId} rendered`).to.be.greaterThan(0);
  for (const k of keys)
    expect(k, 'every rendered item belongs to the open client').to.match(
      new RegExp(`^i:[mo]-${clientId}-`),
    );
  expect(feedOf(t.tab).clientId).to.equal(clientId);
  expect(textOf(t.tab.shadowRoot!.querySelector('h2'))).to.equal(db.client(clientId)!.displayName);
}

describe('races: a slow answer never paints over the card on screen', function () {
  this.timeout(60000);
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    db.reset();
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
    expect(uncaught.errors, 'uncaught errors on the page').to.deep.equal([]);
  });

  it("A (blocked, slow feed and eligibility) then B: A's late items and block never reach B", async () => {
    const a = MOCK_CLIENTS.fiveInARow; // blocked: consecutive_limit
    const [b] = pickClients(db, 1) as [string];
    const adapter = new GatedAdapter({ baseUrl: '/api/dm' });
    adapter.holdIf = (key) => key === `feed:${a}:all` || key === `elig:${a}`;
    const t = await renderTab({ adapter, client: a });
    await waitFor(() => adapter.held.length === 2, 10000, "A's feed and eligibility asked for");
    expect(part(feedOf(t.tab), 'loading'), 'A is loading').to.exist;
    t.tab.client = b;
    await waitFor(
      () => t.store.feed(b, 'all').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      "B's feed",
    );
    await waitFor(() => t.store.eligibility(b).status === 'ready', 10000, "B's eligibility");
    const before = renderedKeys(t);
    await adapter.releaseAll();
    await waitFor(
      () => t.store.eligibility(a).status === 'ready',
      10000,
      "A's eligibility answered",
    );
    await settleUi(t);
    expect(adapter.outcomes, "A's late answers were delivered").to.deep.include.members([
      [`feed:${a}:all`, 'answered'],
      [`elig:${a}`, 'answered'],
    ]);
    expect(t.store.eligibility(a).value?.canSend, "A's (late) eligibility is blocked").to.equal(
      false,
    );
    expectShowsOnly(t, b);
    expect(renderedKeys(t)).to.deep.equal(before);
    expect(part(composerOf(t.tab), 'blocked-reason'), "A's block is not shown on B").to.equal(null);
    expect(inputOf(t.tab).disabled).to.equal(false);
    expect(part(feedOf(t.tab), 'error')).to.equal(null);
  });

  it("A's slow feed fails after the switch to B: no error on B", async () => {
    const [a, b] = pickClients(db, 2) as [string, string];
    const adapter = new GatedAdapter({ baseUrl: '/api/dm' });
    adapter.holdIf = (key) => key === `feed:${a}:all`;
    adapter.failFeedOf.add(a);
    const t = await renderTab({ adapter });
    await waitFor(() => rowOf(t.tab, a), 10000, 'list');
    rowOf(t.tab, a)!.click();
    await waitFor(() => adapter.held.length === 1, 10000, "A's feed asked for");
    rowOf(t.tab, b)!.click();
    await waitFor(
      () => t.store.feed(b, 'all').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      "B's feed",
    );
    await adapter.releaseAll();
    await settleUi(t);
    expectShowsOnly(t, b);
    expect(part(feedOf(t.tab), 'error'), 'no error painted on B').to.equal(null);
    // A's card is not broken either: going back loads it afresh.
    adapter.failFeedOf.delete(a);
    adapter.holdIf = () => false;
    rowOf(t.tab, a)!.click();
    await waitFor(
      () => t.store.feed(a, 'all').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      "A's feed again",
    );
    expectShowsOnly(t, a);
  });

  it('several quick switches (A, B, C, D), answers released newest first: D is shown', async () => {
    const ids = db
      .clients()
      .slice(0, 14)
      .filter((c) => !c.hasUnread && db.feedItems(c.id).length > 0)
      .slice(0, 4)
      .map((c) => c.id);
    expect(ids.length).to.equal(4);
    const adapter = new GatedAdapter({ baseUrl: '/api/dm' });
    adapter.holdIf = (key) => key.startsWith('feed:') || key.startsWith('elig:');
    const t = await renderTab({ adapter });
    await waitFor(() => ids.every((id) => rowOf(t.tab, id)), 10000, 'list');
    for (const id of ids) {
      rowOf(t.tab, id)!.click();
      await t.tab.updateComplete;
    }
    const d = ids[3]!;
    await waitFor(
      () => adapter.held.some((h) => h.key === `feed:${d}:all`),
      10000,
      "D's feed asked for",
    );
    await adapter.releaseAll('newest-first');
    await waitFor(
      () => t.store.feed(d, 'all').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      "D's feed",
    );
    await settleUi(t);
    expectShowsOnly(t, d);
    expect(part(listOf(t.tab), 'client-selected')?.dataset.vkey).to.equal(d);
    expect(composerOf(t.tab).clientId).to.equal(d);
  });

  it('a live event for another client never touches the open feed', async () => {
    const [open, other] = pickClients(db, 2) as [string, string];
    const t = await renderTab({ client: open });
    await waitFor(() => t.store.liveStatus === 'open', 10000, 'live stream');
    await waitFor(
      () => t.store.feed(open, 'all').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      'open feed',
    );
    await settleUi(t);
    const items = t.store.feed(open, 'all').items;
    const keys = renderedKeys(t);
    db.clientWrites(other, 'races: for the other client only');
    db.clientOrders(other);
    db.setUnread(other, true);
    await waitFor(
      () => t.store.client(other)?.hasUnread === true,
      10000,
      "the other client's events applied",
    );
    await settleUi(t);
    expect(t.store.feed(open, 'all').items, "the open feed's items are untouched").to.equal(items);
    expect(renderedKeys(t)).to.deep.equal(keys);
    expect(
      parts(feedOf(t.tab), 'item').some((i) => textOf(i).includes('for the other client only')),
    ).to.equal(false);
    expect(part(feedOf(t.tab), 'new-messages'), 'no "new messages" pill').to.equal(null);
    expect(inputOf(t.tab).disabled).to.equal(false);
    // The open client's own event does reach it (the check above is not vacuous).
    db.clientWrites(open, 'races: for the open client');
    await waitFor(
      () =>
        parts(feedOf(t.tab), 'item').some((i) => textOf(i).includes('races: for the open client')),
      10000,
      'own event',
    );
  });

  it('the last of several quick filter changes wins, whatever order the answers come in', async () => {
    const [id] = pickClients(db, 1) as [string];
    const kinds = new Set(
      db
        .feedItems(id)
        .slice(-50)
        .map((i) => i.kind),
    );
    expect([...kinds].sort(), 'client has orders and messages').to.deep.equal(['message', 'order']);
    const adapter = new GatedAdapter({ baseUrl: '/api/dm' });
    const t = await renderTab({ adapter, client: id });
    await waitFor(
      () => t.store.feed(id, 'all').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      'feed',
    );
    adapter.holdIf = (key) => key.startsWith(`feed:${id}:`);
    const feed = feedOf(t.tab);
    const button = (label: string) =>
      [...part(feed, 'filter')!.querySelectorAll('button')].find((x) => textOf(x) === label)!;
    for (const label of ['Orders', 'Messages', 'All', 'Orders', 'Messages']) {
      button(label).click();
      await feed.updateComplete;
    }
    expect(feed.filter).to.equal('messages');
    // Every held answer comes back, newest first: the stale ones arrive after the wanted one.
    await waitFor(
      () => adapter.held.some((h) => h.key === `feed:${id}:messages`),
      10000,
      'messages asked for',
    );
    await adapter.releaseAll('newest-first');
    await waitFor(
      () => t.store.feed(id, 'messages').status === 'ready' && renderedKeys(t).length > 0,
      10000,
      'messages feed',
    );
    await settleUi(t);
    expect(feed.filter).to.equal('messages');
    expect(feed.getAttribute('filter')).to.equal('messages');
    expect(button('Messages').getAttribute('aria-pressed')).to.equal('true');
    expect(parts(feed, 'order').length, 'no order shown under Messages').to.equal(0);
    const items = parts(feed, 'item');
    expect(items.length).to.be.greaterThan(0);
    for (const i of items) expect(i.getAttribute('part')).to.contain('message');
  });
});
