/**
 * A busy desk: the advisor clicked a client (its row keeps focus), then 36 other clients write,
 * one every 30 ms, most of them not loaded yet. At its top, the list stays at its top (the new
 * writers come into view above) and focus stays on the clicked row, without scrolling the list.
 * Scrolled down, the list stays where it is and a "N new" cue at its top counts the writers.
 */
import { expect, html } from '@open-wc/testing';
import { en } from '../../src/i18n/strings.js';
import '../../src/elements/client-list/dm-client-list.js';
import type { DmClientList } from '../../src/elements/client-list/dm-client-list.js';
import { MockDb, createHandlers, startMockWorker } from '../../src/mocks/index.js';
import { liveOpen, part, parts, renderInProvider, textOf, waitFor } from '../helpers/render.js';

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
    expect(part(el, 'new-clients'), 'no cue at the top: the writers are in view').to.equal(null);
  });

  it('scrolled down, keeps its place and counts the clients who moved above the view, each once, in a cue that goes back to the top', async () => {
    const el = await renderInProvider<DmClientList>(
      html`<dm-client-list style="height:600px;width:360px"></dm-client-list>`,
      { baseUrl: '/api/dm-w' },
    );
    await waitFor(() => rows(el).length > 5, 5000, 'rows');
    await liveOpen(el);
    const s = part(el, 'scroller')!;
    const status = () => textOf(el.shadowRoot!.querySelector('.base > [role="status"]'));
    const cue = () => part(el, 'new-clients');
    const firstShown = () =>
      rows(el).find((r) => r.getBoundingClientRect().bottom > s.getBoundingClientRect().top + 1);
    s.scrollTop = 1500;
    await waitFor(() => firstShown()?.dataset.vkey, 4000, 'scrolled down');
    const reading = firstShown()!.dataset.vkey!;
    const readingTop = () => firstShown()!.getBoundingClientRect().top;
    const y = readingTop();
    // Three clients not loaded yet write (the first twice), one in view and one above the view.
    const far = big.clients().slice(200, 203);
    const box = s.getBoundingClientRect();
    const inView = rows(el)
      .filter((r) => r.getBoundingClientRect().bottom <= box.bottom)
      .at(-1)!.dataset.vkey!;
    const above = rows(el)[0]!.dataset.vkey!;
    for (const id of [far[0]!.id, far[1]!.id, far[0]!.id, inView, above, far[2]!.id]) {
      big.clientWrites(id, 'While you were reading further down');
      await new Promise((r) => setTimeout(r, 30));
    }
    await waitFor(
      () => el.store!.clientList.clients[0]?.id === far[2]!.id,
      6000,
      'the newest writer first',
    );
    await waitFor(() => textOf(cue()) === '↑ ' + en.newClients(5, String), 4000, 'the cue: 5 new');
    expect(firstShown()!.dataset.vkey, 'the same row at the top of the view').to.equal(reading);
    expect(readingTop(), 'where it was').to.be.closeTo(y, 1);
    expect(status(), 'announced once, when it appeared').to.equal(en.newClients(1, String));
    cue()!.click();
    await waitFor(() => s.scrollTop < 1 && !cue(), 4000, 'back at the top, the cue gone');
    expect(rows(el)[0]!.dataset.vkey).to.equal(far[2]!.id);
    await waitFor(() => focusedKey(el) === far[2]!.id, 2000, 'the keyboard on the first row');
    expect(status()).to.equal('');
    // Scrolled down again: a new count; scrolling back to the top by hand clears it.
    s.scrollTop = 1500;
    await waitFor(() => firstShown()?.dataset.vkey !== far[2]!.id, 4000, 'scrolled down');
    big.clientWrites(big.clients()[300]!.id, 'Another one');
    await waitFor(() => textOf(cue()) === '↑ ' + en.newClients(1, String), 4000, 'the cue: 1 new');
    s.scrollTop = 0;
    await waitFor(() => !cue(), 4000, 'the cue gone at the top');
  });

  it('scrolled down, keeps its place when the client at the top of the view writes', async () => {
    const el = await renderInProvider<DmClientList>(
      html`<dm-client-list style="height:600px;width:360px"></dm-client-list>`,
      { baseUrl: '/api/dm-w' },
    );
    await waitFor(() => rows(el).length > 5, 5000, 'rows');
    await liveOpen(el);
    const s = part(el, 'scroller')!;
    s.scrollTop = 1500;
    const top = s.getBoundingClientRect().top;
    const shown = () => rows(el).filter((r) => r.getBoundingClientRect().bottom > top + 1);
    await waitFor(() => shown()[0]!.getBoundingClientRect().top < top, 4000, 'scrolled down');
    const [writer, next] = shown() as [HTMLElement, HTMLElement];
    const key = next.dataset.vkey!;
    const y = next.getBoundingClientRect().top;
    big.clientWrites(writer.dataset.vkey!, 'Written by the row at the top of the view');
    await waitFor(
      () => el.store!.clientList.clients[0]?.id === writer.dataset.vkey,
      4000,
      'the writer first',
    );
    await waitFor(() => part(el, 'new-clients'), 4000, 'the cue');
    expect(s.scrollTop, 'not taken to the top').to.be.greaterThan(1000);
    const after = rows(el).find((r) => r.dataset.vkey === key)!;
    expect(after.getBoundingClientRect().top, 'the next row where it was').to.be.closeTo(y, 1);
  });
});
