import type { FeedEntry } from './types.js';

/**
 * The time (ms) up to which the client has read, after a new report of it (a feed page's
 * `clientReadAt`, a `client-read` event's `readAt`). A time in the future counts as now (a server
 * clock ahead of ours must not mark messages seen before they are written); it only moves forward;
 * `undefined` (a 1.0 server) and `null` (never read) leave what is known.
 */
export function readUpTo(
  known: number | null,
  reported: string | null | undefined,
  now: number,
): number | null {
  const t = reported ? Date.parse(reported) : NaN;
  if (t !== t) return known;
  const at = Math.min(t, now);
  return known === null || at > known ? at : known;
}

/**
 * The id of the message that carries "Seen": the newest advisor message the server stored with
 * `at` at or before `upTo`. Null when none (never read, nothing of the advisor's read, a 1.0 server).
 * `entries` are in feed order (oldest first).
 */
export function seenMessageId(entries: readonly FeedEntry[], upTo: number | null): string | null {
  if (upTo === null) return null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.kind === 'message' && e.sender === 'advisor' && !e.delivery && Date.parse(e.at) <= upTo)
      return e.id;
  }
  return null;
}
