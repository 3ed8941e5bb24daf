// Done-when of issue 17: the kit passes every rule against the mock server, and each broken server
// (the mock with one rule broken) fails its own rule and no other.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { load } from './kit.mjs';
import { BROKEN, startProxy } from './broken.mjs';

const TOKEN = 'test-token-7f3a';
let kit;

before(async () => {
  kit = { ...(await load('mocks-node')), ...(await load('conformance')) };
});

/** Starts the (possibly broken) mock server, runs verify with the mock's hooks, closes. */
async function verifyAgainst(broken) {
  const { MockDb, startMockServer, createMockHooks, verify } = kit;
  const Db = broken?.db ? broken.db(MockDb) : MockDb;
  const server = await startMockServer({
    port: 0,
    token: TOKEN,
    db: new Db({ pingIntervalMs: 200 }),
  });
  const proxy = broken?.proxy ? await startProxy(server.origin, { keepLine: broken.proxy }) : null;
  const origin = proxy?.origin ?? server.origin;
  try {
    return await verify({
      baseUrl: `${origin}/api/dm`,
      headers: { Authorization: `Bearer ${TOKEN}` },
      clientId: 'c-dana',
      hooks: createMockHooks({ origin }),
      keepAliveMs: 3000,
      // Thirteen servers and kits run side by side: on a busy machine one answer can take longer
      // than the kit's default 10 s (the rules checked do not depend on it).
      timeoutMs: 30_000,
    });
  } finally {
    await proxy?.close();
    await server.close();
  }
}

const failedIds = (report) => report.results.filter((r) => r.status === 'fail').map((r) => r.id);

describe('the conformance kit against the mock server', () => {
  it('passes every rule, none skipped, with at least 30 rules', async () => {
    const t0 = performance.now();
    const report = await verifyAgainst(null);
    const ms = performance.now() - t0;
    const failures = report.results
      .filter((r) => r.status !== 'pass')
      .map((r) => `${r.id}: ${r.status} ${r.skipReason ?? JSON.stringify(r.evidence)}`);
    assert.deepEqual(failures, []);
    assert.ok(report.results.length >= 30, `${report.results.length} rules`);
    assert.equal(report.passed, report.results.length);
    console.log(
      `# verify against the mock server: ${report.results.length} rules passed in ${Math.round(ms)} ms`,
    );
  });

  it('has at least 12 broken servers', () => {
    assert.ok(Object.keys(BROKEN).length >= 12);
  });

  // The broken servers run side by side (each on its own port); the table goes to the test log.
  const runs = {};
  before(async () => {
    await Promise.all(
      Object.entries(BROKEN).map(
        async ([name, broken]) => (runs[name] = await verifyAgainst(broken)),
      ),
    );
    console.log(
      [
        '# broken server | the rule that caught it',
        ...Object.entries(BROKEN).map(
          ([name, b]) => `# ${name} (${b.what}) | ${failedIds(runs[name]).join(', ')}`,
        ),
      ].join('\n'),
    );
  });
  for (const [name, broken] of Object.entries(BROKEN)) {
    it(`${name} (${broken.what}) fails ${broken.rule} and no other rule`, () => {
      const report = runs[name];
      assert.deepEqual(failedIds(report), [broken.rule]);
      const fail = report.results.find((r) => r.id === broken.rule);
      assert.ok(
        fail.evidence.length > 0 && fail.evidence.every((e) => e.request && e.wants && e.got),
        'evidence: request, wants, got',
      );
    });
  }
});
