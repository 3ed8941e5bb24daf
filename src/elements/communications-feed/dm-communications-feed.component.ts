import { type PropertyValues, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { VirtualWindow } from '../../controllers/virtual-window.js';
import { clientRunStart, entryKey, firstUnreadIndex, storedLength } from '../../core/feed-merge.js';
import { linkify } from '../../core/links.js';
import type { Delivery, FeedEntry, FeedFilter, MessageItem, OrderItem } from '../../core/types.js';
import type { DmStore, FeedState } from '../../data/store.js';
import { formatDateTime, formatDay, formatPrice, formatTime, isSameDay } from '../../i18n/format.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import { styles } from './dm-communications-feed.styles.js';
import { estimateEntry } from './rows.js';
import { type FeedStrings, enFeed } from '../../i18n/strings.js';

/** Fired when an order in the feed is clicked. Cancel it to show your own details view. */
export type DmOrderOpenEvent = CustomEvent<{ orderId: string }>;
/** Fired when the advisor changes the filter with the control. */
export type DmFilterChangeEvent = CustomEvent<{ filter: FeedFilter }>;

declare global {
  interface HTMLElementEventMap {
    'dm-order-open': DmOrderOpenEvent;
    'dm-filter-change': DmFilterChangeEvent;
  }
  // Heard on document or window too (they bubble and are composed).
  interface GlobalEventHandlersEventMap {
    'dm-order-open': DmOrderOpenEvent;
    'dm-filter-change': DmFilterChangeEvent;
  }
}

const FILTERS: FeedFilter[] = ['all', 'orders', 'messages'];
/** How long the newest item must be on screen before the client is marked read. */
const READ_AFTER_MS = 700;

/**
 * @summary A client's orders and messages in one chronological, virtualized feed, newest at the bottom.
 * @tag dm-communications-feed
 *
 * @attr client-id - The client whose feed to show.
 * @attr filter - `all` (default), `orders` or `messages`; reflects the filter control.
 *
 * @fires {DmOrderOpenEvent} dm-order-open - `{orderId}`; cancelable. Unless cancelled, the order's details open in a dialog.
 * @fires {DmFilterChangeEvent} dm-filter-change - `{filter}` when the advisor uses the filter control.
 *
 * @csspart filter - The All / Orders / Messages control.
 * @csspart scroller - The scrolling box.
 * @csspart item - Every feed entry; with `message` plus `message-advisor` or `message-client`, or with `order`.
 * @csspart message - A message entry.
 * @csspart message-advisor - A message the advisor wrote.
 * @csspart message-client - A message the client wrote.
 * @csspart order - An order entry.
 * @csspart order-card - The card inside an order entry (to style the card rather than its full-width row).
 * @csspart bubble - The bubble inside a message entry.
 * @csspart day - A day separator.
 * @csspart new-divider - The "New" divider above the first unread item.
 * @csspart new-messages - The pill that jumps to new messages when the advisor has scrolled up.
 * @csspart jump-latest - The button that goes back to the newest message, shown when scrolled more than two screens up.
 * @csspart order-details - The order details dialog.
 * @csspart loading - The loading state (also on the "Loading older items" line, with `loading-older`).
 * @csspart empty - The empty state.
 * @csspart error - The error state (with a Retry button).
 *
 * @cssproperty --dm-bubble-advisor-bg - Background of the advisor's bubbles (default: the accent).
 * @cssproperty --dm-bubble-client-bg - Background of the client's bubbles.
 */
export class DmCommunicationsFeed extends DmElement {
  static override properties: PropertyDeclarations = {
    clientId: { attribute: 'client-id' },
    filter: { reflect: true },
    openOrderId_: { attribute: false },
    showPill_: { attribute: false },
    announcement_: { attribute: false },
    focusKey_: { attribute: false },
  };

  /** The words in force (see `FeedStrings`). */
  protected get t(): FeedStrings {
    return this.wordsOf(enFeed);
  }

  static override styles = [tokens, styles];

  /** The client whose feed is shown (`null`, `undefined` or `''`: none). */
  get clientId(): string {
    return this.clientId_;
  }
  set clientId(id: string | null | undefined) {
    this.clientId_ = id || '';
  }
  /** Which items to show (`undefined`, or a value not among them: `all`). */
  get filter(): FeedFilter {
    return this.filter_;
  }
  set filter(filter: FeedFilter | undefined) {
    this.filter_ = FILTERS.includes(filter!) ? filter! : 'all';
  }
  private clientId_ = '';
  private filter_: FeedFilter = 'all';

  private openOrderId_: string | null = null;
  private showPill_ = false;
  private announcement_ = '';
  private focusKey_: string | null = null;

  private get scroller_(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? null;
  }
  private get dialog_(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  private vw_ = new VirtualWindow<FeedEntry>(this, {
    scroller: () => this.scroller_,
    key: entryKey,
    estimate: estimateEntry,
    stick: 'bottom',
  });
  /** The entries shown: the feed state's items as last seen (each entry is one virtual row). */
  private rows_: readonly FeedEntry[] = [];
  private newKey_: string | null = null;
  /**
   * Older pages the view still follows the "New" divider through: set when the client's unread run
   * reaches past the loaded page (its first unread is in an older page), cleared by the advisor's hand.
   */
  private followNew_ = 0;
  private positioned_ = false;
  private clientPending_ = false;
  private releaseView_?: () => void;
  private viewing_: { store: DmStore; clientId: string; filter: FeedFilter } | null = null;

  /** The feed state shown now. */
  private get feed_(): FeedState | null {
    return this.store && this.clientId ? this.store.feed(this.clientId, this.filter) : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.shownObserver_?.disconnect();
    this.leave_();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
    (this.shownObserver_ ??= new ResizeObserver(([e]) => this.handleShown_(!!(e!.contentRect.width || e!.contentRect.height)))).observe(this);
  }

  private shownObserver_?: ResizeObserver;
  private hiddenView_ = false;

  /**
   * Hidden (a phone's card behind the list after Back, a host's `hidden`), the card is not being
   * viewed: its client gets notices and is not marked read. Shown again, it opens afresh (at the
   * first unread or the bottom), as a card opened from the list does.
   */
  private handleShown_(shown: boolean): void {
    if (!shown && this.viewing_ && !this.hiddenView_) {
      this.hiddenView_ = true;
      this.leave_();
    } else if (shown && this.hiddenView_) {
      this.hiddenView_ = false;
      this.requestUpdate();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const v = this.viewing_;
    if (this.store && this.clientId && this.isConnected && !this.hiddenView_ && (!v || v.store !== this.store || v.clientId !== this.clientId || v.filter !== this.filter)) {
      this.enter_(this.store, v?.clientId !== this.clientId || v?.store !== this.store);
    } else if (!this.clientId && v) {
      this.leave_();
    }
    const feed = this.feed_;
    if (feed && feed.items !== this.rows_) this.onItemsChanged_(feed);
    if (feed) this.position_(feed);
  }

  /** Starts showing the current client and filter; a new client resets the view. */
  private enter_(store: DmStore, newClient: boolean): void {
    this.leave_();
    this.viewing_ = { store, clientId: this.clientId, filter: this.filter };
    this.releaseView_ = store.viewing(this.clientId);
    this.openedAt_ = Date.now();
    void store.loadFeed(this.clientId, this.filter);
    if (newClient) {
      this.openOrderId_ = null;
      this.focusKey_ = null;
      this.announcement_ = '';
    }
    const id = this.clientId;
    this.clientPending_ = !store.client(id);
    if (this.clientPending_) {
      void store.ensureClient(id).then(() => {
        if (this.clientId === id) {
          this.clientPending_ = false;
          this.requestUpdate();
        }
      });
    }
    this.newKey_ = null;
    this.positioned_ = false;
    this.showPill_ = false;
    this.rows_ = [];
    this.vw_.scrollToEdge();
  }

  private leave_(): void {
    clearTimeout(this.readTimer_);
    this.readTimer_ = undefined;
    const v = this.viewing_;
    if (!v) return;
    // A quick switch abandons the old feed's requests: a slow answer for A never paints over B.
    v.store.releaseFeed(v.clientId, v.filter);
    this.releaseView_?.();
    this.releaseView_ = undefined;
    this.viewing_ = null;
  }

  /** Opens at the first unread item under a "New" divider, otherwise at the bottom. */
  private position_(feed: FeedState): void {
    if (this.positioned_ || feed.status !== 'ready') return;
    const client = this.store?.client(this.clientId);
    // Whether the client has unread is in its summary: wait for it (it is fetched on open).
    if (!client && this.clientPending_) return;
    this.positioned_ = true;
    const items = feed.items;
    const i = client?.hasUnread && this.filter !== 'orders' ? firstUnreadIndex(items) : -1;
    this.newKey_ = i >= 0 ? entryKey(items[i]) : null;
    this.followNew_ = i === 0 && feed.olderCursor ? 10 : 0;
    if (this.newKey_) this.vw_.scrollToKey(this.newKey_, 'start');
  }

  /** Older items came in above a "New" divider at the top: the unread run may start further up. */
  private moveNewDivider_(feed: FeedState, prev: readonly FeedEntry[]): void {
    const items = feed.items;
    if (!this.newKey_ || !prev.length || entryKey(prev[0]) !== this.newKey_) return;
    const at = items.findIndex((e) => entryKey(e) === this.newKey_);
    if (at <= 0) return;
    const i = clientRunStart(items, at);
    this.newKey_ = entryKey(items[i]);
    if (this.followNew_) {
      this.vw_.scrollToKey(this.newKey_, 'start');
      this.followNew_ = i === 0 && feed.olderCursor ? this.followNew_ - 1 : 0;
    }
  }

  /** The advisor scrolls or reads by hand: the view stops following the divider (passive: never delays scrolling). */
  private stopFollowing_ = {
    handleEvent: (): void => {
      this.followNew_ = 0;
    },
    passive: true,
  };

  private onItemsChanged_(feed: FeedState): void {
    const items = feed.items;
    const prev = this.rows_;
    if (this.positioned_) this.moveNewDivider_(feed, prev);
    if (this.positioned_ && prev.length) {
      // The advisor just wrote (or retried): messages not stored yet go at the very end.
      const last = items[items.length - 1];
      if (last?.delivery && last !== prev[prev.length - 1]) this.vw_.scrollToEdge();
      // A new stored item after the ones there were (not an older page, not a re-load), above any
      // message still on its way: follow it when it is the advisor's, else announce it or offer the pill.
      const n = storedLength(prev);
      const newest = items[storedLength(items) - 1];
      if (n && newest && newest !== prev[n - 1] && items[n - 1] === prev[n - 1]) {
        if (newest.kind === 'message' && newest.sender === 'advisor') this.vw_.scrollToEdge();
        else {
          if (!this.vw_.atEdge) this.showPill_ = true;
          this.announcement_ = newest.kind === 'message' ? newest.body.slice(0, 200) : newest.title;
        }
      }
    }
    this.rows_ = items;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const feed = this.feed_;
    if (this.openOrderId_ && this.dialog_ && !this.dialog_.open && this.isConnected) this.dialog_.showModal();
    // The order changed while its details are shown: fetch them again.
    if (this.openOrderId_ && this.store?.order(this.openOrderId_).status === 'idle') void this.store.loadOrder(this.openOrderId_);
    if (!feed || feed.status !== 'ready') return;
    const s = this.scroller_;
    if (s && this.vw_.atEdge && this.showPill_) this.showPill_ = false;
    // Near the top, fetch the page before (the anchor keeps the view still when it arrives); with
    // no items yet, a page held none but older ones remain: fetch on until there are some.
    const wanted = s ? s.scrollTop < 600 && this.positioned_ : !feed.items.length;
    if (wanted && feed.olderCursor && !feed.loadingOlder && !feed.olderError) {
      void this.store!.loadOlder(this.clientId, this.filter);
    }
    if (!s) return;
    this.maybeMarkRead_(feed);
  }

  /** Whether the client has unread and its newest item is on screen. */
  private seesNewest_(): boolean {
    if (this.hiddenView_) return false;
    const client = this.store?.client(this.clientId);
    if (!client?.hasUnread || document.visibilityState === 'hidden' || this.filter === 'orders') return false;
    return this.vw_.lastVisibleIndex() >= this.rows_.length - 1;
  }

  /**
   * Marks the client read once its newest item has been on screen for a moment (READ_AFTER_MS):
   * a card opened by mistake, or passed through, is not marked read, and the row just clicked does
   * not jump down the list under the pointer before a second click lands.
   */
  private maybeMarkRead_(feed: FeedState): void {
    if (this.readTimer_ || !this.seesNewest_()) return;
    const clientId = this.clientId;
    const read = () => {
      this.readTimer_ = undefined;
      if (this.clientId !== clientId || !this.seesNewest_()) return;
      const items = this.feed_?.items ?? feed.items;
      for (let i = items.length - 1; i >= 0; i--) {
        if (!items[i]!.delivery) {
          void this.store!.markRead(clientId, items[i]!.id);
          return;
        }
      }
    };
    // A card open for a while reads what arrives at once (no unread flash for a message in view).
    const wait = this.openedAt_ + READ_AFTER_MS - Date.now();
    if (wait <= 0) read();
    else this.readTimer_ = setTimeout(read, wait);
  }

  private openedAt_ = 0;

  private readTimer_?: ReturnType<typeof setTimeout>;

  // ---- public API ---------------------------------------------------------------------------

  /** Scrolls to an item by id, loading older pages until it is found; resolves whether it was. */
  async scrollToItem(itemId: string): Promise<boolean> {
    this.followNew_ = 0;
    for (let pages = 0; pages < 200 && this.store; pages++) {
      const feed = this.feed_;
      if (!feed) return false;
      const item = feed.items.find((e) => e.id === itemId);
      if (item) {
        const key = entryKey(item);
        this.vw_.scrollToKey(key, 'center');
        this.focusKey_ = key;
        await this.updateComplete;
        return true;
      }
      if (!feed.olderCursor || feed.status !== 'ready') return false;
      await this.store.loadOlder(this.clientId, this.filter);
      if (this.feed_?.olderError) return false;
    }
    return false;
  }

  /** Jumps to the newest item and stays there as new ones arrive. */
  scrollToBottom(): void {
    this.followNew_ = 0;
    this.showPill_ = false;
    this.vw_.scrollToEdge();
  }

  /** Shows an order's details (what a click on the order does unless `dm-order-open` is cancelled). */
  openOrder(orderId: string): void {
    this.openOrderId_ = orderId;
    void this.store?.loadOrder(orderId);
  }

  /** Closes the order details. */
  closeOrder(): void {
    this.dialog_?.close();
  }

  // ---- events -------------------------------------------------------------------------------

  private handleFilter_(filter: FeedFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    this.emit('dm-filter-change', { filter });
  }

  private handleOrderClick_(order: OrderItem): void {
    if (this.emit('dm-order-open', { orderId: order.id }, true)) this.openOrder(order.id);
  }

  private handleDialogClose_ = () => {
    const id = this.openOrderId_;
    this.openOrderId_ = null;
    // Give focus back to the order that opened the dialog.
    const row = id && this.renderRoot.querySelector<HTMLElement>(`[data-order-id="${CSS.escape(id)}"]`);
    if (row) row.focus();
  };

  private handleKeydown_(e: KeyboardEvent): void {
    this.followNew_ = 0;
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-vkey]');
    if (!rowEl || (e.target as HTMLElement).closest('button, a') !== null && e.key !== 'PageDown' && e.key !== 'PageUp') {
      if (!rowEl) return;
    }
    const items = this.rows_;
    const at = this.vw_.indexOf(rowEl.dataset.vkey ?? '');
    if (at < 0) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5, Home: -Infinity, End: Infinity };
    if (!(e.key in step)) return;
    e.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, at + step[e.key]));
    void this.focusRow_(entryKey(items[next]));
    if (next === 0 && e.key !== 'End') void this.store?.loadOlder(this.clientId, this.filter);
  }

  /** Scrolled up more than two screens from the newest item. */
  private farFromNewest_(): boolean {
    const s = this.scroller_;
    return !!s && !this.vw_.atEdge && s.scrollHeight - s.scrollTop - s.clientHeight > 2 * s.clientHeight;
  }

  // The pill, Retry and Discard go away once used: keyboard focus moves to the row they concern
  // (the newest item, the message sent again, the newest item left) rather than to <body>.
  private handlePill_ = () => {
    const newest = this.rows_[storedLength(this.rows_) - 1];
    this.scrollToBottom();
    if (newest) void this.focusRow_(entryKey(newest));
  };

  private handleRetrySend_(clientMessageId: string): void {
    void this.store?.retrySend(this.clientId, clientMessageId);
    void this.focusRow_('m:' + clientMessageId);
  }

  private handleDiscard_(clientMessageId: string): void {
    this.store?.discardSend(this.clientId, clientMessageId);
    const last = this.feed_?.items.at(-1);
    if (last) void this.focusRow_(entryKey(last));
  }

  private async focusRow_(key: string): Promise<void> {
    this.focusKey_ = key;
    this.vw_.scrollToKey(key, 'nearest');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-vkey="${CSS.escape(key)}"]`)?.focus({ preventScroll: true });
  }

  // ---- render -------------------------------------------------------------------------------

  protected override render() {
    const t = this.t;
    const feed = this.feed_;
    const name = this.store?.client(this.clientId)?.displayName ?? t.aClient;
    return html`<div class="frame">
      <div class="toolbar">
        <div part="filter" role="group" aria-label=${t.filterLabel}>
          ${FILTERS.map(
            (f) => html`<button type="button" aria-pressed=${f === this.filter ? 'true' : 'false'} @click=${() => this.handleFilter_(f)}>
              ${f === 'all' ? t.filterAll : f === 'orders' ? t.filterOrders : t.filterMessages}
            </button>`,
          )}
        </div>
      </div>
      ${feed?.loadingOlder ? html`<div class="older" part="loading loading-older" role="status">${t.loadingOlder}</div>` : nothing}
      ${feed?.olderError
        ? html`<div class="older" part="error older-error">
            ${t.olderError} <button class="btn" @click=${() => this.store?.loadOlder(this.clientId, this.filter)}>${t.retry}</button>
          </div>`
        : nothing}
      ${this.renderBody_(feed, name)}
      ${this.showPill_
        ? html`<button part="new-messages" type="button" @click=${this.handlePill_}>${t.newMessagesPill}</button>`
        : this.farFromNewest_()
          ? html`<button part="jump-latest" class="jump" type="button" aria-label=${t.jumpLatest} title=${t.jumpLatest} @click=${this.handlePill_}>↓</button>`
          : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement_}</div>
      ${this.openOrderId_ ? this.renderOrderDetails_(this.openOrderId_) : nothing}
    </div>`;
  }

  private renderBody_(feed: FeedState | null, name: string) {
    const t = this.t;
    if (!feed || feed.status === 'idle' || (feed.status === 'loading' && !feed.items.length)) {
      return html`<div class="state" part="loading" role="status">${this.clientId ? t.loadingFeed : t.chooseClient}</div>`;
    }
    if (feed.status === 'error' && feed.error?.kind === 'not-found') {
      // No such client (a deep link to a removed one): nothing to retry.
      return html`<div class="state" part="error" role="alert"><p>${t.clientNotFound}</p></div>`;
    }
    // No items yet: the newest page failed, or was empty with older pages before it (loaded next).
    const retry =
      feed.status === 'error'
        ? () => this.store?.loadFeed(this.clientId, this.filter, true)
        : feed.olderError && (() => this.store?.loadOlder(this.clientId, this.filter));
    if (!feed.items.length && retry) {
      return html`<div class="state" part="error" role="alert">
        <p>${t.feedError}</p>
        <button class="btn" @click=${retry}>${t.retry}</button>
      </div>`;
    }
    if (!feed.items.length && feed.olderCursor) {
      return html`<div class="state" part="loading" role="status">${t.loadingFeed}</div>`;
    }
    if (!feed.items.length) {
      const text = this.filter === 'orders' ? t.feedEmptyOrders : this.filter === 'messages' ? t.feedEmptyMessages : t.feedEmpty;
      return html`<div class="state" part="empty">${text}</div>`;
    }
    const slice = this.vw_.slice(this.rows_);
    const setSize = feed.olderCursor ? -1 : feed.items.length;
    const last = this.rows_[this.rows_.length - 1];
    const focusKey = this.focusKey_ ?? (last && entryKey(last));
    return html`<div
      class="scroller"
      part="scroller"
      @scroll=${this.handleScroll_}
      @keydown=${this.handleKeydown_}
      @wheel=${this.stopFollowing_}
      @touchstart=${this.stopFollowing_}
      @pointerdown=${this.stopFollowing_}
    >
      <div class="content" role="feed" aria-label=${t.feedLabel(name)} aria-busy=${feed.loadingOlder ? 'true' : 'false'}>
        <div .style=${`block-size:${slice.before}px`} aria-hidden="true"></div>
        ${repeat(
          this.rows_.slice(slice.start, slice.end),
          entryKey,
          (e, i) => this.renderRow_(e, slice.start + i, setSize, focusKey),
        )}
        <div .style=${`block-size:${slice.after}px`} aria-hidden="true"></div>
      </div>
    </div>`;
  }

  private handleScroll_ = () => {
    this.vw_.handleScroll();
  };

  /** The day separator and "New" divider that go above an entry, when they do. */
  private renderDividers_(e: FeedEntry, index: number, key: string) {
    const prev = this.rows_[index - 1];
    return html`${!prev || !isSameDay(prev.at, e.at)
      ? html`<div class="day" part="day" aria-hidden="true">${formatDay(e.at, this.locale, this.t)}</div>`
      : nothing}${key === this.newKey_ ? html`<div class="new-divider" part="new-divider">${this.t.newDivider}</div>` : nothing}`;
  }

  private renderRow_(e: FeedEntry, index: number, setSize: number, focusKey: string | undefined) {
    const t = this.t;
    const key = entryKey(e);
    const tabindex = key === focusKey ? '0' : '-1';
    if (e.kind === 'order') {
      return html`<div
        class="row"
        part="item order"
        role="article"
        data-vkey=${key}
        data-order-id=${e.id}
        aria-posinset=${index + 1}
        aria-setsize=${setSize}
        aria-label=${`${t.orderTypes[e.orderType] ?? e.orderType}: ${e.title}`}
        tabindex=${tabindex}
        @click=${(ev: Event) => {
          if (!(ev.target as Element).closest('.day, .new-divider')) this.handleOrderClick_(e);
        }}
        @keydown=${(ev: KeyboardEvent) => {
          if (ev.target === ev.currentTarget && (ev.key === 'Enter' || ev.key === ' ')) {
            ev.preventDefault();
            this.handleOrderClick_(e);
          }
        }}
      >
        ${this.renderDividers_(e, index, key)}
        <button type="button" class="order" part="order-card" tabindex="-1">
          <span class="type">${t.orderTypes[e.orderType] ?? e.orderType}</span>
          <span class="price">${formatPrice(e.price, this.locale)}</span>
          <span class="title">${e.title}</span>
          <span class="sub"
            ><span class="status ${e.status}">${t.orderStatuses[e.status] ?? e.status}</span>
            ${e.durationMinutes ? ` · ${t.duration(e.durationMinutes)}` : nothing}</span
          >
          <time class="sub" datetime=${e.at}>${formatTime(e.at, this.locale)}</time>
        </button>
      </div>`;
    }
    return this.renderMessage_(e, index, key, setSize, tabindex);
  }

  private renderMessage_(e: MessageItem & { delivery?: Delivery }, index: number, key: string, setSize: number, tabindex: string) {
    const t = this.t;
    const side = e.sender === 'advisor' ? 'advisor' : 'client';
    const who = side === 'advisor' ? t.you : (this.store?.client(this.clientId)?.displayName ?? t.aClient);
    return html`<div
      class="row"
      part="item message message-${side}"
      role="article"
      data-vkey=${key}
      aria-posinset=${index + 1}
      aria-setsize=${setSize}
      tabindex=${tabindex}
    >
      ${this.renderDividers_(e, index, key)}
      <div class="msg ${side} ${e.delivery ?? ''}">
      <span class="visually-hidden">${who}:</span>
      <div class="bubble" part="bubble" dir="auto">${linkify(e.body).map((s) =>
        s.href ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>` : s.text,
      )}</div>
      <div class="meta">
        ${e.delivery === 'pending'
          ? html`<span>${t.sending}</span>`
          : e.delivery === 'failed'
            ? html`<span class="fail">${t.notSent}</span>
                <button class="btn" type="button" @click=${() => this.handleRetrySend_(e.clientMessageId!)}>${t.retrySend}</button>
                <button class="btn" type="button" @click=${() => this.handleDiscard_(e.clientMessageId!)}>${t.discard}</button>`
            : html`<time datetime=${e.at}>${formatTime(e.at, this.locale)}</time>`}
      </div>
      </div>
    </div>`;
  }

  private renderOrderDetails_(orderId: string) {
    const t = this.t;
    const state = this.store?.order(orderId);
    const o = state?.value;
    return html`<dialog part="order-details" aria-labelledby="order-title" @close=${this.handleDialogClose_}>
      <div class="details">
        <header>
          <h2 id="order-title">${o ? o.title : t.orderDetails}</h2>
          <button class="close" type="button" aria-label=${t.close} @click=${() => this.closeOrder()}>×</button>
        </header>
        ${!o && (!state || state.status === 'loading' || state.status === 'idle')
          ? html`<p role="status">${t.loadingOrder}</p>`
          : !o
            ? html`<div part="error" role="alert">
                <p>${t.orderError}</p>
                <button class="btn" @click=${() => this.store?.loadOrder(orderId, true)}>${t.retry}</button>
              </div>`
            : html`${state!.status === 'error'
                  ? html`<p class="stale" role="alert">
                      ${t.orderStale} <button class="btn" @click=${() => this.store?.loadOrder(orderId, true)}>${t.retry}</button>
                    </p>`
                  : nothing}<dl>
                <dt>${t.typeAndStatus}</dt>
                <dd>${t.orderTypes[o.orderType] ?? o.orderType} · <span class="status ${o.status}">${t.orderStatuses[o.status] ?? o.status}</span></dd>
                <dt>${t.price}</dt>
                <dd>${formatPrice(o.price, this.locale)}${o.durationMinutes ? ` · ${t.duration(o.durationMinutes)}` : ''}</dd>
                <dt>${t.ordered}</dt>
                <dd><time datetime=${o.at}>${formatDateTime(o.at, this.locale)}</time></dd>
                ${o.deliveredAt
                  ? html`<dt>${t.delivered}</dt><dd><time datetime=${o.deliveredAt}>${formatDateTime(o.deliveredAt, this.locale)}</time></dd>`
                  : o.status === 'pending' || o.status === 'in_progress'
                    ? html`<dt>${t.delivered}</dt><dd>${t.notDelivered}</dd>`
                    : nothing /* ended without a delivery (cancelled, refunded, a live session): nothing is due */}
                <dt>${t.question}</dt>
                <dd class="text" dir="auto">${o.question || t.noQuestion}</dd>
                <dt>${t.review}</dt>
                <dd dir="auto">
                  ${o.review
                    ? html`<strong>${o.review.rating === 'positive' ? t.reviewPositive : t.reviewNegative}</strong>${o.review.comment ? html`${' — '}<span class="text">${o.review.comment}</span>` : nothing}`
                    : t.noReview}
                </dd>
              </dl>`}
      </div>
    </dialog>`;
  }
}
