// The widgets against the mock as a real HTTP server (dm-widgets/mocks/node) on another origin:
// real requests with CORS, a real event stream; no service worker answers them.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { MemoryStorage, part, parts, textOf, waitFor } from '../helpers/render.js';

const { url, origin } = await executeServerCommand<
  { url: string; origin: string },
  { action: string }
>('dm-mock-server', { action: 'start' });
const control = (path: string, body: unknown = {}) =>
  fetch(`${origin}/__mock${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

after(() => executeServerCommand('dm-mock-server', { action: 'stop' }));

describe('the widgets against the mock HTTP server (another origin, a real event stream)', () => {
  beforeEach(() => control('/reset'));

  it('lists the clients, opens a feed, shows a client message live, and sends one the server stores', async () => {
    expect(new URL(url).origin).not.to.equal(location.origin);
    const provider = await fixture<DmProvider>(
      html`<dm-provider base-url=${url} .storeOptions=${{ storage: new MemoryStorage() }}>
        <div style="width:1000px;height:600px">
          <dm-communications client="c-dana"></dm-communications>
        </div>
      </dm-provider>`,
    );
    const tab = provider.querySelector('dm-communications') as DmCommunications;
    const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
    const feed = () => tab.shadowRoot!.querySelector('dm-communications-feed')!;
    await waitFor(
      () => parts(list(), 'client').length > 0 && feed() && parts(feed(), 'item').length > 0,
      8000,
      'list and feed from the server',
    );
    expect(parts(list(), 'client').some((row) => textOf(row).includes('Dana K.'))).to.equal(true);
    await waitFor(() => provider.store?.liveStatus === 'open', 8000, 'the event stream open');

    await control('/clients/c-dana/writes', { body: 'Written on the real server' });
    await waitFor(
      () => parts(feed(), 'item').some((i) => textOf(i).includes('Written on the real server')),
      8000,
      'the client message, live',
    );

    const composer = tab.shadowRoot!.querySelector('dm-composer')!;
    composer.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Sent to the real server' });
    await sendKeys({ press: 'Enter' });
    // The server stores it (asked over HTTP, as another client of the server would).
    let stored: Array<{ body?: string; sender?: string }> = [];
    for (
      const t0 = Date.now();
      Date.now() - t0 < 8000;
      await new Promise((r) => setTimeout(r, 100))
    ) {
      stored = (
        (await (await fetch(`${url}/clients/c-dana/feed?limit=5`)).json()) as {
          items: typeof stored;
        }
      ).items;
      if (stored.some((i) => i.body === 'Sent to the real server')) break;
    }
    expect(
      stored.filter((i) => i.body === 'Sent to the real server').map((i) => i.sender),
    ).to.deep.equal(['advisor']);
    await waitFor(
      () =>
        parts(feed(), 'item').some(
          (i) => textOf(i).includes('Sent to the real server') && !part(i, 'retry'),
        ),
      8000,
      'the sent message in the feed',
    );
  });
});
