/** A half-open range `[start, end)` of UTF-16 code units in a text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A piece of a text, marked when it matches the query. Rendered as text, never as HTML. */
export interface TextPiece {
  text: string;
  mark: boolean;
}

/** The smallest query the server accepts once trimmed (shorter: no request). */
export const MIN_QUERY = 2;

/** The query to send for what the advisor typed: trimmed, or null when too short to search. */
export function searchQuery(typed: string): string | null {
  const q = typed.trim();
  return q.length >= MIN_QUERY ? q : null;
}

/**
 * Every case-insensitive occurrence of `query` in `text`, as ranges of `text` itself (so case
 * folding that changes a string's length, as `toLowerCase` may, never shifts a mark).
 */
export function matchRanges(text: string, query: string): TextRange[] {
  const q = query.trim();
  if (!q) return [];
  const re = new RegExp(q.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'giu');
  const out: TextRange[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The text cut into marked and unmarked pieces. Longer than `max`, it is cut to about `max`
 * characters around the first match, with "…" where text was left out.
 */
export function highlight(text: string, query: string, max = 160): TextPiece[] {
  const ranges = matchRanges(text, query);
  let from = 0;
  let to = text.length;
  if (to > max) {
    const first = ranges[0]?.start ?? 0;
    from = Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
    // Start at a word where one is near.
    const space = from && text.lastIndexOf(' ', from);
    if (space && space > from - 12) from = space + 1;
    to = Math.min(text.length, from + max);
  }
  const pieces: TextPiece[] = [];
  const add = (a: number, b: number, mark: boolean) => {
    if (b > a) pieces.push({ text: text.slice(a, b), mark });
  };
  if (from) pieces.push({ text: '…', mark: false });
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    add(at, Math.max(at, r.start), false);
    add(Math.max(at, r.start), Math.min(r.end, to), true);
    at = Math.min(r.end, to);
  }
  add(at, to, false);
  if (to < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
