// The benchmark page's side: builds a DmStore over the in-memory FakeAdapter inside a fresh
// <dm-provider>, mounts the element under test in an 800×600 box, and measures. `bench/run.mjs`
// drives it through `window.runCase(name, params)`; each call mounts a fresh provider, store and
// element and (unless `keep`) removes them again.
import '../src/elements/provider/dm-provider.js';
import '../src/elements/communications-feed/dm-communications-feed.js';
import '../src/elements/client-list/dm-client-list.js';
import './naive-feed.js';
import type { DmStore } from '../src/data/store.js';
import type { DmProvider } from '../src/elements/provider/dm-provider.component.js';
import type { ClientSummary, FeedItem } from '../src/core/types.js';
import type { LitElement } from 'lit';
import { FEED_CLIENT, FakeAdapter, type FakeOptions, clients, feedItems } from './fake-adapter.js';

type Impl = 'virtual' | 'naive';
interface Mounted {
  box: HTMLElement;
  provider: DmProvider;
  store: DmStore;
  adapter: FakeAdapter;
  el?: LitElement;
}

const stage = document.getElementById('stage')!;
let held: Mounted | null = null;

/** Resolves after the next frame has been produced (rAF, then a task after its paint). */
function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
  );
}

/** Waits until an element has no update pending (the virtual window asks for a second one after measuring). */
async function settled(el: LitElement): Promise<void> {
  for (let i = 0; i < 50; i++) if (await el.updateComplete) return;
  throw new Error('element never settled (update loop?)');
}

async function mountProvider(opts: FakeOptions): Promise<Mounted> {
  cleanup();
  const box = document.createElement('div');
  box.style.cssText = 'width:800px;height:600px;display:flex;flex-direction:column;overflow:hidden';
  const adapter = new FakeAdapter(opts);
  const provider = document.createElement('dm-provider') as DmProvider;
  provider.adapter = adapter;
  provider.storeOptions = { storage: null };
  box.append(provider);
  stage.append(box);
  await provider.updateComplete;
  const store = provider.store!;
  return (held = { box, provider, store, adapter });
}

function cleanup(): void {
  held?.box.remove();
  held = null;
}

function feedElement(impl: Impl, m: Mounted): LitElement {
  if (impl === 'naive') {
    const el = document.createElement('bench-naive-feed');
    el.items = m.store.feed(FEED_CLIENT, 'all').items;
    el.style.cssText = 'display:flex;width:800px;height:600px';
    return el;
  }
  const el = document.createElement('dm-communications-feed');
  el.clientId = FEED_CLIENT;
  el.style.cssText = 'width:800px;height:600px';
  return el;
}

const scrollerOf = (el: LitElement) => el.renderRoot.querySelector<HTMLElement>('.scroller')!;

/** Rows (`data-vkey`) rendered in the element. */
const rowsOf = (el: LitElement) => [...el.renderRoot.querySelectorAll<HTMLElement>('[data-vkey]')];

/** The rendered row at the top edge of the viewport and its offset from that edge. */
function topRow(el: LitElement): { key: string; offset: number } | null {
  const s = scrollerOf(el);
  const top = s.getBoundingClientRect().top;
  for (const r of rowsOf(el)) {
    const rect = r.getBoundingClientRect();
    if (rect.bottom > top + 0.5) return { key: r.dataset.vkey!, offset: rect.top - top };
  }
  return null;
}

/** Whether rendered rows cover the whole viewport (no blank spacer visible). */
function covered(el: LitElement): boolean {
  const s = scrollerOf(el);
  const top = s.getBoundingClientRect().top + s.clientTop;
  const bottom = top + s.clientHeight;
  const rows = rowsOf(el);
  if (!rows.length) return false;
  return (
    rows[0].getBoundingClientRect().top <= top + 1 &&
    rows[rows.length - 1].getBoundingClientRect().bottom >= bottom - 1
  );
}

function domCount(el: LitElement): number {
  return el.renderRoot.querySelectorAll('*').length;
}

