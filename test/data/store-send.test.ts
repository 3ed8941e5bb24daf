import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DmError } from '../../src/data/adapter.js';
import type { DmAdapter } from '../../src/data/adapter.js';
import { DmStore } from '../../src/data/store.js';
import type { ClientSummary, Eligibility, FeedItem, MessageItem } from '../../src/core/types.js';

type Fault = 'ok' | 'network' | 'server' | 'rate' | 'lost-reply' | 'hang' | 'bad';

/**
 * A server in memory with the contract's idempotency: the same clientMessageId stores once.
 * Each call to sendMessage takes the next fault from `faults` ('lost-reply' stores the message
 * but the answer never arrives, the worst case for duplicates).
 */
class FakeServer implements DmAdapter {
  stored: MessageItem[] = [];
  faults: Fault[] = [];
  calls = 0;
  eligibilityValue: Eligibility = {
    canSend: true,
    reason: null,
    consecutiveSent: 0,
    consecutiveLimit: 5,
  };
  private n = 0;

  async sendMessage(
    clientId: string,
    body: { body: string; clientMessageId: string },
  ): Promise<MessageItem> {
    this.calls++;
    const fault = this.faults.shift() ?? 'ok';
    await Promise.resolve();
    if (fault === 'hang') return new Promise<never>(() => {});
    if (fault === 'bad') throw new DmError('bad-request', 'HTTP 400', { status: 400 });
    if (fault === 'network') throw new DmError('network', 'Failed to fetch');
    if (fault === 'server') throw new DmError('server', 'HTTP 503', { status: 503 });
    if (fault === 'rate')
      throw new DmError('rate-limited', 'Slow down', { status: 429, retryAfterMs: 1 });
    let msg = this.stored.find((m) => m.clientMessageId === body.clientMessageId);
    if (!msg) {
      msg = {
        kind: 'message',
        id: `m${++this.n}`,
        clientId,
        at: new Date(1700000000000 + this.n * 1000).toISOString(),
        sender: 'advisor',
        body: body.body,
        clientMessageId: body.clientMessageId,
      };
      this.stored.push(msg);
    }
    if (fault === 'lost-reply') throw new DmError('network', 'Connection reset');
    return msg;
  }
  async getMe() {
    return { id: 'a-test', displayName: 'Test', status: 'active' as const };
  }
  async listClients() {
    return { clients: [] as ClientSummary[], nextCursor: null };
  }
  async getClient(_id: string): Promise<ClientSummary> {
    throw new DmError('not-found', 'no');
  }
  /** Whether the feed shows what was stored (by default it is empty, as the tests below expect). */
  feedShowsStored = false;
  async getFeed(clientId: string) {
    return {
      items: (this.feedShowsStored
        ? this.stored.filter((m) => m.clientId === clientId)
        : []) as FeedItem[],
      olderCursor: null,
    };
  }
  async getEligibility() {
    return this.eligibilityValue;
  }
  async markRead(_clientId: string, _upTo: string) {}
  async getOrder(): Promise<never> {
    throw new DmError('not-found', 'no');
  }
  async getUnread() {
    return { clientsWithUnread: 0 };
  }
  async putPresence() {}
  subscribe() {
    return () => {};
  }
}

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
  } as Storage;
}

function newStore(server: FakeServer, maxSendAttempts = 4) {
  return new DmStore(server, { storage: null, retryBaseMs: 1, maxSendAttempts });
}

