/**
 * Elements update from selectors (StoreController): a live event about one client updates what
 * shows that client, and nothing that shows another. Updates are counted with test-only
 * subclasses of the real elements (their `updated()` counts), so without selectors — every
 * element updating on every store change — the counts move and this test fails.
 */
import { expect, html } from '@open-wc/testing';
import type { PropertyValues } from 'lit';
import '../../src/elements/client-list/dm-client-list.js';
import { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import { DmComposer } from '../../src/elements/composer/dm-composer.js';
import type { MessageItem } from '../../src/core/types.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  part,
  parts,
  providerOf,
  renderInProvider,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

class CountingFeed extends DmCommunicationsFeed {
  updates = 0;
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.updates++;
  }
}
class CountingComposer extends DmComposer {
  updates = 0;
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.updates++;
  }
}
customElements.define('test-counting-feed', CountingFeed);
customElements.define('test-counting-composer', CountingComposer);

/** Resolves once neither element has updated for `quietMs` (opening work settled: loads, mark-read, measuring). */
async function settled(els: { updates: number }[], quietMs = 600, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  let last = els.map((e) => e.updates).join();
  let since = performance.now();
  while (performance.now() - since < quietMs) {
    if (performance.now() - start > timeoutMs)
      throw new Error('the elements never stopped updating');
    await new Promise((r) => setTimeout(r, 50));
    const now = els.map((e) => e.updates).join();
    if (now !== last) [last, since] = [now, performance.now()];
  }
}

function clientMessage(clientId: string, body: string): MessageItem {
  return {
    kind: 'message',
    id: 'live-' + Math.random().toString(36).slice(2),
    clientId,
    at: new Date().toISOString(),
    sender: 'client',
    body,
  };
}

describe('StoreController: elements update only when what they read changed', () => {
  beforeEach(() => db.reset());

  it("a live event about client A updates neither client B's open feed nor B's composer (and does update the list)", async () => {
    const a = MOCK_CLIENTS.dana;
    const b = MOCK_CLIENTS.oneLeft;
    const wrapper = await renderInProvider<HTMLElement>(html`<div style="display:flex;gap:8px">
      <div style="height:500px;width:320px;display:flex"><dm-client-list></dm-client-list></div>
      <div style="height:500px;width:600px;display:flex;flex-direction:column">
        <test-counting-feed client-id=${b}></test-counting-feed>
        <test-counting-composer client-id=${b}></test-counting-composer>
      </div>
    </div>`);
    const list = wrapper.querySelector('dm-client-list')!;
    const feed = wrapper.querySelector('test-counting-feed') as CountingFeed;
    const composer = wrapper.querySelector('test-counting-composer') as CountingComposer;
    const store = providerOf(wrapper).store!;
    await waitFor(
      () => parts(feed, 'item').length > 0 && parts(list, 'client').length > 0 && store.client(a),
      5000,
      'feed, list and client A loaded',
    );
    await waitFor(() => store.eligibility(b).status === 'ready', 5000, "B's eligibility");
    await settled([feed, composer]);
    const before = { feed: feed.updates, composer: composer.updates };

    store.applyEvent({ type: 'feed-item', item: clientMessage(a, 'A wrote about the reading') });
    // The event did reach the elements' store: the list moves A up with its new preview.
    await waitFor(
      () => textOf(parts(list, 'client')[0]).includes('A wrote about the reading'),
      4000,
      "A's row shows the message",
    );
    await settled([feed, composer], 300);
    expect(feed.updates, "B's feed updated for an event about A").to.equal(before.feed);
    expect(composer.updates, "B's composer updated for an event about A").to.equal(before.composer);

    // The counts do move for what they show: a message from B updates B's feed.
    store.applyEvent({ type: 'feed-item', item: clientMessage(b, 'B answered') });
    await waitFor(
      () => parts(feed, 'item').some((i) => textOf(i).includes('B answered')),
      4000,
      "B's message in B's feed",
    );
    expect(feed.updates).to.be.greaterThan(before.feed);
    expect(part(feed, 'scroller')).to.exist;
  });
});
