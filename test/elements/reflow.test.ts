/**
 * Reflow (WCAG 1.4.10): at 320 CSS px wide, and at 200 % zoom of a 1280 px window (640 CSS px),
 * nothing scrolls sideways, neither the list nor the card with its composer: every part fits.
 */
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { part, parts, renderInProvider, startMock, waitFor } from '../helpers/render.js';

const { db } = await startMock();

const frames = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

/** Every element in `root`'s shadow trees (and below) that is wider than its box lets it show, by px. */
function overflows(root: Element): string[] {
  const found: string[] = [];
  const walk = (el: Element) => {
    const style = getComputedStyle(el);
    // A box that clips (an ellipsis) shows no scrollbar: only boxes that would scroll count.
    if (
      el.scrollWidth > el.clientWidth + 1 &&
      (style.overflowX === 'auto' || style.overflowX === 'scroll')
    )
      found.push(
        `${el.localName}[part=${el.getAttribute('part') ?? ''}] ${el.scrollWidth} > ${el.clientWidth}`,
      );
    // Nothing sticks out of the window either (a box that hides its overflow would hide a scrollbar).
    const r = el.getBoundingClientRect();
    if (r.width > 1 && (r.right > innerWidth + 1 || r.left < -1))
      found.push(
        `${el.localName}[part=${el.getAttribute('part') ?? ''}] spans ${Math.round(r.left)}..${Math.round(r.right)} of ${innerWidth}`,
      );
    if (el.shadowRoot) for (const c of el.shadowRoot.children) walk(c);
    for (const c of el.children) walk(c);
  };
  walk(root);
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth)
    found.push(`the page ${doc.scrollWidth} > ${doc.clientWidth}`);
  return found;
}

async function check(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  db.clientWrites(
    MOCK_CLIENTS.dana,
    `A long line: ${'https://example.com/a/very/long/path/without/any/break/'.repeat(3)} and ${'word'.repeat(30)}`,
  );
  const tab = await renderInProvider<DmCommunications>(
    html`<dm-communications style="display:block;height:${height}px"></dm-communications>`,
  );
  const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
  await waitFor(() => parts(list(), 'client').length > 3, 5000, 'rows');
  await frames();
  expect(overflows(tab), `the list at ${width} px`).to.deep.equal([]);
  tab.client = MOCK_CLIENTS.dana;
  await waitFor(
    () => {
      const feed = tab.shadowRoot!.querySelector('dm-communications-feed');
      return feed && parts(feed, 'item').length > 0 && tab.shadowRoot!.querySelector('dm-composer');
    },
    5000,
    'the card',
  );
  await frames();
  expect(overflows(tab), `the card at ${width} px`).to.deep.equal([]);
  const feed = tab.shadowRoot!.querySelector('dm-communications-feed')!;
  const s = part(feed, 'scroller')!;
  expect(s.scrollWidth, 'the feed does not scroll sideways').to.be.at.most(s.clientWidth);
}

describe('reflow', () => {
  beforeEach(() => db.reset());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('at 320 CSS px wide, nothing scrolls sideways (list and card)', () => check(320, 640));

  it('at 200 % zoom of a 1280 × 800 window (640 × 400 CSS px), nothing scrolls sideways', () =>
    check(640, 400));
});
