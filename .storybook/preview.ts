// Storybook preview: MSW (msw-storybook-addon v3, CSF 3 loader), a11y checks, autodocs.
// Stories give handlers with `parameters: { msw: [...] }` or `beforeEach({ msw }) { msw.use(...) }`;
// handlers are reset between stories.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';

// The docs pages' attribute, property, event, slot, CSS part and custom property tables (and the
// controls) come from the custom-elements manifest that `npm run analyze` writes.
setCustomElementsManifest(manifest);

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        onUnhandledRequest: 'bypass',
        // Relative, so a static Storybook served under a sub-path still finds the worker.
        serviceWorker: { url: './mockServiceWorker.js' },
      });
      return worker;
    }),
  ],
  parameters: {
    // Zero axe violations is a product requirement: a11y failures fail story tests.
    a11y: { test: 'error' },
    controls: { expanded: true },
    // Docs pages render each story in its own iframe (own page, own MSW handlers and mock); the
    // stories set the iframe height. See stories/support/story-kit.ts.
    docs: { story: { inline: false } },
  },
  tags: ['autodocs'],
};

export default preview;
