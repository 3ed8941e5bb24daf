import { html, nothing } from 'lit';
import { entryKey } from '../../core/feed-merge.js';
import { pagingPlan } from '../../core/feed-window.js';
import type { FeedFilter } from '../../core/types.js';
import type { DmStore, FeedState } from '../../data/store.js';
import type { FeedStrings } from '../../i18n/strings.js';

/** What the two-way feed needs from the feed element. */
export interface TwoWayHost {
  readonly store?: DmStore;
  readonly clientId: string;
  readonly filter: FeedFilter;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  /** Brings a row into view at the centre and gives it keyboard focus. */
  focusCentered(key: string): void;
}

/** The normal page size (the store's default); faster reading asks for more. */
const BASE = 50;

/**
 * The feed as a two-way window (contract 1.1), on the element's side: jumping to an item (a
 * search hit) and marking it, paging ahead of both edges (further and in larger pages while the
 * advisor scrolls fast, so reading never waits on a page), telling pages of the past from new
 * arrivals, and the arrivals that came while the past was shown (for the pill).
 */
export class TwoWayFeed {
  /** The entry a hit jumped to (marked), and the query that found it. */
  target_: { key: string; query: string } | null = null;
  /** A jump that did not land: the item is `gone` (no longer available) or the request `failed`; else ''. */
  note_: '' | 'gone' | 'failed' = '';
  /** After a jump, paging waits for the frame that shows the hit (so it is on screen after two requests). */
  private hold_ = false;
  private arrivals_ = 0;
  private wasPast_ = false;
  private scroll_ = { top: 0, at: 0, speed: 0 };

  constructor(private readonly host_: TwoWayHost) {}

  /** A new view (another client or filter): nothing marked, and the live tail shown, not a past left behind. */
  enter_(store: DmStore, clientId: string, filter: FeedFilter): void {
    this.target_ = null;
    this.note_ = '';
    this.hold_ = false;
    if (store.feed(clientId, filter).newerCursor) store.toLatest(clientId, filter);
    this.arrivals_ = store.feed(clientId, filter).pastArrivals;
  }

  /** Whether this items change is paging through the past (a jump, a page after, back to latest), not new arrivals. */
  paging_(feed: FeedState): boolean {
    const past = this.wasPast_ || !!feed.newerCursor;
    this.wasPast_ = !!feed.newerCursor;
    return past;
  }

  /** Whether live items came while the feed shows the past since last asked (the pill then shows). */
  arrived_(feed: FeedState): boolean {
    const more = feed.pastArrivals > this.arrivals_;
    this.arrivals_ = feed.pastArrivals;
    return more;
  }

  /** The scroller scrolled: how fast the view moves (px/ms, + toward the newest), smoothed. */
  scrolled_(s: HTMLElement): void {
    const now = performance.now();
    const l = this.scroll_;
    const dt = Math.max(1, now - l.at);
    const speed = dt > 200 ? 0 : (s.scrollTop - l.top) / dt;
    this.scroll_ = { top: s.scrollTop, at: now, speed: l.speed * 0.5 + speed * 0.5 };
  }

  private speed_(): number {
    return performance.now() - this.scroll_.at > 200 ? 0 : this.scroll_.speed;
  }

  /**
   * Fetches the page beyond either edge once it is within reach (see `pagingPlan`); with no
   * scroller (no items yet: a page held none but older ones remain), fetches on until there are some.
   */
  page_(feed: FeedState, s: HTMLElement | null, positioned_: boolean): void {
    const store = this.host_.store;
    if (!store) return;
    const { clientId, filter } = this.host_;
    const v = this.speed_();
    const up = s
      ? pagingPlan(s.scrollTop, -v, s.clientHeight, BASE)
      : { fetch: !feed.items.length, limit: BASE };
    const ready = !s || (positioned_ && !this.hold_);
    if (ready && up.fetch && feed.olderCursor && !feed.loadingOlder && !feed.olderError) {
      void store.loadOlder(clientId, filter, up.limit > BASE ? up.limit : undefined);
    }
    if (!s) return;
    const down = pagingPlan(s.scrollHeight - s.scrollTop - s.clientHeight, v, s.clientHeight, BASE);
    if (ready && down.fetch && feed.newerCursor && !feed.loadingNewer && !feed.newerError) {
      void store.loadNewer(clientId, filter, down.limit > BASE ? down.limit : undefined);
    }
  }

  /**
   * Jumps to an item: at once when it is loaded, else through one page `around` it. The item is
   * brought into view, marked and focused; resolves false when it is no longer available (the
   * feed stays where it was, with a note).
   */
  async jump_(itemId: string, query: string): Promise<boolean> {
    const h = this.host_;
    const store = h.store;
    if (!store || !h.clientId) return false;
    const { clientId, filter } = h;
    this.note_ = '';
    this.hold_ = true;
    const result = await store.jumpTo(clientId, filter, itemId);
    if (h.clientId !== clientId) return false;
    const item = store.feed(clientId, filter).items.find((e) => e.id === itemId);
    if (result !== 'shown' || !item) {
      this.hold_ = false;
      this.note_ = result === 'failed' ? 'failed' : 'gone';
      h.requestUpdate();
      return false;
    }
    const key = entryKey(item);
    this.target_ = { key, query };
    this.arrivals_ = store.feed(clientId, filter).pastArrivals;
    h.focusCentered(key);
    await h.updateComplete;
    // Paging on waits for the frame that shows the hit.
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.hold_ = false;
        h.requestUpdate();
      }),
    );
    return true;
  }

  /** Straight back to the live tail (from the past), nothing marked. */
  toLatest_(): void {
    const { store, clientId, filter } = this.host_;
    this.target_ = null;
    if (store?.feed(clientId, filter).newerCursor) store.toLatest(clientId, filter);
  }

  /** The note of a jump that did not land. */
  renderNote_(t: FeedStrings) {
    return this.note_
      ? html`<div class="older" part="jump-note" role="alert">${this.note_ === 'gone' ? t.messageUnavailable : t.jumpError}</div>`
      : nothing;
  }

  /** "Loading newer items…" at the bottom while the page after loads, or its error with Retry. */
  renderNewer_(feed: FeedState, t: FeedStrings) {
    const { store, clientId, filter } = this.host_;
    if (feed.loadingNewer)
      return html`<div class="older newer" part="loading loading-newer" role="status">${t.loadingNewer}</div>`;
    return feed.newerError
      ? html`<div class="older newer" part="error newer-error">
          ${t.newerError} <button class="btn" @click=${() => store?.loadNewer(clientId, filter)}>${t.retry}</button>
        </div>`
      : nothing;
  }
}
