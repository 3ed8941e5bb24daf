/**
 * The Spanish and Arabic tables (dm-widgets/locales/es, dm-widgets/locales/ar): texts, Intl
 * formatting in the provider's locale, a mirrored layout for Arabic, and single-string overrides.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderItem } from '../../src/core/types.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { ar } from '../../src/i18n/ar.js';
import { es } from '../../src/i18n/es.js';
import { type DmStrings, en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  clearDmStorage,
  pageStorage,
  part,
  parts,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

interface TabOptions {
  width?: number;
  client?: string;
  locale?: string;
  strings?: Partial<DmStrings>;
  filter?: 'all' | 'orders' | 'messages';
}

async function renderTab(opts: TabOptions = {}) {
  clearDmStorage();
  const provider = await fixture<DmProvider>(html`<dm-provider
    base-url="/api/dm"
    locale=${opts.locale ?? ''}
    .strings=${opts.strings}
    .storeOptions=${{ storage: pageStorage }}
  >
    <div style="width:${opts.width ?? 1000}px;height:600px">
      <dm-communications client=${opts.client ?? MOCK_CLIENTS.dana} filter=${opts.filter ?? 'all'}></dm-communications>
    </div>
  </dm-provider>`);
  if (!opts.locale) provider.removeAttribute('locale');
  const tab = provider.querySelector('dm-communications') as DmCommunications;
  await tab.updateComplete;
  return { provider, tab };
}

const inner = <E extends Element>(tab: DmCommunications, tag: string) =>
  tab.shadowRoot!.querySelector(tag) as E;
const feedOf = (tab: DmCommunications) => inner<HTMLElement>(tab, 'dm-communications-feed');
const composerOf = (tab: DmCommunications) => inner<HTMLElement>(tab, 'dm-composer');
const listOf = (tab: DmCommunications) => inner<HTMLElement>(tab, 'dm-client-list');
const filterLabels = (tab: DmCommunications) =>
  [...(part(feedOf(tab), 'filter')?.querySelectorAll('button') ?? [])].map(textOf);
const feedLoaded = (tab: DmCommunications) =>
  waitFor(() => parts(feedOf(tab), 'item').length > 0, 6000, 'feed items');

describe('locales', () => {
  beforeEach(() => db.reset());

  it('every table is complete: the same keys as English, nothing empty', () => {
    for (const table of [es, ar]) {
      expect(Object.keys(table).sort()).to.deep.equal(Object.keys(en).sort());
      for (const [key, value] of Object.entries(table)) {
        if (typeof value === 'string') expect(value, key).to.not.equal('');
        else if (typeof value === 'object')
          expect(Object.keys(value).sort(), key).to.deep.equal(
            Object.keys(en[key as keyof DmStrings]).sort(),
          );
      }
      expect(table.send).to.not.equal(en.send);
    }
  });

  describe('Spanish (provider.strings = es; provider.locale = "es")', () => {
    it('shows the Spanish texts in the list, the feed filter and the composer', async () => {
      const { tab } = await renderTab({ locale: 'es', strings: es });
      await feedLoaded(tab);
      expect(filterLabels(tab)).to.deep.equal(['Todo', 'Pedidos', 'Mensajes']);
      await waitFor(() => part(composerOf(tab), 'send'), 4000, 'send button');
      expect(textOf(part(composerOf(tab), 'send'))).to.equal('Enviar');
      expect(part<HTMLInputElement>(listOf(tab), 'search')!.placeholder).to.equal(
        'Buscar por nombre',
      );
      expect(part(feedOf(tab), 'filter')!.getAttribute('aria-label')).to.equal('Mostrar');
      expect(getComputedStyle(part(feedOf(tab), 'filter')!).direction).to.equal('ltr');
    });

    it('formats prices and times with Intl in "es"', async () => {
      const { tab } = await renderTab({ locale: 'es', strings: es, filter: 'orders' });
      const feed = feedOf(tab);
      await waitFor(() => parts(feed, 'order').length > 0, 6000, 'order rows');
      const row = parts(feed, 'order')[0];
      const orderId =
        row.getAttribute('data-order-id') ??
        row.querySelector('[data-order-id]')?.getAttribute('data-order-id');
      const order = db
        .feedItems(MOCK_CLIENTS.dana)
        .find((i): i is OrderItem => i.kind === 'order' && i.id === orderId)!;
      expect(order, `order ${orderId}`).to.exist;
      const nf = new Intl.NumberFormat('es', { style: 'currency', currency: order.price.currency });
      const expectedPrice = nf.format(
        order.price.amountMinor / 10 ** (nf.resolvedOptions().maximumFractionDigits ?? 2),
      );
      expect(textOf(row.querySelector('.price'))).to.equal(expectedPrice.replace(/\s+/g, ' '));
      const time = row.querySelector('time')!;
      const expectedTime = new Intl.DateTimeFormat('es', {
        hour: 'numeric',
        minute: '2-digit',
      }).format(new Date(time.dateTime));
      expect(textOf(time)).to.equal(expectedTime.replace(/\s+/g, ' '));
      expect(textOf(row)).to.contain(es.orderStatuses[order.status]);
    });
  });

  describe('Arabic (right to left)', () => {
    it('locale="ar": the shadow trees are rtl and the list sits on the right of the card', async () => {
      const { tab } = await renderTab({ locale: 'ar', strings: ar, filter: 'messages' });
      await feedLoaded(tab);
      const feed = feedOf(tab);
      expect(getComputedStyle(tab.shadowRoot!.querySelector('.layout')!).direction).to.equal('rtl');
      expect(getComputedStyle(part(feed, 'filter')!).direction).to.equal('rtl');
      expect(getComputedStyle(part(listOf(tab), 'search')!).direction).to.equal('rtl');
      await waitFor(() => part(composerOf(tab), 'input'), 4000, 'composer');
      expect(getComputedStyle(part(composerOf(tab), 'input')!).direction).to.equal('rtl');
      expect(filterLabels(tab)).to.deep.equal([ar.filterAll, ar.filterOrders, ar.filterMessages]);
      expect(textOf(part(composerOf(tab), 'send'))).to.equal(ar.send);
      const list = part(tab, 'list-pane')!.getBoundingClientRect();
      const card = part(tab, 'card')!.getBoundingClientRect();
      expect(list.left, 'list column on the right').to.be.greaterThan(card.left);
    });

    it('a Latin name in the Arabic list lines up beside its avatar (right), not by the time', async () => {
      const { tab } = await renderTab({ locale: 'ar', strings: ar });
      const list = listOf(tab);
      await waitFor(() => parts(list, 'client').length > 0, 6000, 'rows');
      const latin = parts(list, 'name').find((n) => /^[A-Za-z]/.test(textOf(n)))!;
      expect(!!latin, 'a Latin name').to.equal(true);
      const range = document.createRange();
      range.selectNodeContents(latin);
      const text = range.getBoundingClientRect();
      const box = latin.getBoundingClientRect();
      expect(box.right - text.right, "px between the name and its box's right edge").to.be.lessThan(
        2,
      );
    });

    it('an advisor bubble is on the left, a client bubble on the right', async () => {
      const { tab } = await renderTab({ locale: 'ar', strings: ar, filter: 'messages' });
      const feed = feedOf(tab);
      await waitFor(
        () => parts(feed, 'message-advisor').length > 0 && parts(feed, 'message-client').length > 0,
        6000,
        'both sides',
      );
      const bubble = (p: string) =>
        parts(feed, p)[0].querySelector('.bubble')!.getBoundingClientRect();
      const advisor = bubble('message-advisor');
      const client = bubble('message-client');
      const box = feed.getBoundingClientRect();
      expect(advisor.left - box.left, 'advisor bubble hugs the left edge').to.be.lessThan(
        box.right - advisor.right,
      );
      expect(box.right - client.right, 'client bubble hugs the right edge').to.be.lessThan(
        client.left - box.left,
      );
      expect(advisor.left).to.be.lessThan(client.left);
    });

    it('on a phone the back control is on the right and its arrow is mirrored', async () => {
      const { tab } = await renderTab({ locale: 'ar', strings: ar, width: 375 });
      const back = () => part(tab, 'back');
      await waitFor(
        () => back() && back()!.getBoundingClientRect().width > 0,
        6000,
        'back control',
      );
      expect(back()!.getAttribute('aria-label')).to.equal(ar.back);
      const heading = tab
        .shadowRoot!.querySelector('[part~="card-header"] h2')!
        .getBoundingClientRect();
      expect(
        back()!.getBoundingClientRect().left,
        'back is at the start (right) of the header',
      ).to.be.greaterThan(heading.left);
      const arrow = back()!.querySelector('svg')!;
      expect(new DOMMatrixReadOnly(getComputedStyle(arrow).transform).a, 'arrow flipped').to.equal(
        -1,
      );
    });

    it('follows the page: <html lang="ar"> without a provider locale is rtl, and switching back to "en" is ltr again', async () => {
      const lang = document.documentElement.lang;
      document.documentElement.lang = 'ar';
      try {
        const { tab } = await renderTab({ strings: ar });
        await feedLoaded(tab);
        expect(getComputedStyle(part(feedOf(tab), 'filter')!).direction).to.equal('rtl');
        document.documentElement.lang = 'en';
        await waitFor(
          () => getComputedStyle(part(feedOf(tab), 'filter')!).direction === 'ltr',
          4000,
          'ltr again',
        );
      } finally {
        document.documentElement.lang = lang;
      }
    });

    it('the English layout is not mirrored (control)', async () => {
      const { tab } = await renderTab({ filter: 'messages' });
      const feed = feedOf(tab);
      await waitFor(
        () => parts(feed, 'message-advisor').length > 0 && parts(feed, 'message-client').length > 0,
        6000,
        'both sides',
      );
      const advisor = parts(feed, 'message-advisor')[0]
        .querySelector('.bubble')!
        .getBoundingClientRect();
      const client = parts(feed, 'message-client')[0]
        .querySelector('.bubble')!
        .getBoundingClientRect();
      expect(advisor.right).to.be.greaterThan(client.right);
      expect(tab.hasAttribute('dir')).to.equal(false);
    });
  });

  it('one string replaced (strings = { send: "Go" }) shows, the rest stays English', async () => {
    const { provider, tab } = await renderTab({ strings: { send: 'Go' } });
    await waitFor(() => textOf(part(composerOf(tab), 'send')) === 'Go', 6000, 'Go');
    expect(filterLabels(tab)).to.deep.equal([en.filterAll, en.filterOrders, en.filterMessages]);
    provider.strings = { ...es, send: 'Mandar' };
    provider.locale = 'es';
    await waitFor(() => textOf(part(composerOf(tab), 'send')) === 'Mandar', 4000, 'Mandar');
    expect(filterLabels(tab)).to.deep.equal(['Todo', 'Pedidos', 'Mensajes']);
  });
});

describe('the English tables', () => {
  it('give a key shared by two elements the same words (merging them into one table changes nothing)', async () => {
    const tables = await import('../../src/i18n/strings.js');
    const parts: Record<string, object> = {
      enClientList: tables.enClientList,
      enFeed: tables.enFeed,
      enComposer: tables.enComposer,
      enUnreadIndicator: tables.enUnreadIndicator,
      enNotifier: tables.enNotifier,
      enCommunications: tables.enCommunications,
    };
    const clashes: string[] = [];
    const seen = new Map<string, [string, unknown]>();
    for (const [table, strings] of Object.entries(parts)) {
      for (const [key, value] of Object.entries(strings)) {
        const first = seen.get(key);
        const same =
          first &&
          (typeof value === 'function'
            ? String(value) === String(first[1])
            : JSON.stringify(value) === JSON.stringify(first[1]));
        if (first && !same) clashes.push(`${key}: ${first[0]} vs ${table}`);
        if (!first) seen.set(key, [table, value]);
      }
    }
    expect(clashes.join('; ')).to.equal('');
  });
});
