import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link VirtualWindow}. */
export interface VirtualWindowOptions<T extends object> {
  /** The scrolling element (rendered by the host). */
  scroller: () => HTMLElement | null | undefined;
  /** A stable key per row; rendered rows carry it as `data-vkey`. */
  key: (row: T) => string;
  /** A first guess of a row's height in px, used until the row has been measured. */
  estimate: (row: T) => number;
  /** Which edge the view sticks to when it is there: a chat sticks to the bottom, a list to the top. */
  stick: 'top' | 'bottom';
  /** Extra px rendered above and below the viewport; default 400. */
  overscan?: number;
  /**
   * A row kept rendered though out of view (the focused one: a re-order that carries it away must
   * neither take its focus nor scroll the view after it), if it is within 100 rows of the window.
   */
  keep?: () => string | null;
  /** Whether the sticky edge may hold the view now (a chat showing the past has newer items past its bottom: no). */
  canStick?: () => boolean;
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

interface Target {
  key: string;
  align: 'start' | 'center' | 'end' | 'nearest';
  /** How many measuring passes placed it already. */
  passes?: number;
}

interface Anchor {
  key: string;
  /** Whether the row's bottom edge is the anchored one (else its top). */
  bottom: boolean;
  /** The row's anchored edge minus the viewport's top, in px. */
  delta: number;
  index: number;
  /** How many rows there were, to guess where the row is after rows were added above. */
  count: number;
  /** The row itself, and the next row's key and top minus the viewport's top. */
  row?: object;
  next?: [string, number];
}

interface Reading {
  key: string;
  index: number;
  /** The row's top minus the viewport's top, in px. */
  delta: number;
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
  atEdge = true;

  private rows_: readonly T[] = [];
  // Measured heights by row object (not key): summing 100,000 rows then costs no string hashing.
  // Rows that are replaced by a new object (a pending message confirmed) are simply measured again.
  private heights_ = new WeakMap<T, number>();
  private elRow_ = new WeakMap<Element, T>();
  private offsets_ = new Float64Array(1);
  private offsetsFor_: readonly T[] | null = null;
  /** The first row whose offset is stale (rows.length + 1 when none is). */
  private dirtyFrom_ = 0;
  private lastStart_ = 0;
  private anchor_: Anchor | null = null;
  /** The row being read as the last render placed it (held when the width changes). */
  private reading_: Reading | null = null;
  /** Rows whose height changed after their first measurement. */
  private remeasured_ = new WeakSet<T>();
  private pendingTarget_: Target | null = null;
  /** The target placed by this update: placed again while the rows it lands among are measured. */
  private placedTarget_: Target | null = null;
  private targetTop_: number | null = null;
  private observer_?: ResizeObserver;
  private observed_ = new WeakSet<Element>();
  private observedScroller_?: HTMLElement;
  private lastKnownViewport_ = 600;
  private lastKnownWidth_ = 0;
  /** `scrollTop` as this controller last set it or heard of it: a scroll event there is not news. */
  private seenTop_ = 0;
  private resizeFrame_ = 0;
  private correcting_ = false;
  private readonly overscan_: number;

  constructor(
    private host_: ReactiveControllerHost & HTMLElement,
    private opts_: VirtualWindowOptions<T>,
  ) {
    host_.addController(this);
    this.overscan_ = opts_.overscan ?? 400;
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
      this.atEdge = this.isAtEdge(s);
    }
    // The width changed since the last render (rows re-wrap): the offsets no longer match the
    // page, so hold the row that was being read as the last render left it.
    const r = this.reading_;
    if (s && this.lastKnownWidth_ && s.clientWidth !== this.lastKnownWidth_ && r && !this.atEdge) {
      this.lastKnownWidth_ = s.clientWidth;
      this.remeasured_ = new WeakSet();
      this.anchor_ = {
        key: r.key,
        bottom: false,
        delta: r.delta,
        index: r.index,
        count: this.rows_.length,
      };
    } else this.anchor_ = this.captureAnchor_();
  }

