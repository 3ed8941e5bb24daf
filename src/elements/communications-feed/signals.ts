import { html, nothing } from 'lit';
import { seenMessageId } from '../../core/seen.js';
import type { FeedEntry } from '../../core/types.js';
import { formatDateTime, formatTime, isSameDay } from '../../i18n/format.js';
import type { FeedStrings } from '../../i18n/strings.js';

/** Finds the message that carries "Seen" again only when the items or the read time change. */
export function seenFinder(): (
  items: readonly FeedEntry[],
  upTo: number | null,
) => { id: string; readAt: number } | null {
  let last: [readonly FeedEntry[] | null, number | null, string | null] = [null, null, null];
  return (items, upTo) => {
    if (last[0] !== items || last[1] !== upTo) last = [items, upTo, seenMessageId(items, upTo)];
    return last[2] === null ? null : { id: last[2], readAt: upTo! };
  };
}

/** "Seen" beside the time of the newest advisor message the client has read; its accessible name holds the time read. */
export function renderSeen(t: FeedStrings, readAt: number, locale: string) {
  const iso = new Date(readAt).toISOString();
  const label = t.seenAt(
    isSameDay(iso, new Date().toISOString())
      ? formatTime(iso, locale)
      : formatDateTime(iso, locale),
  );
  return html`<time part="seen" class="seen" datetime=${iso} aria-label=${label} title=${label}>${t.seen}</time>`;
}

/**
 * The polite live region at the foot of the feed, always there so that "Dana is typing…" is
 * announced once when it appears; a renewal renders the same text (nothing new to announce).
 */
export function renderTyping(t: FeedStrings, name: string, typing: boolean) {
  return html`<div class="typing-region" aria-live="polite">${typing ? html`<p part="typing" class="typing">${t.typing(name)}</p>` : nothing}</div>`;
}
