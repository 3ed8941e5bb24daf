import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/client-list/dm-client-list.js';
import '../../src/elements/communications-feed/dm-communications-feed.js';
import type { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import type { DmClientList } from '../../src/elements/client-list/dm-client-list.js';
import { en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS, MockDb, createHandlers, startMockWorker } from '../../src/mocks/index.js';
import type { ClientPage } from '../../src/core/types.js';
import { liveOpen, part, parts, renderInProvider, textOf, waitFor } from '../helpers/render.js';

/**
 * One MSW worker for the file, serving three databases at three base URLs: the default seed at
 * `/api/dm`, 3,000 clients at `/api/dm-big` and no clients at all at `/api/dm-empty`.
 */
let mocks: Promise<{ db: MockDb; big: MockDb; empty: MockDb }> | undefined;
function startMocks() {
  mocks ??= (async () => {
    const db = new MockDb();
    const big = new MockDb({ clientCount: 3000, avatarBase: '/api/dm-big/__avatars' });
    const empty = new MockDb({ scenario: 'empty', avatarBase: '/api/dm-empty/__avatars' });
    const { worker } = await startMockWorker({ db });
    worker.use(
      ...createHandlers(big, { baseUrl: '/api/dm-big' }),
      ...createHandlers(empty, { baseUrl: '/api/dm-empty' }),
    );
    return { db, big, empty };
  })();
  return mocks;
}

const render = (baseUrl = '/api/dm') =>
  renderInProvider<DmClientList>(html`<dm-client-list style="height: 400px"></dm-client-list>`, {
    baseUrl,
  });

const rows = (el: DmClientList) => parts(el, 'client');
const nameOf = (row: Element | null | undefined) => textOf(row?.querySelector('[part~="name"]'));
const names = (el: DmClientList) => rows(el).map(nameOf);
const rowNamed = (el: DmClientList, name: string) => rows(el).find((r) => nameOf(r) === name);
const focusedRow = (el: DmClientList) => el.shadowRoot!.activeElement as HTMLElement | null;
const loaded = async (el: DmClientList) => waitFor(() => rows(el).length > 0, 4000, 'client rows');

describe('dm-client-list', () => {
  let db: MockDb;
  let big: MockDb;
  let empty: MockDb;

  before(async () => {
    ({ db, big, empty } = await startMocks());
  });
  beforeEach(() => {
    db.reset();
    big.reset();
    empty.reset();
  });

  describe('rows and order', () => {
    it('lists clients unread first, then by most recent activity, in the server order', async () => {
      const el = await render();
      await loaded(el);
      const expected = db.clients().map((c) => c.displayName);
      const shown = names(el);
      expect(shown.length).to.be.greaterThan(4);
      expect(shown).to.deep.equal(expected.slice(0, shown.length));
      // Unread rows form one block at the top.
      const unread = rows(el).map((r) => !!r.querySelector('[part~="unread-badge"]'));
      expect(unread.indexOf(false)).to.be.greaterThan(0);
      expect(unread.slice(unread.indexOf(false))).to.not.include(true);
    });

    it('shows exactly one unread bubble for a client with 7 unread messages', async () => {
      const el = await render();
      await loaded(el);
      const row = rowNamed(el, db.client(MOCK_CLIENTS.sevenUnread)!.displayName)!;
      expect(row).to.exist;
      const badges = row.querySelectorAll('[part~="unread-badge"]');
      expect(badges.length).to.equal(1);
      expect(textOf(badges[0])).to.equal(en.unread);
      expect(getComputedStyle(row.querySelector('[part~="name"]')!).fontWeight).to.equal('700');
      // A read client has no bubble at all.
      const read = rows(el).find((r) => !r.querySelector('[part~="unread-badge"]'))!;
      expect(read).to.exist;
    });

    it('shows the avatar, the relative time in a <time> and the preview', async () => {
      const el = await render();
      await loaded(el);
      const dana = db.client(MOCK_CLIENTS.dana)!;
      const row = rowNamed(el, dana.displayName)!;
      const time = row.querySelector('time[part~="time"]')!;
      expect(time.getAttribute('datetime')).to.equal(dana.lastActivityAt);
      expect(textOf(time)).to.not.equal('');
      expect(textOf(row.querySelector('[part~="preview"]'))).to.equal(dana.lastItemPreview);
      const avatar = row.querySelector('[part~="avatar"]')!;
      const img = avatar.querySelector('img');
      if (dana.avatarUrl) {
        expect(img!.getAttribute('alt')).to.equal('');
        expect(img!.getAttribute('referrerpolicy')).to.equal('no-referrer');
      } else {
        expect(textOf(avatar)).to.match(/^\S{1,2}$/);
      }
    });

    it('falls back to initials when an avatar is unsafe or fails to load', async () => {
      db.invalidNext('clients', 1, (body) => {
        const page = body as ClientPage;
        page.clients[0]!.avatarUrl = 'javascript:alert(1)';
        page.clients[1]!.avatarUrl = '/api/dm/__nope/missing.png';
        return page;
      });
      const el = await render();
      await loaded(el);
      const [first, second] = rows(el);
      expect(first!.querySelector('img')).to.equal(null);
      expect(textOf(first!.querySelector('[part~="avatar"]'))).to.match(/^\S{1,2}$/);
      await waitFor(
        () => !second!.querySelector('img'),
        4000,
        'broken avatar replaced by initials',
      );
      expect(textOf(second!.querySelector('[part~="avatar"]'))).to.match(/^\S{1,2}$/);
    });

    it('renders a 10,000-character name and HTML-looking names and previews as text on one line', async () => {
      const longName = 'Ω'.repeat(10_000);
      const htmlName = '<img src=x onerror="window.__dmPwned=1"><b>Bold</b>';
      db.invalidNext('clients', 1, (body) => {
        const page = body as ClientPage;
        page.clients[0]!.displayName = longName;
        page.clients[1]!.displayName = htmlName;
        page.clients[1]!.lastItemPreview = '<script>window.__dmPwned=1</script><i>x</i>';
        return page;
      });
      const el = await render();
      await loaded(el);
      const [first, second] = rows(el);
      const longPart = first!.querySelector<HTMLElement>('[part~="name"]')!;
      expect(longPart.textContent).to.equal(longName);
      expect(longPart.scrollWidth).to.be.greaterThan(longPart.clientWidth);
      expect(first!.getBoundingClientRect().height).to.be.lessThan(100);
      expect(first!.getBoundingClientRect().width).to.be.at.most(el.getBoundingClientRect().width);
      const htmlPart = second!.querySelector('[part~="name"]')!;
      expect(htmlPart.textContent).to.equal(htmlName);
      expect(htmlPart.children.length).to.equal(0);
      expect(second!.querySelector('[part~="preview"]')!.textContent).to.equal(
        '<script>window.__dmPwned=1</script><i>x</i>',
      );
      expect(el.shadowRoot!.querySelector('script, b, i, img[src="x"]')).to.equal(null);
      expect((window as unknown as { __dmPwned?: number }).__dmPwned).to.equal(undefined);
    });
  });

  describe('selection', () => {
    it('fires dm-client-select on click and marks the row client-selected', async () => {
      const el = await render();
      await loaded(el);
      const row = rowNamed(el, db.client(MOCK_CLIENTS.dana)!.displayName)!;
      setTimeout(() => row.click());
      const event = await oneEvent(el, 'dm-client-select');
      expect(event.detail).to.deep.equal({ clientId: MOCK_CLIENTS.dana });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.getAttribute('selected')).to.equal(MOCK_CLIENTS.dana);
      await el.updateComplete;
      const selected = parts(el, 'client-selected');
      expect(selected).to.have.length(1);
      expect(nameOf(selected[0])).to.equal('Dana K.');
      expect(selected[0]!.getAttribute('part')).to.equal('client client-selected');
      expect(selected[0]!.getAttribute('aria-selected')).to.equal('true');
    });

    it('selects with Enter and Space on the focused row', async () => {
      const el = await render();
      await loaded(el);
      const [, second, third] = rows(el);
      second!.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const enter = await oneEvent(el, 'dm-client-select');
      expect(enter.detail.clientId).to.equal(second!.dataset.vkey);
      await el.updateComplete;
      expect(parts(el, 'client-selected').map(nameOf)).to.deep.equal([nameOf(second)]);

      third!.focus();
      setTimeout(() => void sendKeys({ press: 'Space' }));
      const space = await oneEvent(el, 'dm-client-select');
      expect(space.detail.clientId).to.equal(third!.dataset.vkey);
      await el.updateComplete;
      expect(parts(el, 'client-selected').map(nameOf)).to.deep.equal([nameOf(third)]);
      expect(el.selected).to.equal(third!.dataset.vkey);
    });

    it('marks the client named by the selected attribute', async () => {
      const el = await renderInProvider<DmClientList>(
        html`<dm-client-list style="height: 400px" selected=${MOCK_CLIENTS.sevenUnread}></dm-client-list>`,
      );
      await loaded(el);
      await el.updateComplete;
      const selected = parts(el, 'client-selected');
      expect(selected.map(nameOf)).to.deep.equal([
        db.client(MOCK_CLIENTS.sevenUnread)!.displayName,
      ]);
      // The selected row is the list's one tab stop.
      expect(rows(el).filter((r) => r.tabIndex === 0)).to.deep.equal(selected);
    });
  });

  describe('search', () => {
    /**
     * Keystrokes as a quick typist makes them: one input event per character, faster than the
     * debounce. (Real key presses through the test runner can be 300 ms apart on a busy machine,
     * which is a pause in typing: a search for "d" then "dan".)
     */
    const typeQuickly = (input: HTMLInputElement, text: string) => {
      for (const ch of text) {
        input.value += ch;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: ch }));
      }
    };

    it('filters by name on the server after a pause in typing', async () => {
      const el = await render();
      await loaded(el);
      const search = part<HTMLInputElement>(el, 'search')!;
      expect(search.type).to.equal('search');
      search.focus();
      typeQuickly(search, 'dan');
      const expected = db.clients('dan').map((c) => c.displayName);
      expect(expected.length).to.be.greaterThan(0);
      await waitFor(
        () =>
          JSON.stringify(names(el)) === JSON.stringify(expected.slice(0, names(el).length)) &&
          names(el).length > 0,
      );
      for (const name of names(el)) expect(name.toLowerCase()).to.contain('dan');
      const searches = db.requestLog.filter(
        (r) => r.route === 'clients' && r.search.includes('q='),
      );
      // Debounced: one request for the three keystrokes.
      expect(
        searches.map((r) => new URL(r.path + r.search, location.origin).searchParams.get('q')),
      ).to.deep.equal(['dan']);
    });

    it('says when nothing matches', async () => {
      const el = await render();
      await loaded(el);
      part<HTMLInputElement>(el, 'search')!.focus();
      typeQuickly(part<HTMLInputElement>(el, 'search')!, 'zzzqqq');
      await waitFor(() => part(el, 'empty'));
      expect(textOf(part(el, 'empty'))).to.equal(en.noMatches('zzzqqq'));
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('shows loading, then the list; accessible in both', async () => {
      db.setLatency(400, 'clients');
      const el = await render();
      expect(textOf(part(el, 'loading'))).to.equal(en.loadingClients);
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(part(el, 'loading')).to.equal(null);
      rows(el)[0]!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('shows the empty state when the advisor has no clients', async () => {
      const el = await render('/api/dm-empty');
      await waitFor(() => part(el, 'empty'));
      expect(textOf(part(el, 'empty'))).to.equal(en.noClients);
      expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('goes on past an empty first page that has a next cursor, never saying "no clients"', async () => {
      // The contract: a page may hold fewer clients than asked for; only a null cursor means no more.
      big.invalidNext('clients', 1, (body) => ({ ...(body as object), clients: [] }));
      const el = await render('/api/dm-big');
      let sawEmpty = false;
      await waitFor(
        () => ((sawEmpty ||= !!part(el, 'empty')), rows(el).length > 0),
        4000,
        'client rows',
      );
      expect(sawEmpty, 'said "no clients" on the way').to.equal(false);
      const requests = big.requestLog
        .filter((r) => r.path.endsWith('/clients'))
        .map((r) => r.search);
      expect(requests.length, requests.join(' ')).to.be.at.least(2);
      expect(requests[1]).to.contain('cursor=');
    });

    it('loads again when the host calls store.start() after signing the advisor in again (401)', async () => {
      db.failNext('clients', 1, 401);
      db.failNext('events', 1, 401);
      const el = await render();
      await waitFor(() => part(el, 'error'), 4000, 'the error of the 401');
      await waitFor(() => el.store!.liveStatus === 'closed', 4000, 'the stream closed by the 401');
      el.store!.start();
      await loaded(el);
      expect(!!part(el, 'error'), 'error still shown').to.equal(false);
      await waitFor(() => el.store!.liveStatus === 'open', 4000, 'the stream open again');
    });

    it('loads again by itself when the server said when (503 with Retry-After)', async () => {
      db.failNext('clients', 1, 503, { retryAfterSeconds: 1 });
      const el = await render();
      await waitFor(() => part(el, 'error'), 4000, 'error state');
      await loaded(el);
      expect(part(el, 'error')).to.equal(null);
    });

    it('shows an error with a Retry that reloads the list', async () => {
      db.failNext('clients', 1, 500);
      const el = await render();
      await waitFor(() => part(el, 'error'));
      const error = part(el, 'error')!;
      expect(textOf(error)).to.contain(en.clientsError);
      await expect(el).to.be.accessible();
      const retry = error.querySelector('button')!;
      expect(textOf(retry)).to.equal(en.retry);
      retry.click();
      await loaded(el);
      expect(part(el, 'error')).to.equal(null);
      expect(names(el)[0]).to.equal(db.clients()[0]!.displayName);
    });
  });

  describe('virtualization and paging', () => {
    it('keeps the DOM bounded and loads further pages when scrolled to the end', async () => {
      const el = await render('/api/dm-big');
      await loaded(el);
      expect(rows(el).length).to.be.lessThan(40);
      expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('-1');
      const scroller = part(el, 'scroller')!;
      const expected = big.clients().map((c) => c.displayName);
      const lastPos = () =>
        Math.max(...rows(el).map((r) => Number(r.getAttribute('aria-posinset'))));
      const pageRequests = () =>
        big.requestLog.filter((r) => r.route === 'clients' && r.search.includes('cursor=')).length;
      for (let page = 1; page <= 3; page++) {
        scroller.scrollTop = scroller.scrollHeight;
        await waitFor(
          () => pageRequests() >= page && !part(el, 'loading-more'),
          4000,
          `page ${page + 1}`,
        );
        expect(rows(el).length).to.be.lessThan(60);
      }
      scroller.scrollTop = scroller.scrollHeight;
      await waitFor(() => lastPos() >= 200, 4000, 'rows of the fourth page');
      expect(rows(el).length).to.be.lessThan(60);
      // Their end is near, so the fifth page is asked for: let it land in this test, not in the
      // next one's request log.
      await waitFor(() => pageRequests() >= 4 && !part(el, 'loading-more'), 4000, 'page 5');
      // The rendered rows are a contiguous run of the server's order.
      const first = Number(rows(el)[0]!.getAttribute('aria-posinset'));
      expect(names(el)).to.deep.equal(expected.slice(first - 1, first - 1 + rows(el).length));
    });

    it('scrolls inside the height the host gives it, also when the host page makes it display:block', async () => {
      const el = await renderInProvider<DmClientList>(
        html`<dm-client-list style="display:block;height:300px"></dm-client-list>`,
        { baseUrl: '/api/dm-big' },
      );
      await loaded(el);
      await el.updateComplete;
      expect(el.getBoundingClientRect().height).to.be.closeTo(300, 1);
      const s = part(el, 'scroller')!;
      expect(
        s.getBoundingClientRect().bottom,
        'the scroller ends inside the element',
      ).to.be.at.most(el.getBoundingClientRect().bottom + 1);
      expect(rows(el).length, 'rows rendered').to.be.lessThan(40);
      expect(
        big.requestLog.filter((r) => r.path.endsWith('/clients')).length,
        'pages asked for',
      ).to.equal(1);
    });

    it('End moves focus to the last loaded client though it was not rendered', async () => {
      const el = await render('/api/dm-big');
      await loaded(el);
      const last = big.clients()[49]!.displayName;
      expect(rowNamed(el, last)).to.equal(undefined);
      rows(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      await waitFor(() => nameOf(focusedRow(el)) === last, 4000, 'focus on the last loaded client');
      expect(focusedRow(el)!.getAttribute('aria-posinset')).to.equal('50');
      // The focused row is in view.
      const scroller = part(el, 'scroller')!.getBoundingClientRect();
      const row = focusedRow(el)!.getBoundingClientRect();
      expect(row.top).to.be.at.least(scroller.top - 1);
      expect(row.bottom).to.be.at.most(scroller.bottom + 1);

      await sendKeys({ press: 'Home' });
      await waitFor(
        () => nameOf(focusedRow(el)) === big.clients()[0]!.displayName,
        4000,
        'focus on the first client',
      );
      await sendKeys({ press: 'ArrowDown' });
      await waitFor(
        () => nameOf(focusedRow(el)) === big.clients()[1]!.displayName,
        4000,
        'focus on the second client',
      );
      await sendKeys({ press: 'PageDown' });
      await waitFor(
        () => Number(focusedRow(el)?.getAttribute('aria-posinset')) > 4,
        4000,
        'a page down',
      );
      await sendKeys({ press: 'ArrowUp' });
      const pos = Number(focusedRow(el)!.getAttribute('aria-posinset'));
      await waitFor(
        () => Number(focusedRow(el)?.getAttribute('aria-posinset')) === pos,
        4000,
        'one row up',
      );
      // One tab stop at all times.
      expect(rows(el).filter((r) => r.tabIndex === 0)).to.deep.equal([focusedRow(el)]);
    });

    it('has listbox semantics with set size and positions', async () => {
      const el = await render();
      await loaded(el);
      const listbox = el.shadowRoot!.querySelector('[role="listbox"]')!;
      expect(listbox.getAttribute('aria-label')).to.equal(en.clientsLabel);
      const all = rows(el);
      expect(all.every((r) => r.getAttribute('role') === 'option')).to.equal(true);
      expect(all.map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(
        all.map((_, i) => String(i + 1)),
      );
      expect(all[0]!.getAttribute('aria-setsize')).to.equal('-1');
      expect(all.filter((r) => r.tabIndex === 0)).to.deep.equal([all[0]]);
      await expect(el).to.be.accessible();
    });
  });

  describe('live updates', () => {
    it('moves a client who writes to the top with a bubble', async () => {
      const el = await render();
      await loaded(el);
      await liveOpen(el);
      const visible = rows(el);
      const quiet = visible.find(
        (r) => !r.querySelector('[part~="unread-badge"]') && visible.indexOf(r) > 3,
      )!;
      const name = nameOf(quiet);
      db.clientWrites(quiet.dataset.vkey!, 'Are you there?');
      await waitFor(() => names(el)[0] === name, 4000, 'the writer on top');
      const top = rows(el)[0]!;
      expect(top.querySelectorAll('[part~="unread-badge"]').length).to.equal(1);
      expect(textOf(top.querySelector('[part~="preview"]'))).to.equal('Are you there?');
      expect(names(el).filter((n) => n === name)).to.have.length(1);
    });

    it('moves a client who orders above the other read clients, without a bubble; a change to that order moves nothing', async () => {
      const el = await render();
      await loaded(el);
      await liveOpen(el);
      const visible = rows(el);
      const quiet = visible.filter((r) => !r.querySelector('[part~="unread-badge"]')).at(-1)!;
      const id = quiet.dataset.vkey!;
      const name = nameOf(quiet);
      const firstRead = () => rows(el).find((r) => !r.querySelector('[part~="unread-badge"]'));
      expect(nameOf(firstRead()), 'not already the most recent read client').not.to.equal(name);
      const order = db.clientOrders(id, 'rush_reading');
      await waitFor(
        () => nameOf(firstRead()) === name,
        4000,
        'the client who ordered first among read clients',
      );
      const before = names(el).join('|');
      db.setOrderStatus(order.id, 'in_progress');
      await aTimeout(600);
      expect(
        !!rowNamed(el, name)!.querySelector('[part~="unread-badge"]'),
        'an order is not an unread message',
      ).to.equal(false);
      expect(names(el).join('|'), 'the list order').to.equal(before);
    });

    it("takes an order as new when the server's client event came first (a notice, the client moves up)", async () => {
      const el = await render();
      await loaded(el);
      await liveOpen(el);
      const quiet = rows(el)
        .filter((r) => !r.querySelector('[part~="unread-badge"]'))
        .at(-1)!;
      const id = quiet.dataset.vkey!;
      const at = new Date(Date.now() + 5000);
      const summary = db.client(id)!;
      // The client event of the new order, a little later than the order's own time, then the order.
      db.emitRaw('client', {
        client: {
          ...summary,
          lastActivityAt: new Date(at.getTime() + 1).toISOString(),
          lastItemPreview: 'New reading',
        },
      });
      db.emitRaw('feed-item', {
        item: {
          kind: 'order',
          id: 'o-first-' + id,
          clientId: id,
          at: at.toISOString(),
          orderType: 'rush_reading',
          status: 'pending',
          title: 'New reading',
          price: { amountMinor: 2500, currency: 'USD' },
          durationMinutes: null,
        },
      });
      await waitFor(
        () => el.store!.notices.some((n) => n.clientId === id),
        4000,
        'a notice for the new order',
      );
    });

    it('keeps a client who writes while the list page is on its way at the top, with a bubble', async () => {
      const first = await render();
      await loaded(first);
      await liveOpen(first);
      const quiet = rows(first)
        .filter((r) => !r.querySelector('[part~="unread-badge"]'))
        .at(-1)!;
      const id = quiet.dataset.vkey!;
      const name = nameOf(quiet);
      db.setReplyDelay(800, 'clients');
      void first.store!.loadClients('', true);
      await new Promise((r) => setTimeout(r, 200));
      db.clientWrites(id, 'Written while the list was on its way');
      await waitFor(() => first.store!.clientList.status === 'ready', 4000, 'the page');
      await new Promise((r) => setTimeout(r, 100));
      expect(names(first)[0], 'the writer on top').to.equal(name);
      expect(!!rows(first)[0]!.querySelector('[part~="unread-badge"]'), 'with a bubble').to.equal(
        true,
      );
    });

    it('shows a client who writes at the top, on screen, when the list is at its top with a client selected', async () => {
      const first = db.clients()[1]!;
      const el = await renderInProvider<DmClientList>(
        html`<dm-client-list style="height: 400px" selected=${first.id}></dm-client-list>`,
      );
      await loaded(el);
      await liveOpen(el);
      await waitFor(() => part(el, 'client-selected'), 4000, 'selected row');
      const scroller = part(el, 'scroller')!;
      expect(scroller.scrollTop).to.equal(0);
      const quiet = db
        .clients()
        .filter((c) => !c.hasUnread)
        .at(-1)!;
      db.clientWrites(quiet.id, 'Hello from the bottom of the list');
      await waitFor(() => names(el)[0] === quiet.displayName, 4000, 'the writer on top');
      await el.updateComplete;
      const top = rows(el)[0]!.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      expect(top.top, 'the new first row is inside the list box').to.be.at.least(box.top - 1);
      expect(scroller.scrollTop).to.equal(0);
    });

    it('keeps a scroll the browser has not reported yet when a row takes focus (a click scrolls its row into view first)', async () => {
      const first = db.clients()[0]!;
      const el = await renderInProvider<DmClientList>(
        html`<dm-client-list style="height: 300px" selected=${first.id}></dm-client-list>`,
      );
      await loaded(el);
      await waitFor(() => part(el, 'client-selected'), 4000, 'selected row');
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const s = part(el, 'scroller')!;
      const target = rows(el)[6]!;
      target.scrollIntoView({ block: 'nearest' });
      const top = s.scrollTop;
      expect(top, 'scrolled').to.be.greaterThan(0);
      target.focus(); // before the scroll event reaches the list
      await el.updateComplete;
      expect(s.scrollTop, 'scrollTop after the update').to.be.closeTo(top, 1);
      setTimeout(() => target.click());
      const ev = await oneEvent(el, 'dm-client-select');
      expect(ev.detail.clientId).to.equal(target.dataset.vkey);
    });

    it('keeps focus on the same client when the list re-orders', async () => {
      const el = await render();
      await loaded(el);
      await liveOpen(el);
      const target = rows(el)[6]!;
      const name = nameOf(target);
      target.focus();
      db.clientWrites(target.dataset.vkey!);
      await waitFor(() => names(el)[0] === name, 4000, 'the writer on top');
      await waitFor(() => nameOf(focusedRow(el)) === name, 4000, 'focus kept on the writer');
      expect(focusedRow(el)!.getAttribute('aria-posinset')).to.equal('1');
    });
  });

  describe('the open client', () => {
    it('keeps the row just opened (and read) in its place while it is open; it takes its sorted place once another client opens', async () => {
      // A host page: the list beside the card, the card opens the client picked.
      const page = await renderInProvider<HTMLElement>(
        html`<div style="display:flex;height:420px">
          <dm-client-list style="height:420px;width:320px"></dm-client-list>
          <dm-communications-feed style="height:420px;width:400px"></dm-communications-feed>
        </div>`,
      );
      const el = page.querySelector('dm-client-list')!;
      const card = page.querySelector<DmCommunicationsFeed>('dm-communications-feed')!;
      el.addEventListener('dm-client-select', (e) => (card.clientId = e.detail.clientId));
      await loaded(el);
      const hasBubble = (r: Element | undefined) => !!r?.querySelector('[part~="unread-badge"]');
      const unread = rows(el).filter(hasBubble);
      expect(unread.length, 'unread clients to pick among').to.be.at.least(3);
      const row = unread[0]!;
      const id = row.dataset.vkey!;
      const index = rows(el).indexOf(row);
      const y = row.getBoundingClientRect().top;
      row.click();
      const rowOf = (key: string) => rows(el).find((r) => r.dataset.vkey === key);
      await waitFor(() => rowOf(id) && !hasBubble(rowOf(id)), 5000, 'the client read by opening');
      await el.updateComplete;
      expect(
        el.store!.clientList.clients.findIndex((c) => c.id === id),
        'sorted, it would be below the unread',
      ).to.be.greaterThan(index);
      expect(rows(el).indexOf(rowOf(id)!), 'the same index').to.equal(index);
      expect(rowOf(id)!.getBoundingClientRect().top, 'the same y').to.be.closeTo(y, 0.5);
      expect(rowOf(id)!.getAttribute('aria-posinset')).to.equal(String(index + 1));
      // Another client opens (a read one, which stays where it is): the first takes its place.
      rows(el)
        .find((r) => !hasBubble(r) && r.dataset.vkey !== id)!
        .click();
      const sorted = () => el.store!.clientList.clients.map((c) => c.id);
      await waitFor(
        () => rows(el).findIndex((r) => r.dataset.vkey === id) === sorted().indexOf(id),
        4000,
        'the first client in its sorted place',
      );
      expect(rows(el).map((r) => r.dataset.vkey)).to.deep.equal(sorted().slice(0, rows(el).length));
    });
  });
});
