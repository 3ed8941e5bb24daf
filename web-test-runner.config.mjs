// @web/test-runner: every browser test in headless Chromium (Debian's, or $CHROME_PATH).
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import {
  mswWorkerMiddleware,
  strayMockRequestMiddleware,
} from './scripts/msw-worker-middleware.mjs';
import { reactEsmPlugin } from './scripts/wtr-react-esm.mjs';
import { mswEsmPlugin } from './scripts/wtr-msw-esm.mjs';
import { bundleTestsPlugin } from './scripts/wtr-bundle-tests.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { timingReporter } from './scripts/timing-reporter.mjs';
import { cspMiddleware } from './scripts/csp-middleware.mjs';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { mockServerPlugin } from './scripts/wtr-mock-server.mjs';
import { coarsePointerPlugin } from './scripts/wtr-coarse-pointer.mjs';

let executablePath;
try {
  executablePath = findChrome();
} catch (error) {
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

// The test server listens on 127.0.0.1 on a port the system picks free, never the default
// "localhost:8000 or the next free one": two runs starting together (other checkouts on one
// machine) could both take 8000, one on ::1 and one on 127.0.0.1, and a page then loaded the other
// run's files and reported to the other run's server, so its own file never finished.
const port = await new Promise((resolve, reject) => {
  const probe = createServer();
  probe.on('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});

export default {
  hostname: '127.0.0.1',
  port,
  // test/html/ runs against the built dist/dm-widgets.js: `npm run test:dist` (after `npm run build`).
  // The slowest folders first (stories about 20-35 s a file, fault injection, elements), then the
  // rest (mostly 1-5 s): two files run at a time, and a long file started last would run alone.
  files: [
    'test/stories/**/*.test.ts',
    'test/reliability/**/*.test.ts',
    'test/elements/**/*.test.ts',
    'test/**/*.test.ts',
    '!test/html/**',
  ],
  nodeResolve: true,
  // Two test files at a time, each in a page of its own browser context (see createPage below):
  // the files spend most of their time waiting (for the mock, timers, frames), not computing.
  // DM_CONCURRENCY=1 runs them one by one.
  concurrency: Number(process.env.DM_CONCURRENCY ?? 2),
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  // No file takes a minute even on a busy machine; one that runs 3 minutes waits for something
  // that does not come (a frame, an event, the mock's service worker): fail it, name it, go on.
  testsFinishTimeout: 180000,
  reporters: [defaultReporter(), summaryReporter(), timingReporter()],
  middleware: [mswWorkerMiddleware, strayMockRequestMiddleware, cspMiddleware],
  plugins: [
    // Each test file bundled (its shared code in chunks the browser caches), unless watching:
    // a test page loads a handful of files instead of up to 430 modules. DM_BUNDLE=0: unbundled.
    bundleTestsPlugin(),
    // For pages served unbundled (watch mode, the CSP page): React is CommonJS, so test/react/
    // gets it as ES modules (bundled once by esbuild) …
    reactEsmPlugin(),
    // … and MSW as three files instead of about 230 modules per page.
    mswEsmPlugin(),
    forcedColorsPlugin(),
    // The mock as a real HTTP server for test/mocks/http-server.test.ts.
    mockServerPlugin(),
    coarsePointerPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      // Each test page in its own browser context: its own MSW service worker registration,
      // localStorage and cache, so files running side by side never meet (in one context they
      // shared the one service worker: a file's worker.stop() unregistered it while the other
      // file's page still started its own, and that file stalled). A page is reused by the next
      // file, one file at a time, as before. Focus is emulated: every page acts as the focused
      // window, as a lone page did (focus and :focus-visible tests).
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
      // Test files run side by side in tabs of one browser: keep background tabs running at full
      // speed (requestAnimationFrame, timers), or their tests stall until they time out.
      launchOptions: {
        executablePath,
        headless: true,
        // Reduced motion: the elements honour it (no entry animation), so an accessibility check
        // never measures a notice's colours halfway through its fade-in on a busy machine.
        args: [
          ...CHROME_ARGS,
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
          '--force-prefers-reduced-motion',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
