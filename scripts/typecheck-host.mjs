#!/usr/bin/env node
// Part of `npm run typecheck`: compiles what a TypeScript host compiles, with the strictest
// settings a host may use (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, JSX):
//  - the package's declarations (emitted from src/ as `npm run build` does, into .host-types/),
//    reached by their public names (`dm-widgets`, `dm-widgets/react`, …, from package.json's exports);
//  - test/types/*.tsx (the type tests: one rule for id and option props);
//  - every TS and TSX code block of README.md, each as its own module (JS blocks, which are Node
//    files such as a hooks module, are checked with `node --check`). What the snippets
//    assume the host has (`navigate`, `getToken`, …) is declared in test/types/readme-host.d.ts.
// Exits 1 on any error, naming the README line of a failing snippet.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './entries.mjs';
import { codeBlocks } from './readme-snippets.mjs';

const OUT = resolve(ROOT, '.host-types');
const TYPES = join(OUT, 'types');
const SNIPPETS = join(OUT, 'readme');
const tsc = resolve(ROOT, 'node_modules/typescript/bin/tsc');
const run = (args) => spawnSync(process.execPath, [tsc, ...args], { cwd: ROOT, encoding: 'utf8' });

rmSync(OUT, { recursive: true, force: true });
mkdirSync(SNIPPETS, { recursive: true });

// 1. The declarations, as shipped. `--noCheck`: the same files as a checked emit (compared when it
// was added), in 60% of the time; src/ itself is type-checked by the `tsc` step that `npm test`
// and `npm run typecheck` run beside or before this one.
const emit = run([
  '-p',
  'tsconfig.build.json',
  '--outDir',
  TYPES,
  '--declarationDir',
  TYPES,
  '--noCheck',
]);
if (emit.status !== 0) {
  console.error(emit.stdout, emit.stderr);
  process.exit(1);
}

// 2. `dm-widgets/<entry>` → its declaration file, from package.json's exports.
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const paths = {};
for (const [key, target] of Object.entries(pkg.exports)) {
  if (typeof target !== 'object' || !target.types) continue;
  const name = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
  paths[name] = [join(TYPES, relative('dist/types', target.types))];
}

// 3. The README's snippets.
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const where = {};
for (const [i, block] of codeBlocks(readme).entries()) {
  if (block.lang === 'js') {
    // Plain JavaScript (e.g. a Node hooks file): checked for syntax as an ES module.
    const file = join(SNIPPETS, `line-${block.line}.mjs`);
    writeFileSync(file, block.code);
    const syntax = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (syntax.status !== 0) {
      console.error(
        `✖ README.md snippet at line ${block.line} is not valid JavaScript:\n${syntax.stderr}`,
      );
      process.exit(1);
    }
    continue;
  }
  if (!['ts', 'tsx'].includes(block.lang)) continue;
  const file = join(SNIPPETS, `line-${block.line}.${block.lang}`);
  // Each block is a module of its own (a top-level await needs one).
  writeFileSync(file, `${block.code}\nexport {};\n`);
  where[relative(ROOT, file)] = block.line;
  void i;
}

const config = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: ['vite/client'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    jsx: 'react-jsx',
    noEmit: true,
    skipLibCheck: false,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    paths,
  },
  files: [resolve(ROOT, 'test/types/readme-host.d.ts')],
  include: [resolve(ROOT, 'test/types/*.tsx'), join(SNIPPETS, '*.ts'), join(SNIPPETS, '*.tsx')],
};
writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify(config, null, 2));
const check = run(['-p', join(OUT, 'tsconfig.json')]);
const output = `${check.stdout}${check.stderr}`.replace(
  /\.host-types\/readme\/line-(\d+)\.\w+/g,
  'README.md snippet at line $1',
);
if (check.status !== 0) {
  console.error(
    `✖ a host's strict compile failed (strict, exactOptionalPropertyTypes):\n${output}`,
  );
  process.exit(1);
}
console.log(
  `✔ host types: test/types and ${Object.keys(where).length} README snippets compile under strict + exactOptionalPropertyTypes`,
);