/** Mounts a feed of `n` items; timing from "items in the store" to the first frame painted. */
async function feedFirstPaint(p: {
  n: number;
  impl: Impl;
  older?: number;
  keep?: boolean;
  storeOnly?: boolean;
}) {
  const m = await mountProvider({ newest: p.n, older: p.older ?? 0 });
  const tLoad = performance.now();
  await m.store.ensureClient(FEED_CLIENT);
  await m.store.loadFeed(FEED_CLIENT, 'all');
  const t0 = performance.now();
  const items = m.store.feed(FEED_CLIENT, 'all').items.length;
  if (items !== p.n) throw new Error(`store holds ${items} items, expected ${p.n}`);
  if (p.storeOnly) return { items, loadMs: t0 - tLoad };
  const el = feedElement(p.impl, m);
  m.el = el;
  m.provider.append(el);
  await settled(el);
  const tRendered = performance.now();
  const t1 = await nextFrame();
  const s = scrollerOf(el);
  if (!s) throw new Error('no scroller rendered');
  const atBottom = s.scrollHeight - s.scrollTop - s.clientHeight < 4;
  const rows = rowsOf(el).length;
  const newest = rowsOf(el).some(
    (r) => r.dataset.vkey === 'i:' + m.store.feed(FEED_CLIENT, 'all').items.at(-1)!.id,
  );
  const result = {
    items,
    loadMs: t0 - tLoad,
    renderMs: tRendered - t0,
    firstFrameMs: t1 - t0,
    dom: domCount(el),
    rows,
    atBottom,
    newestRendered: newest,
    covered: covered(el),
  };
  if (!p.keep) cleanup();
  return result;
}

/** Prepends an older page of 50 while scrolled near the top: the feed asks for it itself. */
async function prepend(p: { n: number }) {
  const m = await mountProvider({ newest: p.n, older: 50 * 4 });
  await m.store.ensureClient(FEED_CLIENT);
  await m.store.loadFeed(FEED_CLIENT, 'all');
  const el = feedElement('virtual', m);
  m.el = el;
  m.provider.append(el);
  await settled(el);
  await nextFrame();
  const gate = m.adapter.holdOlder();
  const s = scrollerOf(el);
  // Scroll up into the area where the feed loads the page before (scrollTop < 600).
  s.scrollTop = 200;
  const asked = await Promise.race([
    gate.requested.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
  ]);
  if (!asked) throw new Error('the feed did not ask for older items near the top');
  // Let the view settle where the user put it (rows measured, anchor corrected).
  for (let i = 0; i < 4; i++) await nextFrame();
  await settled(el);
  const before = topRow(el)!;
  const itemsBefore = m.store.feed(FEED_CLIENT, 'all').items.length;
  const scrollTopBefore = s.scrollTop;
  const t0 = performance.now();
  gate.release();
  const t1 = await nextFrame();
  const itemsAfter = m.store.feed(FEED_CLIENT, 'all').items.length;
  const find = () => rowsOf(el).find((r) => r.dataset.vkey === before.key);
  const s0 = s.getBoundingClientRect().top;
  const row = find();
  const jump = row ? row.getBoundingClientRect().top - s0 - before.offset : NaN;
  // And once more after the ResizeObserver and any late correction.
  await nextFrame();
  await nextFrame();
  const row2 = find();
  const jumpLater = row2
    ? row2.getBoundingClientRect().top - s.getBoundingClientRect().top - before.offset
    : NaN;
  const result = {
    added: itemsAfter - itemsBefore,
    scrollTopBefore,
    scrollTopAfter: s.scrollTop,
    jumpPx: jump,
    jumpLaterPx: jumpLater,
    nextFrameMs: t1 - t0,
    dom: domCount(el),
  };
  cleanup();
  return result;
}

