import { aTimeout, expect, html } from '@open-wc/testing';
import '../../src/elements/unread-indicator/dm-unread-indicator.js';
import type { DmUnreadIndicator } from '../../src/elements/unread-indicator/dm-unread-indicator.js';
import { en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  liveOpen,
  part,
  renderInProvider,
  shadowQuery,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

const bubble = (el: DmUnreadIndicator) => part(el, 'bubble');
const status = (el: DmUnreadIndicator) => shadowQuery(el, '[role="status"]')!;
/** Counts as the indicator formats them: in the locale it resolves (no provider locale: the page's). */
const num = (n: number) =>
  new Intl.NumberFormat(document.documentElement.lang || navigator.language).format(n);

/** Marks every seeded client read on the server. */
function readEverything(): void {
  for (const c of db.clients()) if (c.hasUnread) db.setUnread(c.id, false);
}

describe('<dm-unread-indicator>', () => {
  beforeEach(() => db.reset());

  it('shows a bubble while clients have unread messages, and says how many', async () => {
    const el = await renderInProvider<DmUnreadIndicator>(
      html`<dm-unread-indicator>Messages</dm-unread-indicator>`,
    );
    const n = db.unreadCount();
    expect(n).to.be.greaterThan(0);
    await waitFor(() => bubble(el), 4000, 'bubble');
    expect(textOf(status(el))).to.equal(en.unreadClients(n, num));
    // A dot: no number unless asked.
    expect(bubble(el)!.querySelector('[aria-hidden="true"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows the bubble even when the first count failed (asked again by itself)', async () => {
    db.failNext('unread', 1, 503);
    const el = await renderInProvider<DmUnreadIndicator>(
      html`<dm-unread-indicator>Messages</dm-unread-indicator>`,
    );
    await waitFor(() => bubble(el), 5000, 'bubble after the count was asked again');
    expect(textOf(status(el))).to.equal(en.unreadClients(db.unreadCount(), num));
  });

  it('shows the number with show-count', async () => {
    const el = await renderInProvider<DmUnreadIndicator>(
      html`<dm-unread-indicator show-count></dm-unread-indicator>`,
    );
    const n = db.unreadCount();
    await waitFor(() => bubble(el), 4000, 'bubble');
    expect(bubble(el)!.querySelector('[aria-hidden="true"]')!.textContent).to.equal(String(n));
    await expect(el).to.be.accessible();
  });

  it('has no bubble when nothing is unread', async () => {
    readEverything();
    const el = await renderInProvider<DmUnreadIndicator>(
      html`<dm-unread-indicator></dm-unread-indicator>`,
    );
    await waitFor(() => db.requestLog.some((r) => r.route === 'unread'), 4000, 'unread fetched');
    await aTimeout(300);
    expect(bubble(el)).to.be.null;
    expect(textOf(status(el))).to.equal(en.noUnread);
    await expect(el).to.be.accessible();
  });

  it('appears live when a client writes and goes when the client is read', async () => {
    readEverything();
    const el = await renderInProvider<DmUnreadIndicator>(
      html`<dm-unread-indicator></dm-unread-indicator>`,
    );
    await liveOpen(el);
    await aTimeout(200);
    expect(bubble(el)).to.be.null;

    const message = db.clientWrites(MOCK_CLIENTS.dana, 'Are you free tonight?');
    await waitFor(() => bubble(el), 4000, 'bubble after a client wrote');
    expect(textOf(status(el))).to.equal(en.unreadClients(1, num));

    await el.store!.markRead(MOCK_CLIENTS.dana, message.id);
    await waitFor(() => !bubble(el), 4000, 'bubble gone after reading');
    expect(textOf(status(el))).to.equal(en.noUnread);
    // And it stays gone once the server's count has been fetched again.
    await aTimeout(600);
    expect(bubble(el)).to.be.null;
  });

  it('follows reads done elsewhere (another tab)', async () => {
    readEverything();
    db.setUnread(MOCK_CLIENTS.dana, true);
    const el = await renderInProvider<DmUnreadIndicator>(
      html`<dm-unread-indicator></dm-unread-indicator>`,
    );
    await waitFor(() => bubble(el), 4000, 'bubble');
    await liveOpen(el);
    db.setUnread(MOCK_CLIENTS.dana, false);
    await waitFor(() => !bubble(el), 4000, 'bubble gone');
  });
});
