// Node tests run from source: the Node entries (src/node, src/conformance) are bundled with the
// same esbuild options as the published build (scripts/node-entries.mjs) into a scratch folder of
// this process, once, and imported from there.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../scripts/entries.mjs';
import { buildNodeEntries } from '../../scripts/node-entries.mjs';

export const OUT = resolve(ROOT, '.scratch/node-test', String(process.pid));
let built;

/** Builds once per process; resolves with the output folder. */
export function build() {
  built ??= buildNodeEntries(OUT).then(() => {
    process.once('exit', () => rmSync(OUT, { recursive: true, force: true }));
    return OUT;
  });
  return built;
}

/** Imports one built entry (`mocks-node`, `conformance`, `verify-cli`, `dm-widgets-cli`, `mock-hooks`). */
export async function load(name) {
  await build();
  return import(pathToFileURL(resolve(OUT, `${name}.js`)).href);
}

export const entryPath = (name) => resolve(OUT, `${name}.js`);