/** Scrolls from the newest to the oldest of `n` items in `durationMs`, setting scrollTop once per frame. */
async function scroll(p: { n: number; impl: Impl; durationMs: number }) {
  const m = await mountProvider({ newest: p.n, older: 0 });
  await m.store.ensureClient(FEED_CLIENT);
  await m.store.loadFeed(FEED_CLIENT, 'all');
  const el = feedElement(p.impl, m);
  m.el = el;
  m.provider.append(el);
  await settled(el);
  for (let i = 0; i < 5; i++) await nextFrame();
  const s = scrollerOf(el);
  const intervals: number[] = [];
  const work: number[] = [];
  let blank = 0;
  let frames = 0;
  let maxDom = 0;
  const startTop = s.scrollTop;
  await new Promise<void>((done) => {
    let start = -1;
    let prev = -1;
    const tick = (ts: number) => {
      if (start < 0) start = ts;
      else intervals.push(ts - prev);
      prev = ts;
      const progress = Math.min(1, (ts - start) / p.durationMs);
      s.scrollTop = (1 - progress) * (s.scrollHeight - s.clientHeight);
      // Deliver the scroll event in this frame, as a compositor scroll would (a programmatic
      // scroll's own event comes one frame later); the element's code path is the same.
      s.dispatchEvent(new Event('scroll'));
      frames++;
      // A task after this frame's rendering: main-thread time of the frame, and what it showed.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        work.push(performance.now() - ts);
        if (!covered(el)) blank++;
        maxDom = Math.max(maxDom, domCount(el));
        ch.port1.close();
      };
      ch.port2.postMessage(0);
      if (progress < 1) requestAnimationFrame(tick);
      else setTimeout(done, 50);
    };
    requestAnimationFrame(tick);
  });
  const result = {
    frames,
    intervals,
    work,
    blank,
    maxDom,
    startTop,
    endTop: s.scrollTop,
    reachedTop: s.scrollTop < 4,
  };
  cleanup();
  return result;
}

/** The client list with `n` clients: first paint, then one live event that moves the last client to the top. */
async function clientList(p: { n: number }) {
  const m = await mountProvider({ newest: 0, clients: p.n });
  await m.store.loadClients('');
  const t0 = performance.now();
  const count = m.store.clientList.clients.length;
  if (count !== p.n) throw new Error(`store holds ${count} clients, expected ${p.n}`);
  const el = document.createElement('dm-client-list');
  el.style.cssText = 'width:380px;height:600px';
  m.el = el;
  m.provider.append(el);
  await settled(el);
  const tRendered = performance.now();
  const t1 = await nextFrame();
  const dom = domCount(el);
  await nextFrame();
  // The oldest, read client writes: it must jump to the top of the list.
  const last = m.store.clientList.clients.at(-1)!;
  const updated: ClientSummary = {
    ...last,
    hasUnread: true,
    lastActivityAt: new Date().toISOString(),
    lastItemPreview: 'New message',
  };
  const e0 = performance.now();
  m.store.applyEvent({ type: 'client', client: updated });
  const eApplied = performance.now();
  await Promise.resolve();
  await settled(el);
  const eRendered = performance.now();
  const e1 = await nextFrame();
  const firstRow = rowsOf(el)[0]?.dataset.vkey;
  const result = {
    renderMs: tRendered - t0,
    firstFrameMs: t1 - t0,
    dom,
    rows: rowsOf(el).length,
    applyEventMs: eApplied - e0,
    reorderRenderMs: eRendered - e0,
    reorderFrameMs: e1 - e0,
    movedToTop: firstRow === last.id,
    hasBadge: !!el.renderRoot.querySelector(`[data-vkey="${last.id}"] [part~="unread-badge"]`),
  };
  cleanup();
  return result;
}

/** A piece of an item's text found in no other item (the query that finds exactly it). */
function uniqueQuery(all: readonly FeedItem[], index: number): string {
  const text = (x: FeedItem) => (x.kind === 'message' ? x.body : x.title).toLowerCase();
  for (let i = index; i >= 0; i--) {
    const t = text(all[i]!);
    for (let at = 0; at + 16 <= t.length; at += 5) {
      const q = t.slice(at, at + 16);
      if (q.trim().length < 16) continue;
      let n = 0;
      for (const x of all) if (text(x).includes(q) && ++n > 1) break;
      if (n === 1) return q;
    }
  }
  throw new Error('no unique text');
}

