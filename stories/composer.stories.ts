/**
 * `<dm-composer client-id>`: the text box and Send, and every reason sending can be blocked.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MOCK_CLIENTS } from '../src/mocks/index.js';
import { deepQuery, dmStory, settled, typeAndSend, waitFor } from './support/story-kit.js';

type Args = { 'client-id': string };

const meta: Meta<Args> = {
  title: 'Elements/dm-composer',
  component: 'dm-composer',
  args: { 'client-id': MOCK_CLIENTS.dana },
  argTypes: { 'client-id': { control: 'select', options: Object.values(MOCK_CLIENTS) } },
  render: (args) => html`<dm-composer client-id=${args['client-id']}></dm-composer>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The feed above the composer, as in the client card (for states that show in both). */
const card = (args: Args) => html`<div class="dm-card">
  <dm-communications-feed client-id=${args['client-id']}></dm-communications-feed>
  <dm-composer client-id=${args['client-id']}></dm-composer>
</div>`;

export const Ready: Story = { name: 'Ready to send', ...dmStory({ height: '200px' }) };

export const NoClient: Story = {
  name: 'No client chosen (disabled, silent)',
  args: { 'client-id': '' },
  ...dmStory({ height: '200px' }),
};

export const ClientNotFound: Story = {
  name: 'Client not found (404: disabled, says so)',
  args: { 'client-id': 'c-no-such-client' },
  ...dmStory({ height: '200px' }),
};

/** The eligibility request fails twice (503); the store asks again and the block shows. */
export const EligibilityRetried: Story = {
  name: 'Eligibility failed, asked again: blocked',
  args: { 'client-id': MOCK_CLIENTS.negativeReview },
  ...dmStory({ height: '200px', setup: (db) => db.failNext('eligibility', 2, 503) }),
};

export const BlockedSuspended: Story = {
  name: 'Blocked: suspended',
  ...dmStory({ height: '200px', db: { advisorStatus: 'suspended' } }),
};

export const BlockedRejected: Story = {
  name: 'Blocked: rejected',
  ...dmStory({ height: '200px', db: { advisorStatus: 'rejected' } }),
};

export const BlockedNeedsImprovement: Story = {
  name: 'Blocked: needs improvement',
  ...dmStory({ height: '200px', db: { advisorStatus: 'needs_improvement' } }),
};

export const BlockedNegativeReview: Story = {
  name: 'Blocked: negative review',
  args: { 'client-id': MOCK_CLIENTS.negativeReview },
  ...dmStory({ height: '200px' }),
};

export const BlockedFiveInARow: Story = {
  name: 'Blocked: 5 in a row',
  args: { 'client-id': MOCK_CLIENTS.fiveInARow },
  ...dmStory({ height: '200px' }),
};

export const OneMessageLeft: Story = {
  name: 'One message left',
  args: { 'client-id': MOCK_CLIENTS.oneLeft },
  ...dmStory({ height: '200px' }),
};

const unblocks = dmStory({ height: '200px' });
/** The client replies while the advisor looks at the blocked composer: it unblocks live. */
export const UnblockedLive: Story = {
  name: 'Unblocked live: the client replies after 5 in a row',
  args: { 'client-id': MOCK_CLIENTS.fiveInARow },
  ...unblocks,
  play: async ({ canvasElement }) => {
    await waitFor(
      () => deepQuery(canvasElement, '[part~="blocked-reason"]'),
      8000,
      'the block reason',
    );
    await waitFor(
      () => canvasElement.querySelector('dm-provider')?.store?.liveStatus === 'open',
      8000,
      'the live stream',
    );
    unblocks.db.clientWrites(MOCK_CLIENTS.fiveInARow, 'Sorry, I was travelling! Yes, let’s talk.');
    await waitFor(
      () => !deepQuery(canvasElement, '[part~="blocked-reason"]'),
      8000,
      'the composer to unblock',
    );
  },
};

