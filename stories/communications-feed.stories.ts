/**
 * `<dm-communications-feed client-id filter>`: a client's orders and messages, newest at the bottom.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DmCommunicationsFeed } from '../src/elements/communications-feed/dm-communications-feed.js';
import { MOCK_CLIENTS, type MockDb } from '../src/mocks/index.js';
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

type Args = { 'client-id': string; filter: 'all' | 'orders' | 'messages' };

const meta: Meta<Args> = {
  title: 'Elements/dm-communications-feed',
  component: 'dm-communications-feed',
  args: { 'client-id': MOCK_CLIENTS.dana, filter: 'all' },
  argTypes: {
    'client-id': { control: 'select', options: Object.values(MOCK_CLIENTS) },
    filter: { control: 'inline-radio', options: ['all', 'orders', 'messages'] },
  },
  render: (args) =>
    html`<dm-communications-feed client-id=${args['client-id']} filter=${args.filter}></dm-communications-feed>`,
};
export default meta;
type Story = StoryObj<Args>;

const feedIn = (root: HTMLElement) =>
  root.querySelector<DmCommunicationsFeed>('dm-communications-feed')!;

/** Opens the details of the `pick`ed order of a client, the way a click on it does. */
async function openOrderOf(
  root: HTMLElement,
  db: MockDb,
  clientId: string,
  pick: (
    orders: Array<{ id: string; status: string; review?: unknown }>,
  ) => { id: string } | undefined,
) {
  await settled(root);
  const orders = db.feedItems(clientId).filter((i) => i.kind === 'order') as unknown as Array<{
    id: string;
    status: string;
    review?: unknown;
  }>;
  const order = pick(orders) ?? orders[orders.length - 1];
  feedIn(root).openOrder(order.id);
  await waitFor(
    () => deepQuery(root, '[part~="order-details"] dl, [part~="order-details"] [part~="error"]'),
    8000,
    'the order details',
  );
}

export const Default: Story = { name: 'Unread messages under a "New" divider', ...dmStory() };

/** The client wrote 70 messages (a page is 50): "New" sits above the first of them, found in the older page. */
export const LongUnreadRun: Story = {
  name: 'Unread run longer than a page',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  ...dmStory({
    setup: (db) => {
      db.send(MOCK_CLIENTS.longHistory, 'Let me know how it goes!', 'cmid-story-long-run');
      for (let n = 1; n <= 70; n++)
        db.clientWrites(MOCK_CLIENTS.longHistory, `Unread number ${n}.`);
    },
  }),
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await waitFor(
      () =>
        deepQuery(canvasElement, '[part~="new-divider"]')
          ?.closest('[part~="item"]')
          ?.textContent?.includes('Unread number 1.'),
      8000,
      '"New" above the first unread',
    );
  },
};

export const Loading: Story = {
  name: 'Loading',
  ...dmStory({ setup: (db) => db.setLatency(FOREVER_MS, 'feed'), staysLoading: true }),
};

export const NoClient: Story = {
  name: 'No client chosen',
  args: { 'client-id': '' },
  ...dmStory({ staysLoading: true }),
};

export const Empty: Story = {
  name: 'Empty (no history)',
  args: { 'client-id': MOCK_CLIENTS.noHistory },
  ...dmStory(),
};

/** A deep link to a client who no longer exists: the API answers 404, and there is nothing to retry. */
export const ClientNotFound: Story = {
  name: 'Client not found (404)',
  args: { 'client-id': 'c-no-such-client' },
  ...dmStory(),
};

/** The newest page came back empty but with older pages before it: the feed fetches on (no "empty"). */
export const EmptyPageWithOlder: Story = {
  name: 'Empty newest page, older pages fetched',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  ...dmStory({
    setup: (db) => db.invalidNext('feed', 1, (body) => ({ ...(body as object), items: [] })),
  }),
};

const failing = dmStory({ setup: (db) => db.failNext('feed', 1, 503) });
/** The feed could not be loaded; Retry loads it (the mock fails only once). */
export const ErrorWithRetry: Story = { name: 'Error with retry', ...failing };

