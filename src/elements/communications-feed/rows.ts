import { entryKey } from '../../core/feed-merge.js';
import type { FeedEntry } from '../../core/types.js';

/** One row of the feed's virtual list: a day separator, the "New" divider, or an item. */
export type FeedRow =
  | { t: 'day'; key: string; at: string }
  | { t: 'new'; key: string }
  | { t: 'item'; key: string; entry: FeedEntry; pos: number };

/** The key of the "New" divider row. */
export const NEW_ROW_KEY = 'new';

/**
 * Lays items out as rows: a day separator wherever the local calendar day changes, and the "New"
 * divider before the item whose key is `newKey`. Linear in the number of items.
 */
export function buildRows(items: readonly FeedEntry[], newKey: string | null): FeedRow[] {
  const rows: FeedRow[] = [];
  let lastDay = '';
  for (let i = 0; i < items.length; i++) {
    const entry = items[i];
    const d = new Date(entry.at);
    const day = `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
    if (day !== lastDay) {
      rows.push({ t: 'day', key: 'day:' + day, at: entry.at });
      lastDay = day;
    }
    const key = entryKey(entry);
    if (key === newKey) rows.push({ t: 'new', key: NEW_ROW_KEY });
    rows.push({ t: 'item', key, entry, pos: i + 1 });
  }
  return rows;
}

/** A first guess of a row's height before it is measured. */
export function estimateRow(row: FeedRow): number {
  if (row.t === 'day') return 38;
  if (row.t === 'new') return 34;
  if (row.entry.kind === 'order') return 98;
  // Roughly 48 characters per line in a bubble at the default width, plus padding and the time.
  return 46 + 20 * Math.ceil(Math.max(1, row.entry.body.length) / 48);
}
