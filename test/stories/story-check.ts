/**
 * The story check shared by test/stories/*.test.ts (the stories are split over several files so
 * none runs for minutes and files run side by side): renders stories the way Storybook does (the
 * story's render, its decorators, then the meta's; the story's `beforeEach`; its MSW handlers from
 * `parameters.msw.handlers`; its `play`), waits until it settles and fails on an exception, a
 * `console.error` or an axe violation.
 */
import { expect } from '@open-wc/testing';
import { nothing, render } from 'lit';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { deepQueryAll, pause, settled } from '../../stories/support/story-kit.js';

type Fn = (...args: any[]) => any;
export interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  render?: Fn;
  decorators?: Fn[];
  parameters?: { msw?: { handlers?: RequestHandler[] }; dm?: { staysLoading?: boolean } };
  beforeEach?: Fn;
  play?: Fn;
}
export interface MetaLike extends StoryLike {
  title: string;
  component: string;
}

/**
 * Element bugs a story shows and the element's owner has yet to fix: `component/story name` → the
 * axe rules to skip there and why. Everything else about the story is still checked; delete the
 * entry when the element is fixed.
 */
const KNOWN_ELEMENT_BUGS: Record<string, { rules: string[]; bug: string }> = {};

/** The CSF exports of a module that are stories. */
export function storiesOf(module: Record<string, unknown>): Array<[string, StoryLike]> {
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

/** Starts this page's MSW worker before the file's tests and stops it after them. */
export function useStoryWorker(): void {
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
}

/**
 * Defines `describe(meta.title)` with one test per story of `module` (those `only` keeps, by
 * index, when given: a module with many stories is split over two files).
 */
export function checkStories(
  module: Record<string, unknown>,
  only: (index: number) => boolean = () => true,
): void {
  const meta = module.default as MetaLike;
  describe(meta.title, () => {
    for (const [key, story] of storiesOf(module).filter((_, i) => only(i))) {
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
          await pause(50);
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
