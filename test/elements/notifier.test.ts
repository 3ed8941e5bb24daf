import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/notifier/dm-notifier.js';
import type { DmNotifier } from '../../src/elements/notifier/dm-notifier.js';
import { ar } from '../../src/i18n/ar.js';
import { en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  liveOpen,
  part,
  parts,
  providerOf,
  renderInProvider,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

const notices = (el: DmNotifier) => parts(el, 'notice');
/** What a message's notice says: the line naming the client, then the message's first line. */
const said = (title: string, line: string) => `${title} ${line}`;
const nameOf = (id: string) => db.client(id)!.displayName;
const dismissButton = (notice: HTMLElement) =>
  [...notice.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === en.dismiss)!;

async function render(
  opts: { duration?: number; liveSession?: boolean } = {},
): Promise<DmNotifier> {
  const el = await renderInProvider<DmNotifier>(
    html`<dm-notifier duration=${opts.duration ?? 8000}></dm-notifier>`,
    {
      liveSession: opts.liveSession,
    },
  );
  await liveOpen(el);
  return el;
}

describe('<dm-notifier>', () => {
  beforeEach(() => db.reset());

  it('shows nothing until a client writes, in a polite live region', async () => {
    const el = await render();
    expect(notices(el)).to.have.length(0);
    const region = part(el, 'base')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('says "New message from <name>" when a client writes, without taking focus', async () => {
    const el = await render();
    const before = document.activeElement;
    db.clientWrites(MOCK_CLIENTS.dana, 'Hello!');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    expect(textOf(notices(el)[0]!.querySelector('button'))).to.equal(
      said(en.newMessageFrom(nameOf(MOCK_CLIENTS.dana)), 'Hello!'),
    );
    expect(document.activeElement).to.equal(before);
    expect(part(el, 'base')!.contains(notices(el)[0]!)).to.be.true;
    // The test browser prefers reduced motion (web-test-runner.config.mjs): the notice skips its fade-in.
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    expect(notices(el)[0]!.getAnimations().length, 'animations running').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says "New order from <name>" when a client orders', async () => {
    const el = await render();
    db.clientOrders(MOCK_CLIENTS.dana, 'rush_reading');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    expect(textOf(notices(el)[0]!.querySelector('button'))).to.equal(
      en.newOrderFrom(nameOf(MOCK_CLIENTS.dana)),
    );
  });

  it('keeps the order notice of a client with no unread messages (the client event after it says none)', async () => {
    const el = await render();
    const client = db.clients().find((c) => !c.hasUnread)!;
    db.clientOrders(client.id, 'rush_reading');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    await aTimeout(800);
    expect(notices(el).length, 'notices still shown').to.equal(1);
  });

  it('gives focus back to where it came from when the last notice is dismissed from the keyboard', async () => {
    const el = await render();
    const before = document.createElement('button');
    before.textContent = 'Page button';
    document.body.prepend(before);
    try {
      db.clientWrites(MOCK_CLIENTS.dana, 'Dismiss me by keyboard');
      await waitFor(() => notices(el).length === 1, 4000, 'notice');
      before.focus();
      dismissButton(notices(el)[0]!).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => notices(el).length === 0, 2000, 'notice gone');
      await waitFor(() => document.activeElement === before, 2000, 'focus back on the page button');
    } finally {
      before.remove();
    }
  });

  it('names a client that is not loaded yet', async () => {
    const el = await render();
    db.clientWrites(MOCK_CLIENTS.longName, 'Hi');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    expect(textOf(notices(el)[0]!)).to.equal(
      said(en.newMessageFrom(nameOf(MOCK_CLIENTS.longName)), 'Hi'),
    );
  });

  it('keeps one notice per client', async () => {
    const el = await render();
    db.clientWrites(MOCK_CLIENTS.dana, 'One');
    await waitFor(() => notices(el).length === 1, 4000, 'first');
    db.clientWrites(MOCK_CLIENTS.dana, 'Two');
    db.clientWrites(MOCK_CLIENTS.emoji, 'Three');
    await waitFor(() => notices(el).length === 2, 4000, 'second client');
    await aTimeout(200);
    expect(notices(el)).to.have.length(2);
  });

  it('shows the first line of the message under the name, as text, cut at 80 characters', async () => {
    const el = await render();
    db.clientWrites(MOCK_CLIENTS.dana, '<b>Are you free</b> tonight?\nSecond line');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    const notice = notices(el)[0]!;
    const open = notice.querySelector('[part~="notice-open"]')!;
    expect(textOf(open.querySelector('[part~="notice-title"]'))).to.equal(
      en.newMessageFrom(nameOf(MOCK_CLIENTS.dana)),
    );
    const preview = open.querySelector('[part~="notice-preview"]')!;
    expect(textOf(preview)).to.equal('<b>Are you free</b> tonight?');
    expect(preview.querySelector('b'), 'no markup rendered').to.equal(null);
    await expect(el).to.be.accessible();
    const long =
      'I wanted to ask about the reading you did for me last week, and whether the cards said anything more';
    db.clientWrites(MOCK_CLIENTS.emoji, long);
    await waitFor(() => notices(el).length === 2, 4000, 'second notice');
    expect(textOf(notices(el)[1]!.querySelector('[part~="notice-preview"]'))).to.equal(
      'I wanted to ask about the reading you did for me last week, and whether the…',
    );
  });

  it('folds several messages from one client into one notice that counts them and shows the newest', async () => {
    const el = await render();
    const name = nameOf(MOCK_CLIENTS.dana);
    db.clientWrites(MOCK_CLIENTS.dana, 'One');
    await waitFor(() => notices(el).length === 1, 4000, 'first');
    db.clientWrites(MOCK_CLIENTS.dana, 'Two');
    db.clientWrites(MOCK_CLIENTS.dana, 'Three\nand more');
    await waitFor(
      () => textOf(notices(el)[0]) === said(en.newMessagesFrom(name, 3, String), 'Three'),
      4000,
      'the folded notice',
    );
    expect(notices(el)).to.have.length(1);
    expect(textOf(part(el, 'notice-title'))).to.equal(`${name} · 3 new messages`);
    await expect(el).to.be.accessible();
    // Dismissed, the count starts again.
    dismissButton(notices(el)[0]!).click();
    await waitFor(() => notices(el).length === 0, 2000, 'dismissed');
    db.clientWrites(MOCK_CLIENTS.dana, 'Four');
    await waitFor(() => notices(el).length === 1, 4000, 'a new notice');
    expect(textOf(notices(el)[0])).to.equal(said(en.newMessageFrom(name), 'Four'));
  });

  it('counts in the locale’s digits (Arabic, Egypt)', async () => {
    const el = await render();
    const provider = providerOf(el);
    provider.strings = ar;
    provider.locale = 'ar-EG'; // Arabic-Indic digits ('ar' alone writes 0-9 in current ICU)
    db.clientWrites(MOCK_CLIENTS.dana, 'One');
    db.clientWrites(MOCK_CLIENTS.dana, 'Two');
    db.clientWrites(MOCK_CLIENTS.dana, 'مرحبا');
    await waitFor(() => textOf(part(el, 'notice-title')).includes('٣'), 4000, 'the folded notice');
    expect(textOf(part(el, 'notice-title'))).to.equal(
      ar.newMessagesFrom(nameOf(MOCK_CLIENTS.dana), 3, (n) => n.toLocaleString('ar-EG')),
    );
    expect(textOf(part(el, 'notice-preview'))).to.equal('مرحبا');
  });

  it('shows at most `max` notices (5 by default): a newer one replaces the oldest, which does not come back', async () => {
    const el = await render();
    el.max = 3;
    const writers = db.clients().slice(0, 5);
    for (const c of writers) db.clientWrites(c.id, `Hello from ${c.displayName}`);
    const last = writers.at(-1)!.displayName;
    await waitFor(
      () => notices(el).some((n) => textOf(n).includes(last)),
      4000,
      'the newest notice',
    );
    await aTimeout(200);
    expect(notices(el).map((n) => textOf(n))).to.deep.equal(
      writers
        .slice(-3)
        .map((c) => said(en.newMessageFrom(c.displayName), `Hello from ${c.displayName}`)),
    );
    // Dismissing one shows no older notice in its place.
    dismissButton(notices(el)[0]).click();
    await waitFor(() => notices(el).length === 2, 2000, 'one dismissed');
    await aTimeout(200);
    expect(notices(el)).to.have.length(2);

    expect(new (el.constructor as typeof DmNotifier)().max, 'the default').to.equal(5);
    el.max = 0;
    for (const c of writers) db.clientWrites(c.id, 'Again');
    await waitFor(() => notices(el).length === writers.length, 4000, 'no limit with max=0');
  });

  it('never takes away the notice the keyboard is on to keep within `max`', async () => {
    const el = await render();
    el.max = 2;
    const [first, ...others] = db.clients().slice(0, 5);
    db.clientWrites(first!.id, 'First');
    await waitFor(() => notices(el).length === 1, 4000, 'first notice');
    const open = notices(el)[0]!.querySelector<HTMLButtonElement>('[part~="notice-open"]')!;
    open.focus();
    for (const c of others) db.clientWrites(c.id, 'More');
    await waitFor(() => notices(el).length === 5, 4000, 'all shown while the keyboard is on them');
    expect(el.shadowRoot!.activeElement === open, 'focus stays on the first notice').to.equal(true);
    open.blur();
    await waitFor(() => notices(el).length === 2, 4000, 'back within max once focus leaves');
  });

  it('on a phone shows the two newest notices (the others wait behind them)', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const el = await render();
      const writers = db.clients().slice(0, 4);
      for (const c of writers) db.clientWrites(c.id, 'Hi');
      await waitFor(() => notices(el).length === 4, 4000, 'four notices');
      const shown = notices(el)
        .filter((n) => n.getClientRects().length > 0)
        .map((n) => textOf(n));
      expect(shown).to.deep.equal(
        writers.slice(-2).map((c) => said(en.newMessageFrom(c.displayName), 'Hi')),
      );
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says nothing about the client whose card is open', async () => {
    const el = await render();
    const stopViewing = el.store!.viewing(MOCK_CLIENTS.dana);
    db.clientWrites(MOCK_CLIENTS.dana, 'You can see this already');
    await aTimeout(500);
    expect(notices(el)).to.have.length(0);
    db.clientWrites(MOCK_CLIENTS.emoji, 'But not this');
    await waitFor(() => notices(el).length === 1, 4000, 'notice for the other client');
    expect(textOf(notices(el)[0]!)).to.equal(
      said(en.newMessageFrom(nameOf(MOCK_CLIENTS.emoji)), 'But not this'),
    );
    stopViewing();
  });

  it('waits for the end of a live session', async () => {
    const el = await render({ liveSession: true });
    db.clientWrites(MOCK_CLIENTS.dana, 'During the session');
    await aTimeout(600);
    expect(notices(el)).to.have.length(0);
    providerOf(el).removeAttribute('live-session');
    await waitFor(() => notices(el).length === 1, 4000, 'notice after the session');
    expect(textOf(notices(el)[0]!)).to.equal(
      said(en.newMessageFrom(nameOf(MOCK_CLIENTS.dana)), 'During the session'),
    );
  });

  it('drops a notice held back by a live session when the client is read elsewhere meanwhile', async () => {
    const el = await render({ liveSession: true });
    const message = db.clientWrites(MOCK_CLIENTS.dana, 'Read on the phone');
    await aTimeout(600);
    db.markRead(MOCK_CLIENTS.dana, message.id); // another device: the server says she is read
    await waitFor(
      () => el.store!.client(MOCK_CLIENTS.dana)?.hasUnread === false,
      4000,
      'read elsewhere',
    );
    providerOf(el).removeAttribute('live-session');
    await aTimeout(600);
    expect(notices(el)).to.have.length(0);
  });

  it('after the stream drops before any event id, notices the client messages written meanwhile, once', async () => {
    const el = await render({ duration: 0 });
    // No event came, so no Last-Event-ID: the reopened stream replays nothing. Dana's seeded
    // unread messages are older than the gap and make no notice.
    db.dropConnections();
    db.clientWrites(MOCK_CLIENTS.dana, 'Missed one');
    db.clientWrites(MOCK_CLIENTS.dana, 'Missed two\nsecond line');
    db.clientWrites(MOCK_CLIENTS.emoji, 'Missed three');
    // The advisor's own reply (from the phone) makes none.
    db.send(MOCK_CLIENTS.emoji, 'My own reply', 'gap-reply-0001');
    await waitFor(() => notices(el).length === 2, 8000, 'the missed messages noticed');
    await aTimeout(300);
    expect(notices(el).map((n) => textOf(n))).to.deep.equal([
      said(en.newMessagesFrom(nameOf(MOCK_CLIENTS.dana), 2, String), 'Missed two'),
      said(en.newMessageFrom(nameOf(MOCK_CLIENTS.emoji)), 'Missed three'),
    ]);
    for (const n of notices(el)) dismissButton(n).click();
    await waitFor(() => notices(el).length === 0, 2000, 'dismissed');
    // Another drop: only what came in this gap makes a notice, not the messages noticed before.
    await liveOpen(el);
    db.dropConnections();
    db.clientWrites(MOCK_CLIENTS.rtl, 'Missed in the second gap');
    await waitFor(() => notices(el).length === 1, 8000, 'the second gap’s notice');
    await aTimeout(300);
    expect(notices(el).map((n) => textOf(n))).to.deep.equal([
      said(en.newMessageFrom(nameOf(MOCK_CLIENTS.rtl)), 'Missed in the second gap'),
    ]);
  });

  it('after such a drop, notices nothing when the store stops before the missed messages are found', async () => {
    const el = await render({ duration: 0 });
    const store = providerOf(el).store!;
    // The list's answer (the first request of the search for missed messages) takes 800 ms.
    db.setLatency(800, 'clients');
    const asked = db.requestLog.length;
    db.dropConnections();
    db.clientWrites(MOCK_CLIENTS.dana, 'Missed, then stopped');
    await waitFor(
      () => db.requestLog.slice(asked).some((r) => r.route === 'clients'),
      8000,
      'the search for missed messages',
    );
    store.stop();
    await aTimeout(1500);
    expect(notices(el)).to.have.length(0);
  });

  it('fires dm-notice-open when clicked, and goes away', async () => {
    const el = await render();
    db.clientWrites(MOCK_CLIENTS.dana, 'Click me');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    const opened = oneEvent(el, 'dm-notice-open');
    notices(el)[0]!.querySelector('button')!.click();
    const event = await opened;
    expect(event.detail).to.deep.equal({ clientId: MOCK_CLIENTS.dana });
    expect(event.bubbles && event.composed).to.be.true;
    await el.updateComplete;
    await waitFor(() => notices(el).length === 0, 1000, 'notice gone');
  });

  it('is dismissed by its Dismiss button without opening', async () => {
    const el = await render();
    db.clientWrites(MOCK_CLIENTS.dana, 'Dismiss me');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    let opened = false;
    el.addEventListener('dm-notice-open', () => (opened = true));
    dismissButton(notices(el)[0]!).click();
    await waitFor(() => notices(el).length === 0, 1000, 'notice gone');
    expect(opened).to.be.false;
  });

  it('hides itself after `duration`, but not while focused', async () => {
    const el = await render({ duration: 300 });
    db.clientWrites(MOCK_CLIENTS.dana, 'Short-lived');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    notices(el)[0]!.querySelector('button')!.focus();
    await aTimeout(600);
    expect(notices(el), 'kept while focused').to.have.length(1);
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    await waitFor(() => notices(el).length === 0, 2000, 'hidden after the pause');
  });

  it('hides itself after `duration`, but not while hovered', async () => {
    const el = await render({ duration: 300 });
    db.clientWrites(MOCK_CLIENTS.dana, 'Short-lived');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    part(el, 'base')!.dispatchEvent(new PointerEvent('pointerenter'));
    await aTimeout(600);
    expect(notices(el), 'kept while hovered').to.have.length(1);
    part(el, 'base')!.dispatchEvent(new PointerEvent('pointerleave'));
    await waitFor(() => notices(el).length === 0, 2000, 'hidden after the pointer left');
  });

  it('stays with duration 0', async () => {
    const el = await render({ duration: 0 });
    db.clientWrites(MOCK_CLIENTS.dana, 'Stay');
    await waitFor(() => notices(el).length === 1, 4000, 'notice');
    await aTimeout(800);
    expect(notices(el)).to.have.length(1);
  });

  it('sits fixed at the top-end corner', async () => {
    const el = await render();
    const style = getComputedStyle(el);
    expect(style.position).to.equal('fixed');
    expect(style.top).to.equal('16px');
    expect(style.right).to.equal('16px');
  });
});
