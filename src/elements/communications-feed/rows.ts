import { entryKey } from '../../core/feed-merge.js';
import type { FeedEntry } from '../../core/types.js';

/**
 * One row of the feed's virtual list: a day separator, the "New" divider, or an item.
 * Item rows carry a sequence number: positions (`aria-posinset`) are `seq - firstSeq + 1`, so
 * rows built for a prepended page do not force a renumbering of the rows already built.
 */
export type FeedRow =
  | { t: 'day'; key: string; at: string }
  | { t: 'new'; key: string }
  | { t: 'item'; key: string; entry: FeedEntry; seq: number };

/** The key of the "New" divider row. */
export const NEW_ROW_KEY = 'new';

/** The start of the local calendar day containing `t` (ms). */
function dayStart(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * Lays items out as rows: a day separator wherever the local calendar day changes (none before
 * the first item when `prevDay` is that item's day), and the "New" divider before the item whose
 * key is `newKey`. Linear in the number of items; one `Date` per day, not per item.
 */
export function buildRows(items: readonly FeedEntry[], newKey: string | null, seq0 = 0, prevDay = NaN): FeedRow[] {
  const rows: FeedRow[] = [];
  let from = prevDay;
  let to = Number.isNaN(prevDay) ? NaN : dayStart(prevDay + 36 * 3600_000);
  for (let i = 0; i < items.length; i++) {
    const entry = items[i];
    const t = Date.parse(entry.at);
    if (!(t >= from && t < to) && !Number.isNaN(t)) {
      from = dayStart(t);
      // The next midnight: 36 h after midnight is always inside the next day, DST or not.
      to = dayStart(from + 36 * 3600_000);
      rows.push({ t: 'day', key: 'day:' + from, at: entry.at });
    }
    const key = entryKey(entry);
    if (key === newKey) rows.push({ t: 'new', key: NEW_ROW_KEY });
    rows.push({ t: 'item', key, entry, seq: seq0 + i });
  }
  return rows;
}

/** The local day (its start, ms) of an item, for joining row blocks. */
export function dayOf(entry: FeedEntry | undefined): number {
  const t = entry ? Date.parse(entry.at) : NaN;
  return Number.isNaN(t) ? NaN : dayStart(t);
}

/**
 * Rows for `next` given the rows built for `prev`: when items were only added at the end or only
 * at the start (live messages, older pages), only the new items are laid out.
 */
export function updateRows(prevRows: readonly FeedRow[], prev: readonly FeedEntry[] | null, next: readonly FeedEntry[], newKey: string | null): FeedRow[] {
  const n = prev?.length ?? 0;
  const hasNew = prevRows.some((r) => r.t === 'new');
  if (prev && n && next.length > n && hasNew === (newKey !== null)) {
    const firstRow = prevRows.find((r) => r.t === 'item') as Extract<FeedRow, { t: 'item' }> | undefined;
    const lastRow = prevRows[prevRows.length - 1];
    if (firstRow && lastRow?.t === 'item' && next[0] === prev[0] && next[n - 1] === prev[n - 1]) {
      return prevRows.concat(buildRows(next.slice(n), newKey, lastRow.seq + 1, dayOf(prev[n - 1])));
    }
    const k = next.length - n;
    if (firstRow && next[k] === prev[0] && next[next.length - 1] === prev[n - 1]) {
      const head = buildRows(next.slice(0, k), newKey, firstRow.seq - k);
      // The block already starts with this day's separator when the page ends on the same day.
      const joinSameDay = prevRows[0].t === 'day' && dayOf(next[k - 1]) === dayOf(prev[0]);
      return head.concat(joinSameDay ? prevRows.slice(1) : prevRows);
    }
  }
  return buildRows(next, newKey);
}

/** A first guess of a row's height before it is measured. */
export function estimateRow(row: FeedRow): number {
  if (row.t === 'day') return 38;
  if (row.t === 'new') return 34;
  if (row.entry.kind === 'order') return 98;
  // Roughly 48 characters per line in a bubble at the default width, plus padding and the time.
  return 46 + 20 * Math.ceil(Math.max(1, row.entry.body.length) / 48);
}
