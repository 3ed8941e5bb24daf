// A @web/test-runner plugin that serves MSW pre-bundled. Unbundled, `msw` and `msw/browser` cost
// each test page about 230 module requests (MSW's own files, GraphQL's, tough-cookie's, …), about
// 60% of an element test page's modules. esbuild bundles both entries once per run, with code
// splitting, so the code they share (MSW's core) is one copy in one chunk, as it is unbundled:
// handlers made by `msw`'s `http` are the ones `msw/browser`'s worker runs.
import { build } from 'esbuild';

const PREFIX = '/__msw-esm/';
const ENTRIES = { msw: 'msw', 'msw/browser': 'msw-browser' };

let outputs;
function bundle() {
  outputs ??= build({
    entryPoints: Object.fromEntries(Object.values(ENTRIES).map((name) => [name, `entry:${name}`])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: '/out',
    chunkNames: 'chunk-[hash]',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'entries',
        setup(b) {
          b.onResolve({ filter: /^entry:/ }, ({ path }) => ({
            path: path.slice('entry:'.length),
            namespace: 'entry',
          }));
          b.onLoad({ filter: /.*/, namespace: 'entry' }, ({ path }) => ({
            contents: `export * from '${Object.keys(ENTRIES).find((s) => ENTRIES[s] === path)}';`,
            resolveDir: process.cwd(),
            loader: 'js',
          }));
        },
      },
    ],
  }).then((r) => new Map(r.outputFiles.map((f) => [f.path.replace('/out/', PREFIX), f.text])));
  return outputs;
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function mswEsmPlugin() {
  return {
    name: 'msw-esm',
    // Bundled while the browser starts, not when the first page asks (a failed build is reported
    // by the first page's request for it, not here as an unhandled rejection).
    serverStart() {
      bundle().catch(() => undefined);
    },
    resolveImport({ source }) {
      return source in ENTRIES ? `${PREFIX}${ENTRIES[source]}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const body = (await bundle()).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
