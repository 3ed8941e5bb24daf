import { inlineStyle } from '../base/inline-style.js';
import { type PropertyValues, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RovingFocus } from '../../controllers/roving-focus.js';
import { VirtualWindow } from '../../controllers/virtual-window.js';
import { entryKey, storedLength } from '../../core/feed-merge.js';
import type { FeedEntry, FeedFilter, FeedItem, OrderItem } from '../../core/types.js';
import type { DmStore, FeedState } from '../../data/store.js';
import { type FeedStrings, enFeed } from '../../i18n/strings.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import { styles } from './dm-communications-feed.styles.js';
import { searchStyles } from './search.styles.js';
import { SearchController } from './search-controller.js';
import { renderSearch } from './search-view.js';
import { TwoWayFeed } from './two-way.js';
import './dm-communications-feed.events.js';
import { OrderDetails } from './order-details.js';
import { ReadTiming } from './read-timing.js';
import { type RowContext, estimateEntry, renderEntry } from './rows.js';
import { renderTyping, seenFinder } from './signals.js';
import { renderFeedState, renderOlder } from './states.js';
import { FILTERS, renderFilter } from './filter-view.js';
import { FeedTail } from './tail.js';
import { UnreadDivider } from './unread-divider.js';
import { ViewSession } from './view-session.js';

export type { DmFilterChangeEvent, DmOrderOpenEvent } from './dm-communications-feed.events.js';

/**
 * One client's orders and messages in one chronological feed, newest at the bottom, with an All /
 * Orders / Messages filter. It opens at the first unread message under a "New" divider (else at the
 * bottom), loads older pages as the advisor scrolls up, follows new messages while at the bottom
 * (a pill offers them otherwise), and marks the client read once the newest item has been on
 * screen for a moment. Only the rows in view are in the DOM, so a 100,000-item history opens as
 * fast as a short one. Keyboard: the items form a feed with one tab stop (arrows, Home, End, Page
 * Up and Page Down); Enter or Space on an order opens its details.
 *
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
 * @csspart seen - "Seen" under the newest advisor message the client has read (the time in its accessible name); since contract 1.1.
 * @csspart typing - "Dana is typing…" at the foot of the feed while the client types (announced once, politely); since contract 1.1.
 * @csspart new-messages - The pill that jumps to new messages when the advisor has scrolled up.
 * @csspart jump-latest - The button that goes back to the newest message (the live tail), shown when scrolled more than two screens up or when the feed shows the past after a jump.
 * @csspart conversation-search - The box that searches this conversation (since contract 1.1; hidden when the server has no search).
 * @csspart search-hit - Each hit listed under the search box, newest first, the match in a `<mark>`.
 * @csspart search-target - The feed entry a hit jumped to (with `item`).
 * @csspart jump-note - The notice that a hit's message is no longer available.
 * @csspart order-details - The order details dialog.
 * @csspart loading - The loading state (also on the "Loading older items" line, with `loading-older`).
 * @csspart empty - The empty state.
 * @csspart error - The error state (with a Retry button).
 * @csspart signed-out - Also on the error state when the session ended (401): no Retry; `dm-auth-required` was fired.
 *
 * @cssproperty --dm-bubble-advisor-bg - Background of the advisor's bubbles (default: the accent).
 * @cssproperty --dm-bubble-client-bg - Background of the client's bubbles.
 */
export class DmCommunicationsFeed extends DmElement {
  static override properties: PropertyDeclarations = {
    clientId: { attribute: 'client-id' },
    filter: { reflect: true },
  };

  /** The words in force (see `FeedStrings`). */
  protected get t(): FeedStrings {
    return this.wordsOf(enFeed);
  }

  static override styles = [tokens, styles, searchStyles];

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

  /** The entries shown: the feed state's items as last seen (each entry is one virtual row). */
  private rows_: readonly FeedEntry[] = [];

