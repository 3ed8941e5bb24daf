import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RowHeights } from './row-heights.js';
import { type Align, ViewAnchor } from './view-anchor.js';

/** Options of {@link VirtualWindow}. */
export interface VirtualWindowOptions<T extends object> {
  /** The scrolling element (rendered by the host). */
  scroller: () => HTMLElement | null | undefined;
  /** A stable key per row; rendered rows carry it as `data-vkey`. */
  key: (row: T) => string;
  /** A first guess of a row's height in px, used until the row has been measured. */
  estimate_: (row: T) => number;
  /** Which edge the view sticks to when it is there: a chat sticks to the bottom, a list to the top. */
  stick: 'top' | 'bottom';
  /** Extra px rendered above and below the viewport; default 400. */
  overscan_?: number;
  /**
   * A row kept rendered though out of view (the focused one: a re-order that carries it away must
   * neither take its focus nor scroll the view after it), if it is within 100 rows of the window.
   */
  keep?: () => string | null;
  /** Whether the sticky edge may hold the view now (a chat showing the past has newer items past its bottom: no). */
  canStick_?: () => boolean;
}

/** The slice of rows to render and the spacer heights around it. */
export interface WindowSlice {
  start: number;
  end: number;
  /** Height of the spacer before the first rendered row. */
  before: number;
  /** Height of the spacer after the last rendered row. */
  after: number;
}

/**
 * Windowing for long lists of rows of any height: only the rows in view plus a margin are in the
 * DOM, between two spacers. Heights are measured with a ResizeObserver and cached by row key.
 *
 * The view is kept still by anchoring on a row's *key* (not its index): before each update the
 * first visible row and its distance from the viewport's top are noted; after the update (new
 * rows above, rows measured, rows removed) `scrollTop` is corrected once so that row stays put.
 * At the sticky edge (bottom for a chat) the view stays at that edge instead.
 * We use this rather than `@lit-labs/virtualizer` because that one anchors on an index, so a
 * prepend moves its anchor, and it would cost about 10 KB of our 20 KB budget.
 */
export class VirtualWindow<T extends object> implements ReactiveController {
  /** Whether the view is at its sticky edge (kept there as rows arrive or grow). */
  atEdge_ = true;

  private readonly h_: RowHeights<T>;
  private readonly a_: ViewAnchor<T>;
  private lastStart_ = 0;
  private observer_?: ResizeObserver;
  private observed_ = new WeakSet<Element>();
  private observedScroller_?: HTMLElement;
  private lastKnownViewport_ = 600;
  private lastKnownWidth_ = 0;
  /** `scrollTop` as this controller last set it or heard of it: a scroll event there is not news. */
  private seenTop_ = 0;
  private resizeFrame_ = 0;
  private correcting_ = false;

  constructor(
    private host_: ReactiveControllerHost & HTMLElement,
    private opts_: VirtualWindowOptions<T>,
  ) {
    host_.addController(this);
    this.h_ = new RowHeights(opts_.key, opts_.estimate_);
    this.a_ = new ViewAnchor(this, this.h_, opts_.stick === 'bottom');
  }

