import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/communications-feed/dm-communications-feed.js';
import '../../src/elements/communications/dm-communications.js';
import type { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import type { FeedItem } from '../../src/core/types.js';
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
const LONG = MOCK_CLIENTS.longHistory;

async function renderFeed(clientId = LONG, height = 500) {
  const wrapper = await renderInProvider<HTMLElement>(
    html`<div style="height:${height}px;width:600px;display:flex;flex-direction:column">
      <dm-communications-feed client-id=${clientId}></dm-communications-feed>
    </div>`,
  );
  const feed = wrapper.querySelector('dm-communications-feed') as DmCommunicationsFeed;
  await waitFor(() => parts(feed, 'item').length > 0, 5000, 'feed rendered');
  await frames(3);
  return feed;
}

function frames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });
}

const textIn = (i: FeedItem) => (i.kind === 'message' ? i.body : i.title);

/** A piece of text found in exactly one item of the feed, `back` items from the newest. */
function uniqueText(clientId: string, back: number): { query: string; item: FeedItem } {
  const items = db.feedItems(clientId);
  for (let i = items.length - 1 - back; i >= 0; i--) {
    const t = textIn(items[i]!);
    for (let at = 0; at + 14 <= t.length; at += 7) {
      const q = t.slice(at, at + 14);
      if (q.trim().length < 14) continue;
      if (items.filter((x) => textIn(x).toLowerCase().includes(q.toLowerCase())).length === 1)
        return { query: q, item: items[i]! };
    }
  }
  throw new Error('no unique text');
}

const box = (feed: DmCommunicationsFeed) => part<HTMLInputElement>(feed, 'conversation-search')!;
const searches = () => db.requestLog.filter((r) => r.route === 'search');
const feedRequests = () => db.requestLog.filter((r) => r.route === 'feed');

async function type(feed: DmCommunicationsFeed, text: string) {
  box(feed).focus();
  await sendKeys({ type: text });
}

/** The rendered row of an item, if it is within the scroller's visible box. */
function onScreen(feed: DmCommunicationsFeed, id: string): HTMLElement | null {
  const s = part(feed, 'scroller')!;
  const row = [...parts(feed, 'item')].find((r) => r.dataset.vkey === 'i:' + id);
  if (!row) return null;
  const a = row.getBoundingClientRect();
  const b = s.getBoundingClientRect();
  return a.bottom > b.top && a.top < b.bottom ? row : null;
}