  private get scroller_(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  private readonly seen_ = seenFinder();
  private readonly vw_ = new VirtualWindow<FeedEntry>(this, {
    scroller: () => this.scroller_,
    key: entryKey,
    estimate_: estimateEntry,
    stick: 'bottom',
    // Showing the past, the bottom is not the newest: the page after is appended with the view kept still.
    canStick_: () => !this.feed_?.newerCursor,
  });
  private readonly focus_ = new RovingFocus<FeedEntry>(this, this.vw_, {
    rows: () => this.rows_,
    key: entryKey,
    page: () => 5,
  });
  private readonly divider_ = new UnreadDivider(this.vw_);
  private readonly tail_ = new FeedTail(this, this.vw_);
  private readonly details_ = new OrderDetails(this);
  private readonly search_ = new SearchController(this);
  private readonly twoWay_ = new TwoWayFeed(this);
  private readonly read_ = new ReadTiming(
    () => this.seesNewest_(),
    (id, upTo) => void this.store?.markRead(id, upTo),
  );
  private readonly session_ = new ViewSession(
    this,
    (newClient) => {
      if (newClient) {
        this.details_.reset();
        this.focus_.key = null;
        this.tail_.said_ = '';
      }
      this.divider_.reset();
      if (this.store) this.twoWay_.enter_(this.store, this.clientId, this.filter);
      this.tail_.pill_ = false;
      this.rows_ = [];
      this.vw_.scrollToEdge_();
    },
    () => this.read_.cancel(),
  );

  /** The feed state shown now. */
  private get feed_(): FeedState | null {
    return this.store && this.clientId ? this.store.feed(this.clientId, this.filter) : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  /** Updates for this client's feed, its summary, the open order's details, how far the client read and whether they type, and its search. */
  protected override select(s: DmStore): unknown {
    const id = this.clientId;
    return [
      s.feed(id, this.filter),
      s.client(id),
      this.details_.id && s.order(this.details_.id),
      s.signals.readAt(id),
      s.signals.isTyping(id),
      s.searchState(id),
      s.searchSupported,
    ];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.session_.sync();
    const feed = this.feed_;
    if (feed && feed.items !== this.rows_) {
      const prev = this.rows_;
      this.divider_.itemsChanged_(feed, prev);
      this.tail_.itemsChanged_(
        feed.items,
        prev,
        this.divider_.positioned_ && !!prev.length && !this.twoWay_.paging_(feed),
      );
      this.rows_ = feed.items;
    }
    // Live items that came while the feed shows the past are not in it: the pill says so.
    if (feed && this.twoWay_.arrived_(feed)) {
      this.tail_.pill_ = true;
      this.tail_.said_ = this.t.newMessagesPill;
    }
    // Whether the client has unread is in its summary: wait for it (it is fetched on open).
    const client = this.store?.client(this.clientId);
    if (feed && (client || !this.session_.clientPending_))
      this.divider_.position(feed, !!client?.hasUnread);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const feed = this.feed_;
    if (!feed || feed.status !== 'ready') return;
    const s = this.scroller_;
    if (s && this.vw_.atEdge_) this.tail_.hide_();
    // Ahead of either edge, the page beyond it (the anchor keeps the view still when it arrives).
    this.twoWay_.page_(feed, s, this.divider_.positioned_);
    if (s)
      this.read_.check(
        this.clientId,
        this.session_.openedAt_,
        () => this.feed_?.items ?? feed.items,
        () => this.clientId,
      );
  }

  /** Whether the client has unread and its newest item is on screen. */
  private seesNewest_(): boolean {
    if (this.session_.hidden) return false;
    const client = this.store?.client(this.clientId);
    if (!client?.hasUnread || document.visibilityState === 'hidden' || this.filter === 'orders')
      return false;
    return this.vw_.lastVisibleIndex_() >= this.rows_.length - 1;
  }

  // ---- public API ---------------------------------------------------------------------------

  /** Scrolls to an item by id, loading older pages until it is found; resolves whether it was. */
  async scrollToItem(itemId: string): Promise<boolean> {
    this.divider_.stopFollowing_();
    for (let pages = 0; pages < 200 && this.store; pages++) {
      const feed = this.feed_;
      if (!feed) return false;
      const item = feed.items.find((e) => e.id === itemId);
      if (item) {
        const key = entryKey(item);
        this.vw_.scrollToKey_(key, 'center');
        this.focus_.key = key;
        this.requestUpdate();
        await this.updateComplete;
        return true;
      }
      if (!feed.olderCursor || feed.status !== 'ready') return false;
      await this.store.loadOlder(this.clientId, this.filter);
      if (this.feed_?.olderError) return false;
    }
    return false;
  }

  /**
   * Jumps to an item (a search hit; contract 1.1): at once when it is loaded, else through one
   * page `around` it, after which the feed pages both ways until it meets the newest. The item is
   * brought into view, marked (`search-target`, the `query` in a `<mark>`) and focused. Resolves
   * false when it is no longer available (the feed stays where it was, with a note).
   */
  jumpToItem(itemId: string, query = ''): Promise<boolean> {
    this.divider_.stopFollowing_();
    this.tail_.hide_();
    return this.twoWay_.jump_(itemId, query);
  }

  /** The search box's hit was chosen. */
  jumpToHit(hit: FeedItem): void {
    void this.jumpToItem(hit.id, this.search_.state.query);
  }

  /** Brings a row to the middle of the view and focuses it. */
  focusCentered(key: string): void {
    void this.focus_.focus(key);
    this.vw_.scrollToKey_(key, 'center');
  }

  /** Jumps to the newest item and stays there as new ones arrive. */
  scrollToBottom(): void {
    this.divider_.stopFollowing_();
    this.tail_.hide_();
    this.vw_.scrollToEdge_();
  }

  /** Shows an order's details (what a click on the order does unless `dm-order-open` is cancelled). */
  openOrder(orderId: string): void {
    this.details_.open(orderId);
  }

  /** Closes the order details. */
  closeOrder(): void {
    this.details_.close();
  }

  // ---- events -------------------------------------------------------------------------------

  private handleFilter_ = (filter: FeedFilter): void => {
    if (filter === this.filter) return;
    this.filter = filter;
    this.emit('dm-filter-change', { filter });
  };

  private handleOrderClick_ = (order: OrderItem): void => {
    if (this.emit('dm-order-open', { orderId: order.id }, true)) this.openOrder(order.id);
  };

  private handleKeydown_(e: KeyboardEvent): void {
    this.divider_.stopFollowing_();
    if (!(e.target as HTMLElement).closest('[data-vkey]')) return;
    const next = this.focus_.handleKeydown_(e);
    if (next === 0 && e.key !== 'End') void this.store?.loadOlder(this.clientId, this.filter);
  }

  // The pill, Retry and Discard go away once used: keyboard focus moves to the row they concern
  // (the newest item, the message sent again, the newest item left) rather than to <body>.
  private handlePill_ = () => {
    // From the past, straight back to the live tail.
    this.twoWay_.toLatest_();
    const items = this.feed_?.items ?? [];
    const newest = items[storedLength(items) - 1];
    this.scrollToBottom();
    if (newest) void this.focus_.focus(entryKey(newest));
  };

  private handleRetrySend_ = (clientMessageId: string): void => {
    void this.store?.retrySend(this.clientId, clientMessageId);
    void this.focus_.focus('m:' + clientMessageId);
  };

  private handleDiscard_ = (clientMessageId: string): void => {
    this.store?.discardSend(this.clientId, clientMessageId);
    const last = this.feed_?.items.at(-1);
    if (last) void this.focus_.focus(entryKey(last));
  };

  private handleScroll_ = () => {
    const s = this.scroller_;
    if (s) this.twoWay_.scrolled_(s);
    this.vw_.handleScroll_();
  };

  // ---- render -------------------------------------------------------------------------------

  protected override render() {
    const t = this.t;
    const feed = this.feed_;
    const name = this.store?.client(this.clientId)?.displayName ?? t.aClient;
    return html`<div class="frame">
      <div class="toolbar">
        ${renderFilter(t, this.filter, this.handleFilter_)}
        ${renderSearch(this.search_, t, this.locale, name, this.num)}
      </div>
      ${this.twoWay_.renderNote_(t)}
      ${renderOlder(this, feed, t)}
      ${this.renderBody_(feed, name)}
      ${feed ? this.twoWay_.renderNewer_(feed, t) : nothing}
      ${renderTyping(t, name, !!this.store?.signals.isTyping(this.clientId))}
      ${this.tail_.render_(t, this.scroller_, !!feed?.newerCursor, this.handlePill_)}
      ${this.details_.render(t, this.locale, this.num)}
    </div>`;
  }

  private renderBody_(feed: FeedState | null, name: string) {
    const t = this.t;
    const state = renderFeedState(this, feed, t);
    if (state || !feed) return state;
    const rows = this.rows_;
    const slice = this.vw_.slice(rows);
    const last = rows[rows.length - 1];
    const ctx: RowContext = {
      t,
      locale: this.locale,
      num: this.num,
      rows,
      setSize_: feed.olderCursor ? -1 : feed.items.length,
      tabKey_: this.focus_.key ?? (last && entryKey(last)),
      newKey_: this.divider_.key,
      target: this.twoWay_.target_,
      clientName_: name,
      seen: this.seen_(feed.items, this.store!.signals.readAt(this.clientId)),
      openOrder: this.handleOrderClick_,
      retrySend: this.handleRetrySend_,
      discard: this.handleDiscard_,
    };
    return html`<div
      class="scroller"
      part="scroller"
      @scroll=${this.handleScroll_}
      @keydown=${this.handleKeydown_}
      @wheel=${this.divider_.handInput_}
      @touchstart=${this.divider_.handInput_}
      @pointerdown=${this.divider_.handInput_}
    >
      <div class="content" role="feed" aria-label=${t.feedLabel(name)} aria-busy=${feed.loadingOlder ? 'true' : 'false'}>
        <div .style=${inlineStyle(`block-size:${slice.before}px`)} aria-hidden="true"></div>
        ${repeat(rows.slice(slice.start, slice.end), entryKey, (e, i) => renderEntry(e, slice.start + i, ctx))}
        <div .style=${inlineStyle(`block-size:${slice.after}px`)} aria-hidden="true"></div>
      </div>
    </div>`;
  }
}
