/**
 * `<dm-communications client sync-url filter>`: the whole Communications tab, list beside card
 * (or one after the other on a phone), built from the same list, feed and composer elements.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ar } from '../src/i18n/ar.js';
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

type Args = { client: string; filter: 'all' | 'orders' | 'messages'; 'sync-url': boolean };

const meta: Meta<Args> = {
  title: 'Composed/dm-communications',
  component: 'dm-communications',
  args: { client: MOCK_CLIENTS.dana, filter: 'all', 'sync-url': false },
  argTypes: {
    client: { control: 'select', options: ['', ...Object.values(MOCK_CLIENTS)] },
    filter: { control: 'inline-radio', options: ['all', 'orders', 'messages'] },
    'sync-url': { control: 'boolean' },
  },
  render: (args) =>
    html`<dm-communications client=${args.client} filter=${args.filter} ?sync-url=${args['sync-url']}></dm-communications>`,
};
export default meta;
type Story = StoryObj<Args>;

const H = '640px';

export const OpenClient: Story = { name: 'Client card open (wide)', ...dmStory({ height: H }) };

export const NoClient: Story = {
  name: 'No client chosen',
  args: { client: '' },
  ...dmStory({ height: H }),
};

export const Loading: Story = {
  name: 'Loading',
  ...dmStory({ height: H, setup: (db) => db.setLatency(FOREVER_MS), staysLoading: true }),
};

export const Empty: Story = {
  name: 'Empty (no clients yet)',
  args: { client: '' },
  ...dmStory({ height: H, db: { scenario: 'empty' } }),
};

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  ...dmStory({
    height: H,
    setup: (db) => {
      db.failNext('clients', 1, 500);
      db.failNext('feed', 1, 500);
    },
  }),
};

export const FilterOrders: Story = {
  name: 'Filter: orders',
  args: { filter: 'orders' },
  ...dmStory({ height: H }),
};

export const FilterMessages: Story = {
  name: 'Filter: messages',
  args: { filter: 'messages' },
  ...dmStory({ height: H }),
};

export const Blocked: Story = {
  name: 'Blocked: 5 in a row',
  args: { client: MOCK_CLIENTS.fiveInARow },
  ...dmStory({ height: H }),
};

export const OneLeft: Story = {
  name: 'One message left',
  args: { client: MOCK_CLIENTS.oneLeft },
  ...dmStory({ height: H }),
};

export const Suspended: Story = {
  name: 'Blocked: suspended',
  ...dmStory({ height: H, db: { advisorStatus: 'suspended' } }),
};

export const LongName: Story = {
  name: 'Long client name',
  args: { client: MOCK_CLIENTS.longName },
  ...dmStory({ height: H }),
};

export const RightToLeft: Story = {
  name: 'Right-to-left client',
  args: { client: MOCK_CLIENTS.rtl },
  ...dmStory({ height: H }),
};

export const Emoji: Story = {
  name: 'Emoji client',
  args: { client: MOCK_CLIENTS.emoji },
  ...dmStory({ height: H }),
};

export const LongFeed: Story = {
  name: 'Long feed',
  args: { client: MOCK_CLIENTS.longHistory },
  ...dmStory({ height: H }),
};

const live = dmStory({ height: H });
/** Another client writes while Dana's card is open: the list re-orders live and shows the bubble. */
export const NewMessageArrives: Story = {
  name: 'New message arrives (live)',
  ...live,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    await pause(500);
    live.db.clientWrites(MOCK_CLIENTS.dana, 'One more thing: the dream came back last night.');
    live.db.clientWrites(MOCK_CLIENTS.emoji, 'Thank you!! 🙏🏽✨');
    await waitFor(
      () =>
        deepQueryAll(canvasElement, '[part~="message-client"]').some((m) =>
          m.textContent?.includes('dream came back'),
        ),
      8000,
      'the new message in the feed',
    );
  },
};

const withNotifier = dmStory({ height: H });
/** With `<dm-notifier>` on the page: a notice for another client; clicking it opens that card. */
export const NoticeOpensCard: Story = {
  name: 'Notice for another client',
  ...withNotifier,
  render: (args) =>
    html`<dm-communications client=${args.client}></dm-communications><dm-notifier duration="0"></dm-notifier>`,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    await pause(500);
    withNotifier.db.clientWrites(MOCK_CLIENTS.sevenUnread, 'Can we move our call to Friday?');
    await waitFor(() => deepQuery(canvasElement, '[part~="notice"]'), 8000, 'the notice');
  },
};

