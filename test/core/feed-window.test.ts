import { expect } from '@open-wc/testing';
import { pagingPlan, splitArrivals } from '../../src/core/feed-window.js';
import type { FeedEntry } from '../../src/core/types.js';
import { describe, iso, it } from './support.js';

const m = (id: string, min: number, delivery?: 'pending' | 'failed'): FeedEntry => ({
  kind: 'message',
  id,
  clientId: 'c',
  at: iso(Date.UTC(2024, 0, 1) + min * 60000),
  sender: 'client',
  body: id,
  ...(delivery ? { delivery } : {}),
});

describe('splitArrivals', () => {
  const window = [m('a', 1), m('b', 2), m('c', 3)];
  it('an item newer than the window is beyond it (the pill), never inside (a gap)', () => {
    const { inside, beyond } = splitArrivals(window, [m('new', 100)]);
    expect(inside).to.deep.equal([]);
    expect(beyond.map((e) => e.id)).to.deep.equal(['new']);
  });
  it('an item the window spans (a changed order, a late copy) is updated in place', () => {
    const { inside, beyond } = splitArrivals(window, [m('b', 2), m('between', 2.5)]);
    expect(inside.map((e) => e.id)).to.deep.equal(['b', 'between']);
    expect(beyond).to.deep.equal([]);
  });
  it('a message still on its way is never inside the past', () => {
    const { inside, beyond } = splitArrivals(window, [m('local', 0, 'pending')]);
    expect(inside).to.deep.equal([]);
    expect(beyond.length).to.equal(1);
  });
});

describe('pagingPlan', () => {
  it('fetches within three screens of the edge, not further', () => {
    expect(pagingPlan(1700, 0, 600, 50)).to.deep.equal({ fetch: true, limit: 50 });
    expect(pagingPlan(1900, 0, 600, 50).fetch).to.equal(false);
  });
  it('reaches further and asks for larger pages (at most 200) while scrolling fast', () => {
    const fast = pagingPlan(10000, 36, 600, 50);
    expect(fast.fetch).to.equal(true);
    expect(fast.limit).to.equal(200);
    const brisk = pagingPlan(3000, 8, 600, 50);
    expect(brisk.fetch).to.equal(true);
    expect(brisk.limit).to.be.within(100, 200);
  });
});
