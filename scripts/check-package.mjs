#!/usr/bin/env node
// `npm run check-package` (after `npm run build`): checks the package as a host site receives it.
//  1. `npm pack` into a temp dir;
//  2. publint on the tarball (errors fail; warnings and suggestions are printed);
//  3. @arethetypeswrong/cli on the tarball, profile `esm-only` (the package is ESM only, so the
//     CommonJS `require` rows are not problems);
//  4. installs the tarball with lit, @lit/context, msw and react into a scratch project (from the
//     npm registry), then: imports the DOM-free entries in Node (`data`, `locales/es`,
//     `locales/ar`), resolves every other entry with `import.meta.resolve` (elements need a DOM),
//     and type-checks a TypeScript file that imports every entry (`tsc --noEmit`, moduleResolution
//     `bundler` and `node16`).
// `--keep` leaves the scratch directory for inspection.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './entries.mjs';

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const keep = process.argv.includes('--keep');
const step = (title) => console.log(`\n▶ ${title}`);
const failures = [];
const fail = (message) => {
  console.error(`  ✖ ${message}`);
  failures.push(message);
};

function run(command, args, opts = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: opts.capture ? 'pipe' : 'inherit',
    ...opts,
  });
  if (result.error) throw result.error;
  return result;
}
const bin = (name) => resolve(ROOT, 'node_modules/.bin', name);

// Every export subpath except data files (JSON, the OpenAPI YAML), e.g. `dm-widgets/react`.
const specifiers = Object.keys(pkg.exports)
  .filter((k) => !/\.(json|yaml)$/.test(k))
  .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
/** Entries that run in Node without a DOM. */
const DOM_FREE = new Set([
  `${pkg.name}/data`,
  `${pkg.name}/locales/es`,
  `${pkg.name}/locales/ar`,
  // The Node-only entries (issue 17): the mock server, its hooks, the conformance kit.
  `${pkg.name}/mocks/node`,
  `${pkg.name}/mocks/hooks`,
  `${pkg.name}/conformance`,
]);

