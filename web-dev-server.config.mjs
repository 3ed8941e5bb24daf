// @web/dev-server config for the demo (`npm start` → scripts/start.mjs, or `npx wds` directly).
// Serves the project root, compiles TypeScript with esbuild (tsconfig.json: Lit's
// experimentalDecorators, useDefineForClassFields: false), resolves bare imports, serves MSW's
// worker at /mockServiceWorker.js and redirects / to the demo page at /demo/.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mswWorkerMiddleware } from './scripts/msw-worker-middleware.mjs';

/** `/` and `/demo` → `/demo/`, so the demo's relative URLs resolve inside demo/. */
function redirectToDemo(context, next) {
  if (context.path === '/' || context.path === '/demo') {
    context.status = 302;
    context.redirect('/demo/');
    return undefined;
  }
  return next();
}

export default {
  rootDir: '.',
  nodeResolve: true,
  watch: true,
  clearTerminalOnReload: false,
  middleware: [redirectToDemo, mswWorkerMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
};
