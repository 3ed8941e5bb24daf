import type { FeedEntry } from '../../core/types.js';

/**
 * A first guess of an entry's height before it is measured. Day separators and the "New"
 * divider live inside the entry they precede, so the feed's rows are its entries as they are:
 * opening a 100,000-item feed lays out nothing but the rows on screen.
 */
export function estimateEntry(entry: FeedEntry): number {
  if (entry.kind === 'order') return 98;
  // Roughly 48 characters per line in a bubble at the default width, plus padding and the time.
  return 46 + 20 * Math.ceil(Math.max(1, entry.body.length) / 48);
}
