/**
 * A busy desk: the advisor clicked a client (its row keeps focus), then 36 other clients write,
 * one every 30 ms, most of them not loaded yet. At its top, the list stays at its top (the new
 * writers come into view above) and focus stays on the clicked row, without scrolling the list.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/elements/client-list/dm-client-list.js';
import type { DmClientList } from '../../src/elements/client-list/dm-client-list.js';
import { MockDb, createHandlers, startMockWorker } from '../../src/mocks/index.js';
import { liveOpen, part, parts, renderInProvider, waitFor } from '../helpers/render.js';

const big = new MockDb({ clientCount: 3000, avatarBase: '/api/dm-w/__avatars' });
const { worker } = await startMockWorker({ db: new MockDb() });
worker.use(...createHandlers(big, { baseUrl: '/api/dm-w' }));

const rows = (el: DmClientList) => parts(el, 'client');
const focusedKey = (el: DmClientList) =>
  (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.vkey;

describe('<dm-client-list> while many clients write', () => {
  beforeEach(() => big.reset());

  it('stays at its top with focus on the clicked row while 36 clients write', async () => {
    const el = await renderInProvider<DmClientList>(
      html`<dm-client-list style="height:600px;width:360px"></dm-client-list>`,
      { baseUrl: '/api/dm-w' },
    );
    await waitFor(() => rows(el).length > 5, 5000, 'rows');
    await liveOpen(el);
    const clicked = rows(el)[2]!;
    const id = clicked.dataset.vkey!;
    clicked.focus();
    clicked.click();
    await waitFor(() => focusedKey(el) === id, 2000, 'focus on the clicked row');
    const s = part(el, 'scroller')!;
    expect(s.scrollTop).to.be.below(4);
    const writers = big.clients().slice(100, 136);
    for (const c of writers) {
      big.clientWrites(c.id, 'Hello from ' + c.displayName);
      await new Promise((r) => setTimeout(r, 30));
    }
    const newest = writers.at(-1)!.id;
    await waitFor(
      () => el.store!.clientList.clients[0]?.id === newest,
      6000,
      'the newest writer first',
    );
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    console.log(`the list scrolled ${Math.round(s.scrollTop)} px by itself after 36 writers`);
    expect(s.scrollTop, 'still at its top').to.be.below(4);
    expect(rows(el)[0]!.dataset.vkey, 'the newest writer in view').to.equal(newest);
    expect(focusedKey(el), 'focus still on the clicked row').to.equal(id);
  });
});