/** Mounts the feed over `total` items (the newest page of 50 loaded) and lets it settle. */
async function mountHistory(total: number) {
  const m = await mountProvider({ newest: 50, older: total - 50 });
  await m.store.ensureClient(FEED_CLIENT);
  await m.store.loadFeed(FEED_CLIENT, 'all');
  const el = feedElement('virtual', m);
  m.el = el;
  m.provider.append(el);
  await settled(el);
  for (let i = 0; i < 3; i++) await nextFrame();
  await settled(el);
  return { m, el, s: scrollerOf(el), domAtStart: domCount(el) };
}

/** Whether the row of `key` is rendered within the viewport. */
function inView(el: LitElement, key: string): boolean {
  const s = scrollerOf(el).getBoundingClientRect();
  const r = rowsOf(el)
    .find((x) => x.dataset.vkey === key)
    ?.getBoundingClientRect();
  return !!r && r.bottom > s.top && r.top < s.bottom;
}

/**
 * Search and jump (contract 1.1): in a feed of `total` items showing its newest page, the
 * advisor types a query that finds exactly the item `back` items from the newest, and chooses
 * the hit. Measured from choosing to the first frame painted with the hit in view: the time, the
 * requests asked before that (search + around), the DOM count. With `readDown`, then scrolls down
 * `step` px per frame from there to the newest (paging `after` as it goes), timing every frame.
 */
async function jump(p: {
  total: number;
  back: number;
  readDown?: boolean;
  step?: number;
  maxMs?: number;
}) {
  const { m, el, s, domAtStart } = await mountHistory(p.total);
  const all = m.adapter.all;
  const target = all[all.length - 1 - p.back]!;
  const query = uniqueQuery(all, all.length - 1 - p.back);
  const input = el.renderRoot.querySelector<HTMLInputElement>('[part~="conversation-search"]')!;
  m.adapter.calls.length = 0;
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const hitOf = () => el.renderRoot.querySelector<HTMLElement>('[part~="search-hit"]');
  for (let i = 0; i < 200 && !hitOf(); i++) await new Promise((r) => setTimeout(r, 10));
  const hit = hitOf();
  if (!hit) throw new Error('no hit listed');
  const key = 'i:' + target.id;
  const t0 = performance.now();
  hit.click();
  // Each frame until the hit is on screen (a task after the frame's paint).
  let t1 = NaN;
  for (let i = 0; i < 300; i++) {
    const t = await nextFrame();
    if (inView(el, key)) {
      t1 = t;
      break;
    }
  }
  if (!Number.isFinite(t1)) throw new Error('the hit never came on screen');
  const calls = [...m.adapter.calls];
  const result: Record<string, unknown> = {
    requestsBeforeOnScreen: calls.length,
    domAtStart,
    calls,
    chooseToPaintMs: t1 - t0,
    dom: domCount(el),
    marked: !!el.renderRoot.querySelector(
      `[data-vkey="${CSS.escape(key)}"][part~="search-target"]`,
    ),
  };
  if (p.readDown)
    Object.assign(result, await readDown(el, m.store, s, p.step ?? 600, p.maxMs ?? 60_000));
  cleanup();
  return result;
}

/** Scrolls down `step` px per frame until the feed holds the newest item and shows the bottom. */
async function readDown(
  el: LitElement,
  store: DmStore,
  s: HTMLElement,
  step: number,
  maxMs: number,
) {
  const startItems = store.feed(FEED_CLIENT, 'all').items.length;
  const intervals: number[] = [];
  let maxDom = 0;
  let blank = 0;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    let prev = -1;
    const tick = (ts: number) => {
      if (prev >= 0) intervals.push(ts - prev);
      prev = ts;
      s.scrollTop += step;
      s.dispatchEvent(new Event('scroll'));
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        maxDom = Math.max(maxDom, domCount(el));
        if (!covered(el)) blank++;
        ch.port1.close();
      };
      ch.port2.postMessage(0);
      const f = store.feed(FEED_CLIENT, 'all');
      const bottom = s.scrollHeight - s.scrollTop - s.clientHeight < 4;
      if ((!f.newerCursor && bottom) || performance.now() - t0 > maxMs) setTimeout(done, 50);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const f = store.feed(FEED_CLIENT, 'all');
  return {
    downMs: performance.now() - t0,
    downFrames: intervals.length + 1,
    downIntervals: intervals,
    downMaxDom: maxDom,
    downBlank: blank,
    downItemsLoaded: f.items.length - startItems,
    reachedNewest:
      !f.newerCursor && f.items.at(-1)?.id === (store.adapter as FakeAdapter).all.at(-1)!.id,
  };
}