/** The session ended (401) while loading: no Retry; the provider fired dm-auth-required. */
export const SignedOut: Story = {
  name: 'Signed out (401)',
  ...dmStory({ setup: (db) => db.failNext('feed', 1, 401) }),
};

const retried = dmStory({ setup: (db) => db.failNext('feed', 1, 503) });
export const ErrorRetried: Story = {
  name: 'Error, then Retry succeeds',
  ...retried,
  play: async ({ canvasElement }) => {
    await waitFor(
      () => deepQuery(canvasElement, '[part~="error"] button'),
      8000,
      'the error state',
    );
    deepQuery<HTMLButtonElement>(canvasElement, '[part~="error"] button')!.click();
    await waitFor(() => deepQuery(canvasElement, '[part~="item"]'), 8000, 'the items');
  },
};

export const FilterAll: Story = {
  name: 'Filter: all',
  args: { 'client-id': MOCK_CLIENTS.longHistory, filter: 'all' },
  ...dmStory(),
};

export const FilterOrders: Story = {
  name: 'Filter: orders (every order type and status)',
  args: { filter: 'orders' },
  ...dmStory({ height: '720px' }),
};

export const FilterMessages: Story = {
  name: 'Filter: messages',
  args: { filter: 'messages' },
  ...dmStory(),
};

export const FilterOrdersEmpty: Story = {
  name: 'Filter: orders, none',
  args: { 'client-id': MOCK_CLIENTS.noHistory, filter: 'orders' },
  ...dmStory(),
};

export const AllOrderCombos: Story = {
  name: 'Every order type × status (long history, orders)',
  args: { 'client-id': MOCK_CLIENTS.longHistory, filter: 'orders' },
  ...dmStory(),
};

const longMessages = dmStory();
export const LongMessages: Story = {
  name: 'Long messages (2,000 characters, in a 2,500-item feed)',
  args: { 'client-id': MOCK_CLIENTS.longHistory, filter: 'messages' },
  ...longMessages,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const feed = deepQuery<DmCommunicationsFeed>(canvasElement, 'dm-communications-feed')!;
    const loaded = feed.store!.feed(MOCK_CLIENTS.longHistory, 'messages').items;
    const long = [...loaded].reverse().find((i) => i.kind === 'message' && i.body.length > 1500);
    if (!long) throw new Error('no long message in the newest page');
    await feed.scrollToItem(long.id);
  },
};

export const HugeFeed: Story = {
  name: 'Huge feed (10,000 items)',
  args: { 'client-id': MOCK_CLIENTS.huge },
  ...dmStory(),
};

export const SevenUnread: Story = {
  name: 'Seven unread',
  args: { 'client-id': MOCK_CLIENTS.sevenUnread },
  ...dmStory(),
};

export const Emoji: Story = {
  name: 'Emoji',
  args: { 'client-id': MOCK_CLIENTS.emoji },
  ...dmStory(),
};

export const RightToLeft: Story = {
  name: 'Right-to-left text',
  args: { 'client-id': MOCK_CLIENTS.rtl },
  ...dmStory(),
};

export const HtmlIsText: Story = {
  name: 'HTML in messages stays text',
  args: { 'client-id': MOCK_CLIENTS.html },
  ...dmStory(),
};

export const Links: Story = {
  name: 'Links (only http(s) clickable)',
  args: { 'client-id': MOCK_CLIENTS.links },
  ...dmStory(),
};

const details = dmStory();
export const OrderDetails: Story = {
  name: 'Order details',
  ...details,
  play: ({ canvasElement }) =>
    openOrderOf(canvasElement, details.db, MOCK_CLIENTS.dana, (o) =>
      o.find((x) => x.status === 'completed'),
    ),
};

const negative = dmStory();
export const OrderDetailsNegativeReview: Story = {
  name: 'Order details: negative review',
  args: { 'client-id': MOCK_CLIENTS.negativeReview },
  ...negative,
  play: ({ canvasElement }) =>
    openOrderOf(canvasElement, negative.db, MOCK_CLIENTS.negativeReview, (o) => {
      const reviewed = o.filter((x) => x.status === 'completed');
      return reviewed.find((x) => negative.db.order(x.id)?.review?.rating === 'negative');
    }),
};

