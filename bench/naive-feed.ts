// The baseline: the same feed rendered the naive way, every row in the DOM through a plain Lit
// `repeat`, with the feed's own styles and (nearly) the same row markup. Opens scrolled to the
// bottom like the real feed. Not part of the library.
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { linkify } from '../src/core/links.js';
import type { FeedEntry, MessageItem, OrderItem } from '../src/core/types.js';
import { styles } from '../src/elements/communications-feed/dm-communications-feed.styles.js';
import { entryKey } from '../src/core/feed-merge.js';
import { tokens } from '../src/elements/base/tokens.js';
import { formatDay, formatPrice, formatTime, isSameDay } from '../src/i18n/format.js';
import { en } from '../src/i18n/strings.js';

export class BenchNaiveFeed extends LitElement {
  static override styles = [tokens, styles];
  static override properties = { items: { attribute: false } };

  items: readonly FeedEntry[] = [];
  private locale = 'en';

  protected override render() {
    const t = en;
    const rows = this.items;
    return html`
      <div class="toolbar"><div part="filter" role="group" aria-label=${t.filterLabel}>
        <button type="button" aria-pressed="true">${t.filterAll}</button><button type="button" aria-pressed="false">${t.filterOrders}</button><button type="button" aria-pressed="false">${t.filterMessages}</button>
      </div></div>
      <div class="scroller" part="scroller">
        <div class="content" role="feed" aria-label="Feed">
          ${repeat(rows, entryKey, (e, i) => this.renderRow(e, i, rows.length))}
        </div>
      </div>
    `;
  }

  protected override firstUpdated(): void {
    const s = this.renderRoot.querySelector<HTMLElement>('.scroller')!;
    s.scrollTop = s.scrollHeight;
  }

  private renderRow(e: FeedEntry, index: number, setSize: number) {
    const prev = this.items[index - 1];
    const day =
      !prev || !isSameDay(prev.at, e.at)
        ? html`<div class="day" part="day" aria-hidden="true">${formatDay(e.at, this.locale, en)}</div>`
        : nothing;
    return e.kind === 'order'
      ? this.renderOrder(e, index, setSize, day)
      : this.renderMessage(e, index, setSize, day);
  }

  private renderOrder(e: OrderItem, index: number, setSize: number, day: unknown) {
    const t = en;
    return html`<div class="row" part="item order" role="article" data-vkey=${entryKey(e)} data-order-id=${e.id}
        aria-posinset=${index + 1} aria-setsize=${setSize} aria-label=${`${t.orderTypes[e.orderType] ?? e.orderType}: ${e.title}`} tabindex="-1">
      ${day}<button type="button" class="order" tabindex="-1" @click=${() => this.dispatchEvent(new CustomEvent('dm-order-open', { detail: { orderId: e.id } }))}>
        <span class="type">${t.orderTypes[e.orderType] ?? e.orderType}</span>
        <span class="price">${formatPrice(e.price, this.locale)}</span>
        <span class="title">${e.title}</span>
        <span class="sub"><span class="status ${e.status}">${t.orderStatuses[e.status] ?? e.status}</span>
          ${e.durationMinutes ? html` · ${t.duration(e.durationMinutes, String)}` : nothing}</span>
        <time class="sub" datetime=${e.at}>${formatTime(e.at, this.locale)}</time>
      </button>
    </div>`;
  }

  private renderMessage(e: MessageItem, index: number, setSize: number, day: unknown) {
    const t = en;
    const side = e.sender === 'advisor' ? 'advisor' : 'client';
    return html`<div class="row" part="item message message-${side}" role="article" data-vkey=${entryKey(e)}
        aria-posinset=${index + 1} aria-setsize=${setSize} tabindex="-1">
      ${day}<div class="msg ${side}"><span class="visually-hidden">${side === 'advisor' ? t.you : t.aClient}:</span>
      <div class="bubble" dir="auto">${linkify(e.body).map((s) =>
        s.href
          ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>`
          : s.text,
      )}</div>
      <div class="meta"><time datetime=${e.at}>${formatTime(e.at, this.locale)}</time></div></div>
    </div>`;
  }
}

if (!customElements.get('bench-naive-feed'))
  customElements.define('bench-naive-feed', BenchNaiveFeed);

declare global {
  interface HTMLElementTagNameMap {
    'bench-naive-feed': BenchNaiveFeed;
  }
}