const failing = dmStory({
  height: '520px',
  // One attempt, so the failure shows at once instead of after the backoff retries.
  storeOptions: { maxSendAttempts: 1 },
  setup: (db) => db.failNext('send', 1, 500),
});
/** The server fails the send: the message stays in the feed as "Not sent" with Retry and Discard. */
export const FailedSend: Story = {
  name: 'Failed send',
  ...failing,
  render: card,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await typeAndSend(canvasElement, 'Here is what I see for next week: a door opening.');
    await waitFor(
      () => deepQuery(canvasElement, '.row.failed, [part~="message"] .fail'),
      8000,
      'the failed message',
    );
  },
};

const refused = dmStory({ height: '520px' });
/** The server refuses the send (403, negative review) though the composer was open: the reason shows, the text stays. */
export const RefusedOnSend: Story = {
  name: 'Blocked on send (403): the reason shows, the text is kept',
  ...refused,
  render: card,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    // The eligibility asked again after the refusal answers late, so the refusal's reason shows.
    refused.db.setLatency(60_000, 'eligibility');
    refused.db.failNext('send', 1, 403, { reason: 'negative_review' });
    await typeAndSend(canvasElement, 'I pulled one more card for you.');
    await waitFor(() => deepQuery(canvasElement, '[part~="blocked-reason"]'), 8000, 'the reason');
  },
};

const ended = dmStory({ height: '520px' });
/** The session ended: the send answers 401, the host hears `dm-auth-required`, the text stays. */
export const SessionEnded: Story = {
  name: 'Session ended (401): the text is kept',
  ...ended,
  render: card,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    ended.db.failNext('send', 1, 401);
    await typeAndSend(canvasElement, 'I will send the recording tonight.');
    await waitFor(
      () => deepQuery(canvasElement, '[part~="status"]')?.textContent?.trim(),
      8000,
      'the sign-in notice',
    );
  },
};

const sent = dmStory({ height: '520px' });
/** A successful send: the text box empties and the message joins the feed. */
export const Sent: Story = {
  name: 'Message sent',
  ...sent,
  render: card,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await typeAndSend(canvasElement, 'Thank you, Dana! Tomorrow at 7pm works for me. 🌙');
    await waitFor(
      () => sent.db.storedMessages(MOCK_CLIENTS.dana).length === 1,
      8000,
      'the stored message',
    );
  },
};

const long = dmStory({ height: '320px' });
/** Near the 2,000-character limit the counter appears. */
export const LongDraft: Story = {
  name: 'Long draft (character counter)',
  ...long,
  play: async ({ canvasElement }) => {
    await waitFor(
      () => deepQuery<HTMLTextAreaElement>(canvasElement, '[part~="input"]'),
      8000,
      'the text box',
    );
    const input = deepQuery<HTMLTextAreaElement>(canvasElement, '[part~="input"]')!;
    input.value =
      'The cards speak of patience and of a long road that finally turns toward home. '.repeat(24);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  },
};

export const RightToLeft: Story = {
  name: 'Right-to-left text being written',
  args: { 'client-id': MOCK_CLIENTS.rtl },
  ...dmStory({ height: '200px' }),
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const input = deepQuery<HTMLTextAreaElement>(canvasElement, '[part~="input"]')!;
    input.value = 'شكرا نور، سأرسل لك القراءة مساء اليوم. ✨';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  },
};

export const Phone: Story = {
  name: 'Phone width',
  args: { 'client-id': MOCK_CLIENTS.oneLeft },
  ...dmStory({ height: '220px', width: '375px' }),
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { 'client-id': MOCK_CLIENTS.oneLeft },
  ...dmStory({ height: '220px', theme: 'dark' }),
};

export const CustomTheme: Story = {
  name: 'Custom theme (--dm-* and ::part)',
  ...dmStory({ height: '200px', theme: 'custom' }),
};