const session = dmStory({ height: H, liveSession: true });
export const DuringLiveSession: Story = {
  name: 'During a live session (notices held, then shown)',
  ...session,
  render: (args) =>
    html`<dm-communications client=${args.client}></dm-communications><dm-notifier duration="0"></dm-notifier>`,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    await pause(300);
    session.db.clientWrites(MOCK_CLIENTS.sevenUnread, 'Written during your live session');
    await pause(800);
    if (deepQuery(canvasElement, '[part~="notice"]'))
      throw new Error('a notice showed during a live session');
    canvasElement.querySelector('dm-provider')!.liveSession = false;
    await waitFor(() => deepQuery(canvasElement, '[part~="notice"]'), 8000, 'the held notice');
  },
};

export const PhoneList: Story = {
  name: 'Phone width: list',
  args: { client: '' },
  ...dmStory({ height: '720px', width: '375px' }),
};

export const PhoneCard: Story = {
  name: 'Phone width: card (with Back)',
  ...dmStory({ height: '720px', width: '375px' }),
};

export const PhoneBlocked: Story = {
  name: 'Phone width: blocked card',
  args: { client: MOCK_CLIENTS.negativeReview },
  ...dmStory({ height: '720px', width: '375px' }),
};

export const Dark: Story = { name: 'Dark theme', ...dmStory({ height: H, theme: 'dark' }) };

export const DarkPhone: Story = {
  name: 'Dark theme, phone width',
  ...dmStory({ height: '720px', width: '375px', theme: 'dark' }),
};

export const CustomTheme: Story = {
  name: 'Custom theme (--dm-* and ::part)',
  ...dmStory({ height: H, theme: 'custom' }),
};

/** The shipped Arabic table and locale: the whole layout mirrors (list on the right, bubbles swapped). */
export const Arabic: Story = {
  name: 'Arabic locale (right-to-left layout)',
  ...dmStory({ height: H, locale: 'ar', strings: ar }),
};

export const ArabicPhone: Story = {
  name: 'Arabic locale, phone width: card (Back on the right)',
  ...dmStory({ height: '720px', width: '375px', locale: 'ar', strings: ar }),
};

export const BlockedWide: Story = {
  name: 'Blocked: negative review (wide)',
  args: { client: MOCK_CLIENTS.negativeReview },
  ...dmStory({ height: H }),
};

const opened = dmStory({ height: H });
/** The advisor opens an unread client: it is read (no bubble), and its row holds its place among the unread while it is open. */
export const OpenedRowHolds: Story = {
  name: 'Opened unread client: read, its row holds its place',
  args: { client: '' },
  ...opened,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const row = deepQueryAll(canvasElement, '[part~="client"]').find((r) =>
      r.querySelector('[part~="unread-badge"]'),
    ) as HTMLElement;
    row.click();
    await waitFor(
      () => deepQuery(canvasElement, '[part~="client-selected"]:not(:has([part~="unread-badge"]))'),
      8000,
      'the open client read',
    );
  },
};

// ---- contract 1.1: typing, and a 1.0 server --------------------------------------------------

const typing = dmStory({ height: H });
/** Dana is typing: "Dana K. is typing…" above the composer, and "typing…" in her row in place of the preview. */
export const ClientTyping: Story = {
  name: 'Client typing (card and list row)',
  ...typing,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    typing.db.clientTypes(MOCK_CLIENTS.dana, 10 * 60_000);
    await waitFor(
      () =>
        deepQuery(canvasElement, 'dm-communications-feed')?.shadowRoot?.querySelector(
          '[part~="typing"]',
        ),
      8000,
      'the typing line',
    );
  },
};

const typingPhone = dmStory({ height: '720px', width: '375px' });
/** On a phone, in the card: the typing line sits right above the composer. */
export const ClientTypingPhone: Story = {
  name: 'Phone width: client typing in the card',
  ...typingPhone,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    typingPhone.db.clientTypes(MOCK_CLIENTS.dana, 10 * 60_000);
    await waitFor(
      () =>
        deepQuery(canvasElement, 'dm-communications-feed')?.shadowRoot?.querySelector(
          '[part~="typing"]',
        ),
      8000,
      'the typing line',
    );
  },
};

/**
 * A server of contract 1.0 (no `clientReadAt`, `/search` and `/typing` answer 404): no Seen, no
 * typing, no search box, and no error anywhere. The same client on 1.1 shows "Seen".
 */
export const Contract10: Story = {
  name: 'A 1.0 server (no Seen, typing or search)',
  args: { client: MOCK_CLIENTS.fiveInARow },
  ...dmStory({ height: H, contract: '1.0' }),
};
