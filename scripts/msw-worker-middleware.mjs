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