  hostConnected(): void {
    this.observer_ = new ResizeObserver((entries) => this.handleResize_(entries));
    this.observed_ = new WeakSet();
    this.observedScroller_ = undefined;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.resizeFrame_);
    this.resizeFrame_ = 0;
    this.observer_?.disconnect();
    this.observer_ = undefined;
  }

  /** Before the host renders: note which row is at the top of the view. */
  hostUpdate(): void {
    // A scroll whose event has not arrived yet (the browser sends it with the next frame) may
    // precede this update, e.g. a click that first scrolls its row into view and then focuses it:
    // take it into account now, or the view would be put back where it was.
    const s = this.opts_.scroller();
    if (s && Math.abs(s.scrollTop - this.seenTop_) >= 1) {
      this.seenTop_ = s.scrollTop;
      this.atEdge_ = this.isAtEdge_(s);
    }
    // The width changed since the last render (rows re-wrap): the row being read is held.
    const w = this.lastKnownWidth_;
    if (this.a_.capture_(s, !!s && !!w && s.clientWidth !== w && !this.atEdge_))
      this.lastKnownWidth_ = s!.clientWidth;
  }

  /** After the host rendered: measure new rows, observe them, and put the view where it belongs. */
  hostUpdated(): void {
    const scroller = this.opts_.scroller();
    if (!scroller || !this.observer_) return this.a_.settle_(false);
    if (this.observedScroller_ !== scroller) {
      this.observedScroller_ = scroller;
      this.observer_.observe(scroller);
    }
    const top = this.a_.top_;
    if (top !== undefined) {
      this.a_.top_ = undefined;
      this.setTop_(
        scroller,
        this.opts_.stick === 'bottom' && this.atEdge_ ? scroller.scrollHeight : top,
      );
    }
    // Rows are measured here, synchronously, rather than only in the ResizeObserver: one more
    // update, right after this one, corrects the spacers and scrollTop before the frame is
    // painted, so the view never shows a jump (and the observer has nothing left to report).
    let changedFrom = Infinity;
    let i = this.lastStart_;
    const h = this.h_;
    for (const el of scroller.querySelectorAll<HTMLElement>('[data-vkey]')) {
      if (!this.observed_.has(el)) {
        this.observed_.add(el);
        this.observer_.observe(el);
      }
      const index = h.bind_(el, i++);
      if (index >= 0 && h.measure_(el)) changedFrom = Math.min(changedFrom, index);
    }
    const changed = changedFrom !== Infinity;
    this.a_.settle_(changed);
    if (changed) {
      h.dirtyFrom_ = Math.min(h.dirtyFrom_, changedFrom);
      this.correctAfterUpdate_();
    }
  }

  /**
   * Renders once more with the rows' real heights, once this update has completed: the promise
   * settles in a microtask, still before the frame is painted (so no jump shows), and Lit is not
   * asked for an update while it is finishing one (which its dev build warns about).
   */
  private correctAfterUpdate_(): void {
    if (this.correcting_) return;
    this.correcting_ = true;
    void this.host_.updateComplete.then(() => {
      this.correcting_ = false;
      this.host_.requestUpdate();
    });
  }

  private setTop_(s: HTMLElement, top: number): void {
    if (Math.abs(s.scrollTop - top) > 0.5) s.scrollTop = top;
    // Remember where we put it, so the scroll event this causes is not taken for the user's.
    this.seenTop_ = s.scrollTop;
  }

  /** Call from the scroller's `scroll` listener. */
  handleScroll_(): void {
    const s = this.opts_.scroller();
    if (!s) return;
    if (Math.abs(s.scrollTop - this.seenTop_) < 1) return;
    this.seenTop_ = s.scrollTop;
    this.atEdge_ = this.isAtEdge_(s);
    this.host_.requestUpdate();
  }

  /** Whether the scroller is at its sticky edge, within a few px. */
  isAtEdge_(s: HTMLElement): boolean {
    if (!this.canStick_()) return false;
    return this.opts_.stick === 'bottom'
      ? s.scrollHeight - s.scrollTop - s.clientHeight < 4
      : s.scrollTop < 4;
  }

  /** Whether the sticky edge may hold the view now. */
  canStick_(): boolean {
    return this.opts_.canStick_?.() !== false;
  }

  /**
   * Computes the rows to render for `rows` (call in `render()`), including where `scrollTop`
   * will be put after this update.
   */
  slice(rows: readonly T[]): WindowSlice {
    const h = this.h_;
    h.rebuild_(rows);
    const o = h.offsets_;
    const n = rows.length;
    const total = o[n];
    const s = this.opts_.scroller();
    const viewport = (s?.clientHeight || this.lastKnownViewport_) ?? 600;
    if (s?.clientHeight) this.lastKnownViewport_ = s.clientHeight;
    const top = this.a_.place_(s ? s.scrollTop : 0, viewport, Math.max(0, total - viewport));
    const overscan_ = this.opts_.overscan_ ?? 400;
    const to = top + viewport + overscan_;
    let start = Math.max(0, h.findRow_(top - overscan_));
    let end = start;
    while (end < n && o[end] < to) end++;
    const kept = this.opts_.keep?.();
    if (kept) {
      const k = h.indexOfKey_(kept, this.lastStart_);
      if (k >= end && k - end < 100) end = k + 1;
      else if (k >= 0 && k < start && start - k < 100) start = k;
    }
    this.lastStart_ = start;
    return { start, end, before: o[start], after: total - o[end] };
  }

  /** Whether a render with the rows' real heights is on its way (what is known now is a guess). */
  get settling_(): boolean {
    return this.correcting_;
  }

  /** Brings a row into view (rendered or not) on the next update. */
  scrollToKey_(key: string, align: Align = 'nearest'): void {
    this.a_.target_(key, align);
    this.host_.requestUpdate();
  }

  /** Goes to the sticky edge (e.g. the newest message) and stays there. */
  scrollToEdge_(): void {
    this.atEdge_ = true;
    this.a_.target_();
    this.host_.requestUpdate();
  }

  /** The index of the first row whose bottom is below the viewport's top. */
  firstVisibleIndex_(): number {
    const s = this.opts_.scroller();
    return s ? this.h_.findRow_(s.scrollTop) : 0;
  }

  /** The index of the last row whose top is above the viewport's bottom. */
  lastVisibleIndex_(): number {
    const s = this.opts_.scroller();
    const h = this.h_;
    const last = h.rows_.length - 1;
    return s ? Math.min(last, h.findRow_(s.scrollTop + s.clientHeight - 1)) : last;
  }

  private handleResize_(entries: ResizeObserverEntry[]): void {
    const s = this.opts_.scroller();
    // Where the advisor was reading, from the layout as it was before this resize (offsets are
    // only rebuilt below): the first row whose top is in view, else the row across the top.
    const hold = s && !this.atEdge_ ? this.a_.reading_ : null;
    const h = this.h_;
    let changed = false;
    let rewrapped = false;
    const wasShown = this.lastKnownWidth_ > 0;
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      if (el === s) {
        changed ||= s.clientHeight !== this.lastKnownViewport_;
        rewrapped = s.clientWidth !== this.lastKnownWidth_;
        this.lastKnownWidth_ = s.clientWidth;
      } else if (h.measure_(el, entry.borderBoxSize?.[0]?.blockSize)) changed = true;
    }
    // A new width re-wraps every row: none changed only at its top, so the view keeps the top edge
    // of the row it shows first (where the advisor is reading), not the bottom edge.
    if (rewrapped) h.remeasured_ = new WeakSet();
    if (!changed) return;
    // A width change of a view on screen (not one being shown, whose rows render afresh).
    if (s && rewrapped && wasShown && s.clientWidth > 0) {
      // This callback runs after layout and before paint: putting scrollTop right here means no
      // frame ever shows the jump. Only the rendered rows changed, and they are measured now, so
      // the offsets rebuilt from them match the page as it is.
      h.dirtyFrom_ = 0;
      h.rebuild_();
      // (At the sticky edge the next render puts it back there.)
      if (hold) {
        const i = h.indexOfKey_(hold.key, hold.index);
        if (i >= 0) this.setTop_(s, h.offsets_[i] - hold.delta);
      }
    }
    if (this.resizeFrame_) return;
    // Render again on the next frame (new spacers, rows that now fit): updating inside the
    // observer's callback would start a ResizeObserver loop.
    this.resizeFrame_ = requestAnimationFrame(() => {
      this.resizeFrame_ = 0;
      h.dirtyFrom_ = 0;
      this.host_.requestUpdate();
    });
  }
}