const pendingDetails = dmStory();
export const OrderDetailsPending: Story = {
  name: 'Order details: pending, not delivered',
  ...pendingDetails,
  play: ({ canvasElement }) =>
    openOrderOf(canvasElement, pendingDetails.db, MOCK_CLIENTS.dana, (o) =>
      o.find((x) => x.status === 'pending'),
    ),
};

const liveDone = dmStory({
  setup: (db) =>
    db.invalidNext('order', 1, (body) => ({
      ...(body as object),
      orderType: 'live_video',
      status: 'completed',
      deliveredAt: null,
    })),
});
/** A live session ends as completed with nothing to deliver: no "Delivered" row. */
export const OrderDetailsCompletedNoDelivery: Story = {
  name: 'Order details: completed live session, nothing delivered',
  ...liveDone,
  play: ({ canvasElement }) =>
    openOrderOf(canvasElement, liveDone.db, MOCK_CLIENTS.dana, (o) => o[0]),
};

const cancelledDetails = dmStory();
export const OrderDetailsCancelled: Story = {
  name: 'Order details: cancelled, nothing due',
  ...cancelledDetails,
  play: ({ canvasElement }) =>
    openOrderOf(canvasElement, cancelledDetails.db, MOCK_CLIENTS.dana, (o) =>
      o.find((x) => x.status === 'cancelled' && !cancelledDetails.db.order(x.id)?.deliveredAt),
    ),
};

const completesLive = dmStory();
/** The details stay open while the advisor delivers elsewhere: the status and delivery time follow live. */
export const OrderDetailsCompletesLive: Story = {
  name: 'Order details: the order completes while open (live)',
  ...completesLive,
  play: async ({ canvasElement }) => {
    await liveOpen(canvasElement);
    const pending = completesLive.db
      .feedItems(MOCK_CLIENTS.dana)
      .find((i) => i.kind === 'order' && i.status === 'pending')!;
    await openOrderOf(canvasElement, completesLive.db, MOCK_CLIENTS.dana, () => pending);
    await pause(600);
    completesLive.db.setOrderStatus(pending.id, 'completed');
    await waitFor(
      () => !!deepQuery(canvasElement, '[part~="order-details"] .status.completed'),
      8000,
      'the details show it completed',
    );
  },
};

const staleDetails = dmStory();
/** The order changes live while its details are open, and the refresh fails: what is known stays, with Retry. */
export const OrderDetailsRefreshFailed: Story = {
  name: 'Order details: refresh failed, may be out of date',
  ...staleDetails,
  play: async ({ canvasElement }) => {
    await liveOpen(canvasElement);
    const pending = staleDetails.db
      .feedItems(MOCK_CLIENTS.dana)
      .find((i) => i.kind === 'order' && i.status === 'pending')!;
    await openOrderOf(canvasElement, staleDetails.db, MOCK_CLIENTS.dana, () => pending);
    await pause(600);
    staleDetails.db.failNext('order', 1, 503);
    staleDetails.db.setOrderStatus(pending.id, 'completed');
    await waitFor(
      () => !!deepQuery(canvasElement, '[part~="order-details"] .stale'),
      8000,
      'the failed refresh is said',
    );
  },
};

const detailsError = dmStory({ setup: (db) => db.failNext('order', 1, 500) });
export const OrderDetailsError: Story = {
  name: 'Order details: error with retry',
  ...detailsError,
  play: ({ canvasElement }) =>
    openOrderOf(canvasElement, detailsError.db, MOCK_CLIENTS.dana, (o) => o[0]),
};

