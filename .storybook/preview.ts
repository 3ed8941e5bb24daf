// Storybook preview: MSW (msw-storybook-addon v3, CSF 3 loader), a11y checks, autodocs.
// Stories give handlers with `parameters: { msw: [...] }` or `beforeEach({ msw }) { msw.use(...) }`;
// handlers are reset between stories.
import type { Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

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
  },
  tags: ['autodocs'],
};

export default preview;
