// Issue 18, item 5: the README's mock snippet, built for production by Vite 7 as a host would,
// leaves no mock code in the output; the same snippet in a development build does load it (so
// the check can fail). `dm-widgets` is aliased to src/ (what the package's entries are built from).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { codeBlocks } from '../../scripts/readme-snippets.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const APP = join(ROOT, '.host-types', 'vite-mock-app');
/** Strings only the mock (or MSW) contains. */
const MOCK_MARKERS = ['MockDb', 'setupWorker', 'mockServiceWorker', '[MSW]', 'clientWrites'];

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const snippet = codeBlocks(readme).find(
  (b) => b.lang === 'ts' && b.code.includes("'dm-widgets/mocks'"),
);

async function buildApp(mode) {
  const out = join(APP, `dist-${mode}`);
  await build({
    root: APP,
    mode,
    logLevel: 'silent',
    configFile: false,
    resolve: {
      alias: [
        { find: /^dm-widgets\/mocks$/, replacement: join(ROOT, 'src/mocks/index.ts') },
        { find: /^dm-widgets$/, replacement: join(ROOT, 'src/index.ts') },
      ],
    },
    // A development build keeps import.meta.env.DEV true, as `vite` (the dev server) has it.
    define: mode === 'development' ? { 'import.meta.env.DEV': 'true' } : {},
    build: { outDir: out, emptyOutDir: true, minify: mode === 'production' },
  });
  const dir = join(out, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe("README's mock snippet in a Vite app", () => {
  after(() => rmSync(APP, { recursive: true, force: true }));

  it('is in the README, dev-only, with no fault injected', () => {
    assert.ok(snippet, 'a ts block importing dm-widgets/mocks');
    assert.match(snippet.code, /import\.meta\.env\.DEV/);
    assert.match(snippet.code, /await import\('dm-widgets\/mocks'\)/);
    assert.doesNotMatch(
      snippet.code,
      /^\s*import .*dm-widgets\/mocks/m,
      'no static import of the mock',
    );
    assert.doesNotMatch(
      snippet.code,
      /failNext|offline|malformed/,
      'the copy-paste snippet injects no fault',
    );
    assert.match(readme, /npx msw init \S+ --save/);
    assert.match(readme, /serviceWorkerUrl/);
  });

  it(
    'leaves no mock code in the production build, and does load it in development',
    { timeout: 180000 },
    async () => {
      mkdirSync(APP, { recursive: true });
      writeFileSync(
        join(APP, 'index.html'),
        '<!doctype html><dm-provider><dm-communications></dm-communications></dm-provider><script type="module" src="./main.ts"></script>\n',
      );
      writeFileSync(join(APP, 'main.ts'), snippet.code);
      const production = await buildApp('production');
      assert.ok(
        production.includes('dm-communications'),
        'the elements are in the production build',
      );
      for (const marker of MOCK_MARKERS)
        assert.ok(!production.includes(marker), `production build contains "${marker}"`);
      const development = await buildApp('development');
      assert.ok(
        MOCK_MARKERS.some((m) => development.includes(m)),
        'the development build has the mock',
      );
    },
  );
});
