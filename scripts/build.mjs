#!/usr/bin/env node
// `npm run build`: cleans dist/, runs rollup.config.mjs (dist/dm-widgets.js + dist/esm/),
// emits declarations with `tsc -p tsconfig.build.json` (dist/types/), regenerates
// custom-elements.json when the analyzer is installed, and checks that the single-file
// bundle really is self-contained.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { rollup } from 'rollup';
import { loadConfigFile } from 'rollup/loadConfigFile';
import { ROOT } from './entries.mjs';

const step = (title) => console.log(`\n▶ ${title}`);
const fail = (message) => {
  console.error(`\n✖ build failed: ${message}`);
  process.exit(1);
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0)
    fail(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`);
}

step('template check');
// The template minifier rewrites CSS inside style="…" attributes and drops units next to a
// binding (height:${x}px became height:${x}): bind styles with styleMap instead.
{
  const { readdirSync } = await import('node:fs');
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(resolve(dir, d.name)) : [resolve(dir, d.name)],
    );
  const offenders = walk(resolve(ROOT, 'src'))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      (readFileSync(f, 'utf8').match(/style="[^"]*\$\{[^"]*"/g) ?? []).map(
        (m) => `${relative(ROOT, f)}: ${m}`,
      ),
    );
  if (offenders.length)
    fail(`style attributes with bindings (use styleMap):\n  ${offenders.join('\n  ')}`);
  console.log('  no style="…${…}…" bindings');
}

step('clean dist/');
rmSync(resolve(ROOT, 'dist'), { recursive: true, force: true });

step('rollup (rollup.config.mjs)');
const { options, warnings } = await loadConfigFile(resolve(ROOT, 'rollup.config.mjs'), {});
warnings.flush();
for (const inputOptions of options) {
  let bundle;
  try {
    bundle = await rollup(inputOptions);
    for (const outputOptions of inputOptions.output) {
      const { output } = await bundle.write(outputOptions);
      for (const chunk of output) {
        if (chunk.type !== 'chunk') continue;
        const file = relative(
          ROOT,
          resolve(outputOptions.dir ?? resolve(outputOptions.file, '..'), chunk.fileName),
        );
        console.log(`  ${file.padEnd(44)} ${String(chunk.code.length).padStart(8)} B`);
      }
    }
  } catch (error) {
    fail(error.stack ?? String(error));
  } finally {
    await bundle?.close();
  }
}

step('self-contained check (dist/dm-widgets.js)');
const single = readFileSync(resolve(ROOT, 'dist/dm-widgets.js'), 'utf8');
// After terser an import looks like `import{a as b}from"x"`, `import"x"` or `import("x")`.
const leftover = single.match(
  /(?:^|[;}\s])import\s*(?:[{*"'(]|[\w$]+\s*from)|\bfrom\s*["'][^"']+["']\s*;?\s*$/m,
);
if (leftover) fail(`dist/dm-widgets.js still imports something near: ${leftover[0]}`);
if (/\[MSW\]|mockServiceWorker|MockDb/.test(single))
  fail('dist/dm-widgets.js contains the MSW mock');
console.log('  no imports left, no mock inside');

step('Node entries (scripts/node-entries.mjs: dist/node/, never in the browser bundle)');
{
  const { NODE_ENTRIES, buildNodeEntries } = await import('./node-entries.mjs');
  try {
    await buildNodeEntries(resolve(ROOT, 'dist/node'));
  } catch (error) {
    fail(error.stack ?? String(error));
  }
  for (const name of Object.keys(NODE_ENTRIES)) console.log(`  dist/node/${name}.js`);
  if (/startMockServer|dm-widgets-verify/.test(single))
    fail('dist/dm-widgets.js contains a Node entry');
}

step('declarations (tsc -p tsconfig.build.json)');
run(process.execPath, [
  resolve(ROOT, 'node_modules/typescript/bin/tsc'),
  '-p',
  'tsconfig.build.json',
]);
console.log('  dist/types/');

step('custom-elements.json');
const cem = resolve(ROOT, 'node_modules/.bin/cem');
const { scripts = {} } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
if (process.env.npm_lifecycle_event === 'build' && /\banalyze\b/.test(scripts.prebuild ?? '')) {
  console.log('  already written by the prebuild script');
} else if (existsSync(cem)) {
  run('npm', ['run', '--silent', 'analyze']);
  console.log('  custom-elements.json');
} else if (existsSync(resolve(ROOT, 'custom-elements.json'))) {
  console.log('  analyzer not installed; keeping the existing custom-elements.json');
} else {
  console.warn(
    '  note: @custom-elements-manifest/analyzer is not installed, so custom-elements.json was not generated',
  );
}

const size = statSync(resolve(ROOT, 'dist/dm-widgets.js')).size;
console.log(
  `\n✔ build done: dist/dm-widgets.js (${size} B min), dist/esm/, dist/node/, dist/types/. Run \`npm run size\` for gzip sizes.`,
);
