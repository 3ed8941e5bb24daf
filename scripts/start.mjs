#!/usr/bin/env node
// `npm start`: the demo advisor page (demo/index.html) on @web/dev-server with the MSW mock
// backend, at http://localhost:8000/demo/ or the next free port ($PORT picks the first one to try).
// Config: web-dev-server.config.mjs. Doesn't open a browser; Ctrl+C stops it.
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { ROOT } from './entries.mjs';

/** Resolves with `port` if nothing listens on it, else with the next free port. */
function findFreePort(port, attemptsLeft = 50) {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code !== 'EADDRINUSE' || attemptsLeft <= 1) fail(error);
      else findFreePort(port + 1, attemptsLeft - 1).then(done, fail);
    });
    probe.once('listening', () => probe.close(() => done(port)));
    probe.listen(port);
  });
}

if (!existsSync(resolve(ROOT, 'demo/index.html'))) {
  console.error('demo/index.html is missing: the dev server has no page to show.');
  process.exit(1);
}

const port = await findFreePort(Number(process.env.PORT) || 8000);
process.chdir(ROOT);
const server = await startDevServer({
  config: { port, rootDir: ROOT },
  readCliArgs: false,
  logStartMessage: false,
  configName: 'web-dev-server.config',
});

const url = `http://localhost:${server.config.port}/demo/`;
console.log(`\n  dm-widgets demo: ${url}\n  (mock backend: MSW in the page; Ctrl+C to stop)\n`);
