/**
 * The story kit: every story renders inside `<dm-provider base-url="/api/dm">`, fed by its own
 * seeded `MockDb` through the MSW handlers the demo and the tests use. `dmStory()` gives a story
 * its mock (handlers in `parameters.msw`), a `beforeEach` that resets that mock to its seeded
 * state (so revisiting a story, or another story, never sees leftovers), and the decorator that
 * draws the provider and a sized wrapper. Stories import no Storybook runtime, so the story test
 * (`test/stories/stories.test.ts`) can run them in @web/test-runner as they are.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { DmStoreOptions } from '../../src/data/store.js';
import type { DmStrings } from '../../src/i18n/strings.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { MockDb, createHandlers, type MockDbOptions } from '../../src/mocks/index.js';
import { contract10Handlers } from './contract-1-0.js';
import '../../src/index.js';

/** The API base of every story: the mock answers under it. */
export const BASE_URL = '/api/dm';
/** A latency no story outlives: the route stays loading. */
export const FOREVER_MS = 2 ** 31 - 1;

/** Theme presets (values of `--dm-*` custom properties plus `::part()` rules). */
export type ThemeName = 'dark' | 'custom';

/** Options of {@link dmStory}. */
export interface DmStoryOptions {
  /** Options of the story's own `MockDb` (seed, advisorStatus, clientCount, scenario). */
  db?: MockDbOptions;
  /** Runs after every reset of the mock: latency, faults, advisor status… */
  setup?: (db: MockDb) => void;
  /** The provider's `live-session` attribute. */
  liveSession?: boolean;
  /** Height of the wrapper (the lists and feeds fill it). Default 560px. */
  height?: string;
  /** Width of the wrapper, e.g. `375px` for a phone. Default: the canvas's width. */
  width?: string;
  /** A theme preset. */
  theme?: ThemeName;
  /** Store options besides `storage: null` (drafts and outbox kept in memory, never shared). */
  storeOptions?: DmStoreOptions;
  /** The provider's `locale` attribute. */
  locale?: string;
  /** The provider's `strings` property (replaced UI strings). */
  strings?: Partial<DmStrings>;
  /** The story is meant to stay loading: the story test does not wait for it to settle. */
  staysLoading?: boolean;
  /** `'1.0'`: the mock answers as a server of contract 1.0 (no Seen, no search, no typing). Default 1.1. */
  contract?: '1.0' | '1.1';
}

/** What a story spreads in: `parameters.msw`, `beforeEach`, `decorators`, plus its `db`. */
export interface DmStoryParts {
  db: MockDb;
  parameters: {
    msw: { handlers: ReturnType<typeof contract10Handlers> };
    dm: { staysLoading: boolean };
    docs: { story: { inline: boolean; height: string } };
  };
  beforeEach: () => () => void;
  decorators: Array<(story: () => unknown, context: unknown) => TemplateResult>;
}

const THEMES: Record<ThemeName, { vars: string; css: string; background: string }> = {
  dark: {
    background: '#0d1117',
    vars: [
      '--dm-color-text: #e6edf3',
      '--dm-color-muted: #9da7b3',
      '--dm-color-bg: #0d1117',
      '--dm-color-surface: #161b22',
      '--dm-color-border: #3d444d',
      '--dm-color-accent: #b7a4ff',
      '--dm-color-on-accent: #0d1117',
      '--dm-color-unread: #ff7b72',
      '--dm-unread-indicator-text: #0d1117',
      '--dm-color-danger: #ff7b72',
      '--dm-color-success: #56d364',
      '--dm-color-warning-bg: #3b2e00',
      '--dm-color-warning-text: #f2cc60',
      '--dm-bubble-client-bg: #262c36',
      '--dm-bubble-client-text: #e6edf3',
      '--dm-color-selected: #2d2a4a',
      '--dm-color-hover: #1f242c',
      '--dm-client-list-divider: #262c36',
      '--dm-notifier-bg: #161b22',
      'color-scheme: dark',
    ].join(';'),
    css: '',
  },
  custom: {
    background: '#fffaf3',
    vars: [
      "--dm-font-family: Georgia, 'Times New Roman', serif",
      '--dm-font-size: 15px',
      '--dm-color-accent: #0b6e4f',
      '--dm-color-on-accent: #ffffff',
      '--dm-color-bg: #fffaf3',
      '--dm-color-surface: #f5ecdf',
      '--dm-color-border: #d9c7ae',
      '--dm-color-selected: #e3f1ea',
      '--dm-bubble-client-bg: #f1e6d6',
      '--dm-radius: 4px',
      '--dm-radius-small: 2px',
      '--dm-avatar-size: 32px',
      '--dm-color-unread: #b3261e',
    ].join(';'),
    // Parts are the stable styling surface: reach inside with ::part(), never with classes.
    css: `
      .dm-theme-custom :is(dm-client-list, dm-communications)::part(client-selected) { box-shadow: inset 4px 0 0 #0b6e4f; }
      .dm-theme-custom :is(dm-client-list, dm-communications)::part(name) { font-weight: 700; letter-spacing: 0.01em; }
      .dm-theme-custom :is(dm-client-list, dm-communications)::part(unread-badge) { border-radius: 2px; }
      .dm-theme-custom :is(dm-communications-feed, dm-communications)::part(filter) { border-radius: 2px; border-color: #0b6e4f; }
      .dm-theme-custom :is(dm-communications-feed, dm-communications)::part(order-card) { border-inline-start: 4px solid #0b6e4f; }
      .dm-theme-custom :is(dm-composer, dm-communications)::part(send) { text-transform: uppercase; letter-spacing: 0.08em; }
      .dm-theme-custom :is(dm-composer, dm-communications)::part(input) { border-width: 2px; }
      .dm-theme-custom dm-notifier::part(notice) { border-inline-start: 4px solid #0b6e4f; }
      .dm-theme-custom dm-unread-indicator::part(bubble) { border-radius: 2px; }
    `,
  },
};

