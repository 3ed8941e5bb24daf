// Contract 1.1 in the REST adapter, against a stub fetch (the contract mock gets 1.1 separately):
// the requests it sends, what it accepts, what it refuses, and how a 1.0 server is told apart.
import { expect } from '@open-wc/testing';
import { type DmAdapter, DmError } from '../../src/data/adapter.js';
import { Capabilities } from '../../src/data/capabilities.js';
import { RestAdapter } from '../../src/data/rest-adapter.js';
import type { DmEvent } from '../../src/core/types.js';
import { waitFor } from '../helpers/render.js';

const AT = '2024-05-01T10:00:00Z';
const msg = (id: string) => ({
  kind: 'message',
  id,
  clientId: 'c1',
  at: AT,
  sender: 'client',
  body: 'hello ' + id,
});

/** A fetch that records each request and answers from `answer` (a JSON body with status 200 unless told). */
function stub(
  answer: (req: Request) => Response | { status?: number; body?: unknown } | Promise<Response>,
) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(req);
    const a = await answer(req);
    if (a instanceof Response) return a;
    const status = a.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(a.body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return {
    seen,
    api: new RestAdapter({ baseUrl: 'https://api.test/dm/', fetch, reconnectDelayMs: 20 }),
  };
}

async function failure(p: Promise<unknown>): Promise<DmError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(DmError);
    return e as DmError;
  }
  throw new Error('expected the call to fail');
}

const url = (r: Request) => {
  const u = new URL(r.url);
  return u.pathname + u.search;
};

