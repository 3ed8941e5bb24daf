// The mock as a real HTTP server (dm-widgets/mocks/node): the same MSW handlers on a port, every
// answer validated against the package's OpenAPI file with Ajv, CORS, a streamed event stream,
// the /__mock controls, the bearer token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { load } from './kit.mjs';

let kit;
let server;
const answers = [];

before(async () => {
  kit = { ...(await load('mocks-node')), ...(await load('conformance')) };
  server = await kit.startMockServer({
    port: 0,
    dbOptions: { pingIntervalMs: 150 },
    onResponse: async (request, response) => {
      const url = new URL(request.url);
      const text = await response.text();
      answers.push({
        method: request.method,
        path: url.pathname.replace(/^\/api\/dm/, ''),
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        text,
      });
    },
  });
});
after(() => server.close());

const api = (path, init) => fetch(`${server.url}${path}`, init);
const control = (path, body = {}) =>
  fetch(`${server.origin}/__mock${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const post = (path, body) =>
  api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Reads an event stream until `until(text)` holds; returns the text. */
async function readStream(res, until, ms = 3000) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!until(text)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([
      reader.read(),
      new Promise((r) => setTimeout(() => r(null), left)),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text;
}

describe('mock server: the API over HTTP', () => {
  it('answers every route of the contract, 1.1 included', async () => {
    assert.equal((await api('/me')).status, 200);
    const page = await (await api('/clients?limit=5')).json();
    assert.equal(page.clients.length, 5);
    const feed = await (await api('/clients/c-long/feed?limit=20')).json();
    const target = feed.items[5];
    const around = await (await api(`/clients/c-long/feed?around=${target.id}&limit=7`)).json();
    assert.ok(around.items.some((i) => i.id === target.id));
    assert.ok('newerCursor' in around && 'clientReadAt' in around);
    const search = await (await api('/clients/c-huge/search?q=reading')).json();
    assert.equal(search.hits.length, 20);
    assert.equal((await api('/clients/c-dana/typing', { method: 'POST' })).status, 204);
    assert.equal(
      (
        await post('/clients/c-dana/messages', {
          body: 'Hello over HTTP',
          clientMessageId: 'node-test-0001',
        })
      ).status,
      201,
    );
    assert.equal(
      (
        await post('/clients/c-dana/messages', {
          body: 'Hello over HTTP',
          clientMessageId: 'node-test-0001',
        })
      ).status,
      200,
    );
    assert.equal((await api('/clients/nobody')).status, 404);
    assert.equal((await api('/nowhere')).status, 404);
    const svg = await api('/__avatars/c-dana.svg');
    assert.match(svg.headers.get('content-type'), /svg/);
    assert.equal(server.db.countByClientMessageId('c-dana', 'node-test-0001'), 1);
  });

  it('every answer so far (and of a whole verify run) matches the OpenAPI file', async () => {
    const report = await kit.verify({
      baseUrl: server.url,
      clientId: 'c-five',
      hooks: kit.createMockHooks({ origin: server.origin }),
      keepAliveMs: 2000,
    });
    assert.deepEqual(
      report.results.filter((r) => r.status === 'fail').map((r) => r.id),
      [],
    );
    const contract = new kit.Contract();
    const problems = [];
    for (const a of answers) {
      const json = /json/.test(a.type) && a.text ? JSON.parse(a.text) : undefined;
      const problem = contract.checkResponse(a.method, a.path, a.status, a.type, json);
      if (problem) problems.push(`${a.method} ${a.path} ${a.status}: ${problem}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(answers.length > 100, `${answers.length} answers checked`);
    const routes = new Set(answers.map((a) => `${a.method} ${contract.templateOf(a.path)}`));
    for (const r of [
      'GET /me',
      'GET /clients',
      'GET /clients/{clientId}',
      'GET /clients/{clientId}/feed',
      'POST /clients/{clientId}/messages',
      'GET /clients/{clientId}/search',
      'POST /clients/{clientId}/typing',
      'GET /clients/{clientId}/send-eligibility',
      'POST /clients/{clientId}/read',
      'GET /orders/{orderId}',
      'GET /unread',
      'PUT /presence',
    ]) {
      assert.ok(routes.has(r), `${r} was answered`);
    }
  });

  it('the validator is not vacuous: a schema-breaking answer is caught', async () => {
    server.db.invalidNext('feed');
    const res = await api('/clients/c-dana/feed');
    const contract = new kit.Contract();
    assert.match(
      contract.checkResponse(
        'GET',
        '/clients/c-dana/feed',
        200,
        res.headers.get('content-type'),
        await res.json(),
      ),
      /items|olderCursor|must/,
    );
    assert.match(
      contract.checkResponse('GET', '/clients/c-dana/send-eligibility', 200, 'application/json', {
        canSend: true,
        reason: 'negative_review',
        consecutiveSent: 0,
        consecutiveLimit: 5,
      }),
      /reason|must/,
    );
    assert.match(
      contract.checkResponse('GET', '/me', 200, 'application/json', {
        id: 'a',
        displayName: 'A',
        status: 'active',
        at: 1,
      }) ?? 'ok',
      /ok/,
    );
    assert.match(
      contract.checkResponse('GET', '/clients/x', 200, 'application/json', {
        id: 'x',
        displayName: 'X',
        avatarUrl: null,
        hasUnread: false,
        lastActivityAt: '2026-01-01T10:00:00',
        lastItemPreview: null,
      }),
      /date-time/,
    );
    assert.match(
      contract.checkResponse('GET', '/unread', 200, 'application/json', { clientsWithUnread: 1.5 }),
      /integer/,
    );
  });
});

