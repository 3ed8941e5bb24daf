import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link VirtualWindow}. */
export interface VirtualWindowOptions<T> {
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

interface Anchor {
  key: string;
  /** The row's top minus the viewport's top, in px. */
  delta: number;
  index: number;
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
export class VirtualWindow<T> implements ReactiveController {
  /** Whether the view is at its sticky edge (kept there as rows arrive or grow). */
  atEdge = true;

  private rows: readonly T[] = [];
  private heights = new Map<string, number>();
  private offsets = new Float64Array(1);
  private offsetsFor: readonly T[] | null = null;
  private dirty = true;
  private anchor: Anchor | null = null;
  private pendingTarget: { key: string; align: 'start' | 'center' | 'end' | 'nearest' } | null = null;
  private targetTop: number | null = null;
  private observer?: ResizeObserver;
  private observed = new WeakSet<Element>();
  private observedScroller?: HTMLElement;
  private lastKnownViewport = 600;
  private lastSetTop: number | null = null;
  private resizeFrame = 0;
  private readonly overscan: number;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private opts: VirtualWindowOptions<T>,
  ) {
    host.addController(this);
    this.overscan = opts.overscan ?? 400;
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => this.handleResize(entries));
    this.observed = new WeakSet();
    this.observedScroller = undefined;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = 0;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Before the host renders: note which row is at the top of the view. */
  hostUpdate(): void {
    this.anchor = this.captureAnchor();
  }

  /** After the host rendered: measure new rows, observe them, and put the view where it belongs. */
  hostUpdated(): void {
    const scroller = this.opts.scroller();
    if (!scroller || !this.observer) return;
    if (this.observedScroller !== scroller) {
      this.observedScroller = scroller;
      this.observer.observe(scroller);
    }
    if (this.targetTop !== null) {
      const top = this.targetTop;
      this.targetTop = null;
      this.setTop(scroller, this.opts.stick === 'bottom' && this.atEdge ? scroller.scrollHeight : top);
    }
    // Rows are measured here, synchronously, rather than only in the ResizeObserver: a second
    // update then corrects the spacers and scrollTop before the frame is painted, so the view
    // never shows a jump (and the observer has nothing left to report for new rows).
    let changed = false;
    for (const el of scroller.querySelectorAll<HTMLElement>('[data-vkey]')) {
      if (!this.observed.has(el)) {
        this.observed.add(el);
        this.observer.observe(el);
      }
      if (this.measure(el)) changed = true;
    }
    if (changed) {
      this.dirty = true;
      this.host.requestUpdate();
    }
  }

  private setTop(s: HTMLElement, top: number): void {
    if (Math.abs(s.scrollTop - top) > 0.5) s.scrollTop = top;
    // Remember where we put it, so the scroll event this causes is not taken for the user's.
    this.lastSetTop = s.scrollTop;
  }

  private measure(el: HTMLElement, h = el.getBoundingClientRect().height): boolean {
    const key = el.dataset.vkey;
    if (!key || !el.isConnected || h <= 0 || Math.abs((this.heights.get(key) ?? -1) - h) <= 0.5) return false;
    this.heights.set(key, h);
    return true;
  }

  /** Call from the scroller's `scroll` listener. */
  handleScroll(): void {
    const s = this.opts.scroller();
    if (!s) return;
    if (this.lastSetTop !== null && Math.abs(s.scrollTop - this.lastSetTop) < 1) return;
    this.lastSetTop = null;
    this.atEdge = this.isAtEdge(s);
    this.host.requestUpdate();
  }

  /** Whether the scroller is at its sticky edge, within a few px. */
  isAtEdge(s: HTMLElement): boolean {
    return this.opts.stick === 'bottom' ? s.scrollHeight - s.scrollTop - s.clientHeight < 4 : s.scrollTop < 4;
  }

