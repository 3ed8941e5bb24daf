// A @web/test-runner command: `executeServerCommand('dm-mock-server', { action: 'start' | 'stop' })`
// starts the mock as a real HTTP server (dm-widgets/mocks/node, bundled from src/ on first use) on
// a free port and answers { url, origin }; the browser test then talks to it cross-origin, with a
// real event stream (not the service worker). Stopped with the test run at the latest.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rmSync } from 'node:fs';
import { ROOT } from './entries.mjs';
import { buildNodeEntries } from './node-entries.mjs';

export function mockServerPlugin() {
  const out = resolve(ROOT, '.scratch/wtr-mock-server', String(process.pid));
  let server;
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  return {
    name: 'dm-mock-server',
    async executeCommand({ command, payload }) {
      if (command !== 'dm-mock-server') return undefined;
      if (payload?.action === 'stop') {
        await stop();
        return true;
      }
      if (!server) {
        await buildNodeEntries(out);
        const { startMockServer } = await import(pathToFileURL(resolve(out, 'mocks-node.js')).href);
        // Not under /api/dm: a service worker left by another test file must not answer for it.
        server = await startMockServer({
          port: 0,
          basePath: '/real-server/dm',
          dbOptions: payload?.dbOptions,
        });
      }
      return { url: server.url, origin: server.origin };
    },
    async serverStop() {
      await stop();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
