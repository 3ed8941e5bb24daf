// The package's Node-only entries (never in the browser bundle): the mock as an HTTP server, the
// conformance kit and the two CLIs. Bundled with esbuild by scripts/build.mjs (dist/node/) and, on
// the fly, by the Node tests (test/node/kit.mjs): the same options both times.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './entries.mjs';

/** Output name (dist/node/<name>.js) → source. */
export const NODE_ENTRIES = {
  'mocks-node': 'src/node/index.ts',
  'mock-hooks': 'src/node/mock-hooks.ts',
  conformance: 'src/conformance/index.ts',
  'dm-widgets-cli': 'src/node/cli.ts',
  'verify-cli': 'src/conformance/cli.ts',
};

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
/** Runtime packages stay imports (installed beside the package); everything of ours is bundled. */
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
];

/**
 * Bundles the Node entries into `outdir` (ES modules for Node 20, code split so the entries share
 * one copy of the mock). The OpenAPI file is embedded as text (`import spec from '…yaml'`).
 */
export async function buildNodeEntries(outdir, { minify = false } = {}) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(NODE_ENTRIES).map(([name, file]) => [name, resolve(ROOT, file)]),
    ),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    loader: { '.yaml': 'text' },
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    chunkNames: 'chunks/[name]-[hash]',
    minify,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