/** The same rule for every story: the element (or the story's own layout) fills the wrapper. */
const BASE_CSS = `
  /* contain: the notifier (position: fixed) is placed in the story's frame, e.g. a phone-wide one. */
  .dm-story { display: flex; flex-direction: column; box-sizing: border-box; max-width: 100%; contain: layout; }
  .dm-story > dm-provider > *:not(style):not(dm-notifier) { flex: 1 1 auto; min-height: 0; }
  .dm-story .dm-card { display: flex; flex-direction: column; height: 100%; min-height: 0; }
  .dm-story .dm-card > dm-communications-feed { flex: 1 1 auto; min-height: 0; }
`;

/**
 * A story's mock backend and frame: spread the result into the story object
 * (`{ ...mock, args, render }`) and keep `mock.db` for play functions.
 */
export function dmStory(options: DmStoryOptions = {}): DmStoryParts {
  const db = new MockDb({ avatarBase: `${BASE_URL}/__avatars`, ...options.db });
  const handlers = (options.contract === '1.0' ? contract10Handlers : createHandlers)(db, {
    baseUrl: BASE_URL,
  });
  const theme = options.theme ? THEMES[options.theme] : null;
  const storeOptions: DmStoreOptions = { storage: null, ...options.storeOptions };
  const style = [
    `height: ${options.height ?? '560px'}`,
    options.width ? `width: ${options.width}` : '',
    theme
      ? `${theme.vars}; background: ${theme.background}; color: var(--dm-color-text); padding: 8px`
      : '',
  ]
    .filter(Boolean)
    .join(';');
  const decorator = (
    story: () => unknown,
  ) => html`<div class="dm-story ${theme ? `dm-theme-${options.theme}` : ''}" style=${style}>
    ${unsafeHTML(`<style>${BASE_CSS}${theme?.css ?? ''}</style>`)}
    <dm-provider
      base-url=${BASE_URL}
      ?live-session=${options.liveSession ?? false}
      locale=${ifDefined(options.locale)}
      .strings=${options.strings}
      .storeOptions=${storeOptions}
      >${story()}</dm-provider
    >
  </div>`;
  return {
    db,
    parameters: {
      msw: { handlers },
      dm: { staysLoading: options.staysLoading ?? false },
      // Docs pages show each story in its own iframe: its own page, so its own MSW handlers and
      // mock (inline stories would share one service-worker client and overwrite each other's).
      docs: { story: { inline: false, height: `calc(${options.height ?? '560px'} + 40px)` } },
    },
    beforeEach() {
      db.reset();
      options.setup?.(db);
      return () => db.dropConnections();
    },
    decorators: [decorator],
  };
}

// ---- helpers for play functions ------------------------------------------------------------

/** Every element matching `selector` under `root`, looking inside open shadow roots too. */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** The first element matching `selector` under `root`, shadow roots included. */
export function deepQuery<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T | null {
  return (deepQueryAll(root, selector)[0] as T | undefined) ?? null;
}

/** Polls until `predicate` is truthy; rejects after `timeoutMs`. */
export async function waitFor(
  predicate: () => unknown,
  timeoutMs = 8000,
  what = 'condition',
): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves once every `dm-*` element under `root` (shadow roots included) has rendered. */
async function rendered(root: ParentNode): Promise<void> {
  const elements = deepQueryAll(root, '*').filter((el) => el.localName.startsWith('dm-'));
  await Promise.all(
    elements.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete),
  );
}

/**
 * Resolves when nothing under `root` shows a loading state any more, and still shows none a
 * moment later (an element that has not started loading yet shows no loading state either).
 */
export async function settled(root: ParentNode, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  const idle = () => deepQueryAll(root, '[part~="loading"], [aria-busy="true"]').length === 0;
  for (let calm = 0; calm < 3;) {
    await rendered(root);
    await new Promise((r) => setTimeout(r, 60));
    calm = idle() ? calm + 1 : 0;
    if (performance.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for loading states to end`);
  }
}

/** The provider a story rendered. */
export function providerIn(root: ParentNode): DmProvider {
  const provider = root.querySelector('dm-provider');
  if (!provider) throw new Error('no <dm-provider> in the story');
  return provider;
}

/** Resolves once the provider's live event stream is open, so mock events reach the widgets. */
export function liveOpen(root: ParentNode): Promise<void> {
  return waitFor(() => providerIn(root).store?.liveStatus === 'open', 8000, 'the live stream');
}

/** Waits `ms` milliseconds. */
export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Types into the composer's text box under `root` and presses Send. */
export async function typeAndSend(root: ParentNode, text: string): Promise<void> {
  await waitFor(
    () => {
      const send = deepQuery<HTMLButtonElement>(root, '[part~="send"]');
      const input = deepQuery<HTMLTextAreaElement>(root, '[part~="input"]');
      return send && input && !input.disabled;
    },
    8000,
    'the composer',
  );
  const input = deepQuery<HTMLTextAreaElement>(root, '[part~="input"]')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await waitFor(
    () => !deepQuery<HTMLButtonElement>(root, '[part~="send"]')!.disabled,
    4000,
    'Send to enable',
  );
  deepQuery<HTMLButtonElement>(root, '[part~="send"]')!.click();
}
