/**
 * Renders every story of `stories/*.stories.ts` the way Storybook does (the story's render, its
 * decorators, then the meta's; the story's `beforeEach`; its MSW handlers from
 * `parameters.msw.handlers`; its `play`), waits until it settles and fails on an exception, a
 * `console.error` or an axe violation. Prints how many stories each element has and asserts a
 * minimum (and the states the product requires by name), so removing a story is caught.
 */
import { expect } from '@open-wc/testing';
import { nothing, render } from 'lit';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import * as clientList from '../../stories/client-list.stories.js';
import * as communications from '../../stories/communications.stories.js';
import * as feed from '../../stories/communications-feed.stories.js';
import * as feedSearch from '../../stories/feed-search.stories.js';
import * as composer from '../../stories/composer.stories.js';
import * as notifier from '../../stories/notifier.stories.js';
import * as provider from '../../stories/provider.stories.js';
import * as unreadIndicator from '../../stories/unread-indicator.stories.js';
import { deepQueryAll, pause, settled } from '../../stories/support/story-kit.js';

type Fn = (...args: any[]) => any;
interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  render?: Fn;
  decorators?: Fn[];
  parameters?: { msw?: { handlers?: RequestHandler[] }; dm?: { staysLoading?: boolean } };
  beforeEach?: Fn;
  play?: Fn;
}
interface MetaLike extends StoryLike {
  title: string;
  component: string;
}

/** Each stories module, the element it documents, the fewest stories it may have, and required names. */
const MODULES: Array<{ module: Record<string, unknown>; min: number; required: string[] }> = [
  { module: provider, min: 3, required: [] },
  {
    module: clientList,
    min: 12,
    required: [
      'Loading',
      'Empty (no clients yet)',
      'Error with retry',
      'Signed out (401)',
      'Selected client',
      'Phone width',
      'Dark theme',
    ],
  },
  {
    module: feed,
    min: 25,
    required: [
      'Loading',
      'Empty (no history)',
      'Error with retry',
      'Signed out (401)',
      'Filter: all',
      'Filter: orders (every order type and status)',
      'Filter: messages',
      'Order details',
      'New message arrives (live)',
      'Emoji',
      'Right-to-left text',
      'Phone width',
      'Dark theme',
      'Custom theme (--dm-* and ::part)',
    ],
  },
  {
    module: feedSearch,
    min: 7,
    required: [
      'Search: results',
      'Search: no hits',
      'Search: failed, with Retry',
      'Jumped far back (2,000 items)',
      'Back to latest',
      'Search: a 1.0 server (box hidden)',
    ],
  },
  {
    module: composer,
    min: 14,
    required: [
      'Blocked: suspended',
      'Blocked: rejected',
      'Blocked: needs improvement',
      'Blocked: negative review',
      'Blocked: 5 in a row',
      'One message left',
      'Failed send',
    ],
  },
  {
    module: unreadIndicator,
    min: 6,
    required: ['Unread (dot)', 'No unread (no bubble)', 'New message arrives (live)'],
  },
  {
    module: notifier,
    min: 7,
    required: [
      'New message notice',
      'Several messages from one client (folded, with a count)',
      'Missed while the stream was down (noticed on reconnect)',
      'During a live session (held)',
      'After a live session (released)',
    ],
  },
  {
    module: communications,
    min: 18,
    required: [
      'Loading',
      'Empty (no clients yet)',
      'Error with retry',
      'Phone width: list',
      'Phone width: card (with Back)',
      'Dark theme',
      'New message arrives (live)',
    ],
  },
];

/**
 * Element bugs a story shows and the element's owner has yet to fix: `component/story name` → the
 * axe rules to skip there and why. Everything else about the story is still checked; delete the
 * entry when the element is fixed.
 */
const KNOWN_ELEMENT_BUGS: Record<string, { rules: string[]; bug: string }> = {};

/** The CSF exports of a module that are stories. */
function storiesOf(module: Record<string, unknown>): Array<[string, StoryLike]> {
  return Object.entries(module).filter(
    ([key, value]) =>
      key !== 'default' && key !== '__namedExportsOrder' && value && typeof value === 'object',
  ) as Array<[string, StoryLike]>;
}