  /**
   * Computes the rows to render for `rows` (call in `render()`), including where `scrollTop`
   * will be put after this update.
   */
  slice(rows: readonly T[]): WindowSlice {
    this.rows = rows;
    this.rebuild();
    const n = rows.length;
    const total = this.offsets[n];
    const s = this.opts.scroller();
    const viewport = (s?.clientHeight || this.lastKnownViewport) ?? 600;
    if (s?.clientHeight) this.lastKnownViewport = s.clientHeight;
    let top = s ? s.scrollTop : 0;
    const maxTop = Math.max(0, total - viewport);
    if (this.pendingTarget) {
      const i = this.indexOfKey(this.pendingTarget.key, -1);
      if (i >= 0) {
        const rowTop = this.offsets[i];
        const h = this.offsets[i + 1] - rowTop;
        const align = this.pendingTarget.align;
        if (align === 'start') top = rowTop;
        else if (align === 'end') top = rowTop + h - viewport;
        else if (align === 'center') top = rowTop - (viewport - h) / 2;
        else if (rowTop < top) top = rowTop;
        else if (rowTop + h > top + viewport) top = rowTop + h - viewport;
        this.atEdge = false;
        this.targetTop = top = Math.min(Math.max(0, top), maxTop);
        this.atEdge = this.opts.stick === 'bottom' ? top >= maxTop - 1 : top <= 1;
      }
      this.pendingTarget = null;
    } else if (this.atEdge) {
      this.targetTop = top = this.opts.stick === 'bottom' ? maxTop : 0;
    } else if (this.anchor) {
      const i = this.indexOfKey(this.anchor.key, this.anchor.index);
      if (i >= 0) this.targetTop = top = Math.min(Math.max(0, this.offsets[i] - this.anchor.delta), maxTop);
    }
    const from = top - this.overscan;
    const to = top + viewport + this.overscan;
    const start = Math.max(0, this.findRow(from));
    let end = start;
    while (end < n && this.offsets[end] < to) end++;
    return { start, end, before: this.offsets[start], after: total - this.offsets[end] };
  }

  /** Total height of all rows as currently known. */
  get totalHeight(): number {
    return this.offsets[this.offsets.length - 1];
  }

  /** Brings a row into view (rendered or not) on the next update. */
  scrollToKey(key: string, align: 'start' | 'center' | 'end' | 'nearest' = 'nearest'): void {
    this.pendingTarget = { key, align };
    this.host.requestUpdate();
  }

  /** Goes to the sticky edge (e.g. the newest message) and stays there. */
  scrollToEdge(): void {
    this.atEdge = true;
    this.pendingTarget = null;
    this.host.requestUpdate();
  }

  /** The index of the first row whose bottom is below the viewport's top. */
  firstVisibleIndex(): number {
    const s = this.opts.scroller();
    return s ? this.findRow(s.scrollTop) : 0;
  }

  /** The index of the last row whose top is above the viewport's bottom. */
  lastVisibleIndex(): number {
    const s = this.opts.scroller();
    if (!s) return this.rows.length - 1;
    return Math.min(this.rows.length - 1, this.findRow(s.scrollTop + s.clientHeight - 1));
  }

  /** Forgets measured heights (e.g. after a width change that re-wraps every row). */
  invalidate(): void {
    this.heights.clear();
    this.dirty = true;
    this.host.requestUpdate();
  }

  private captureAnchor(): Anchor | null {
    const s = this.opts.scroller();
    if (!s || !this.rows.length || this.offsetsFor !== this.rows) return null;
    const index = this.findRow(s.scrollTop);
    const row = this.rows[index];
    if (row === undefined) return null;
    return { key: this.opts.key(row), delta: this.offsets[index] - s.scrollTop, index };
  }

  private rebuild(): void {
    if (!this.dirty && this.offsetsFor === this.rows) return;
    const rows = this.rows;
    const n = rows.length;
    if (this.offsets.length !== n + 1) this.offsets = new Float64Array(n + 1);
    const { key, estimate } = this.opts;
    let acc = 0;
    for (let i = 0; i < n; i++) {
      this.offsets[i] = acc;
      const r = rows[i];
      acc += this.heights.get(key(r)) ?? estimate(r);
    }
    this.offsets[n] = acc;
    this.offsetsFor = rows;
    this.dirty = false;
  }

  /** Binary search: the row containing the y position `y`. */
  private findRow(y: number): number {
    const o = this.offsets;
    let lo = 0;
    let hi = this.rows.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (o[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private indexOfKey(key: string, hint: number): number {
    const { rows } = this;
    const k = this.opts.key;
    // Most updates keep the row where it was, or shift it by the number of rows added above.
    if (hint >= 0 && hint < rows.length && k(rows[hint]) === key) return hint;
    for (let i = 0; i < rows.length; i++) if (k(rows[i]) === key) return i;
    return -1;
  }

  private handleResize(entries: ResizeObserverEntry[]): void {
    const s = this.opts.scroller();
    let changed = false;
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      if (el === s) changed ||= s.clientHeight !== this.lastKnownViewport;
      else if (this.measure(el, entry.borderBoxSize?.[0]?.blockSize)) changed = true;
    }
    if (!changed || this.resizeFrame) return;
    // A row changed size after it was rendered (an image loaded, the width changed). Re-render on
    // the next frame: updating inside the observer's callback would start a ResizeObserver loop.
    this.resizeFrame = requestAnimationFrame(() => {
      this.resizeFrame = 0;
      this.dirty = true;
      this.host.requestUpdate();
    });
  }
}