describe('<dm-communications-feed> search and jump (contract 1.1)', () => {
  beforeEach(() => db.reset());

  it('is a combobox with a listbox of hits, newest first, the match marked as text, the count announced politely', async () => {
    const feed = await renderFeed();
    const input = box(feed);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await type(feed, 'energy');
    await waitFor(() => parts(feed, 'search-hit').length > 0, 4000, 'hits');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const list = feed.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!;
    expect(list.getAttribute('role')).to.equal('listbox');
    const hits = parts(feed, 'search-hit');
    for (const h of hits) {
      expect(h.getAttribute('role')).to.equal('option');
      expect(h.querySelector('mark')!.textContent!.toLowerCase()).to.equal('energy');
    }
    const times = hits.map((h) => Date.parse(h.querySelector('time')!.getAttribute('datetime')!));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    const status = feed.shadowRoot!.querySelector('.cs [role="status"]');
    expect(textOf(status)).to.match(/\d+\+? match/);
    expect(searches()[0]!.search).to.contain('q=energy');
  });

  it('asks nothing for fewer than 2 characters (trimmed)', async () => {
    const feed = await renderFeed();
    await type(feed, ' e ');
    await new Promise((r) => setTimeout(r, 500));
    expect(searches()).to.have.length(0);
    expect(parts(feed, 'search-hit')).to.have.length(0);
  });

  it('debounces typing: one request for a word typed quickly', async () => {
    const feed = await renderFeed();
    await type(feed, 'settling');
    await waitFor(() => parts(feed, 'search-hit').length > 0, 4000, 'hits');
    expect(searches()).to.have.length(1);
  });

  it('says so when nothing matches', async () => {
    const feed = await renderFeed();
    await type(feed, 'zzqqxx');
    await waitFor(() => part(feed, 'search-empty'), 4000, 'no hits');
    expect(textOf(part(feed, 'search-empty'))).to.contain('zzqqxx');
  });

  it('loads more hits when the list is scrolled to its end', async () => {
    const feed = await renderFeed();
    await type(feed, 'the');
    await waitFor(() => parts(feed, 'search-hit').length >= 20, 4000, 'first page');
    const first = parts(feed, 'search-hit').length;
    const list = feed.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event('scroll'));
    await waitFor(() => parts(feed, 'search-hit').length > first, 4000, 'more hits');
    expect(searches()[1]!.search).to.contain('cursor=');
  });

  it('works from the keyboard: arrows move the active hit, Enter jumps, Escape closes then clears', async () => {
    const feed = await renderFeed();
    await type(feed, 'energy');
    await waitFor(() => parts(feed, 'search-hit').length > 1, 4000, 'hits');
    const input = box(feed);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const hits = parts(feed, 'search-hit');
    expect(input.getAttribute('aria-activedescendant')).to.equal(hits[1]!.id);
    expect(hits[1]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).to.equal(hits[0]!.id);
    await sendKeys({ press: 'Escape' });
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('energy');
    await sendKeys({ press: 'Escape' });
    expect(input.value).to.equal('');
    await type(feed, 'energy');
    await waitFor(() => parts(feed, 'search-hit').length > 1, 4000, 'hits again');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => part(feed, 'search-target'), 4000, 'jumped');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('jumps to a hit far back with two requests (search, around), the hit on screen, marked and focused', async () => {
    const feed = await renderFeed();
    const { query, item } = uniqueText(LONG, 2000);
    await type(feed, query);
    await waitFor(() => parts(feed, 'search-hit').length === 1, 4000, 'the hit');
    const before = db.requestLog.length;
    parts(feed, 'search-hit')[0]!.click();
    await waitFor(() => onScreen(feed, item.id), 4000, 'the hit on screen');
    const asked = db.requestLog
      .slice(before)
      .filter((r) => r.route === 'feed' || r.route === 'search');
    expect(asked.map((r) => r.search)).to.have.length(1);
    expect(asked[0]!.search).to.contain('around=' + item.id);
    const row = onScreen(feed, item.id)!;
    expect(row.getAttribute('part')).to.contain('search-target');
    expect(row.getAttribute('aria-current')).to.equal('true');
    expect(row.querySelector('mark')?.textContent?.toLowerCase()).to.equal(query.toLowerCase());
    await waitFor(() => feed.shadowRoot!.activeElement === row, 2000, 'focus on the hit');
    // The past is shown: the way back to the live tail is offered.
    expect(part(feed, 'jump-latest')).to.exist;
  });

  it('a hit already on screen is shown the same way, with no request', async () => {
    const feed = await renderFeed();
    const last = db.feedItems(LONG).at(-1)!;
    const before = feedRequests().length;
    expect(await feed.jumpToItem(last.id, 'energy')).to.equal(true);
    expect(feedRequests().length).to.equal(before);
    expect(onScreen(feed, last.id)!.getAttribute('part')).to.contain('search-target');
  });

  it('from a jump, pages down (after) to the newest and rejoins the live tail, the view kept still as pages come in below', async () => {
    const feed = await renderFeed();
    const items = db.feedItems(LONG);
    const target = items[items.length - 120]!;
    expect(await feed.jumpToItem(target.id)).to.equal(true);
    await frames(3);
    const s = part(feed, 'scroller')!;
    const store = feed.store!;
    let guard = 0;
    // Pages answer late, so the view can settle before each lands.
    db.setLatency(250, 'feed');
    while (store.feed(LONG).newerCursor && guard++ < 40) {
      // Read on downward; each page after lands below without moving what is on screen.
      s.scrollTop = s.scrollHeight - s.clientHeight - 50;
      s.dispatchEvent(new Event('scroll'));
      await waitFor(() => store.feed(LONG).loadingNewer, 4000, 'asks for the page after');
      await frames(3);
      const row = parts(feed, 'item').find(
        (r) => r.getBoundingClientRect().top >= s.getBoundingClientRect().top,
      )!;
      const top = row.getBoundingClientRect().top;
      const n = store.feed(LONG).items.length;
      await waitFor(() => !store.feed(LONG).loadingNewer, 4000, 'the page after');
      await frames(2);
      expect(store.feed(LONG).items.length).to.be.greaterThan(n);
      expect(Math.abs(row.getBoundingClientRect().top - top)).to.be.at.most(0.5);
    }
    expect(store.feed(LONG).newerCursor).to.equal(null);
    expect(feedRequests().some((r) => r.search.includes('after='))).to.equal(true);
    const got = store.feed(LONG).items.map((e) => e.id);
    expect(got.at(-1)).to.equal(items.at(-1)!.id);
    expect(new Set(got).size).to.equal(got.length);
    // Back at the bottom it is the live tail: a new message shows there.
    s.scrollTop = s.scrollHeight;
    s.dispatchEvent(new Event('scroll'));
    await frames(3);
    await liveOpen(feed);
    db.clientWrites(LONG, 'Live again after reading down');
    await waitFor(
      () => textOf(parts(feed, 'item').at(-1)).includes('Live again after reading down'),
      4000,
      'the live message',
    );
  });

  it('live arrivals while showing the past go to the pill, never into a gap; the pill returns to the live tail', async () => {
    const feed = await renderFeed();
    await liveOpen(feed);
    const items = db.feedItems(LONG);
    expect(await feed.jumpToItem(items[300]!.id)).to.equal(true);
    db.clientWrites(LONG, 'Written while you read the past');
    await waitFor(() => part(feed, 'new-messages'), 4000, 'pill');
    expect(
      feed
        .store!.feed(LONG)
        .items.some((e) => e.kind === 'message' && e.body === 'Written while you read the past'),
    ).to.equal(false);
    part(feed, 'new-messages')!.click();
    await waitFor(
      () => textOf(parts(feed, 'item').at(-1)).includes('Written while you read the past'),
      4000,
      'at the live tail',
    );
    const s = part(feed, 'scroller')!;
    expect(s.scrollHeight - s.scrollTop - s.clientHeight).to.be.below(4);
    expect(part(feed, 'new-messages')).to.equal(null);
  });

  it('jump-latest goes straight back to the live tail (its newest page)', async () => {
    const feed = await renderFeed();
    const items = db.feedItems(LONG);
    await feed.jumpToItem(items[500]!.id);
    await frames(3);
    await waitFor(
      () => !feed.store!.feed(LONG).loadingNewer && !feed.store!.feed(LONG).loadingOlder,
      4000,
      'idle',
    );
    const before = feedRequests().length;
    part(feed, 'jump-latest')!.click();
    await waitFor(
      () => feed.store!.feed(LONG).status === 'ready' && parts(feed, 'item').length,
      4000,
      'the newest page',
    );
    await frames(3);
    expect(feed.store!.feed(LONG).newerCursor).to.equal(null);
    expect(textOf(parts(feed, 'item').at(-1))).to.contain(textIn(items.at(-1)!).slice(0, 20));
    const s = part(feed, 'scroller')!;
    expect(s.scrollHeight - s.scrollTop - s.clientHeight).to.be.below(4);
    const asked = feedRequests().slice(before);
    // The newest page (perhaps followed by the page before it, fetched ahead), nothing of the past.
    expect(asked[0]!.search).not.to.match(/before=|after=|around=/);
    expect(asked.filter((r) => /after=|around=/.test(r.search))).to.have.length(0);
  });

  it('a hit whose item is gone (around answers 404): "This message is no longer available", the feed stays where it was', async () => {
    const feed = await renderFeed();
    const { query } = uniqueText(LONG, 2000);
    await type(feed, query);
    await waitFor(() => parts(feed, 'search-hit').length === 1, 4000, 'the hit');
    const s = part(feed, 'scroller')!;
    const top = s.scrollTop;
    const shown = feed.store!.feed(LONG).items;
    db.failNext('feed', 1, 404);
    parts(feed, 'search-hit')[0]!.click();
    await waitFor(() => part(feed, 'jump-note'), 4000, 'the note');
    expect(textOf(part(feed, 'jump-note'))).to.equal('This message is no longer available');
    expect(feed.store!.feed(LONG).items).to.equal(shown);
    expect(Math.abs(s.scrollTop - top)).to.be.below(1);
    expect(part(feed, 'search-target')).to.equal(null);
  });

  it('a failed search (5xx) shows an error with Retry, which searches again', async () => {
    const feed = await renderFeed();
    db.failNext('search', 1, 503);
    await type(feed, 'energy');
    await waitFor(() => part(feed, 'search-error'), 4000, 'error');
    expect(parts(feed, 'search-hit')).to.have.length(0);
    part(feed, 'search-error')!.querySelector('button')!.click();
    await waitFor(() => parts(feed, 'search-hit').length > 0, 4000, 'hits after Retry');
    expect(part(feed, 'search-error')).to.equal(null);
  });

  it('a rate-limited search (429) waits for Retry-After, then searches again by itself', async () => {
    const feed = await renderFeed();
    db.failNext('search', 1, 429, { retryAfterSeconds: 1 });
    await type(feed, 'energy');
    await waitFor(() => part(feed, 'search-error'), 4000, 'error');
    part(feed, 'search-error')!.querySelector('button')!.click();
    await new Promise((r) => setTimeout(r, 300));
    expect(searches()).to.have.length(1);
    await waitFor(() => parts(feed, 'search-hit').length > 0, 4000, 'hits after the wait');
    expect(searches()).to.have.length(2);
  });

  it('a 1.0 server (search answers 404) hides the box quietly: no error state', async () => {
    const feed = await renderFeed();
    db.failNext('search', 1, 404);
    await type(feed, 'energy');
    await waitFor(() => !box(feed), 4000, 'box hidden');
    expect(part(feed, 'error')).to.equal(null);
    expect(parts(feed, 'item').length).to.be.greaterThan(0);
  });

  it('is re-exported by <dm-communications>', async () => {
    const tab = await renderInProvider<HTMLElement>(
      html`<dm-communications client=${LONG} style="height:600px;display:block"></dm-communications>`,
    );
    await waitFor(() => tab.shadowRoot!.querySelector('dm-communications-feed'), 4000, 'the feed');
    const inner = tab.shadowRoot!.querySelector('dm-communications-feed')!;
    expect(inner.getAttribute('exportparts')).to.contain('conversation-search');
    expect(inner.getAttribute('exportparts')).to.contain('search-hit');
  });

  it('has no axe violations with hits listed, and after a jump', async () => {
    const feed = await renderFeed();
    await type(feed, 'energy');
    await waitFor(() => parts(feed, 'search-hit').length > 0, 4000, 'hits');
    await sendKeys({ press: 'ArrowDown' });
    await expect(feed).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => part(feed, 'search-target'), 4000, 'jumped');
    await expect(feed).to.be.accessible();
  });
});