for (const target of Object.values(pkg.exports).flatMap((v) =>
  typeof v === 'string' ? [v] : Object.values(v),
)) {
  if (!existsSync(resolve(ROOT, target))) {
    console.error(`✖ ${target} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'dm-widgets-pack-'));
try {
  step('npm pack');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], { capture: true });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const info = JSON.parse(packed.stdout)[0];
  const tgz = join(work, info.filename);
  console.log(
    `  ${info.filename}: ${info.entryCount} files, ${(info.size / 1024).toFixed(1)} KB packed, ${(info.unpackedSize / 1024).toFixed(1)} KB unpacked`,
  );
  const files = info.files.map((f) => f.path);
  for (const banned of [/^src\//, /^test\//, /^stories\//, /^node_modules\//, /\.test\./]) {
    const hit = files.find((f) => banned.test(f));
    if (hit) fail(`the tarball contains ${hit}`);
  }

  step('publint');
  const publint = run(
    process.execPath,
    [resolve(ROOT, 'node_modules/publint/src/cli.js'), 'run', tgz, '--level', 'suggestion'],
    { capture: true },
  );
  process.stdout.write((publint.stdout + publint.stderr).replace(/^/gm, '  '));
  if (publint.status !== 0) fail('publint reported errors');

  step('attw (--profile esm-only)');
  // Data files (the OpenAPI YAML) have no types to check.
  const dataEntries = Object.keys(pkg.exports).filter((k) => /\.yaml$/.test(k));
  const attw = run(
    bin('attw'),
    [
      tgz,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      '--no-color',
      ...(dataEntries.length ? ['--exclude-entrypoints', ...dataEntries] : []),
    ],
    { capture: true },
  );
  process.stdout.write((attw.stdout + attw.stderr).replace(/^/gm, '  '));
  if (attw.status !== 0) fail('attw reported problems');

  step('install the tarball into a scratch project');
  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-host', private: true, type: 'module' }, null, 2),
  );
  const typescript = JSON.parse(
    readFileSync(resolve(ROOT, 'node_modules/typescript/package.json'), 'utf8'),
  ).version;
  const reactTypes = JSON.parse(
    readFileSync(resolve(ROOT, 'node_modules/@types/react/package.json'), 'utf8'),
  ).version;
  const install = run(
    'npm',
    [
      'install',
      tgz,
      'lit',
      '@lit/context',
      'msw',
      'react',
      `@types/react@${reactTypes}`,
      `typescript@${typescript}`,
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    { cwd: app, capture: true, timeout: 240_000 },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  console.log(
    `  installed ${info.filename} with lit, @lit/context, msw, react, typescript ${typescript}`,
  );

  step('Node: import the DOM-free entries, resolve the others');
  const probe = `
    const specs = ${JSON.stringify(specifiers)};
    const domFree = new Set(${JSON.stringify([...DOM_FREE])});
    let bad = 0;
    for (const s of specs) {
      try {
        const url = import.meta.resolve(s);
        if (domFree.has(s)) {
          const m = await import(s);
          const names = Object.keys(m);
          if (!names.length) throw new Error('no exports');
          console.log('  import  ' + s.padEnd(32) + names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : ''));
        } else {
          const { existsSync } = await import('node:fs');
          if (!existsSync(new URL(url))) throw new Error(url + ' does not exist');
          console.log('  resolve ' + s.padEnd(32) + url.slice(url.indexOf('node_modules/')));
        }
      } catch (e) { bad++; console.error('  ✖ ' + s + ': ' + e.message); }
    }
    const { existsSync: has } = await import('node:fs');
    if (!has(new URL(import.meta.resolve('dm-widgets/openapi.yaml')))) { bad++; console.error('  ✖ dm-widgets/openapi.yaml does not resolve'); }
    else console.log('  resolve dm-widgets/openapi.yaml');
    const { startMockServer } = await import('dm-widgets/mocks/node');
    const { verify } = await import('dm-widgets/conformance');
    const server = await startMockServer({ port: 0, dbOptions: { pingIntervalMs: 200 } });
    const report = await verify({ baseUrl: server.url, clientId: 'c-dana', hooks: 'dm-widgets/mocks/hooks', keepAliveMs: 3000 });
    await server.close();
    if (report.failed) { bad++; console.error('  ✖ verify against the packed mock server: ' + report.failed + ' rules failed'); }
    else console.log('  verify(mock server of the tarball): ' + report.passed + ' passed, ' + report.skipped + ' skipped');
    const { es } = await import('dm-widgets/locales/es');
    const { ar } = await import('dm-widgets/locales/ar');
    if (es.send !== 'Enviar' || typeof ar.feedLabel !== 'function') { bad++; console.error('  ✖ locale tables look wrong'); }
    process.exit(bad ? 1 : 0);
  `;
  const node = run(process.execPath, ['--input-type=module', '-e', probe], { cwd: app });
  if (node.status !== 0) fail('some entries did not import or resolve in Node');

  step('bins: dm-widgets, dm-widgets-verify');
  for (const [name, args, want] of [
    ['dm-widgets', ['--help'], /mock-server/],
    ['dm-widgets-verify', ['--help'], /Usage: dm-widgets-verify/],
  ]) {
    const r = run(join(app, 'node_modules/.bin', name), args, { cwd: app, capture: true });
    if (!want.test(r.stdout + r.stderr)) fail(`${name} --help did not print its usage`);
    else console.log(`  ${name} --help: usage printed`);
  }

  step("TypeScript: every entry's types (tsc --noEmit, moduleResolution bundler and node16)");
  const names = {
    [pkg.name]: 'DmProvider, DmStore, en',
    [`${pkg.name}/data`]: 'RestAdapter, DmStore as DataStore',
    [`${pkg.name}/react`]:
      'DmProvider as ReactProvider, DmClientList as ReactClientList, DmCommunications as ReactCommunications',
    [`${pkg.name}/locales/es`]: 'es',
    [`${pkg.name}/locales/ar`]: 'ar',
    [`${pkg.name}/mocks`]: 'MockDb',
    [`${pkg.name}/mocks/node`]: 'startMockServer',
    [`${pkg.name}/conformance`]: 'verify, type DmHooks',
  };
  const lines = specifiers.map((s, i) =>
    names[s] ? `import { ${names[s]} } from '${s}';` : `import * as entry${i} from '${s}';`,
  );
  lines.push(
    `import type { DmStrings } from '${pkg.name}';`,
    `import type { DmClientSelectEvent } from '${pkg.name}/react';`,
    `const tables: DmStrings[] = [en, es, ar];`,
    `const onSelect = (e: DmClientSelectEvent): string => e.detail.clientId;`,
    `const el: HTMLElementTagNameMap['dm-client-list'] = document.createElement('dm-client-list');`,
    `el.addEventListener('dm-client-select', (e) => onSelect(e));`,
    // Every event keeps its typed detail when heard at the top (they bubble and are composed).
    `document.addEventListener('dm-client-select', (e) => e.detail.clientId);`,
    `document.addEventListener('dm-order-open', (e) => e.detail.orderId);`,
    `document.addEventListener('dm-filter-change', (e) => e.detail.filter);`,
    `document.addEventListener('dm-message-sent', (e) => e.detail.message.id);`,
    `window.addEventListener('dm-notice-open', (e) => e.detail.clientId);`,
    `window.addEventListener('dm-auth-required', (e) => e.detail.error.kind);`,
    `const hooks: DmHooks = { clientWrites: async (id: string, text: string) => void [id, text] };`,
    `export const kit = [startMockServer, verify, hooks];`,
    `export const used = [tables, ReactProvider, ReactClientList, ReactCommunications, RestAdapter, DataStore, DmStore, DmProvider, MockDb, ${specifiers
      .map((s, i) => (names[s] ? null : `entry${i}`))
      .filter(Boolean)
      .join(', ')}];`,
  );
  writeFileSync(join(app, 'entries.ts'), lines.join('\n') + '\n');
  const common = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: [],
  };
  const configs = {
    bundler: { ...common, module: 'ESNext', moduleResolution: 'Bundler' },
    node16: { ...common, module: 'Node16', moduleResolution: 'Node16' },
  };
  for (const [name, compilerOptions] of Object.entries(configs)) {
    writeFileSync(
      join(app, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions, files: ['entries.ts'] }, null, 2),
    );
    const tsc = run(
      process.execPath,
      [join(app, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${name}.json`],
      { cwd: app, capture: true },
    );
    if (tsc.status === 0) console.log(`  ${name}: ok (${specifiers.length} entries)`);
    else {
      process.stdout.write((tsc.stdout + tsc.stderr).replace(/^/gm, '    '));
      fail(`tsc (${name}) found errors`);
    }
  }
} catch (error) {
  fail(error.message ?? String(error));
} finally {
  if (keep) console.log(`\n  scratch directory kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n✖ package check failed: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log('\n✔ package check passed: publint, attw, Node imports, TypeScript types');
