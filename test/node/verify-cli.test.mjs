// `npx dm-widgets-verify`: lines, totals, exit codes, the JSON report, redaction, hooks and bad input.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, entryPath, load } from './kit.mjs';
import { BROKEN, startProxy } from './broken.mjs';

const TOKEN = 'cli-secret-token-4242';
const COOKIE = 'sid=cookie-secret-9911';
let kit;
let runner;
let dir;

before(async () => {
  await build();
  kit = await load('mocks-node');
  runner = entryPath('verify-bin').replace(/\.js$/, '.mjs');
  writeFileSync(runner, `import { run } from './verify-cli.js';\nawait run();\n`);
  dir = mkdtempSync(join(tmpdir(), 'dm-verify-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI; resolves with { code, out, err, lines }. */
function cli(args, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, lines: out.trimEnd().split('\n') });
    });
  });
}

async function tinyServer(handler) {
  const server = createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('dm-widgets-verify against the mock server', () => {
  it('prints the plan, one line per rule, the totals last; exit 0; the JSON report', async () => {
    const server = await kit.startMockServer({
      port: 0,
      token: TOKEN,
      dbOptions: { pingIntervalMs: 200 },
    });
    try {
      const json = join(dir, 'report.json');
      const r = await cli([
        server.url,
        '--header',
        `Authorization: Bearer ${TOKEN}`,
        '--client',
        'c-dana',
        '--hooks',
        entryPath('mock-hooks'),
        '--json',
        json,
      ]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.lines[0], /^dm-widgets-verify: contract 1\.1\.0 against http/);
      assert.match(r.out, /Writes only to client c-dana/);
      const rules = r.lines.filter((l) => /^(pass|FAIL|skipped) /.test(l));
      assert.ok(rules.length >= 30);
      assert.ok(rules.every((l) => l.startsWith('pass ')));
      assert.equal(r.lines.at(-1), `${rules.length} passed, 0 failed, 0 skipped`);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(report.passed, rules.length);
      assert.equal(report.results.length, rules.length);
      assert.ok(!r.out.includes(TOKEN) && !readFileSync(json, 'utf8').includes(TOKEN));
    } finally {
      await server.close();
    }
  });

  it('without hooks or --client: those rules are skipped with what they need, never passed', async () => {
    const server = await kit.startMockServer({ port: 0, dbOptions: { pingIntervalMs: 200 } });
    try {
      const noClient = await cli([server.url]);
      assert.equal(noClient.code, 0, noClient.out + noClient.err);
      assert.match(noClient.out, /^skipped {2}A send answers 201 .* \(needs --client\)$/m);
      assert.match(noClient.out, /no client given/);
      const noHooks = await cli([server.url, '--client', 'c-dana']);
      assert.equal(noHooks.code, 0, noHooks.out + noHooks.err);
      assert.match(
        noHooks.out,
        /^skipped {2}A client order resets the consecutive count to 0 \(needs hook clientOrders\)$/m,
      );
      assert.match(noHooks.out, /^skipped {2}.* \(needs hook clientWrites\)$/m);
      assert.match(
        noHooks.out,
        /^skipped {2}Block reasons take precedence.*\(needs hooks clientWrites, negativeReview, setAdvisorStatus\)$/m,
      );
      assert.match(
        noHooks.out,
        /^skipped {2}Without the credentials given by --header.*\(no --header given: nothing to leave out\)$/m,
      );
      assert.match(noHooks.lines.at(-1), /^\d+ passed, 0 failed, \d+ skipped$/);
    } finally {
      await server.close();
    }
  });

  it('a failure: FAIL with the request, what the rule wants and what came back; exit 1; credentials redacted everywhere', async () => {
    const Db = BROKEN['201-on-repeat'].db(kit.MockDb);
    const server = await kit.startMockServer({
      port: 0,
      token: TOKEN,
      db: new Db({ pingIntervalMs: 200 }),
    });
    // A server that echoes the credentials into its answers.
    const proxy = await startProxy(server.origin, { echoHeaders: ['authorization', 'cookie'] });
    try {
      const json = join(dir, 'failed.json');
      const hooks = join(dir, 'proxy-hooks.mjs');
      writeFileSync(
        hooks,
        `import { createMockHooks } from ${JSON.stringify(entryPath('mock-hooks'))};\nexport default () => createMockHooks({ origin: ${JSON.stringify(proxy.origin)} });\n`,
      );
      const r = await cli([
        `${proxy.origin}/api/dm`,
        '--header',
        `Authorization: Bearer ${TOKEN}`,
        '--header',
        `Cookie: ${COOKIE}`,
        '--client',
        'c-dana',
        '--hooks',
        hooks,
        '--json',
        json,
      ]);
      assert.equal(r.code, 1, r.out + r.err);
      const i = r.lines.findIndex((l) => l.startsWith('FAIL '));
      assert.match(
        r.lines[i],
        /^FAIL +The same clientMessageId sent again answers 200 with the same message/,
      );
      assert.match(r.lines[i + 1], /^ {9}request: POST \/clients\/c-dana\/messages \{"body":/);
      assert.match(
        r.lines[i + 2],
        /^ {9}wants: {3}status 200 \(already stored under this clientMessageId\), not 201/,
      );
      assert.match(r.lines[i + 3], /^ {9}got: {5}201 \(application\/json\) \{.*\[redacted\]/);
      assert.equal(r.lines.filter((l) => l.startsWith('FAIL ')).length, 1);
      assert.match(r.lines.at(-1), /^\d+ passed, 1 failed, 0 skipped$/);
      const report = readFileSync(json, 'utf8');
      for (const secret of [TOKEN, 'cookie-secret-9911']) {
        assert.ok(!r.out.includes(secret) && !r.err.includes(secret), `${secret} printed`);
        assert.ok(!report.includes(secret), `${secret} in the JSON report`);
      }
      assert.ok(report.includes('[redacted]'));
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});

describe('dm-widgets-verify: input it cannot run with → one clear line, exit 2', () => {
  /** Exit 2, one line on stderr starting with the CLI's name, no stack trace. */
  function oneLine(r, pattern) {
    assert.equal(r.code, 2, r.out + r.err);
    const lines = r.err.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /^dm-widgets-verify: cannot run: /);
    assert.match(lines[0], pattern);
    assert.ok(!/\n\s+at /.test(r.err));
  }

  it('an unreachable URL', async () => {
    const closed = await tinyServer(() => {});
    const url = closed.url;
    await closed.close();
    oneLine(await cli([`${url}/api/dm`]), /connection refused/);
  });

  it('a base URL that answers HTML', async () => {
    const s = await tinyServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Welcome</body></html>');
    });
    try {
      oneLine(await cli([`${s.url}/`]), /answered HTML.*is the base URL right/);
    } finally {
      await s.close();
    }
  });

  it('a TLS error', async () => {
    const s = await tinyServer((req, res) => res.end('{}'));
    try {
      oneLine(await cli([`${s.url.replace('http:', 'https:')}/api/dm`]), /TLS error/);
    } finally {
      await s.close();
    }
  });

  it('a request slower than the limit (10 s by default, --timeout here)', async () => {
    const s = await tinyServer(() => {});
    try {
      oneLine(
        await cli([`${s.url}/api/dm`, '--timeout', '400']),
        /no answer from .*\/me within 0\.4 s/,
      );
      assert.match((await cli(['--help'])).err, /default 10000/);
    } finally {
      await s.close();
    }
  });

  it('a hooks file that throws, lacks the interface, is missing, or a hook that throws during the run; --verbose adds the stack', async () => {
    const server = await kit.startMockServer({ port: 0, dbOptions: { pingIntervalMs: 200 } });
    try {
      const file = (name, text) => {
        const p = join(dir, name);
        writeFileSync(p, text);
        return p;
      };
      oneLine(
        await cli([server.url, '--hooks', file('throws.mjs', "throw new Error('hooks boom');\n")]),
        /the hooks file .*throws\.mjs threw while loading: hooks boom/,
      );
      oneLine(
        await cli([server.url, '--hooks', file('empty.mjs', 'export const hello = 1;\n')]),
        /exports none of clientWrites, clientOrders, negativeReview, setAdvisorStatus, reset/,
      );
      oneLine(
        await cli([
          server.url,
          '--hooks',
          file('wrong.mjs', "export const clientWrites = 'yes';\n"),
        ]),
        /clientWrites is string, not a function/,
      );
      oneLine(
        await cli([server.url, '--hooks', join(dir, 'nope.mjs')]),
        /cannot load the hooks file .*nope\.mjs: no such file/,
      );
      const failing = file(
        'failing.mjs',
        "export function clientWrites() { throw new Error('staging is down'); }\n",
      );
      oneLine(
        await cli([server.url, '--client', 'c-dana', '--hooks', failing]),
        /the hook clientWrites\("c-dana", .*\) threw: staging is down/,
      );
      const verbose = await cli([server.url, '--hooks', join(dir, 'throws.mjs'), '--verbose']);
      assert.equal(verbose.code, 2);
      assert.match(verbose.err, /hooks boom\n.*\n?\s+at /);
      oneLine(await cli(['not a url']), /not a URL/);
    } finally {
      await server.close();
    }
  });
});
