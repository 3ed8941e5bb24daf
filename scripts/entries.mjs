// The package's entry modules, shared by rollup.config.mjs, scripts/build.mjs and scripts/size.mjs.
// Keys are the public subpath names (`dm-widgets/<key>`) and the file names in dist/esm/.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The whole set; importing it registers every element. Required. */
export const INDEX_ENTRY = 'src/index.ts';

/** One module per element; each registers exactly one tag. */
export const ELEMENT_ENTRIES = {
  provider: 'src/elements/provider/dm-provider.ts',
  'client-list': 'src/elements/client-list/dm-client-list.ts',
  'communications-feed': 'src/elements/communications-feed/dm-communications-feed.ts',
  composer: 'src/elements/composer/dm-composer.ts',
  'unread-indicator': 'src/elements/unread-indicator/dm-unread-indicator.ts',
  notifier: 'src/elements/notifier/dm-notifier.ts',
  communications: 'src/elements/communications/dm-communications.ts',
};

/** Modules without elements. `mocks` (MSW) must never end up in an element bundle. */
export const EXTRA_ENTRIES = {
  data: 'src/data/index.ts',
  mocks: 'src/mocks/index.ts',
  // React wrappers (react stays external, an optional peer dependency) and the string tables:
  // separate entries so that neither grows the main bundle.
  react: 'src/react/index.ts',
  'locales/es': 'src/i18n/es.ts',
  'locales/ar': 'src/i18n/ar.ts',
};

/** Every entry of the modular build, in output order. */
export const ALL_ENTRIES = { index: INDEX_ENTRY, ...ELEMENT_ENTRIES, ...EXTRA_ENTRIES };

/**
 * Splits an entry map into the entries whose file exists and the ones that don't (yet).
 * @param {Record<string, string>} entries
 */
export function partitionEntries(entries) {
  const present = {};
  const missing = {};
  for (const [name, file] of Object.entries(entries)) {
    (existsSync(resolve(ROOT, file)) ? present : missing)[name] = file;
  }
  return { present, missing };
}

/** Throws when the required whole-set entry is missing. */
export function assertIndexEntry() {
  if (!existsSync(resolve(ROOT, INDEX_ENTRY))) {
    throw new Error(`${INDEX_ENTRY} is missing: it is the package's main entry and is required.`);
  }
}