let worker: SetupWorker;
const problems: string[] = [];
const originalConsoleError = console.error;
const onError = (e: ErrorEvent) => problems.push(`uncaught: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) =>
  problems.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`);

before(async () => {
  worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  console.error = (...args: unknown[]) => {
    problems.push(
      `console.error: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`,
    );
    originalConsoleError.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

after(() => {
  console.error = originalConsoleError;
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  worker.stop();
});

describe('stories', function () {
  this.timeout(40_000);

  it('has the required stories for every element', () => {
    let total = 0;
    const counts: string[] = [];
    for (const { module, min, required } of MODULES) {
      const meta = module.default as MetaLike;
      const stories = storiesOf(module);
      total += stories.length;
      counts.push(`${meta.component}: ${stories.length}`);
      expect(stories.length, `${meta.component} stories`).to.be.at.least(min);
      const names = stories.map(([key, s]) => s.name ?? key);
      for (const name of required)
        expect(names, `${meta.component} must have a story "${name}"`).to.include(name);
    }
    console.log(`Stories per element: ${counts.join(', ')}; total ${total}`);
    expect(total).to.be.at.least(MODULES.reduce((n, m) => n + m.min, 0));
  });

  for (const { module } of MODULES) {
    const meta = module.default as MetaLike;
    describe(meta.title, () => {
      for (const [key, story] of storiesOf(module)) {
        const name = story.name ?? key;
        it(`renders "${name}"`, async () => {
          problems.length = 0;
          const args = { ...meta.args, ...story.args };
          const parameters = { ...meta.parameters, ...story.parameters };
          const handlers = parameters.msw?.handlers;
          expect(handlers, 'parameters.msw.handlers').to.be.an('array').that.is.not.empty;
          worker.resetHandlers();
          worker.use(...handlers!);

          const container = document.createElement('div');
          container.style.width = '1100px';
          document.body.append(container);
          const context = {
            args,
            parameters,
            id: key,
            name,
            title: meta.title,
            viewMode: 'story',
            loaded: {},
            globals: {},
            argTypes: {},
            canvasElement: container,
          };
          const cleanups: Fn[] = [];
          for (const hook of [meta.beforeEach, story.beforeEach]) {
            const cleanup = await hook?.(context);
            if (typeof cleanup === 'function') cleanups.push(cleanup);
          }
          try {
            const renderFn = story.render ?? meta.render;
            expect(renderFn, 'a render function').to.be.a('function');
            // Storybook's order: the story's decorators wrap the render, then the meta's.
            let storyFn: Fn = () => renderFn!(args, context);
            for (const decorator of [...(story.decorators ?? []), ...(meta.decorators ?? [])]) {
              const inner = storyFn;
              storyFn = () => decorator(inner, context);
            }
            render(storyFn(), container);
            expect(container.querySelector('dm-provider'), 'the story renders inside <dm-provider>')
              .to.exist;

            if (parameters.dm?.staysLoading) await pause(400);
            else await settled(container, 10_000);
            if (story.play) {
              await story.play(context);
              if (!parameters.dm?.staysLoading) await settled(container, 10_000);
            }
            // A story that stays loading shows it (from the start, or after its play function).
            if (parameters.dm?.staysLoading)
              expect(
                deepQueryAll(container, '[part~="loading"]').length,
                'a loading state',
              ).to.be.greaterThan(0);
            await pause(150);
            // Something of the element is on screen (not an empty shadow root).
            const rendered = [...container.querySelectorAll('*')].filter(
              (el) => el.localName.startsWith('dm-') && el.localName !== 'dm-provider',
            );
            expect(rendered.length, 'dm-* elements rendered').to.be.greaterThan(0);
            const known = KNOWN_ELEMENT_BUGS[`${meta.component}/${name}`];
            if (known)
              console.warn(
                `Known element bug in "${meta.component}/${name}" (axe ${known.rules.join(', ')} skipped): ${known.bug}`,
              );
            await expect(container).to.be.accessible({ ignoredRules: known?.rules ?? [] });
            expect(problems, 'exceptions and console errors').to.deep.equal([]);
          } finally {
            render(nothing, container);
            container.remove();
            for (const cleanup of cleanups) cleanup();
          }
        });
      }
    });
  }
});