describe('DmStore sending', () => {
  it('shows a message at once as pending, then replaces it with the stored one (same row key)', async () => {
    const server = new FakeServer();
    const store = newStore(server);
    await store.loadFeed('c1');
    const sending = store.send('c1', '  Hello there  ');
    const pending = store.feed('c1').items;
    expect(pending).to.have.length(1);
    expect(pending[0]).to.include({ body: 'Hello there', delivery: 'pending', sender: 'advisor' });
    const result = await sending;
    expect(result.status).to.equal('sent');
    const items = store.feed('c1').items;
    expect(items).to.have.length(1);
    expect(items[0].delivery).to.equal(undefined);
    expect(items[0].id).to.equal('m1');
  });

  it('retries network errors, 5xx and 429 with the same clientMessageId and stores once', async () => {
    const server = new FakeServer();
    server.faults = ['network', 'server', 'rate', 'lost-reply'];
    const store = newStore(server, 6);
    const result = await store.send('c1', 'Once only');
    expect(result.status).to.equal('sent');
    expect(server.calls).to.equal(5);
    expect(server.stored.map((m) => m.body)).to.deep.equal(['Once only']);
  });

  it('marks a message failed when retries are spent; Retry sends it with the same id', async () => {
    const server = new FakeServer();
    server.faults = ['server', 'server'];
    const store = newStore(server, 2);
    await store.loadFeed('c1');
    const result = await store.send('c1', 'Flaky');
    expect(result.status).to.equal('failed');
    const [failed] = store.feed('c1').items;
    expect(failed.delivery).to.equal('failed');
    expect(store.outboxFor('c1')).to.have.length(1);
    const retry = await store.retrySend(
      'c1',
      failed.kind === 'message' ? failed.clientMessageId! : '',
    );
    expect(retry?.status).to.equal('sent');
    expect(server.stored).to.have.length(1);
    expect(server.stored[0].clientMessageId).to.equal(
      failed.kind === 'message' ? failed.clientMessageId : null,
    );
    expect(store.feed('c1').items.map((i) => i.delivery)).to.deep.equal([undefined]);
  });

  it('turns 403 into the block reason and gives the text back', async () => {
    const server = new FakeServer();
    server.sendMessage = async () => {
      throw new DmError('blocked', 'blocked', { status: 403, reason: 'negative_review' });
    };
    server.eligibilityValue = {
      canSend: false,
      reason: 'negative_review',
      consecutiveSent: 0,
      consecutiveLimit: 5,
    };
    const store = newStore(server);
    await store.loadFeed('c1');
    const result = await store.send('c1', 'Please come back');
    expect(result).to.deep.include({ status: 'blocked', body: 'Please come back' });
    expect(store.eligibility('c1').value).to.include({ canSend: false, reason: 'negative_review' });
    expect(store.feed('c1').items).to.have.length(0);
  });

  it('fires auth-required on 401 and gives the text back', async () => {
    const server = new FakeServer();
    server.sendMessage = async () => {
      throw new DmError('auth', 'Sign in', { status: 401 });
    };
    const store = newStore(server);
    let fired = 0;
    store.addEventListener('auth-required', () => fired++);
    const result = await store.send('c1', 'Hi');
    expect(result).to.deep.include({ status: 'auth', body: 'Hi' });
    expect(fired).to.equal(1);
  });

  it('counts sends at once so the 5th blocks without a refetch', async () => {
    const server = new FakeServer();
    const store = newStore(server);
    await store.loadEligibility('c1');
    for (let i = 0; i < 4; i++) void store.send('c1', `m${i}`);
    expect(store.eligibility('c1').value).to.include({ canSend: true, consecutiveSent: 4 });
    void store.send('c1', 'fifth');
    expect(store.eligibility('c1').value).to.include({
      canSend: false,
      reason: 'consecutive_limit',
    });
  });

  it('survives a reload: a message on its way when the page closed is sent again with the same id', async () => {
    const storage = memoryStorage();
    const server = new FakeServer();
    server.faults = ['hang'];
    const first = new DmStore(server, { storage, retryBaseMs: 1 });
    await first.loadAdvisor();
    void first.send('c1', 'Across reloads');
    await new Promise((r) => setTimeout(r, 10));
    first.stop();
    // A new page load: the store finds the outbox and delivers it; the server stores one copy.
    const second = new DmStore(server, { storage, retryBaseMs: 1 });
    await second.loadAdvisor();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.stored.map((m) => m.body)).to.deep.equal(['Across reloads']);
    expect(second.outboxFor('c1')).to.have.length(0);
  });

  it('after a reload, a failed message stays "Not sent" (Retry or Discard) and is not sent by itself', async () => {
    const storage = memoryStorage();
    const server = new FakeServer();
    server.faults = ['network'];
    const first = new DmStore(server, { storage, retryBaseMs: 1, maxSendAttempts: 1 });
    await first.loadAdvisor();
    expect((await first.send('c1', 'Failed before the reload')).status).to.equal('failed');
    first.stop();
    const second = new DmStore(server, { storage, retryBaseMs: 1 });
    await second.loadAdvisor();
    await second.loadFeed('c1');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.calls, 'nothing sent by itself').to.equal(1);
    expect(
      second.feed('c1').items.map((e) => [e.kind === 'message' && e.body, e.delivery]),
    ).to.deep.equal([['Failed before the reload', 'failed']]);
    const id = second.outboxFor('c1')[0]!.clientMessageId;
    expect((await second.retrySend('c1', id))!.status).to.equal('sent');
    expect(server.stored.map((m) => m.body)).to.deep.equal(['Failed before the reload']);
  });

  it('drops a failed message from the outbox once the feed shows it stored (its reply was lost)', async () => {
    const storage = memoryStorage();
    const server = new FakeServer();
    server.faults = ['lost-reply'];
    const first = new DmStore(server, { storage, retryBaseMs: 1, maxSendAttempts: 1 });
    await first.loadAdvisor();
    expect((await first.send('c1', 'Stored, reply lost')).status).to.equal('failed');
    first.stop();
    server.feedShowsStored = true;
    const second = new DmStore(server, { storage, retryBaseMs: 1 });
    await second.loadAdvisor();
    await second.loadFeed('c1');
    expect(second.outboxFor('c1')).to.have.length(0);
    expect(second.feed('c1').items.map((e) => e.delivery ?? 'stored')).to.deep.equal(['stored']);
    // A later message is not held back behind it.
    expect((await second.send('c1', 'Next one')).status).to.equal('sent');
  });

  it('sends again, in order, the messages it gave up on for a network fault when the browser is back online', async () => {
    const server = new FakeServer();
    server.faults = ['network'];
    const store = newStore(server, 1);
    store.start();
    expect((await store.send('c1', 'first, failed')).status).to.equal('failed');
    // Written while the first is failed: held behind it, so the client receives them in order.
    expect((await store.send('c1', 'second, held back')).status).to.equal('failed');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(server.stored.map((m) => m.body)).to.deep.equal(['first, failed', 'second, held back']);
    expect(store.outboxFor('c1')).to.have.length(0);
    store.stop();
  });

  it('a message sent again (back online) that the server refuses stays "Not sent" with its text', async () => {
    const server = new FakeServer();
    server.faults = ['network'];
    const store = newStore(server, 1);
    store.start();
    await store.loadFeed('c1');
    expect((await store.send('c1', 'Keep my words')).status).to.equal('failed');
    // The advisor is blocked meanwhile: the resend is refused with 403.
    server.sendMessage = async () => {
      throw new DmError('blocked', 'Blocked', { status: 403, reason: 'negative_review' });
    };
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(store.outboxFor('c1').map((o) => o.body)).to.deep.equal(['Keep my words']);
    expect(store.feed('c1').items.map((e) => e.delivery)).to.deep.equal(['failed']);
    store.stop();
  });

  it("back online, a client's failed messages are not sent again when one was refused for good (400)", async () => {
    const server = new FakeServer();
    server.faults = ['bad'];
    const store = newStore(server, 1);
    store.start();
    expect((await store.send('c1', 'refused')).status).to.equal('failed');
    expect((await store.send('c1', 'held behind it')).status).to.equal('failed');
    const calls = server.calls;
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(server.calls, 'nothing sent by itself').to.equal(calls);
    expect(store.outboxFor('c1')).to.have.length(2);
    store.stop();
  });

  it('a message discarded in one tab is not delivered by another tab that picked it up on its way', async () => {
    const storage = memoryStorage();
    const server = new FakeServer();
    server.faults = Array(40).fill('network');
    const tabA = new DmStore(server, { storage, retryBaseMs: 20, maxSendAttempts: 40 });
    await tabA.loadAdvisor();
    void tabA.send('c1', 'wrong client, do not send');
    await new Promise((r) => setTimeout(r, 30));
    // Tab B opens while tab A is still retrying: it restores the message as on its way.
    const tabB = new DmStore(server, { storage, retryBaseMs: 20, maxSendAttempts: 40 });
    await tabB.loadAdvisor();
    expect(tabB.outboxFor('c1')).to.have.length(1);
    tabA.discardSend('c1', tabA.outboxFor('c1')[0]!.clientMessageId);
    server.faults = [];
    await new Promise((r) => setTimeout(r, 400));
    expect(server.stored, 'never stored').to.have.length(0);
    expect(tabB.outboxFor('c1')).to.have.length(0);
    tabA.stop();
    tabB.stop();
  });

  it("two tabs keep each other's unsent messages: a send in one never wipes the other's failed one", async () => {
    const storage = memoryStorage();
    const server = new FakeServer();
    const tabA = new DmStore(server, { storage, retryBaseMs: 1, maxSendAttempts: 1 });
    const tabB = new DmStore(server, { storage, retryBaseMs: 1, maxSendAttempts: 1 });
    await tabA.loadAdvisor();
    await tabB.loadAdvisor();
    server.faults = ['network'];
    expect((await tabA.send('c1', 'Written in tab A')).status).to.equal('failed');
    expect((await tabB.send('c2', 'Written in tab B')).status).to.equal('sent');
    // Tab A reloads: its failed message is still there, still failed.
    tabA.stop();
    const reloaded = new DmStore(server, { storage, retryBaseMs: 1 });
    await reloaded.loadAdvisor();
    expect(reloaded.outboxFor('c1').map((o) => o.body)).to.deep.equal(['Written in tab A']);
    expect(reloaded.outboxFor('c2')).to.have.length(0);
    // A tab that loads now shows it failed too.
    const tabC = new DmStore(server, { storage, retryBaseMs: 1 });
    tabC.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(tabC.outboxFor('c1')).to.have.length(1);
    // Storage events that do not say a message is done leave it alone: the page's storage cleared,
    // or the outbox list rewritten without it (two tabs saving at once).
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    storage.setItem('dm-widgets:outbox:a-test', '[]');
    window.dispatchEvent(new StorageEvent('storage', { key: 'dm-widgets:outbox:a-test' }));
    expect(tabC.outboxFor('c1'), 'kept').to.have.length(1);
    // Discarded in the reloaded tab: gone for every tab that loads next, and from an open tab
    // when the browser tells it the storage changed.
    reloaded.discardSend('c1', reloaded.outboxFor('c1')[0]!.clientMessageId);
    const third = new DmStore(server, { storage, retryBaseMs: 1 });
    await third.loadAdvisor();
    expect(third.outboxFor('c1')).to.have.length(0);
    window.dispatchEvent(new StorageEvent('storage', { key: 'dm-widgets:outbox-done:a-test' }));
    expect(tabC.outboxFor('c1')).to.have.length(0);
    tabC.stop();
  });

  it('property: for any sends and faults, the server ends with exactly the sent messages, in order, once each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(fc.constantFrom<Fault>('ok', 'network', 'server', 'rate', 'lost-reply'), {
          maxLength: 30,
        }),
        async (bodies, faults) => {
          const server = new FakeServer();
          server.faults = [...faults];
          const store = newStore(server, 3);
          await store.loadFeed('c1');
          const results = await Promise.all(bodies.map((b) => store.send('c1', b)));
          // Whatever failed is retried by the advisor (the Retry button) until it is stored.
          for (let round = 0; round < 20 && store.outboxFor('c1').length; round++) {
            await store.retrySend('c1', store.outboxFor('c1').at(-1)!.clientMessageId);
          }
          expect(results).to.have.length(bodies.length);
          const storedBodies = server.stored.map((m) => m.body);
          const ids = server.stored.map((m) => m.clientMessageId);
          expect(new Set(ids).size, 'no duplicates').to.equal(ids.length);
          expect([...storedBodies].sort(), 'nothing lost').to.deep.equal(
            bodies.map((b) => b.trim()).sort(),
          );
          expect(storedBodies, 'in the order written').to.deep.equal(bodies.map((b) => b.trim()));
          const feed = store.feed('c1').items;
          expect(feed.filter((i) => i.delivery)).to.have.length(0);
          expect(feed).to.have.length(bodies.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('DmStore marking read', () => {
  class ReadServer extends FakeServer {
    readCalls = 0;
    failReads = 1;
    override async getClient(id: string): Promise<ClientSummary> {
      return {
        id,
        displayName: 'Dana',
        avatarUrl: null,
        lastActivityAt: '2026-11-20T10:00:00Z',
        lastItemPreview: 'Hi',
        hasUnread: true,
      };
    }
    override async markRead(_clientId: string, _upTo: string): Promise<void> {
      this.readCalls++;
      if (this.failReads-- > 0) throw new DmError('server', 'HTTP 500', { status: 500 });
    }
  }

  it('brings the unread bubble back when the server refuses, and does not ask again at once', async () => {
    const server = new ReadServer();
    const store = newStore(server);
    await store.ensureClient('c1');
    expect(store.client('c1')!.hasUnread).to.equal(true);
    const marking = store.markRead('c1', 'm1');
    expect(store.client('c1')!.hasUnread, 'gone at once').to.equal(false);
    await marking;
    expect(store.client('c1')!.hasUnread, 'back after the failure').to.equal(true);
    await store.markRead('c1', 'm1');
    expect(server.readCalls, 'no second request right after a failure').to.equal(1);
  });

  it('marks the newer item read after the request on its way, when the bubble came back meanwhile', async () => {
    const server = new ReadServer();
    server.failReads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const upTos: string[] = [];
    server.markRead = async (_c: string, upTo: string) => {
      server.readCalls++;
      upTos.push(upTo);
      if (server.readCalls === 1) await gate;
    };
    const store = newStore(server);
    const client = (await store.ensureClient('c1'))!;
    const first = store.markRead('c1', 'm1');
    // An older state of the server arrives while the request is on its way: unread again.
    store.applyEvent({ type: 'client', client: { ...client, hasUnread: true } });
    void store.markRead('c1', 'm2');
    expect(server.readCalls, 'one request at a time').to.equal(1);
    release();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(upTos).to.deep.equal(['m1', 'm2']);
    expect(store.client('c1')!.hasUnread).to.equal(false);
  });

  it('keeps the bubble off when the server accepts', async () => {
    const server = new ReadServer();
    server.failReads = 0;
    const store = newStore(server);
    await store.ensureClient('c1');
    await store.markRead('c1', 'm1');
    expect(store.client('c1')!.hasUnread).to.equal(false);
    expect(server.readCalls).to.equal(1);
  });
});
