/**
 * `<dm-communications-feed>` since contract 1.1: searching the conversation (`conversation-search`,
 * `search-hit`) and jumping to a hit, then the two-way feed and `jump-latest` back to the live tail.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DmCommunicationsFeed } from '../src/elements/communications-feed/dm-communications-feed.js';
import { MOCK_CLIENTS, type MockDb } from '../src/mocks/index.js';
import { deepQuery, deepQueryAll, dmStory, settled, waitFor } from './support/story-kit.js';

type Args = { 'client-id': string };

const meta: Meta<Args> = {
  title: 'Elements/dm-communications-feed/Search and jump',
  component: 'dm-communications-feed',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  render: (args) =>
    html`<dm-communications-feed client-id=${args['client-id']}></dm-communications-feed>`,
};
export default meta;
type Story = StoryObj<Args>;

const feedIn = (root: HTMLElement) =>
  deepQuery<DmCommunicationsFeed>(root, 'dm-communications-feed')!;

/** Types into the conversation search box as the advisor would (the box debounces). */
async function search(root: HTMLElement, text: string): Promise<void> {
  await settled(root);
  const input = deepQuery<HTMLInputElement>(root, '[part~="conversation-search"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** A piece of text that only one item, about `back` items from the newest, holds. */
function uniqueText(db: MockDb, clientId: string, back: number): string {
  const items = db.feedItems(clientId);
  const text = (i: (typeof items)[number]) =>
    (i.kind === 'message' ? i.body : i.title).toLowerCase();
  for (let i = items.length - 1 - back; i >= 0; i--) {
    const t = text(items[i]!);
    for (let at = 0; at + 14 <= t.length; at += 7) {
      const q = t.slice(at, at + 14);
      if (q.trim().length === 14 && items.filter((x) => text(x).includes(q)).length === 1) return q;
    }
  }
  throw new Error('no unique text');
}

const results = dmStory();
/** Hits newest first, the match marked; the count is announced politely. */
export const SearchResults: Story = {
  name: 'Search: results',
  ...results,
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'energy');
    await waitFor(
      () => deepQueryAll(canvasElement, '[part~="search-hit"]').length > 0,
      8000,
      'the hits',
    );
  },
};

const none = dmStory();
export const SearchNoHits: Story = {
  name: 'Search: no hits',
  ...none,
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'xylophone');
    await waitFor(
      () => deepQuery(canvasElement, '[part~="search-empty"]'),
      8000,
      '"nothing matches"',
    );
  },
};

const failed = dmStory({ setup: (db) => db.failNext('search', 1, 503) });
/** The search failed (a 5xx): an error with Retry. */
export const SearchFailed: Story = {
  name: 'Search: failed, with Retry',
  ...failed,
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'energy');
    await waitFor(
      () => deepQuery(canvasElement, '[part~="search-error"] button'),
      8000,
      'the error',
    );
  },
};

const old = dmStory({ setup: (db) => db.failNext('search', 1, 404) });
/** A 1.0 server has no search (`/search` answers 404): the box goes away, no error state. */
export const OneZeroServer: Story = {
  name: 'Search: a 1.0 server (box hidden)',
  ...old,
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'energy');
    await waitFor(
      () => !deepQuery(canvasElement, '[part~="conversation-search"]'),
      8000,
      'the box hidden',
    );
  },
};

const far = dmStory();
/** A hit 2,000 items back chosen: the feed shows a page around it, the hit marked; it pages both ways from there. */
export const JumpedFarBack: Story = {
  name: 'Jumped far back (2,000 items)',
  ...far,
  play: async ({ canvasElement }) => {
    await search(canvasElement, uniqueText(far.db, MOCK_CLIENTS.longHistory, 2000));
    await waitFor(() => deepQuery(canvasElement, '[part~="search-hit"]'), 8000, 'the hit');
    deepQuery(canvasElement, '[part~="search-hit"]')!.click();
    await waitFor(
      () =>
        deepQuery(canvasElement, '[part~="search-target"]') &&
        deepQuery(canvasElement, '[part~="jump-latest"]'),
      8000,
      'the hit in the feed',
    );
  },
};

const gone = dmStory();
/** The hit's message was removed meanwhile (`around` answers 404): the feed stays where it was. */
export const JumpGone: Story = {
  name: 'Jump: message no longer available',
  ...gone,
  play: async ({ canvasElement }) => {
    await search(canvasElement, uniqueText(gone.db, MOCK_CLIENTS.longHistory, 2000));
    await waitFor(() => deepQuery(canvasElement, '[part~="search-hit"]'), 8000, 'the hit');
    gone.db.failNext('feed', 1, 404);
    deepQuery(canvasElement, '[part~="search-hit"]')!.click();
    await waitFor(() => deepQuery(canvasElement, '[part~="jump-note"]'), 8000, 'the note');
  },
};

const back = dmStory();
/** From the past, `jump-latest` goes straight back to the live tail. */
export const BackToLatest: Story = {
  name: 'Back to latest',
  ...back,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const feed = feedIn(canvasElement);
    const items = back.db.feedItems(MOCK_CLIENTS.longHistory);
    await feed.jumpToItem(items[400]!.id);
    await waitFor(() => deepQuery(canvasElement, '[part~="jump-latest"]'), 8000, 'jump-latest');
    deepQuery(canvasElement, '[part~="jump-latest"]')!.click();
    await waitFor(
      () =>
        !feed.store!.feed(MOCK_CLIENTS.longHistory).newerCursor &&
        !deepQuery(canvasElement, '[part~="search-target"]'),
      8000,
      'the live tail',
    );
  },
};

const phone = dmStory({ width: '375px' });
export const SearchPhone: Story = {
  name: 'Search: results, phone width',
  ...phone,
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'energy');
    await waitFor(
      () => deepQueryAll(canvasElement, '[part~="search-hit"]').length > 0,
      8000,
      'the hits',
    );
  },
};

const dark = dmStory({ theme: 'dark' });
export const SearchDark: Story = {
  name: 'Search: results, dark theme',
  ...dark,
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'energy');
    await waitFor(
      () => deepQueryAll(canvasElement, '[part~="search-hit"]').length > 0,
      8000,
      'the hits',
    );
  },
};
