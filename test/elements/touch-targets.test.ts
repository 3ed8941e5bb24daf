/**
 * Touch targets: under a coarse pointer (a phone, a tablet) every control is at least 44 × 44 CSS px
 * (WCAG 2.5.5), the size a thumb hits without aiming. The browser emulates a touch screen here
 * (scripts/wtr-coarse-pointer.mjs): `(pointer: coarse)` matches as on a phone.
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import type { DmNotifier } from '../../src/elements/notifier/dm-notifier.js';
import { en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  liveOpen,
  part,
  parts,
  renderInProvider,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

const MIN = 44;
/** The smallest side of each control seen, by name: the figures of the closing note. */
const smallest = new Map<string, number>();

function target(name: string, el: Element | null | undefined): void {
  expect(!!el, `${name} is on screen`).to.equal(true);
  const r = el!.getBoundingClientRect();
  const side = Math.min(r.width, r.height);
  smallest.set(name, Math.min(smallest.get(name) ?? Infinity, Math.round(side * 10) / 10));
  expect(r.width, `${name}: width`).to.be.at.least(MIN - 0.01);
  expect(r.height, `${name}: height`).to.be.at.least(MIN - 0.01);
}

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });

async function renderFeed(clientId: string, width = 390): Promise<DmCommunicationsFeed> {
  const wrapper = await renderInProvider<HTMLElement>(
    html`<div style="height:560px;width:${width}px;display:flex;flex-direction:column">
      <dm-communications-feed client-id=${clientId}></dm-communications-feed>
    </div>`,
  );
  const feed = wrapper.querySelector('dm-communications-feed') as DmCommunicationsFeed;
  await waitFor(() => parts(feed, 'item').length > 0 || part(feed, 'error'), 5000, 'feed rendered');
  await frames();
  return feed;
}

