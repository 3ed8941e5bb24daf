#!/usr/bin/env node
// `npx dm-widgets-verify <base-url> …`: see src/conformance/cli.ts (built into dist/node/).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/node/verify-cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    'dm-widgets-verify: dist/node/ is missing (in a clone of the repository, run `npm run build` first)',
  );
  process.exit(2);
}
const { run } = await import(entry.href);
await run();
