import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { entryKey } from '../../core/feed-merge.js';
import { linkify } from '../../core/links.js';
import type { Delivery, FeedEntry, MessageItem, OrderItem } from '../../core/types.js';
import {
  type NumberFormatter,
  formatDay,
  formatPrice,
  formatTime,
  isSameDay,
} from '../../i18n/format.js';
import type { FeedStrings } from '../../i18n/strings.js';
import { marked } from './search-view.js';
import { renderSeen } from './signals.js';

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

/** What every row of one render shares. */
export interface RowContext {
  t: FeedStrings;
  locale: string;
  /** Formats counts in the locale. */
  num: NumberFormatter;
  /** Every row shown (a row's day separator compares it with the one before). */
  rows: readonly FeedEntry[];
  /** `aria-setsize`: -1 while older pages remain. */
  setSize_: number;
  /** The row that is the tab stop. */
  tabKey_: string | undefined;
  /** The row the "New" divider goes above. */
  newKey_: string | null;
  /** The row a search hit jumped to (marked, the query in a `<mark>`). */
  target?: { key: string; query: string } | null;
  /** The client's name, for the screen reader's "who wrote". */
  clientName_: string;
  /** The message that carries "Seen" and when the client read (since contract 1.1). */
  seen: { id: string; readAt: number } | null;
  openOrder: (order: OrderItem) => void;
  retrySend: (clientMessageId: string) => void;
  discard: (clientMessageId: string) => void;
}

/** The day separator and "New" divider that go above an entry, when they do. */
function dividers(e: FeedEntry, index: number, key: string, c: RowContext) {
  const prev = c.rows[index - 1];
  return html`${
    !prev || !isSameDay(prev.at, e.at)
      ? html`<div class="day" part="day" aria-hidden="true">${formatDay(e.at, c.locale, c.t)}</div>`
      : nothing
  }${key === c.newKey_ ? html`<div class="new-divider" part="new-divider">${c.t.newDivider}</div>` : nothing}`;
}

/** One feed row: an order card or a message bubble, with the dividers above it. */
export function renderEntry(e: FeedEntry, index: number, c: RowContext) {
  const t = c.t;
  const key = entryKey(e);
  const tabindex = key === c.tabKey_ ? 0 : -1;
  const q = key === c.target?.key ? c.target.query : null;
  const target = q !== null ? ' search-target' : '';
  if (e.kind === 'order') {
    return html`<div
      class="row${target}"
      part="item order${target}"
      role="article"
      aria-current=${ifDefined(target ? 'true' : undefined)}
      data-vkey=${key}
      data-order-id=${e.id}
      aria-posinset=${index + 1}
      aria-setsize=${c.setSize_}
      aria-label=${`${t.orderTypes[e.orderType] ?? e.orderType}: ${e.title}`}
      tabindex=${tabindex}
      @click=${(ev: Event) => {
        if (!(ev.target as Element).closest('.day, .new-divider')) c.openOrder(e);
      }}
      @keydown=${(ev: KeyboardEvent) => {
        if (ev.target === ev.currentTarget && (ev.key === 'Enter' || ev.key === ' ')) {
          ev.preventDefault();
          c.openOrder(e);
        }
      }}
    >
      ${dividers(e, index, key, c)}
      <button type="button" class="order" part="order-card" tabindex="-1">
        <span class="type">${t.orderTypes[e.orderType] ?? e.orderType}</span>
        <span class="price">${formatPrice(e.price, c.locale)}</span>
        <span class="title">${q ? marked(e.title, q, Infinity) : e.title}</span>
        <span class="sub"
          ><span class="status ${e.status}">${t.orderStatuses[e.status] ?? e.status}</span>
          ${e.durationMinutes ? ` · ${t.duration(e.durationMinutes, c.num)}` : nothing}</span
        >
        <time class="sub" datetime=${e.at}>${formatTime(e.at, c.locale)}</time>
      </button>
    </div>`;
  }
  return renderMessage(e, index, key, tabindex, c, q);
}

function renderMessage(
  e: MessageItem & { delivery?: Delivery },
  index: number,
  key: string,
  tabindex: number,
  c: RowContext,
  q: string | null,
) {
  const t = c.t;
  const side = e.sender === 'advisor' ? 'advisor' : 'client';
  const who = side === 'advisor' ? t.you : c.clientName_;
  const target = q !== null ? ' search-target' : '';
  return html`<div
    class="row${target}"
    part="item message message-${side}${target}"
    role="article"
    aria-current=${ifDefined(target ? 'true' : undefined)}
    data-vkey=${key}
    aria-posinset=${index + 1}
    aria-setsize=${c.setSize_}
    tabindex=${tabindex}
  >
    ${dividers(e, index, key, c)}
    <div class="msg ${side} ${e.delivery ?? ''}">
    <span class="visually-hidden">${who}:</span>
    <div class="bubble" part="bubble" dir="auto">${linkify(e.body).map((s) =>
      s.href
        ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>`
        : q
          ? marked(s.text, q, Infinity)
          : s.text,
    )}</div>
    <div class="meta">
      ${
        e.delivery === 'pending'
          ? html`<span>${t.sending}</span>`
          : e.delivery === 'failed'
            ? html`<span class="fail">${t.notSent}</span>
              <button class="btn" type="button" @click=${() => c.retrySend(e.clientMessageId!)}>${t.retrySend}</button>
              <button class="btn" type="button" @click=${() => c.discard(e.clientMessageId!)}>${t.discard}</button>`
            : html`<time datetime=${e.at}>${formatTime(e.at, c.locale)}</time>${c.seen?.id === e.id ? renderSeen(t, c.seen.readAt, c.locale) : nothing}`
      }
    </div>
    </div>
  </div>`;
}
