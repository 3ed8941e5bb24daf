/**
 * The feed holds still when its width changes (a phone rotated, a window resized, a side panel
 * opened): rows re-wrap and change height, and the item the advisor was reading stays where it was
 * on screen, within 2 px, in every frame after the change.
 */
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/communications-feed/dm-communications-feed.js';
import type { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { part, parts, renderInProvider, startMock, waitFor } from '../helpers/render.js';

const { db } = await startMock();

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

const LONG = (n: number) =>
  `Message ${n}: ` +
  'I have been thinking about what you told me last week about the move and the new job, and '.repeat(
    1 + (n % 4),
  ) +
  'what do you see?';

async function renderFeed(
  width: string,
): Promise<{ feed: DmCommunicationsFeed; box: HTMLElement }> {
  for (let n = 1; n <= 40; n++) db.clientWrites(MOCK_CLIENTS.dana, LONG(n));
  const box = await renderInProvider<HTMLElement>(
    html`<div style="height:600px;width:${width};display:flex;flex-direction:column">
      <dm-communications-feed client-id=${MOCK_CLIENTS.dana}></dm-communications-feed>
    </div>`,
  );
  const feed = box.querySelector('dm-communications-feed') as DmCommunicationsFeed;
  await waitFor(() => parts(feed, 'item').length > 5, 5000, 'feed rendered');
  for (let i = 0; i < 5; i++) await frame();
  return { feed, box };
}

/** The first item whose top is in view, and its distance from the top of the view. */
function firstInView(feed: DmCommunicationsFeed): { key: string; y: number } {
  const s = part(feed, 'scroller')!;
  const top = s.getBoundingClientRect().top;
  const item = parts(feed, 'item').find((i) => i.getBoundingClientRect().top >= top - 0.5)!;
  return { key: item.dataset.vkey!, y: item.getBoundingClientRect().top - top };
}

function yOf(feed: DmCommunicationsFeed, key: string): number {
  const s = part(feed, 'scroller')!;
  const el = s.querySelector<HTMLElement>(`[data-vkey="${CSS.escape(key)}"]`);
  return el ? el.getBoundingClientRect().top - s.getBoundingClientRect().top : Infinity;
}

/** Scrolls to the middle, applies `change`, and returns the largest move of the item in view painted in 20 frames. */
async function jumpOf(
  feed: DmCommunicationsFeed,
  change: () => Promise<void> | void,
): Promise<number> {
  const s = part(feed, 'scroller')!;
  s.scrollTop = Math.round((s.scrollHeight - s.clientHeight) / 2);
  s.dispatchEvent(new Event('scroll'));
  // Let the view settle (rows measured around the new place) before the change.
  for (let still = 0, last = -1; still < 5;) {
    await frame();
    still = Math.abs(s.scrollTop - last) < 0.5 ? still + 1 : 0;
    last = s.scrollTop;
  }
  const before = firstInView(feed);
  const width = s.clientWidth;
  await change();
  let worst = 0;
  for (let i = 0; i < 20; i++) {
    // What was painted: a task after the frame (its observers and corrections done).
    await frame();
    await new Promise((r) => setTimeout(r));
    worst = Math.max(worst, Math.abs(yOf(feed, before.key) - before.y));
  }
  expect(s.clientWidth, 'the feed changed width').to.not.equal(width);
  return Math.round(worst * 10) / 10;
}

describe('the feed when its width changes', () => {
  beforeEach(() => db.reset());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keeps the item in view within 2 px when the feed goes from 700 to 420 px wide', async () => {
    const { feed, box } = await renderFeed('700px');
    const jump = await jumpOf(feed, () => void (box.style.width = '420px'));
    console.log(`feed 700 → 420 px: the item in view moved ${jump} px`);
    expect(jump).to.be.at.most(2);
    const back = await jumpOf(feed, () => void (box.style.width = '700px'));
    console.log(`feed 420 → 700 px: the item in view moved ${back} px`);
    expect(back).to.be.at.most(2);
  });

  it('keeps the item in view within 2 px when the page goes from 1280 to 900 px wide', async () => {
    await setViewport({ width: 1280, height: 800 });
    // The feed takes the page beside a 360 px list, as in the tab.
    const { feed } = await renderFeed('calc(100% - 360px)');
    const jump = await jumpOf(feed, () => setViewport({ width: 900, height: 800 }));
    console.log(`page 1280 → 900 px: the item in view moved ${jump} px`);
    expect(jump).to.be.at.most(2);
  });

  it('stays at the newest message when it was there', async () => {
    const { feed, box } = await renderFeed('700px');
    const s = part(feed, 'scroller')!;
    feed.scrollToBottom();
    for (let i = 0; i < 10; i++) await frame();
    expect(s.scrollHeight - s.scrollTop - s.clientHeight).to.be.below(4);
    box.style.width = '420px';
    for (let i = 0; i < 10; i++) await frame();
    expect(s.scrollHeight - s.scrollTop - s.clientHeight, 'still at the bottom').to.be.below(4);
  });
});
