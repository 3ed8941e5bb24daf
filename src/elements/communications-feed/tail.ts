import { type ReactiveControllerHost, html, nothing } from 'lit';
import type { VirtualWindow } from '../../controllers/virtual-window.js';
import { storedLength } from '../../core/feed-merge.js';
import type { FeedEntry } from '../../core/types.js';
import type { FeedStrings } from '../../i18n/strings.js';

/**
 * Following the feed's tail: the view follows the advisor's own new messages, announces the
 * client's in a polite live region, and offers them in a pill when the advisor has scrolled up (or
 * the feed shows the past); far from the newest, a button goes back to it.
 */
export class FeedTail {
  /** Whether the pill offers new messages. */
  pill_ = false;
  /** What the polite live region says. */
  said_ = '';

  constructor(
    private readonly host_: ReactiveControllerHost,
    private readonly vw_: VirtualWindow<FeedEntry>,
  ) {}

  /** Hides the pill (the view went to the newest). */
  hide_(): void {
    if (this.pill_) {
      this.pill_ = false;
      this.host_.requestUpdate();
    }
  }

  /**
   * New items (`live`: the view was placed, there were items, and this is not a page of the past): follow the advisor's own, announce the client's
   * (or offer the pill when scrolled up).
   */
  itemsChanged_(items: readonly FeedEntry[], prev: readonly FeedEntry[], live: boolean): void {
    if (!live) return;
    // The advisor just wrote (or retried): messages not stored yet go at the very end.
    const last = items[items.length - 1];
    if (last?.delivery && last !== prev[prev.length - 1]) this.vw_.scrollToEdge_();
    // A new stored item after the ones there were (not an older page, not a re-load), above any
    // message still on its way: follow it when it is the advisor's, else announce it or offer the pill.
    const n = storedLength(prev);
    const newest = items[storedLength(items) - 1];
    if (n && newest && newest !== prev[n - 1] && items[n - 1] === prev[n - 1]) {
      if (newest.kind === 'message' && newest.sender === 'advisor') this.vw_.scrollToEdge_();
      else {
        if (!this.vw_.atEdge_) this.pill_ = true;
        this.said_ = newest.kind === 'message' ? newest.body.slice(0, 200) : newest.title;
      }
    }
  }

  /** The pill, else (scrolled more than two screens up, or showing the past) the jump to the newest; and the live region. */
  render_(t: FeedStrings, s: HTMLElement | null, past: boolean, go: () => void) {
    const far =
      past ||
      (!!s &&
        !this.vw_.atEdge_ &&
        s.scrollHeight - s.scrollTop - s.clientHeight > 2 * s.clientHeight);
    return html`${
      this.pill_
        ? html`<button part="new-messages" type="button" @click=${go}>${t.newMessagesPill}</button>`
        : far
          ? html`<button part="jump-latest" class="jump" type="button" aria-label=${t.jumpLatest} title=${t.jumpLatest} @click=${go}>↓</button>`
          : nothing
    }
      <div class="visually-hidden" role="status" aria-live="polite">${this.said_}</div>`;
  }
}