  /** After the host rendered: measure new rows, observe them, and put the view where it belongs. */
  hostUpdated(): void {
    const scroller = this.opts_.scroller();
    if (!scroller || !this.observer_) {
      this.placedTarget_ = null;
      return;
    }
    if (this.observedScroller_ !== scroller) {
      this.observedScroller_ = scroller;
      this.observer_.observe(scroller);
    }
    if (this.targetTop_ !== null) {
      const top = this.targetTop_;
      this.targetTop_ = null;
      this.setTop_(
        scroller,
        this.opts_.stick === 'bottom' && this.atEdge ? scroller.scrollHeight : top,
      );
    }
    // Rows are measured here, synchronously, rather than only in the ResizeObserver: one more
    // update, right after this one, corrects the spacers and scrollTop before the frame is
    // painted, so the view never shows a jump (and the observer has nothing left to report).
    let changedFrom = Infinity;
    let i = 0;
    const { key } = this.opts_;
    for (const el of scroller.querySelectorAll<HTMLElement>('[data-vkey]')) {
      if (!this.observed_.has(el)) {
        this.observed_.add(el);
        this.observer_.observe(el);
      }
      // Rendered rows are rows[lastStart..] in DOM order; otherwise look the key up.
      let index = this.lastStart_ + i++;
      if (this.rows_[index] === undefined || key(this.rows_[index]) !== el.dataset.vkey)
        index = this.indexOfKey_(el.dataset.vkey ?? '', -1);
      const row = this.rows_[index];
      if (row === undefined) continue;
      this.elRow_.set(el, row);
      if (this.measure_(el)) changedFrom = Math.min(changedFrom, index);
    }
    const placed = this.placedTarget_;
    this.placedTarget_ = null;
    if (changedFrom !== Infinity) {
      this.dirtyFrom_ = Math.min(this.dirtyFrom_, changedFrom);
      // Rows around a target were estimated when it was placed: place it again with their real
      // heights (a few passes at most), so it lands exactly where asked.
      if (placed && (placed.passes ?? 0) < 3 && !this.pendingTarget_)
        this.pendingTarget_ = { ...placed, passes: (placed.passes ?? 0) + 1 };
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

  private measure_(el: HTMLElement, h = el.getBoundingClientRect().height): boolean {
    const row = this.elRow_.get(el);
    if (!row || !el.isConnected || h <= 0 || Math.abs((this.heights_.get(row) ?? -1) - h) <= 0.5)
      return false;
    if (this.heights_.has(row)) this.remeasured_.add(row);
    this.heights_.set(row, h);
    return true;
  }

  /** Call from the scroller's `scroll` listener. */
  handleScroll(): void {
    const s = this.opts_.scroller();
    if (!s) return;
    if (Math.abs(s.scrollTop - this.seenTop_) < 1) return;
    this.seenTop_ = s.scrollTop;
    this.atEdge = this.isAtEdge(s);
    this.host_.requestUpdate();
  }

  /** Whether the scroller is at its sticky edge, within a few px. */
  isAtEdge(s: HTMLElement): boolean {
    if (this.opts_.canStick?.() === false) return false;
    return this.opts_.stick === 'bottom'
      ? s.scrollHeight - s.scrollTop - s.clientHeight < 4
      : s.scrollTop < 4;
  }

  /**
   * Computes the rows to render for `rows` (call in `render()`), including where `scrollTop`
   * will be put after this update.
   */
  slice(rows: readonly T[]): WindowSlice {
    this.rows_ = rows;
    this.rebuild_();
    const n = rows.length;
    const total = this.offsets_[n];
    const s = this.opts_.scroller();
    const viewport = (s?.clientHeight || this.lastKnownViewport_) ?? 600;
    if (s?.clientHeight) this.lastKnownViewport_ = s.clientHeight;
    let top = s ? s.scrollTop : 0;
    const maxTop = Math.max(0, total - viewport);
    if (this.pendingTarget_) {
      const i = this.indexOfKey_(this.pendingTarget_.key, -1);
      if (i >= 0) {
        const rowTop = this.offsets_[i];
        const h = this.offsets_[i + 1] - rowTop;
        const align = this.pendingTarget_.align;
        if (align === 'start') top = rowTop;
        else if (align === 'end') top = rowTop + h - viewport;
        else if (align === 'center') top = rowTop - (viewport - h) / 2;
        else if (rowTop < top) top = rowTop;
        else if (rowTop + h > top + viewport) top = rowTop + h - viewport;
        this.targetTop_ = top = Math.min(Math.max(0, top), maxTop);
        // A target that leaves the view at its sticky edge (the top of a list, the bottom of a
        // chat) keeps it there: rows that arrive at that edge are then shown, not scrolled away.
        this.atEdge =
          this.opts_.canStick?.() !== false &&
          (this.opts_.stick === 'bottom' ? top >= maxTop - 1 : top <= 1);
        this.placedTarget_ = this.pendingTarget_;
      }
      this.pendingTarget_ = null;
    } else if (this.atEdge) {
      this.targetTop_ = top = this.opts_.stick === 'bottom' ? maxTop : 0;
    } else if (this.anchor_) {
      let a = this.anchor_;
      let i = this.indexOfKey_(a.key, a.index, a.index + this.rows_.length - a.count);
      // A row that changed and left its neighbour (a client who wrote moved to the top) is not
      // followed: the next row keeps its place.
      const r = this.rows_[i + 1];
      if (a.next && i >= 0 && this.rows_[i] !== a.row && (r && this.opts_.key(r)) !== a.next[0]) {
        a = { ...a, key: a.next[0], bottom: false, delta: a.next[1] };
        i = this.indexOfKey_(a.key, a.index + 1);
      }
      if (i >= 0)
        this.targetTop_ = top = Math.min(
          Math.max(0, this.offsets_[a.bottom ? i + 1 : i] - a.delta),
          maxTop,
        );
    }
    const from = top - this.overscan_;
    const to = top + viewport + this.overscan_;
    let start = Math.max(0, this.findRow_(from));
    let end = start;
    while (end < n && this.offsets_[end] < to) end++;
    const kept = this.opts_.keep?.();
    if (kept) {
      const k = this.indexOfKey_(kept, this.lastStart_);
      if (k >= end && k - end < 100) end = k + 1;
      else if (k >= 0 && k < start && start - k < 100) start = k;
    }
    this.lastStart_ = start;
    this.reading_ = this.readingAt_(top, viewport);
    return { start, end, before: this.offsets_[start], after: total - this.offsets_[end] };
  }

  /** Whether a render with the rows' real heights is on its way (what is known now is a guess). */
  get settling(): boolean {
    return this.correcting_;
  }

  /** Total height of all rows as currently known. */
  get totalHeight(): number {
    return this.offsets_[this.offsets_.length - 1];
  }

  /** Brings a row into view (rendered or not) on the next update. */
  scrollToKey(key: string, align: 'start' | 'center' | 'end' | 'nearest' = 'nearest'): void {
    this.pendingTarget_ = { key, align };
    this.host_.requestUpdate();
  }

  /** Goes to the sticky edge (e.g. the newest message) and stays there. */
  scrollToEdge(): void {
    this.atEdge = true;
    this.pendingTarget_ = null;
    this.host_.requestUpdate();
  }

  /** The index of the first row whose bottom is below the viewport's top. */
  firstVisibleIndex(): number {
    const s = this.opts_.scroller();
    return s ? this.findRow_(s.scrollTop) : 0;
  }

  /** The index of the last row whose top is above the viewport's bottom. */
  lastVisibleIndex(): number {
    const s = this.opts_.scroller();
    if (!s) return this.rows_.length - 1;
    return Math.min(this.rows_.length - 1, this.findRow_(s.scrollTop + s.clientHeight - 1));
  }

  /** The index of the row with this key, or -1. */
  indexOf(key: string): number {
    return this.indexOfKey_(key, this.lastStart_);
  }

  /** Forgets measured heights (e.g. after a width change that re-wraps every row). */
  invalidate(): void {
    this.heights_ = new WeakMap();
    this.remeasured_ = new WeakSet();
    this.dirtyFrom_ = 0;
    this.host_.requestUpdate();
  }

  private captureAnchor_(): Anchor | null {
    const s = this.opts_.scroller();
    if (!s || !this.rows_.length || this.offsetsFor_ !== this.rows_) return null;
    const index = this.findRow_(s.scrollTop);
    const row = this.rows_[index];
    if (row === undefined) return null;
    // A row's first measurement lays it out from its top (keep the top still). In a chat, a row
    // that changes after it was measured changes at its top: its day separator moves to an older
    // entry of the same day when a page is prepended. Its bottom, where the text is, stays still.
    const bottom = this.opts_.stick === 'bottom' && this.remeasured_.has(row);
    const edge = this.offsets_[bottom ? index + 1 : index];
    const next = this.rows_[index + 1];
    return {
      key: this.opts_.key(row),
      bottom,
      delta: edge - s.scrollTop,
      index,
      count: this.rows_.length,
      row,
      next: next && [this.opts_.key(next), this.offsets_[index + 1] - s.scrollTop],
    };
  }

  private rebuild_(): void {
    const rows = this.rows_;
    const n = rows.length;
    // Offsets are recomputed only from the first stale row: measuring the rows near the bottom
    // of a 100,000-item chat must not walk all of it.
    let from = this.offsetsFor_ === rows ? this.dirtyFrom_ : 0;
    if (from > n) return;
    if (this.offsets_.length !== n + 1) {
      this.offsets_ = new Float64Array(n + 1);
      from = 0;
    }
    const { estimate } = this.opts_;
    let acc = this.offsets_[from];
    for (let i = from; i < n; i++) {
      this.offsets_[i] = acc;
      const r = rows[i];
      acc += this.heights_.get(r) ?? estimate(r);
    }
    this.offsets_[n] = acc;
    this.offsetsFor_ = rows;
    this.dirtyFrom_ = n + 1;
  }

  /** Binary search: the row containing the y position `y`. */
  private findRow_(y: number): number {
    const o = this.offsets_;
    let lo = 0;
    let hi = this.rows_.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (o[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private indexOfKey_(key: string, ...hints: number[]): number {
    const rows = this.rows_;
    const k = this.opts_.key;
    // Most updates keep the row where it was, or shift it by the number of rows added above.
    for (const h of hints) if (h >= 0 && h < rows.length && k(rows[h]) === key) return h;
    for (let i = 0; i < rows.length; i++) if (k(rows[i]) === key) return i;
    return -1;
  }

  private handleResize_(entries: ResizeObserverEntry[]): void {
    const s = this.opts_.scroller();
    // Where the advisor was reading, from the layout as it was before this resize (offsets are
    // only rebuilt below): the first row whose top is in view, else the row across the top.
    const hold = s && !this.atEdge ? this.reading_ : null;
    let changed = false;
    let rewrapped = false;
    const wasShown = this.lastKnownWidth_ > 0;
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      if (el === s) {
        changed ||= s.clientHeight !== this.lastKnownViewport_;
        rewrapped = s.clientWidth !== this.lastKnownWidth_;
        this.lastKnownWidth_ = s.clientWidth;
      } else if (this.measure_(el, entry.borderBoxSize?.[0]?.blockSize)) changed = true;
    }
    // A new width re-wraps every row: none changed only at its top, so the view keeps the top edge
    // of the row it shows first (where the advisor is reading), not the bottom edge.
    if (rewrapped) this.remeasured_ = new WeakSet();
    if (!changed) return;
    // A width change of a view on screen (not one being shown, whose rows render afresh).
    if (s && rewrapped && wasShown && s.clientWidth > 0) {
      // This callback runs after layout and before paint: putting scrollTop right here means no
      // frame ever shows the jump. Only the rendered rows changed, and they are measured now, so
      // the offsets rebuilt from them match the page as it is.
      this.dirtyFrom_ = 0;
      this.rebuild_();
      // (At the sticky edge the next render puts it back there.)
      if (hold) {
        const i = this.indexOfKey_(hold.key, hold.index);
        if (i >= 0) this.setTop_(s, this.offsets_[i] - hold.delta);
      }
    }
    if (this.resizeFrame_) return;
    // Render again on the next frame (new spacers, rows that now fit): updating inside the
    // observer's callback would start a ResizeObserver loop.
    this.resizeFrame_ = requestAnimationFrame(() => {
      this.resizeFrame_ = 0;
      this.dirtyFrom_ = 0;
      this.host_.requestUpdate();
    });
  }

  /** The row read at `top`: the first whose top is in view, else the one across the top edge. */
  private readingAt_(top: number, viewport: number): Reading | null {
    if (!this.rows_.length) return null;
    let index = this.findRow_(top);
    if (this.offsets_[index] < top - 0.5 && this.offsets_[index + 1] < top + viewport) index++;
    const row = this.rows_[index];
    return row === undefined
      ? null
      : { key: this.opts_.key(row), index, delta: this.offsets_[index] - top };
  }
}
