// A 1.0 server (no clientReadAt, /search and /typing answering 404): the 1.1 features are hidden,
// the typing reports stop after the first 404, and nothing shows an error.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import '../../src/index.js';
import { MOCK_CLIENTS, MockDb } from '../../src/mocks/index.js';
import { contract10Handlers } from '../../stories/support/contract-1-0.js';
import { liveOpen, part, parts, renderInProvider, textOf, waitFor } from '../helpers/render.js';

const db = new MockDb({ avatarBase: '/api/dm/__avatars' });
const worker = setupWorker(...contract10Handlers(db));
await worker.start({
  quiet: true,
  onUnhandledRequest: 'bypass',
  serviceWorker: { url: '/mockServiceWorker.js' },
});
const requests: string[] = [];
worker.events.on(
  'request:start',
  ({ request }) => void requests.push(`${request.method} ${new URL(request.url).pathname}`),
);

beforeEach(() => {
  db.reset();
  requests.length = 0;
});
afterEach(() => db.dropConnections());

async function renderTab(clientId: string) {
  const wrap = await renderInProvider<HTMLElement>(
    html`<div style="width:1000px;height:640px"><dm-communications client=${clientId}></dm-communications></div>`,
  );
  const tab = wrap.querySelector('dm-communications') as DmCommunications;
  const feed = tab.shadowRoot!.querySelector('dm-communications-feed')!;
  const list = tab.shadowRoot!.querySelector('dm-client-list')!;
  const composer = tab.shadowRoot!.querySelector('dm-composer')!;
  await waitFor(
    () => parts(feed, 'message').length > 0 && parts(list, 'client').length > 0,
    4000,
    'tab',
  );
  await liveOpen(tab);
  return { tab, feed, list, composer };
}

describe('Against a 1.0 server', () => {
  it('the feed reads as before, with no Seen and no error', async () => {
    const { feed, list } = await renderTab(MOCK_CLIENTS.fiveInARow);
    // The same client on a 1.1 server shows "Seen" (its client read the first of the five).
    await new Promise((r) => setTimeout(r, 200));
    expect(parts(feed, 'seen')).to.have.length(0);
    expect(parts(feed, 'message-advisor').length).to.be.greaterThan(4);
    expect(part(feed, 'error')).to.equal(null);
    expect(part(feed, 'typing')).to.equal(null);
    expect(list.shadowRoot!.querySelector('[part~="typing"]')).to.equal(null);
    db.clientWrites(MOCK_CLIENTS.fiveInARow, 'still live');
    await waitFor(
      () => textOf(parts(feed, 'bubble').at(-1)) === 'still live',
      4000,
      'live message',
    );
  });

  it('shows no conversation search box, asks no search, and shows no error', async () => {
    const { feed } = await renderTab(MOCK_CLIENTS.longHistory);
    expect(part(feed, 'conversation-search')).to.equal(null);
    expect(requests.filter((r) => r.endsWith('/search'))).to.have.length(0);
    expect(part(feed, 'error')).to.equal(null);
  });

  it('the composer tries one typing report, learns from its 404, and sends no more; nothing shows an error', async () => {
    const { composer } = await renderTab(MOCK_CLIENTS.dana);
    let now = 1_000_000;
    (composer as unknown as { typingClock: () => number }).typingClock = () => now;
    const box = part<HTMLTextAreaElement>(composer, 'input')!;
    await waitFor(() => !box.disabled, 4000, 'composer ready');
    box.focus();
    await sendKeys({ type: 'Hi' });
    await waitFor(
      () => requests.filter((r) => r.endsWith('/typing')).length === 1,
      4000,
      'first report',
    );
    await new Promise((r) => setTimeout(r, 200));
    for (const text of [' there', ', how', ' are you?']) {
      now += 5000;
      await sendKeys({ type: text });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(requests.filter((r) => r.endsWith('/typing'))).to.have.length(1);
    expect(part(composer, 'blocked-reason')).to.equal(null);
    expect(textOf(part(composer, 'status'))).to.equal('');
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => db.storedMessages(MOCK_CLIENTS.dana).some((m) => m.body === 'Hi there, how are you?'),
      4000,
      'sent',
    );
  });
});
