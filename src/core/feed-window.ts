import type { FeedEntry } from './types.js';

/**
 * Rules of the two-way feed window: after a jump into the past the feed holds a stretch of
 * history (a page `around` an item) and pages both ways, up with `before` and down with `after`,
 * until a page reaches the newest item; then it is the live tail again.
 */

/** Where live arrivals go while the feed shows the past. */
export interface ArrivalSplit {
  /** Entries within the window's stretch (e.g. an order changed): updated in place. */
  inside: FeedEntry[];
  /** Entries newer than the window's newest: never inserted (that would leave a gap); counted for the pill. */
  beyond: FeedEntry[];
}

const time = (e: FeedEntry): number => Date.parse(e.at) || 0;

/** Splits live entries against a past window: those it already spans, and those beyond its newest item. */
export function splitArrivals(
  windowItems: readonly FeedEntry[],
  incoming: readonly FeedEntry[],
): ArrivalSplit {
  const last = windowItems[windowItems.length - 1];
  const ids = new Set(windowItems.map((e) => e.id));
  const inside: FeedEntry[] = [];
  const beyond: FeedEntry[] = [];
  for (const e of incoming)
    (!e.delivery && (ids.has(e.id) || (last && time(e) <= time(last))) ? inside : beyond).push(e);
  return { inside, beyond };
}

/** The default page size (the store's `feedPageSize`) and the contract's largest page. */
const MAX_LIMIT = 200;

/**
 * How to page toward an edge of the window: fetch once the edge is within reach of what the
 * advisor will scroll through in the next half second (at least three screens), and ask for
 * larger pages while they scroll fast, so reading never waits on a page.
 *
 * @param distance px between the viewport and the edge of what is loaded
 * @param speed px per ms the view moves toward that edge (0 when still or moving away)
 * @param viewport the viewport's height in px
 * @param base the normal page size
 */
export function pagingPlan(
  distance: number,
  speed: number,
  viewport: number,
  base: number,
): { fetch: boolean; limit: number } {
  const reach = Math.max(3 * viewport, 600, speed * 500);
  // A page of the base size covers about base × 80 px; scroll at `speed` for a second needs this many.
  const limit = Math.min(MAX_LIMIT, Math.max(base, Math.ceil((speed * 1000) / 80 / 50) * 50));
  return { fetch: distance < reach, limit };
}
