// Serves MSW's worker script at the site root (its scope must cover the pages it mocks),
// straight from node_modules, so no copy of it can drift from the installed msw version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const workerPath = require.resolve('msw/mockServiceWorker.js');

/** A koa middleware for @web/dev-server and @web/test-runner. */
export function mswWorkerMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') {
    context.type = 'application/javascript';
    context.set('Service-Worker-Allowed', '/');
    context.body = readFileSync(workerPath, 'utf8');
    return undefined;
  }
  return next();
}

let lastStray = 0;
/**
 * A request for the mocked API (`/api/dm/…`) that reaches the test server was not answered by the
 * page's MSW service worker: the worker was stopped, or restarted and forgot the page (it keeps
 * its clients in memory), or never controlled the page. Every mocked test of that file then fails
 * on timeouts; say why once every few seconds (the request still gets the server's 404).
 */
export function strayMockRequestMiddleware(context, next) {
  // Only the store's fetches and event streams (an <img> a test points at a missing file is fine).
  const fromCode = context.get('sec-fetch-dest') === 'empty';
  if (fromCode && context.path.startsWith('/api/dm/') && Date.now() - lastStray > 5000) {
    lastStray = Date.now();
    console.warn(
      `\n[dm-tests] ${context.method} ${context.path} reached the test server: the page's MSW ` +
        'service worker did not answer it (stopped, restarted, or not controlling the page). ' +
        'Tests of that file that use the mock will time out.\n',
    );
  }
  return next();
}
