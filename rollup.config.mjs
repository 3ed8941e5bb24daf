// Rollup builds two outputs from src/ (declarations come from `tsc -p tsconfig.build.json`):
//  1. dist/dm-widgets.js — the whole set in ONE self-contained, minified ES module with Lit
//     (production build) inside, for a plain <script type="module" src="…/dm-widgets.js">.
//  2. dist/esm/*.js — one module per public entry for bundler users; lit, @lit/* and msw stay
//     external (bare imports) so the host's bundler deduplicates them; shared code goes to
//     dist/esm/chunks/.
// Entries whose source file doesn't exist yet are skipped with a note (src/index.ts is required).
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { MANGLE_PROPS, minifyLiteralsRollup } from './scripts/minify-options.mjs';
import {
  ALL_ENTRIES,
  INDEX_ENTRY,
  assertIndexEntry,
  partitionEntries,
} from './scripts/entries.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

assertIndexEntry();
const { present, missing } = partitionEntries(ALL_ENTRIES);
for (const [name, file] of Object.entries(missing)) {
  console.warn(`[rollup.config] skipping entry "${name}": ${file} does not exist yet`);
}

/** Bare specifiers the modular build leaves to the host's bundler. */
const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  'msw',
];
// `@lit/react` is bundled into dist/esm/react.js: its package requires `@types/react`, which npm
// would install into every host as a dependency of ours, React or not.
const isExternal = (id) =>
  id !== '@lit/react' &&
  (/^@lit(-labs)?\//.test(id) ||
    externalPackages.some((name) => id === name || id.startsWith(`${name}/`)));

// rollup-plugin-esbuild passes tsconfig.json to esbuild (experimentalDecorators,
// useDefineForClassFields: false), and resolves `./x.js` imports to `./x.ts`.
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true });

const onwarn = (warning, warn) => {
  // Lit's and msw's sources use `this` at the top level of some UMD-ish helpers; harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: INDEX_ENTRY,
    onwarn,
    plugins: [
      // `production` picks Lit's production build (no dev-mode warnings, smaller).
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      minifyLiteralsRollup(),
      ts(),
      terser({
        module: true,
        ecma: 2020,
        compress: { passes: 3 },
        mangle: { properties: { regex: MANGLE_PROPS } },
        format: { comments: /^!/ },
      }),
    ],
    output: {
      file: 'dist/dm-widgets.js',
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: true,
      banner: `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | includes Lit (BSD-3-Clause, Google LLC) */`,
    },
  },
  {
    input: present,
    onwarn,
    external: isExternal,
    // The html`` and css`` literals are minified here too (whitespace, CSS and HTML comments):
    // they are what a bundler ships. Names stay readable (no property mangling) for the host's
    // bundler and debugger.
    plugins: [nodeResolve({ browser: true }), minifyLiteralsRollup(), ts()],
    output: {
      dir: 'dist/esm',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
