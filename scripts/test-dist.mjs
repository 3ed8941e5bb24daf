#!/usr/bin/env node
// `npm run test:dist`: the tests that run against the BUILT package (test/html/: a plain HTML page
// loading dist/dm-widgets.js). Builds first when dist/dm-widgets.js is missing or older than any
// file in src/; then runs those test files with @web/test-runner. `npm test` leaves them out.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './entries.mjs';

const bundle = resolve(ROOT, 'dist/dm-widgets.js');
function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestIn(resolve(ROOT, 'src'));
if (stale) {
  console.log(
    existsSync(bundle)
      ? 'dist/ is older than src/: building first'
      : 'dist/ is missing: building first',
  );
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const wtr = spawnSync(
  process.execPath,
  [
    resolve(ROOT, 'node_modules/@web/test-runner/dist/bin.js'),
    '--files',
    'test/html/**/*.test.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
process.exit(wtr.status ?? 1);