describe('mock server: CORS, token, streaming', () => {
  it('answers a cross-origin preflight with the headers the widgets send, and credentials', async () => {
    const res = await api('/events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://host.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,last-event-id,x-tenant',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://host.example');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    const allowed = res.headers.get('access-control-allow-headers').toLowerCase();
    for (const h of ['authorization', 'last-event-id', 'content-type', 'x-tenant'])
      assert.ok(allowed.includes(h), h);
    const get = await api('/unread', { headers: { Origin: 'https://host.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), 'https://host.example');
    assert.match(get.headers.get('access-control-expose-headers'), /Retry-After/);
  });

  it('streams each event as it happens (not buffered), replays after Last-Event-ID, pings when silent', async () => {
    const res = await api('/events');
    assert.match(res.headers.get('content-type'), /text\/event-stream/);
    const reading = readStream(res, (t) => t.includes('event: typing') && t.includes(': ping'));
    await new Promise((r) => setTimeout(r, 100));
    await control('/clients/c-dana/typing', { ms: 3000 });
    // The stream never ends by itself: reading the event before it closes means it was not held back.
    const text = await reading;
    assert.ok(text.includes('event: typing'), text);
    assert.ok(text.includes(': ping'));
    const last = server.db.lastEventId;
    await control('/clients/c-dana/writes', { body: 'while away' });
    const replay = await readStream(
      await api('/events', { headers: { 'Last-Event-ID': String(last) } }),
      (t) => t.includes('event: eligibility'),
    );
    assert.ok(replay.includes('"body":"while away"'));
    assert.ok(!replay.includes(`id: ${last}\n`));
  });

  it('with a token, answers 401 JSON without it and serves with it', async () => {
    const secured = await kit.startMockServer({ port: 0, token: 's3cret' });
    try {
      const no = await fetch(`${secured.url}/me`);
      assert.equal(no.status, 401);
      assert.equal((await no.json()).error.code, 'unauthorized');
      assert.equal((await fetch(`${secured.url}/events`)).status, 401);
      assert.equal(
        (await fetch(`${secured.url}/me`, { headers: { Authorization: 'Bearer s3cret' } })).status,
        200,
      );
      assert.equal(
        (
          await fetch(`${secured.url}/me`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://x.test' },
          })
        ).status,
        204,
      );
    } finally {
      await secured.close();
    }
  });
});

describe('mock server: /__mock controls', () => {
  it('the client writes, orders, reviews, reads, types; the advisor status; fail next N; reset', async () => {
    await control('/reset');
    const written = await (
      await control('/clients/c-five/writes', { body: 'Hi from the client' })
    ).json();
    assert.equal(written.sender, 'client');
    let e = await (await api('/clients/c-five/send-eligibility')).json();
    assert.equal(e.consecutiveSent, 0);
    const order = await (
      await control('/clients/c-five/orders', { orderType: 'live_chat' })
    ).json();
    assert.equal(order.kind, 'order');
    assert.equal((await (await api(`/orders/${order.id}`)).json()).status, 'pending');
    await control('/clients/c-five/negative-review', { on: true });
    e = await (await api('/clients/c-five/send-eligibility')).json();
    assert.equal(e.reason, 'negative_review');
    await control('/clients/c-five/negative-review', { on: false });
    assert.equal((await (await api('/clients/c-five/send-eligibility')).json()).canSend, true);
    const { readAt } = await (await control('/clients/c-five/reads')).json();
    assert.equal((await (await api('/clients/c-five/feed')).json()).clientReadAt, readAt);
    const { until } = await (await control('/clients/c-five/typing', { ms: 2000 })).json();
    assert.ok(Date.parse(until) > Date.now());
    await control('/advisor-status', { status: 'suspended' });
    assert.equal((await (await api('/me')).json()).status, 'suspended');
    assert.equal((await control('/advisor-status', { status: 'nope' })).status, 400);
    await control('/fail', { times: 2, status: 503 });
    assert.equal((await api('/unread')).status, 503);
    assert.equal((await api('/me')).status, 503);
    assert.equal((await api('/me')).status, 200);
    await control('/fail', { route: 'send', status: 429, retryAfterSeconds: 3 });
    const limited = await post('/clients/c-dana/messages', {
      body: 'x',
      clientMessageId: 'node-test-0429',
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.equal((await control('/clients/nobody/writes')).status, 404);
    assert.equal((await control('/nothing')).status, 404);
    await control('/reset');
    assert.equal((await (await api('/me')).json()).status, 'active');
    assert.equal(
      server.db.feedItems('c-five').some((i) => i.id === written.id),
      false,
    );
    const state = await (await fetch(`${server.origin}/__mock/state`)).json();
    assert.equal(state.advisor.status, 'active');
  });
});

describe('mock server: the CLI', () => {
  it('npx dm-widgets mock-server --port 0 prints its URL and serves', async () => {
    const { spawn } = await import('node:child_process');
    const { entryPath } = await import('./kit.mjs');
    const { writeFileSync } = await import('node:fs');
    const runner = entryPath('dm-widgets-bin').replace(/\.js$/, '.mjs');
    writeFileSync(runner, `import { run } from './dm-widgets-cli.js';\nawait run();\n`);
    const child = spawn(process.execPath, [runner, 'mock-server', '--port', '0', '--seed', '7'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /mock server: (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      assert.equal((await (await fetch(`${url}/me`)).json()).id, 'a-1');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