/**
 * Reading fast through history: `total` items behind the newest page, scrolling up `step` px per
 * frame (scrollTop moved by `step` from where it is, as a fast wheel or fling would) until the
 * oldest item is on screen or `maxMs` passed. Reports how many items were reached after 5 s, when
 * the oldest was reached, the frame intervals and the largest DOM.
 */
async function readFast(p: { total: number; step: number; maxMs: number }) {
  const { m, el, s, domAtStart } = await mountHistory(p.total);
  const all = m.adapter.all;
  const indexOf = new Map(
    all.map((x, i) => [
      x.kind === 'message' && x.clientMessageId ? 'm:' + x.clientMessageId : 'i:' + x.id,
      i,
    ]),
  );
  const intervals: number[] = [];
  let maxDom = 0;
  let blank = 0;
  let oldestSeen = all.length - 1;
  /** Frames whose step was cut short at the top of what was loaded while older items remained (reading waited on a page). */
  let stalls = 0;
  let reachedAt5s = NaN;
  let oldestAtMs = NaN;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    let prev = -1;
    const tick = (ts: number) => {
      if (prev >= 0) intervals.push(ts - prev);
      prev = ts;
      const from = s.scrollTop;
      s.scrollTop -= p.step;
      if (from - s.scrollTop < p.step - 1 && m.store.feed(FEED_CLIENT, 'all').olderCursor) stalls++;
      s.dispatchEvent(new Event('scroll'));
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        maxDom = Math.max(maxDom, domCount(el));
        if (!covered(el)) blank++;
        const top = topRow(el);
        const i = top ? indexOf.get(top.key) : undefined;
        if (i !== undefined) oldestSeen = Math.min(oldestSeen, i);
        const t = performance.now() - t0;
        if (t >= 5000 && Number.isNaN(reachedAt5s)) reachedAt5s = all.length - oldestSeen;
        if (oldestSeen === 0 && Number.isNaN(oldestAtMs)) oldestAtMs = t;
      };
      ch.port2.postMessage(0);
      if (performance.now() - t0 > p.maxMs || (oldestSeen === 0 && performance.now() - t0 > 5000))
        setTimeout(done, 50);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const result = {
    reachedIn5s: Number.isNaN(reachedAt5s) ? all.length - oldestSeen : reachedAt5s,
    oldestAtMs,
    frames: intervals.length + 1,
    intervals,
    maxDom,
    domAtStart,
    blank,
    stalls,
    pages: m.adapter.calls.filter((c) => c === 'feed?before').length,
  };
  cleanup();
  return result;
}

const cases: Record<string, (p: never) => Promise<unknown>> = {
  jump,
  readFast,
  feed: feedFirstPaint,
  prepend,
  scroll,
  clientList,
  /** Generates (and caches) data up front so generation is never timed. */
  prepare: async (p: { feeds: number[]; clients: number[] }) => {
    for (const n of p.feeds) feedItems(n);
    for (const n of p.clients) clients(n);
    return true;
  },
  cleanup: async () => cleanup(),
};

declare global {
  interface Window {
    runCase(name: string, params?: unknown): Promise<unknown>;
    benchReady: boolean;
  }
}

window.runCase = (name, params) => {
  const fn = cases[name];
  if (!fn) throw new Error('unknown case ' + name);
  return fn(params as never);
};
window.benchReady = true;
