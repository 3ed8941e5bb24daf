/**
 * `<dm-client-list selected>`: the advisor's clients, unread first, then most recent, with search.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MOCK_CLIENTS } from '../src/mocks/index.js';
import {
  FOREVER_MS,
  deepQuery,
  deepQueryAll,
  dmStory,
  liveOpen,
  pause,
  settled,
  waitFor,
} from './support/story-kit.js';

type Args = { selected: string };

const meta: Meta<Args> = {
  title: 'Elements/dm-client-list',
  component: 'dm-client-list',
  args: { selected: '' },
  argTypes: { selected: { control: 'select', options: ['', ...Object.values(MOCK_CLIENTS)] } },
  render: (args) => html`<dm-client-list selected=${args.selected}></dm-client-list>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Types a query into the search box. */
async function search(root: HTMLElement, query: string) {
  await settled(root);
  const input = deepQuery<HTMLInputElement>(root, '[part~="search"]')!;
  input.value = query;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  // The element waits for typing to pause before asking the server.
  await pause(400);
  await settled(root);
}

const W = '360px';

export const Default: Story = { name: 'Unread first, then most recent', ...dmStory({ width: W }) };

export const Selected: Story = {
  name: 'Selected client',
  args: { selected: MOCK_CLIENTS.dana },
  ...dmStory({ width: W }),
};

export const Loading: Story = {
  name: 'Loading',
  ...dmStory({ width: W, setup: (db) => db.setLatency(FOREVER_MS, 'clients'), staysLoading: true }),
};

export const Empty: Story = {
  name: 'Empty (no clients yet)',
  ...dmStory({ width: W, db: { scenario: 'empty' } }),
};

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  ...dmStory({ width: W, setup: (db) => db.failNext('clients', 1, 500) }),
};

/** The session ended (401): no Retry; the provider fired dm-auth-required for the host to sign in. */
export const SignedOut: Story = {
  name: 'Signed out (401)',
  ...dmStory({ width: W, setup: (db) => db.failNext('clients', 1, 401) }),
};

export const SearchResults: Story = {
  name: 'Search: results',
  ...dmStory({ width: W }),
  play: ({ canvasElement }) => search(canvasElement, 'an'),
};

export const SearchNoMatch: Story = {
  name: 'Search: no matches',
  ...dmStory({ width: W }),
  play: ({ canvasElement }) => search(canvasElement, 'Zebedee'),
};

export const LongName: Story = {
  name: 'Long name (selected, narrow)',
  args: { selected: MOCK_CLIENTS.longName },
  ...dmStory({ width: '280px' }),
};

export const EmojiAndRtl: Story = {
  name: 'Emoji and right-to-left names',
  // Both clients just wrote, so they head the list.
  ...dmStory({
    width: W,
    setup: (db) => {
      db.clientWrites(MOCK_CLIENTS.emoji, '🌻 Thank you so much! ✨💖');
      db.clientWrites(MOCK_CLIENTS.rtl, 'مرحبا لونا، هل أنت متاحة اليوم؟');
    },
  }),
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    // Both are among the first rows (unread or recent); make sure they rendered.
    await waitFor(
      () => deepQueryAll(canvasElement, '[part~="client"]').length > 5,
      8000,
      'the rows',
    );
  },
};

export const ThousandsOfClients: Story = {
  name: 'Thousands of clients (virtualized)',
  ...dmStory({ width: W, db: { clientCount: 3000 } }),
};

const arrival = dmStory({ width: W });
/** A client who was read writes again: the row gets its bubble and moves to the top, live. */
export const NewMessageArrives: Story = {
  name: 'New message arrives (live: moves to the top)',
  ...arrival,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    await pause(500);
    arrival.db.clientWrites('c-040', 'Hello again! Do you have time this week?');
    await waitFor(
      () => deepQuery(canvasElement, '[part~="client"]')?.textContent?.includes('Hello again'),
      8000,
      'the row to move up',
    );
  },
};

const scrolledDown = dmStory({ width: W, height: '480px' });
/** Scrolled down the list, three clients write: their rows move above the view, the list stays put, and "↑ 3 new" offers the way back up. */
export const NewClientsCue: Story = {
  name: 'Scrolled down: "3 new" cue (live)',
  ...scrolledDown,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    const scroller = deepQuery(canvasElement, '[part~="scroller"]')!;
    scroller.scrollTop = 900;
    await pause(300);
    // Three clients far down the list (the least recent).
    for (const c of scrolledDown.db.clients().slice(-3))
      scrolledDown.db.clientWrites(c.id, 'Hello! Are you free for a reading today?');
    await waitFor(() => deepQuery(canvasElement, '[part~="new-clients"]'), 8000, 'the cue');
  },
};

const typingRow = dmStory({ width: W });
/** A client is typing in their app: their row says "typing…" in place of the preview (contract 1.1). */
export const ClientTyping: Story = {
  name: 'Client typing (row)',
  args: { selected: MOCK_CLIENTS.dana },
  ...typingRow,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    typingRow.db.clientTypes(MOCK_CLIENTS.sevenUnread, 10 * 60_000);
    await waitFor(() => deepQuery(canvasElement, '[part~="typing"]'), 8000, 'typing in the row');
  },
};

export const Phone: Story = {
  name: 'Phone width',
  args: { selected: MOCK_CLIENTS.dana },
  ...dmStory({ width: '375px', height: '640px' }),
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { selected: MOCK_CLIENTS.dana },
  ...dmStory({ width: W, theme: 'dark' }),
};

export const CustomTheme: Story = {
  name: 'Custom theme (--dm-* and ::part)',
  args: { selected: MOCK_CLIENTS.dana },
  ...dmStory({ width: W, theme: 'custom' }),
};