const arriving = dmStory({ setup: (db) => db.setUnread(MOCK_CLIENTS.dana, false) });
/** The client writes while the feed is open: the message appears live, at the bottom. */
export const NewMessageArrives: Story = {
  name: 'New message arrives (live)',
  ...arriving,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    await pause(600);
    arriving.db.clientWrites(MOCK_CLIENTS.dana, 'I just booked a live call for tomorrow! ✨');
    await waitFor(
      () =>
        deepQueryAll(canvasElement, '[part~="message-client"]').some((m) =>
          m.textContent?.includes('booked a live call'),
        ),
      8000,
      'the new message',
    );
  },
};

const pill = dmStory({ setup: (db) => db.setUnread(MOCK_CLIENTS.longHistory, false) });
/** The advisor has scrolled up when the client writes: a "new messages" pill offers to jump down. */
export const NewMessagePill: Story = {
  name: 'New message while scrolled up (pill)',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  ...pill,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    const scroller = deepQuery<HTMLElement>(canvasElement, '[part~="scroller"]')!;
    scroller.scrollTop = Math.max(0, scroller.scrollTop - 1500);
    await pause(300);
    pill.db.clientWrites(MOCK_CLIENTS.longHistory, 'Are you there? Something happened today.');
    await waitFor(() => deepQuery(canvasElement, '[part~="new-messages"]'), 8000, 'the pill');
  },
};

export const Phone: Story = {
  name: 'Phone width',
  ...dmStory({ width: '375px', height: '640px' }),
};

export const Dark: Story = { name: 'Dark theme', ...dmStory({ theme: 'dark' }) };

export const CustomTheme: Story = {
  name: 'Custom theme (--dm-* and ::part)',
  ...dmStory({ theme: 'custom' }),
};

/** Scrolls the feed to the top of what is loaded, where the page before is asked for. */
async function scrollToOldest(canvasElement: HTMLElement): Promise<void> {
  await settled(canvasElement);
  const scroller = deepQuery(canvasElement, '[part~="scroller"]')!;
  scroller.scrollTop = 0;
  scroller.dispatchEvent(new Event('scroll'));
}

const farUp = dmStory();
/** Read far back in a long history: a round button goes back to the newest message. */
export const ScrolledFarUp: Story = {
  name: 'Scrolled far up (a way back to the newest)',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  ...farUp,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const scroller = deepQuery<HTMLElement>(canvasElement, '[part~="scroller"]')!;
    scroller.scrollTop = Math.max(0, scroller.scrollHeight - scroller.clientHeight * 4);
    await waitFor(() => deepQuery(canvasElement, '[part~="jump-latest"]'), 8000, 'the jump button');
  },
};

const older = dmStory({ staysLoading: true });
export const LoadingOlder: Story = {
  name: 'Loading older items (scrolled to the top)',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  ...older,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    older.db.setLatency(FOREVER_MS, 'feed');
    await scrollToOldest(canvasElement);
    await waitFor(() => deepQuery(canvasElement, '.older'), 8000, 'the loading line');
  },
};

const olderFails = dmStory();
export const OlderError: Story = {
  name: 'Older items failed to load (with retry)',
  args: { 'client-id': MOCK_CLIENTS.longHistory },
  ...olderFails,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    olderFails.db.failNext('feed', 1, 503);
    await scrollToOldest(canvasElement);
    await waitFor(() => deepQuery(canvasElement, '[part~="older-error"]'), 8000, 'the error line');
  },
};

// ---- contract 1.1: Seen --------------------------------------------------------------------

/** The client read the first of five unanswered messages in their app: "Seen" under it, the four after it unseen. */
export const Seen: Story = {
  name: 'Seen: under the newest message the client read',
  args: { 'client-id': MOCK_CLIENTS.fiveInARow },
  ...dmStory(),
};

const reads = dmStory();
/** The client reads the rest: "Seen" moves down to the newest advisor message, live. */
export const SeenMoves: Story = {
  name: 'Seen: moves when the client reads',
  args: { 'client-id': MOCK_CLIENTS.fiveInARow },
  ...reads,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    reads.db.clientReads(MOCK_CLIENTS.fiveInARow);
    await waitFor(
      () =>
        deepQueryAll(canvasElement, '[part~="message"]').at(-1)?.querySelector('[part~="seen"]'),
      8000,
      'Seen on the newest',
    );
  },
};
