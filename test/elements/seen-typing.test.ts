// Contract 1.1 in the elements: "Seen" under the newest advisor message the client has read, the
// client typing (card and list row), and the composer's typing reports, against the contract mock.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MessageItem } from '../../src/core/types.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmComposer } from '../../src/elements/composer/dm-composer.js';
import type { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import '../../src/index.js';
import { formatDateTime, formatTime, isSameDay } from '../../src/i18n/format.js';
import { ar } from '../../src/i18n/ar.js';
import { es } from '../../src/i18n/es.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';

/** When the client read, as "Seen at …" says it: the time today, the date and time before today. */
const readTime = (iso: string, locale: string) =>
  isSameDay(iso, new Date().toISOString()) ? formatTime(iso, locale) : formatDateTime(iso, locale);
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

beforeEach(() => db.reset());
afterEach(() => db.dropConnections());

async function renderFeed(clientId: string): Promise<DmCommunicationsFeed> {
  const el = await renderInProvider<DmCommunicationsFeed>(
    html`<dm-communications-feed client-id=${clientId} style="display:block;height:600px;width:700px"></dm-communications-feed>`,
  );
  await waitFor(() => parts(el, 'message').length > 0, 4000, 'feed rows');
  await liveOpen(el);
  return el;
}

/** The message row that shows "Seen", its bubble's text, and how many "Seen" there are. */
function seenRow(el: DmCommunicationsFeed) {
  const all = parts(el, 'seen');
  const row = all[0]?.closest('[part~="item"]') ?? null;
  return {
    count: all.length,
    row,
    body: textOf(row?.querySelector('[part~="bubble"]')),
    seen: all[0] ?? null,
  };
}

const advisorMessages = (clientId: string) =>
  db
    .feedItems(clientId)
    .filter((i): i is MessageItem => i.kind === 'message' && i.sender === 'advisor');

describe('Seen', () => {
  it('shows once, under the newest advisor message the client has read, the time in its name', async () => {
    const el = await renderFeed(MOCK_CLIENTS.fiveInARow);
    const readAt = db.clientReadAt(MOCK_CLIENTS.fiveInARow)!;
    const read = advisorMessages(MOCK_CLIENTS.fiveInARow)
      .filter((m) => Date.parse(m.at) <= Date.parse(readAt))
      .at(-1)!;
    await waitFor(() => seenRow(el).count === 1, 4000, 'Seen');
    const s = seenRow(el);
    expect(s.row?.getAttribute('part')).to.contain('message-advisor');
    expect(s.body).to.equal(read.body.replace(/\s+/g, ' ').trim());
    // It is the first of the five unanswered: four advisor messages follow it, unseen.
    const rows = parts(el, 'message');
    expect(rows.length - rows.indexOf(s.row as HTMLElement)).to.equal(5);
    expect(textOf(s.seen)).to.equal('Seen');
    expect(s.seen!.getAttribute('aria-label')).to.equal(`Seen at ${readTime(readAt, 'en')}`);
  });

  it('moves live when the client reads, and stays on a message already read', async () => {
    const el = await renderFeed(MOCK_CLIENTS.fiveInARow);
    await waitFor(() => seenRow(el).count === 1, 4000, 'Seen');
    const last = advisorMessages(MOCK_CLIENTS.fiveInARow).at(-1)!;
    db.clientReads(MOCK_CLIENTS.fiveInARow);
    await waitFor(
      () => seenRow(el).row === parts(el, 'message').at(-1),
      4000,
      'Seen on the newest',
    );
    expect(seenRow(el).count).to.equal(1);
    expect(seenRow(el).body).to.equal(last.body.replace(/\s+/g, ' ').trim());
  });

  it('a read time in the future counts as now: a message written after it is not seen', async () => {
    const wrap = await renderInProvider<HTMLElement>(
      html`<div style="width:1000px;height:640px"><dm-communications client=${MOCK_CLIENTS.oneLeft}></dm-communications></div>`,
    );
    const tab = wrap.querySelector('dm-communications')!;
    const feed = tab.shadowRoot!.querySelector('dm-communications-feed')!;
    const composer = tab.shadowRoot!.querySelector('dm-composer')!;
    await waitFor(
      () =>
        parts(feed, 'message').length > 0 &&
        !part<HTMLTextAreaElement>(composer, 'input')!.disabled,
      4000,
      'card',
    );
    await liveOpen(tab);
    db.clientReads(MOCK_CLIENTS.oneLeft, Date.now() + 3600e3);
    await waitFor(
      () => seenRow(feed).row === parts(feed, 'message').at(-1),
      4000,
      'Seen on the newest',
    );
    await new Promise((r) => setTimeout(r, 30)); // the next message is stamped after the read time
    part<HTMLTextAreaElement>(composer, 'input')!.focus();
    await sendKeys({ type: 'Written after the read' });
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () =>
        db.storedMessages(MOCK_CLIENTS.oneLeft).length === 1 &&
        textOf(parts(feed, 'bubble').at(-1)) === 'Written after the read' &&
        !textOf(parts(feed, 'message').at(-1)).includes('Sending'),
      4000,
      'sent',
    );
    await new Promise((r) => setTimeout(r, 100));
    const s = seenRow(feed);
    expect(s.count).to.equal(1);
    expect(s.row).to.equal(parts(feed, 'message').at(-2));
  });

  it('is not shown while the client never read, then only under the advisor’s message, not the client’s', async () => {
    const wrap = await renderInProvider<HTMLElement>(
      html`<div style="width:1000px;height:640px"><dm-communications client=${MOCK_CLIENTS.noHistory}></dm-communications></div>`,
    );
    const tab = wrap.querySelector('dm-communications')!;
    const feed = tab.shadowRoot!.querySelector('dm-communications-feed')!;
    const composer = tab.shadowRoot!.querySelector('dm-composer')!;
    await waitFor(
      () => part(feed, 'empty') && !part<HTMLTextAreaElement>(composer, 'input')!.disabled,
      4000,
      'empty card',
    );
    await liveOpen(tab);
    part<HTMLTextAreaElement>(composer, 'input')!.focus();
    await sendKeys({ type: 'Hello, welcome' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => db.storedMessages(MOCK_CLIENTS.noHistory).length === 1, 4000, 'sent');
    db.clientWrites(MOCK_CLIENTS.noHistory, 'Thanks!');
    await waitFor(() => textOf(parts(feed, 'bubble').at(-1)) === 'Thanks!', 4000, 'the reply');
    expect(seenRow(feed).count).to.equal(0);
    db.clientReads(MOCK_CLIENTS.noHistory);
    await waitFor(() => seenRow(feed).count === 1, 4000, 'Seen');
    expect(seenRow(feed).body).to.equal('Hello, welcome');
    expect(parts(feed, 'message-client')[0]!.querySelector('[part~="seen"]')).to.equal(null);
  });
});

describe('The client typing', () => {
  async function renderTab(clientId = MOCK_CLIENTS.dana) {
    const wrap = await renderInProvider<HTMLElement>(
      html`<div style="width:1000px;height:640px"><dm-communications client=${clientId}></dm-communications></div>`,
    );
    const tab = wrap.querySelector('dm-communications') as DmCommunications;
    await waitFor(
      () => parts(feedOf(tab), 'message').length > 0 && parts(listOf(tab), 'client').length > 0,
      4000,
      'tab',
    );
    await liveOpen(tab);
    return tab;
  }
  const feedOf = (tab: DmCommunications) =>
    tab.shadowRoot!.querySelector('dm-communications-feed')!;
  const listOf = (tab: DmCommunications) => tab.shadowRoot!.querySelector('dm-client-list')!;
  const rowOf = (tab: DmCommunications, clientId: string) =>
    listOf(tab).shadowRoot!.querySelector<HTMLElement>(`[data-vkey="${clientId}"]`)!;

  it('shows "Dana is typing…" in the card and "typing…" in her row, announced politely once, until her message arrives', async () => {
    const tab = await renderTab();
    const name = db.client(MOCK_CLIENTS.dana)!.displayName;
    const region = feedOf(tab).shadowRoot!.querySelector(
      '[aria-live="polite"]:has(> [part~="typing"]), .typing-region',
    )!;
    const mutations: MutationRecord[] = [];
    db.clientTypes(MOCK_CLIENTS.dana);
    await waitFor(() => part(feedOf(tab), 'typing'), 4000, 'typing in the card');
    const line = part(feedOf(tab), 'typing')!;
    expect(textOf(line)).to.equal(`${name} is typing…`);
    expect(line.closest('[aria-live]')?.getAttribute('aria-live')).to.equal('polite');
    expect(region.contains(line)).to.equal(true);
    const row = rowOf(tab, MOCK_CLIENTS.dana);
    await waitFor(() => row.querySelector('[part~="typing"]'), 4000, 'typing in the row');
    expect(textOf(row.querySelector('[part~="typing"]'))).to.equal('typing…');
    expect(row.querySelector('[part~="preview"]')).to.equal(null);
    // The tab re-exports both parts.
    expect(feedOf(tab).getAttribute('exportparts')).to.match(/\btyping\b/);
    expect(listOf(tab).getAttribute('exportparts')).to.match(/\btyping\b/);

    // A renewal changes nothing in the live region: nothing is announced again.
    const observer = new MutationObserver((m) => mutations.push(...m));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    db.clientTypes(MOCK_CLIENTS.dana);
    db.clientTypes(MOCK_CLIENTS.dana);
    await new Promise((r) => setTimeout(r, 300));
    expect(mutations.length, 'mutations on renewal').to.equal(0);
    expect(part(feedOf(tab), 'typing')).to.equal(line);
    observer.disconnect();

    db.clientWrites(MOCK_CLIENTS.dana, 'Here is my question');
    await waitFor(() => !part(feedOf(tab), 'typing'), 4000, 'typing gone from the card');
    await waitFor(() => !row.querySelector('[part~="typing"]'), 4000, 'typing gone from the row');
    expect(textOf(row.querySelector('[part~="preview"]'))).to.equal('Here is my question');
  });

  it('ends when until passes; the newest message stays in full view above the line meanwhile', async () => {
    const tab = await renderTab();
    db.clientTypes(MOCK_CLIENTS.dana, 600);
    await waitFor(() => part(feedOf(tab), 'typing'), 4000, 'typing');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const scroller = part(feedOf(tab), 'scroller')!.getBoundingClientRect();
    const newest = parts(feedOf(tab), 'item').at(-1)!.getBoundingClientRect();
    expect(newest.bottom).to.be.at.most(scroller.bottom + 1);
    expect(part(feedOf(tab), 'typing')!.getBoundingClientRect().top).to.be.at.least(
      scroller.bottom - 1,
    );
    await waitFor(
      () =>
        !part(feedOf(tab), 'typing') &&
        !rowOf(tab, MOCK_CLIENTS.dana).querySelector('[part~="typing"]'),
      4000,
      'typing to end',
    );
  });

  it('shows only on the typing client: another client typing marks only their row', async () => {
    const tab = await renderTab();
    const other = db.clients().find((c) => c.id !== MOCK_CLIENTS.dana && rowOf(tab, c.id))!;
    db.clientTypes(other.id);
    await waitFor(
      () => rowOf(tab, other.id).querySelector('[part~="typing"]'),
      4000,
      'typing in the other row',
    );
    expect(part(feedOf(tab), 'typing')).to.equal(null);
    expect(rowOf(tab, MOCK_CLIENTS.dana).querySelector('[part~="typing"]')).to.equal(null);
  });

  it('ignores typing for an unknown client, an until in the past or not a date', async () => {
    const tab = await renderTab();
    db.emitRaw('typing', {
      clientId: 'c-nobody',
      until: new Date(Date.now() + 60e3).toISOString(),
    });
    db.emitRaw('typing', {
      clientId: MOCK_CLIENTS.dana,
      until: new Date(Date.now() - 1000).toISOString(),
    });
    db.emitRaw('typing', { clientId: MOCK_CLIENTS.dana, until: 'in a moment' });
    db.clientWrites(MOCK_CLIENTS.dana, 'after the bad typing events');
    await waitFor(
      () => textOf(parts(feedOf(tab), 'bubble').at(-1)) === 'after the bad typing events',
      4000,
      'the later event',
    );
    expect(part(feedOf(tab), 'typing')).to.equal(null);
    expect(listOf(tab).shadowRoot!.querySelector('[part~="typing"]')).to.equal(null);
    expect(part(feedOf(tab), 'error')).to.equal(null);
  });
});

describe('Seen and typing in Spanish and Arabic', () => {
  for (const [locale, table, typing] of [
    ['es', es, 'escribiendo…'],
    ['ar', ar, 'يكتب…'],
  ] as const) {
    it(`uses the ${locale} table`, async () => {
      const wrap = await renderInProvider<HTMLElement>(
        html`<div style="width:1000px;height:640px"><dm-communications client=${MOCK_CLIENTS.fiveInARow}></dm-communications></div>`,
      );
      const provider = providerOf(wrap);
      provider.locale = locale;
      provider.strings = table;
      const tab = wrap.querySelector('dm-communications')!;
      const feed = tab.shadowRoot!.querySelector('dm-communications-feed')!;
      const list = tab.shadowRoot!.querySelector('dm-client-list')!;
      await waitFor(() => parts(feed, 'seen').length === 1, 4000, 'Seen');
      await liveOpen(tab);
      const readAt = db.clientReadAt(MOCK_CLIENTS.fiveInARow)!;
      expect(textOf(part(feed, 'seen'))).to.equal(table.seen);
      expect(part(feed, 'seen')!.getAttribute('aria-label')).to.equal(
        table.seenAt(readTime(readAt, locale)),
      );
      db.clientTypes(MOCK_CLIENTS.fiveInARow);
      const name = db.client(MOCK_CLIENTS.fiveInARow)!.displayName;
      await waitFor(() => part(feed, 'typing'), 4000, 'typing');
      expect(textOf(part(feed, 'typing'))).to.equal(table.typing(name));
      await waitFor(() => list.shadowRoot!.querySelector('[part~="typing"]'), 4000, 'typing row');
      expect(textOf(list.shadowRoot!.querySelector('[part~="typing"]'))).to.equal(typing);
    });
  }
});

describe('The composer reports the advisor typing', () => {
  async function renderComposer(clientId: string) {
    const el = await renderInProvider<DmComposer>(
      html`<dm-composer client-id=${clientId}></dm-composer>`,
    );
    await waitFor(() => el.store?.eligibility(clientId).status === 'ready', 4000, 'eligibility');
    let now = 1_000_000;
    el.typingClock = () => now;
    return { el, tick: (ms: number) => (now += ms) };
  }
  const reports = (clientId: string) => db.typingLog.filter((t) => t.clientId === clientId).length;
  async function type(el: DmComposer, text: string) {
    el.focus();
    await sendKeys({ type: text });
    await el.updateComplete;
  }

  it('at most once every 3 s while typing, never for an empty box, not after a send', async () => {
    const { el, tick } = await renderComposer(MOCK_CLIENTS.dana);
    await type(el, 'Hel');
    await waitFor(() => reports(MOCK_CLIENTS.dana) === 1, 4000, 'first report');
    tick(1000);
    await type(el, 'lo');
    tick(1900);
    await type(el, ' there');
    await new Promise((r) => setTimeout(r, 150));
    expect(reports(MOCK_CLIENTS.dana)).to.equal(1);
    tick(100);
    await type(el, '!');
    await waitFor(() => reports(MOCK_CLIENTS.dana) === 2, 4000, 'second report at 3 s');

    // Emptying the box by hand is no typing.
    tick(5000);
    el.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '   ' });
    await new Promise((r) => setTimeout(r, 150));
    expect(reports(MOCK_CLIENTS.dana)).to.equal(2);

    // A send reports nothing, even when the throttle would allow one.
    await type(el, 'Final words');
    await waitFor(() => reports(MOCK_CLIENTS.dana) === 3, 4000, 'third report');
    tick(10_000);
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => db.storedMessages(MOCK_CLIENTS.dana).some((m) => m.body.trim() === 'Final words'),
      4000,
      'sent',
    );
    tick(10_000);
    await new Promise((r) => setTimeout(r, 150));
    expect(reports(MOCK_CLIENTS.dana)).to.equal(3);
    expect(part<HTMLTextAreaElement>(el, 'input')!.value).to.equal('');
  });

  it('reports to each client on its own clock: switching clients reports to the new one at once', async () => {
    const { el, tick } = await renderComposer(MOCK_CLIENTS.dana);
    await type(el, 'a');
    await waitFor(() => reports(MOCK_CLIENTS.dana) === 1, 4000, 'dana');
    el.clientId = MOCK_CLIENTS.oneLeft;
    await waitFor(
      () => el.store?.eligibility(MOCK_CLIENTS.oneLeft).status === 'ready',
      4000,
      'eligibility',
    );
    tick(500);
    await type(el, 'b');
    await waitFor(() => reports(MOCK_CLIENTS.oneLeft) === 1, 4000, 'the other client');
    expect(reports(MOCK_CLIENTS.dana)).to.equal(1);
  });
});
