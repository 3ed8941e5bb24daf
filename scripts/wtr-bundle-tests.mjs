// A @web/test-runner plugin that serves each browser test file bundled. Unbundled, a test page
// loads 50 to 430 modules (src, Lit, @open-wc/testing, chai, MSW, …) one request and one module
// record at a time; that cost about 1 s of a busy renderer per file, and 5 to 9 s for the first
// file of each page (nothing cached yet). esbuild bundles every test file of test/ once per run,
// with code splitting: what files share (src, Lit, the mock, the test libraries) lands in chunks
// under /__test-bundle/ that the browser caches from one file to the next, so each module still
// has one instance per page. Inline source maps: a failure names the test file's own line.
//
// As wtr serves the same code otherwise: TypeScript with tsconfig.json, ES2022, and the
// `development` export condition (Lit's dev build and its warnings, which lit-warnings.test.ts
// checks). Only when the run is not watching: `wtr --watch` (and --manual) serve the files
// unbundled, so a changed source reruns the tests that load it. `DM_BUNDLE=0` serves them
// unbundled in any run; a test file the bundle does not hold (outside test/) is served unbundled.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './entries.mjs';

const CHUNKS = '/__test-bundle/';

/** The browser test files under test/ (test/html/ runs against dist/, not the sources). */
function testFiles() {
  return readdirSync(resolve(ROOT, 'test'), { recursive: true })
    .map((f) => `test/${f.split('\\').join('/')}`)
    .filter((f) => f.endsWith('.test.ts') && !f.startsWith('test/html/'));
}

/** Resolves with URL path → code: `/test/…/x.test.ts` for each entry, `/__test-bundle/…` chunks. */
function bundle(logger) {
  return build({
    entryPoints: testFiles().map((f) => resolve(ROOT, f)),
    absWorkingDir: ROOT,
    outbase: ROOT,
    // Nothing is written (write: false); the output paths are the URL paths under the root.
    outdir: ROOT,
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    conditions: ['development'],
    mainFields: ['browser', 'module', 'main'],
    chunkNames: `${CHUNKS.slice(1)}chunk-[hash]`,
    sourcemap: 'inline',
    // @web/test-runner-commands reaches the runner through the server's own socket module.
    external: ['/__web-dev-server__web-socket.js'],
    logLevel: 'silent',
  }).then(
    (result) =>
      new Map(
        result.outputFiles.map((f) => [
          f.path.slice(ROOT.length).replace(/\.test\.js$/, '.test.ts'),
          f.text,
        ]),
      ),
    (error) => {
      // Served unbundled instead: the usual transform then reports the error for its file.
      logger.error(`[bundle-tests] bundling the test files failed, serving them unbundled:`);
      for (const e of error.errors ?? [error])
        logger.error(
          `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text ?? e}`,
        );
      return new Map();
    },
  );
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function bundleTestsPlugin() {
  let outputs;
  return {
    name: 'bundle-tests',
    // Built while the browser starts. The dev server watches files only in watch or manual mode.
    serverStart({ config, logger }) {
      if (process.env.DM_BUNDLE !== '0' && config.disableFileWatcher) outputs = bundle(logger);
    },
    async serve(context) {
      if (!outputs) return undefined;
      const p = context.path;
      if (!p.startsWith(CHUNKS) && !p.endsWith('.test.ts')) return undefined;
      const body = (await outputs).get(p);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
