/**
 * `<dm-notifier duration>`: in-app notices when a client writes while the advisor uses the site;
 * none during a live session, where they wait until it ends.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ar } from '../src/i18n/ar.js';
import { MOCK_CLIENTS } from '../src/mocks/index.js';
import {
  deepQuery,
  deepQueryAll,
  dmStory,
  liveOpen,
  pause,
  providerIn,
  waitFor,
  type DmStoryParts,
} from './support/story-kit.js';

type Args = { duration: number };

const meta: Meta<Args> = {
  title: 'Elements/dm-notifier',
  component: 'dm-notifier',
  // 0 keeps notices until dismissed, so designers can look at them.
  args: { duration: 0 },
  argTypes: { duration: { control: { type: 'number', min: 0, step: 1000 } } },
  render: (args) => html`<main style="padding: 16px">
      <h1 style="font: 600 18px system-ui; margin: 0 0 8px">Advisor dashboard</h1>
      <p style="font: 14px system-ui; margin: 0">Notices appear at the top-end corner when a client writes.</p>
    </main>
    <dm-notifier duration=${args.duration}></dm-notifier>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A play function: once the live stream is open, the given clients write (one after another). */
const clientsWrite =
  (mock: DmStoryParts, writes: Array<[string, string]>, expected = writes.length) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await liveOpen(canvasElement);
    await pause(300);
    for (const [clientId, body] of writes) {
      mock.db.clientWrites(clientId, body);
      await pause(150);
    }
    await waitFor(
      () => deepQueryAll(canvasElement, '[part~="notice"]').length >= expected,
      8000,
      'the notices',
    );
  };

const one = dmStory({ height: '240px' });
export const NewMessage: Story = {
  name: 'New message notice',
  ...one,
  play: clientsWrite(one, [[MOCK_CLIENTS.dana, 'Hi Luna, are you free for a call tonight?']]),
};

const several = dmStory({ height: '360px' });
export const Several: Story = {
  name: 'Several notices (emoji, right-to-left, long name)',
  ...several,
  play: clientsWrite(several, [
    [MOCK_CLIENTS.emoji, '🌙✨ thank you!'],
    [MOCK_CLIENTS.rtl, 'مرحبا، هل أنت متاحة اليوم؟'],
    [MOCK_CLIENTS.longName, 'A question about my reading'],
  ]),
};

const folded = dmStory({ height: '240px' });
/** Three messages from one client fold into one notice that counts them and shows the newest. */
export const Folded: Story = {
  name: 'Several messages from one client (folded, with a count)',
  ...folded,
  play: clientsWrite(
    folded,
    [
      [MOCK_CLIENTS.dana, 'Hi Luna!'],
      [MOCK_CLIENTS.dana, 'Are you free tonight?'],
      [MOCK_CLIENTS.dana, 'I would love a rush reading about my new job'],
    ],
    1,
  ),
};

const long = dmStory({ height: '240px' });
/** A long, several-line message: its first line, cut at 80 characters after a whole word. */
export const LongMessage: Story = {
  name: 'Long message (first line, cut with an ellipsis)',
  ...long,
  play: clientsWrite(long, [
    [
      MOCK_CLIENTS.longName,
      'I wanted to ask about the reading you did for me last week, and whether the cards said anything more\nSecond line',
    ],
  ]),
};

const arabic = dmStory({ height: '240px', locale: 'ar-EG', strings: ar });
export const FoldedArabic: Story = {
  name: 'Folded, Arabic (right to left, Arabic-Indic digits)',
  ...arabic,
  play: clientsWrite(
    arabic,
    [
      [MOCK_CLIENTS.rtl, 'مرحبا'],
      [MOCK_CLIENTS.rtl, 'هل أنت متاحة اليوم؟'],
      [MOCK_CLIENTS.rtl, 'أود حجز قراءة سريعة'],
    ],
    1,
  ),
};

const gap = dmStory({ height: '300px' });
/**
 * The live stream dropped before any event came (so nothing could be replayed) and two clients
 * wrote meanwhile: their notices appear once the stream is back.
 */
export const MissedInGap: Story = {
  name: 'Missed while the stream was down (noticed on reconnect)',
  ...gap,
  play: async ({ canvasElement }) => {
    await liveOpen(canvasElement);
    gap.db.dropConnections();
    gap.db.clientWrites(MOCK_CLIENTS.dana, 'Did you get my question?');
    gap.db.clientWrites(MOCK_CLIENTS.dana, 'Written while you were offline');
    gap.db.clientWrites(MOCK_CLIENTS.emoji, '🌙✨ thank you!');
    await waitFor(
      () => deepQueryAll(canvasElement, '[part~="notice"]').length >= 2,
      10000,
      'the missed notices',
    );
  },
};

const order = dmStory({ height: '240px' });
export const NewOrder: Story = {
  name: 'New order notice',
  ...order,
  play: async ({ canvasElement }) => {
    await liveOpen(canvasElement);
    await pause(300);
    order.db.clientOrders(MOCK_CLIENTS.dana, 'rush_reading');
    await waitFor(() => deepQuery(canvasElement, '[part~="notice"]'), 8000, 'the notice');
  },
};

const during = dmStory({ height: '240px', liveSession: true });
/** The advisor is in a live session: a client writes, and no notice shows. */
export const DuringLiveSession: Story = {
  name: 'During a live session (held)',
  ...during,
  render: (args) => html`<main style="padding: 16px">
      <h1 style="font: 600 18px system-ui; margin: 0 0 8px">In a live session</h1>
      <p style="font: 14px system-ui; margin: 0">
        Dana wrote while the advisor is in a live session (<code>live-session</code> on the provider): no notice
        shows now; it appears when the session ends (see "After a live session").
      </p>
    </main>
    <dm-notifier duration=${args.duration}></dm-notifier>`,
  play: async ({ canvasElement }) => {
    await liveOpen(canvasElement);
    await pause(300);
    during.db.clientWrites(MOCK_CLIENTS.dana, 'Written while you were in a session');
    await pause(1000);
    if (deepQuery(canvasElement, '[part~="notice"]'))
      throw new Error('a notice showed during a live session');
  },
};

const after = dmStory({ height: '240px', liveSession: true });
/** The notice held during the live session shows when the session ends. */
export const AfterLiveSession: Story = {
  name: 'After a live session (released)',
  ...after,
  play: async ({ canvasElement }) => {
    await liveOpen(canvasElement);
    await pause(300);
    after.db.clientWrites(MOCK_CLIENTS.dana, 'Written while you were in a session');
    await pause(800);
    providerIn(canvasElement).liveSession = false;
    await waitFor(() => deepQuery(canvasElement, '[part~="notice"]'), 8000, 'the held notice');
  },
};

const dark = dmStory({ height: '240px', theme: 'dark' });
export const Dark: Story = {
  name: 'Dark theme',
  ...dark,
  play: clientsWrite(dark, [[MOCK_CLIENTS.dana, 'Hi Luna!']]),
};

const custom = dmStory({ height: '240px', theme: 'custom' });
export const CustomTheme: Story = {
  name: 'Custom theme (--dm-* and ::part)',
  ...custom,
  play: clientsWrite(custom, [[MOCK_CLIENTS.dana, 'Hi Luna!']]),
};

const phone = dmStory({ height: '300px', width: '375px' });
export const Phone: Story = {
  name: 'Phone width',
  ...phone,
  play: clientsWrite(phone, [[MOCK_CLIENTS.longName, 'A question about my reading']]),
};
