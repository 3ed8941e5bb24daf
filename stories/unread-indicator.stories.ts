/**
 * `<dm-unread-indicator show-count>`: the bubble for the site's menu, shown while any client has unread.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MOCK_CLIENTS, type MockDb } from '../src/mocks/index.js';
import { deepQuery, dmStory, liveOpen, pause, settled, waitFor } from './support/story-kit.js';

type Args = { 'show-count': boolean };

const meta: Meta<Args> = {
  title: 'Elements/dm-unread-indicator',
  component: 'dm-unread-indicator',
  args: { 'show-count': false },
  argTypes: { 'show-count': { control: 'boolean' } },
  // As in a site's menu: the element carries the entry's label in its slot.
  render: (
    args,
  ) => html`<nav aria-label="Site menu" style="flex:none; padding: 12px; font-size: 16px">
    <a href="#messages"><dm-unread-indicator ?show-count=${args['show-count']}>Messages</dm-unread-indicator></a>
  </nav>`,
};
export default meta;
type Story = StoryObj<Args>;

const readAll = (db: MockDb) => {
  for (const c of db.clients()) if (c.hasUnread) db.setUnread(c.id, false);
};

export const Unread: Story = { name: 'Unread (dot)', ...dmStory({ height: '80px' }) };

export const WithCount: Story = {
  name: 'Unread with count',
  args: { 'show-count': true },
  ...dmStory({ height: '80px' }),
};

/** Every client read, or no clients at all: the same look, the menu item without a bubble. */
export const NoUnread: Story = {
  name: 'No unread (no bubble)',
  ...dmStory({ height: '80px', setup: readAll }),
};

const arriving = dmStory({ height: '80px', setup: readAll });
/** Everything was read; a client writes and the bubble appears live. */
export const NewMessageArrives: Story = {
  name: 'New message arrives (live)',
  args: { 'show-count': true },
  ...arriving,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await liveOpen(canvasElement);
    await pause(500);
    arriving.db.clientWrites(MOCK_CLIENTS.dana, 'Are you free tonight?');
    await waitFor(() => deepQuery(canvasElement, '[part~="bubble"]'), 8000, 'the bubble');
  },
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { 'show-count': true },
  ...dmStory({ height: '80px', theme: 'dark' }),
};

export const CustomTheme: Story = {
  name: 'Custom theme (--dm-* and ::part)',
  ...dmStory({ height: '80px', theme: 'custom' }),
};