describe('RestAdapter, contract 1.1', () => {
  it('asks for a page around an item and after a newerCursor, and returns newerCursor and clientReadAt', async () => {
    const { seen, api } = stub(() => ({
      body: {
        items: [msg('m1'), msg('m2')],
        olderCursor: 'o1',
        newerCursor: 'n1',
        clientReadAt: AT,
      },
    }));
    const around = await api.getFeed('c 1', { around: 'm/2', limit: 30, type: 'messages' });
    expect(around).to.deep.equal({
      items: [msg('m1'), msg('m2')],
      olderCursor: 'o1',
      newerCursor: 'n1',
      clientReadAt: AT,
    });
    await api.getFeed('c1', { after: 'n1' });
    await api.getFeed('c1', { before: 'o1', after: null, around: undefined });
    expect(seen.map(url)).to.deep.equal([
      '/dm/clients/c%201/feed?type=messages&around=m%2F2&limit=30',
      '/dm/clients/c1/feed?after=n1',
      '/dm/clients/c1/feed?before=o1',
    ]);
  });

  it('reads a 1.0 feed page (no clientReadAt, no newerCursor) as before', async () => {
    const { api } = stub(() => ({ body: { items: [msg('m1')], olderCursor: null } }));
    const page = await api.getFeed('c1', {});
    expect(page.clientReadAt).to.equal(undefined);
    expect(page.newerCursor).to.equal(undefined);
    expect(page.items.length).to.equal(1);
  });

  it('refuses a page whose clientReadAt or newerCursor breaks the contract', async () => {
    for (const extra of [{ clientReadAt: 'yesterday' }, { clientReadAt: 12 }, { newerCursor: 5 }]) {
      const { api } = stub(() => ({ body: { items: [], olderCursor: null, ...extra } }));
      const err = await failure(api.getFeed('c1', {}));
      expect(err.kind, JSON.stringify(extra)).to.equal('invalid-response');
      expect(err.message).to.contain(Object.keys(extra)[0]);
    }
    const { api } = stub(() => ({
      body: { items: [], olderCursor: null, clientReadAt: null, newerCursor: null },
    }));
    expect(await api.getFeed('c1', {})).to.include({ clientReadAt: null, newerCursor: null });
  });

  it('answers 404 for an around item that is gone', async () => {
    const { api } = stub(() => ({
      status: 404,
      body: { error: { code: 'not_found', message: 'No item' } },
    }));
    expect(await failure(api.getFeed('c1', { around: 'gone' }))).to.include({
      kind: 'not-found',
      status: 404,
    });
  });

  it('searches with q, cursor and limit and validates the hits', async () => {
    const { seen, api } = stub(() => ({
      body: { hits: [msg('m9'), msg('m3')], nextCursor: 'h2' },
    }));
    const page = await api.search('c1', { q: 'sister & co', cursor: 'h1', limit: 20 });
    expect(page).to.deep.equal({ hits: [msg('m9'), msg('m3')], nextCursor: 'h2' });
    await api.search('c1', { q: 'ab' });
    expect(seen.map(url)).to.deep.equal([
      '/dm/clients/c1/search?q=sister+%26+co&cursor=h1&limit=20',
      '/dm/clients/c1/search?q=ab',
    ]);
    expect(seen.every((r) => r.method === 'GET')).to.equal(true);

    const bad = stub(() => ({
      body: { hits: [{ ...msg('m1'), sender: 'bot' }], nextCursor: null },
    }));
    expect((await failure(bad.api.search('c1', { q: 'ab' }))).kind).to.equal('invalid-response');
    const noCursor = stub(() => ({ body: { hits: [] } }));
    expect((await failure(noCursor.api.search('c1', { q: 'ab' }))).kind).to.equal(
      'invalid-response',
    );
  });

  it('reports typing with a body-less POST and 204', async () => {
    const { seen, api } = stub(() => ({ status: 204 }));
    expect(await api.sendTyping('c/1')).to.equal(undefined);
    expect(seen.map((r) => [r.method, url(r)])).to.deep.equal([
      ['POST', '/dm/clients/c%2F1/typing'],
    ]);
    expect(await seen[0]!.text()).to.equal('');
  });

  it('tells a 1.0 server apart: /search and /typing answer 404, the capability turns off quietly, once', async () => {
    const { api } = stub(() => ({
      status: 404,
      body: { error: { code: 'not_found', message: 'No route' } },
    }));
    let changes = 0;
    const caps = new Capabilities(api, () => changes++);
    expect([caps.has('search'), caps.has('typing')]).to.deep.equal([true, true]);
    const err = await failure(api.search('c1', { q: 'ab' }));
    expect(caps.learn_('search', err)).to.equal(true);
    expect(caps.learn_('search', err)).to.equal(true);
    expect([caps.has('search'), caps.has('typing'), changes]).to.deep.equal([false, true, 1]);
    expect(caps.learn_('typing', await failure(api.sendTyping('c1')))).to.equal(true);
    expect([caps.has('typing'), changes]).to.deep.equal([false, 2]);
  });

  it('keeps a capability on other failures (they are errors, not a 1.0 server)', async () => {
    const { api } = stub(() => ({ status: 503, body: { error: { code: 'down', message: 'x' } } }));
    const caps = new Capabilities(api);
    expect(caps.learn_('search', await failure(api.search('c1', { q: 'ab' })))).to.equal(false);
    expect(caps.learn_('search', new Error('boom'))).to.equal(false);
    expect(caps.has('search')).to.equal(true);
  });

  it('has no capability for a custom adapter without the 1.1 methods', () => {
    const { api } = stub(() => ({ status: 204 }));
    // A 1.0 adapter of the host's own: every other method, neither 1.1 one.
    const old = Object.assign(Object.create(api) as DmAdapter, {
      search: undefined,
      sendTyping: undefined,
    });
    const caps = new Capabilities(old);
    expect([caps.has('search'), caps.has('typing')]).to.deep.equal([false, false]);
  });

  it('streams client-read and typing, skips them when their data is bad, ignores unknown names', async () => {
    const sse = [
      'id: 1\nevent: client-read\ndata: {"clientId":"c1","readAt":"2024-05-01T10:00:00Z"}\n\n',
      ': ping\n\n',
      'id: 2\nevent: typing\ndata: {"clientId":"c1","until":"2024-05-01T10:00:06Z"}\n\n',
      'id: 3\nevent: typing\ndata: {"clientId":"c1","until":"soon"}\n\n',
      'id: 4\nevent: client-read\ndata: {"clientId":"c1"}\n\n',
      'id: 5\nevent: reaction\ndata: {"clientId":"c1","emoji":"x"}\n\n',
      'id: 6\nevent: typing\ndata: {"clientId":"c2","until":"2024-05-01T10:00:09+02:00"}\n\n',
    ].join('');
    let served = 0;
    const { api } = stub(() =>
      served++ === 0
        ? new Response(sse, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
        : new Promise<Response>(() => {}),
    );
    const got: DmEvent[] = [];
    const invalid: DmError[] = [];
    const stop = api.subscribe((e) => got.push(e), { onInvalid: (e) => invalid.push(e) });
    try {
      await waitFor(() => got.length >= 3, 3000, 'events');
    } finally {
      stop();
    }
    expect(got).to.deep.equal([
      { type: 'client-read', id: '1', clientId: 'c1', readAt: '2024-05-01T10:00:00Z' },
      { type: 'typing', id: '2', clientId: 'c1', until: '2024-05-01T10:00:06Z' },
      { type: 'typing', id: '6', clientId: 'c2', until: '2024-05-01T10:00:09+02:00' },
    ]);
    expect(invalid.map((e) => e.kind)).to.deep.equal(['invalid-response', 'invalid-response']);
  });
});