describe('touch targets under a coarse pointer', () => {
  before(() => executeServerCommand('dm-coarse-pointer', { active: true }));
  after(async () => {
    await executeServerCommand('dm-coarse-pointer', { active: false });
    console.log(
      `smallest side under a coarse pointer (px): ${JSON.stringify(Object.fromEntries(smallest))}`,
    );
  });
  beforeEach(() => db.reset());

  it('is a touch screen in this browser', () => {
    expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
  });

  it('client rows, search hits, the search box and Back in the tab on a phone', async () => {
    const tab = await renderInProvider<DmCommunications>(
      html`<dm-communications style="width:390px;height:700px;display:block"></dm-communications>`,
    );
    const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
    await waitFor(() => parts(list(), 'client').length > 3, 5000, 'rows');
    for (const row of parts(list(), 'client').slice(0, 6)) target('client row', row);
    const search = part<HTMLInputElement>(list(), 'search')!;
    target('search box', search);
    search.focus();
    await sendKeys({ type: db.client(MOCK_CLIENTS.dana)!.displayName.slice(0, 3) });
    await waitFor(
      () => parts(list(), 'client').length > 0 && parts(list(), 'client').length < 6,
      5000,
      'search hits',
    );
    for (const row of parts(list(), 'client')) target('search hit', row);
    parts(list(), 'client')[0]!.click();
    await waitFor(() => part(tab, 'back')?.getBoundingClientRect().width, 5000, 'card with Back');
    target('back', part(tab, 'back'));
    const composer = tab.shadowRoot!.querySelector('dm-composer');
    if (composer) {
      await waitFor(() => part(composer, 'send'), 5000, 'Send');
      target('send', part(composer, 'send'));
    }
  });

  it('the filter buttons, Send, Retry and Discard of a failed message, the pill and jump-latest', async () => {
    const feed = await renderFeed(MOCK_CLIENTS.longHistory);
    await liveOpen(feed);
    for (const b of part(feed, 'filter')!.querySelectorAll('button')) target('filter button', b);
    db.failNext('send', 10, 400);
    await feed.store!.send(MOCK_CLIENTS.longHistory, 'This one fails');
    const failed = () => parts(feed, 'item').find((i) => textOf(i).includes('This one fails'));
    await waitFor(() => failed()?.querySelector('button'), 4000, 'Retry and Discard');
    const buttons = [...failed()!.querySelectorAll('button')];
    target(
      'retry send',
      buttons.find((b) => textOf(b) === en.retrySend),
    );
    target(
      'discard',
      buttons.find((b) => textOf(b) === en.discard),
    );
    const s = part(feed, 'scroller')!;
    s.scrollTop = Math.max(0, s.scrollHeight - s.clientHeight * 4);
    s.dispatchEvent(new Event('scroll'));
    await waitFor(() => part(feed, 'jump-latest'), 4000, 'jump-latest');
    target('jump-latest', part(feed, 'jump-latest'));
    db.clientWrites(MOCK_CLIENTS.longHistory, 'While scrolled up');
    await waitFor(() => part(feed, 'new-messages'), 4000, 'pill');
    target('new-messages pill', part(feed, 'new-messages'));
  });

  it('the conversation search box and its hits in a phone-wide feed, the box not squeezed', async () => {
    // Dana's history fits one page: no older page is still on its way when the next test starts.
    const feed = await renderFeed(MOCK_CLIENTS.dana);
    const box = part<HTMLInputElement>(feed, 'conversation-search')!;
    target('conversation search box', box);
    // Beside the filter on a phone the box wraps to a row of its own instead of shrinking to a slit.
    expect(box.getBoundingClientRect().width, 'search box width').to.be.at.least(160);
    box.focus();
    await sendKeys({ type: 'tomorrow' });
    await waitFor(() => parts(feed, 'search-hit').length > 0, 4000, 'hits');
    for (const hit of parts(feed, 'search-hit')) target('conversation search hit', hit);
  });

  it('Retry of a feed that failed to load and of older messages', async () => {
    db.failNext('feed', 1, 500);
    const feed = await renderFeed(MOCK_CLIENTS.dana);
    await waitFor(() => part(feed, 'error')?.querySelector('button'), 4000, 'Retry');
    target('feed retry', part(feed, 'error')!.querySelector('button'));
  });

  it('Send in the composer', async () => {
    const el = await renderInProvider<HTMLElement>(
      html`<dm-composer client-id=${MOCK_CLIENTS.dana} style="display:block;width:390px"></dm-composer>`,
    );
    await waitFor(() => part(el, 'send'), 4000, 'Send');
    target('send', part(el, 'send'));
  });

  it('Retry of a client list that failed to load', async () => {
    db.failNext('clients', 1, 500);
    const wrapper = await renderInProvider<HTMLElement>(
      html`<div style="height:500px;width:390px"><dm-client-list></dm-client-list></div>`,
    );
    const list = wrapper.querySelector('dm-client-list')!;
    await waitFor(() => part(list, 'error')?.querySelector('button'), 4000, 'Retry');
    target('list retry', part(list, 'error')!.querySelector('button'));
  });

  it('the "N new" cue of a client list scrolled down', async () => {
    const wrapper = await renderInProvider<HTMLElement>(
      html`<div style="height:500px;width:390px"><dm-client-list></dm-client-list></div>`,
    );
    const list = wrapper.querySelector('dm-client-list')!;
    await waitFor(() => parts(list, 'client').length > 3, 5000, 'rows');
    await liveOpen(list);
    const s = part(list, 'scroller')!;
    s.scrollTop = 640;
    await waitFor(
      () => part(list, 'client')!.getBoundingClientRect().bottom < s.getBoundingClientRect().top,
      4000,
      'scrolled down',
    );
    db.clientWrites(db.clients().at(-1)!.id, 'Hello');
    await waitFor(() => part(list, 'new-clients'), 4000, 'the cue');
    target('new clients cue', part(list, 'new-clients'));
  });

  it('the open and dismiss buttons of a notice', async () => {
    const el = await renderInProvider<DmNotifier>(
      html`<dm-notifier duration="8000"></dm-notifier>`,
    );
    await liveOpen(el);
    db.clientWrites(MOCK_CLIENTS.dana, 'Hello');
    await waitFor(() => parts(el, 'notice').length === 1, 4000, 'notice');
    target('notice open', part(el, 'notice-open'));
    target('notice dismiss', part(el, 'notice-dismiss'));
  });
});
