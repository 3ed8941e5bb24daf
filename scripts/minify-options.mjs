// Shared by rollup.config.mjs and scripts/size.mjs so that what is measured is what ships.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from 'minify-literals';

/**
 * Private class members end in `_` (e.g. `this.rows_`): the minifiers rename them across the
 * whole bundle. Public API, adapter methods, event details and persisted JSON never do.
 */
export const MANGLE_PROPS = /^[a-z][A-Za-z0-9]*_$/;

/** An esbuild plugin that minifies the HTML and CSS inside Lit's html`` and css`` templates. */
export const minifyLiteralsEsbuild = {
  name: 'minify-literals',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const result = await minifyHTMLLiterals(source, { fileName: args.path });
      return { contents: result ? result.code : source, loader: 'ts' };
    });
  },
};

/** The same as a rollup plugin (runs on the TypeScript source before esbuild compiles it). */
export function minifyLiteralsRollup() {
  return {
    name: 'minify-literals',
    async transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || /[\\/]src[\\/]mocks[\\/]/.test(id)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
