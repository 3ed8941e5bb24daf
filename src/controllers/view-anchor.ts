import type { RowHeights } from './row-heights.js';

/** Where a row is to be brought into view. */
export type Align = 'start' | 'center' | 'end' | 'nearest';

interface Target {
  key: string;
  align: Align;
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

/** A row as the last render placed it. */
export interface Reading {
  key: string;
  index: number;
  /** The row's top minus the viewport's top, in px. */
  delta: number;
}

/** What the anchor needs from its {@link VirtualWindow}. */
export interface AnchorHost {
  /** Whether the view is at its sticky edge. */
  atEdge_: boolean;
  /** Whether the sticky edge may hold the view now. */
  canStick_(): boolean;
}

/**
 * Where a {@link VirtualWindow} puts `scrollTop` after an update: on a target row brought into
 * view (placed again while the rows around it are measured), at the sticky edge, or keeping the row
 * at the top of the view still, anchored on its key (its top edge, or its bottom edge when it
 * changed at its top); and the row being read, held when the width changes.
 */
export class ViewAnchor<T extends object> {
  /** The row being read as the last render placed it (held when the width changes). */
  reading_?: Reading | undefined;
  /** Where this update puts `scrollTop`, if anywhere. */
  top_?: number | undefined;
  private anchor_?: Anchor | undefined;
  private pending_?: Target | undefined;
  /** The target placed by this update: placed again while the rows it lands among are measured. */
  private placed_?: Target | undefined;

  constructor(
    private readonly w_: AnchorHost,
    private readonly h_: RowHeights<T>,
    /** Whether the view sticks to the bottom (a chat), else to the top (a list). */
    private readonly bottom_: boolean,
  ) {}

  /** Brings a row into view on the next update (none without a `key`). */
  target_(key?: string, align: Align = 'nearest'): void {
    this.pending_ = key === undefined ? key : { key, align };
  }

  /**
   * Before an update: notes the row at the top of the view. `rewrapped`: the width changed since
   * the last render (rows re-wrap, so the offsets no longer match the page): the row that was
   * being read is held as that render left it, and true is returned.
   */
  capture_(s: HTMLElement | null | undefined, rewrapped: boolean): boolean {
    const h = this.h_;
    const n = h.rows_.length;
    const r = this.reading_;
    if (rewrapped && r) {
      h.remeasured_ = new WeakSet();
      this.anchor_ = { ...r, bottom: false, count: n };
      return true;
    }
    this.anchor_ = undefined;
    if (!s || !n || !h.current_) return false;
    const index = h.findRow_(s.scrollTop);
    const row = h.rows_[index];
    if (row === undefined) return false;
    // A row's first measurement lays it out from its top (keep the top still). In a chat, a row
    // that changes after it was measured changes at its top: its day separator moves to an older
    // entry of the same day when a page is prepended. Its bottom, where the text is, stays still.
    const bottom = this.bottom_ && h.remeasured_.has(row);
    const next = h.rows_[index + 1];
    this.anchor_ = {
      key: h.key_(row),
      bottom,
      delta: h.offsets_[bottom ? index + 1 : index] - s.scrollTop,
      index,
      count: n,
      row,
      next: next && [h.key_(next), h.offsets_[index + 1] - s.scrollTop],
    };
    return false;
  }

  /** In `slice`: where `scrollTop` goes (`top` now, `maxTop` the furthest it can go). */
  place_(top: number, viewport: number, maxTop: number): number {
    const h = this.h_;
    const o = h.offsets_;
    const w = this.w_;
    const t = this.pending_;
    if (t) {
      const i = h.indexOfKey_(t.key, -1);
      if (i >= 0) {
        const rowTop = o[i];
        const rh = o[i + 1] - rowTop;
        const align = t.align;
        if (align === 'start') top = rowTop;
        else if (align === 'end') top = rowTop + rh - viewport;
        else if (align === 'center') top = rowTop - (viewport - rh) / 2;
        else if (rowTop < top) top = rowTop;
        else if (rowTop + rh > top + viewport) top = rowTop + rh - viewport;
        this.top_ = top = Math.min(Math.max(0, top), maxTop);
        // A target that leaves the view at its sticky edge (the top of a list, the bottom of a
        // chat) keeps it there: rows that arrive at that edge are then shown, not scrolled away.
        w.atEdge_ = w.canStick_() && (this.bottom_ ? top >= maxTop - 1 : top <= 1);
        this.placed_ = t;
      }
      this.pending_ = undefined;
    } else if (w.atEdge_) {
      this.top_ = top = this.bottom_ ? maxTop : 0;
    } else if (this.anchor_) {
      let a = this.anchor_;
      let i = h.indexOfKey_(a.key, a.index, a.index + h.rows_.length - a.count);
      // A row that changed and left its neighbour (a client who wrote moved to the top) is not
      // followed: the next row keeps its place.
      const r = h.rows_[i + 1];
      if (a.next && i >= 0 && h.rows_[i] !== a.row && (r && h.key_(r)) !== a.next[0]) {
        a = { ...a, key: a.next[0], bottom: false, delta: a.next[1] };
        i = h.indexOfKey_(a.key, a.index + 1);
      }
      if (i >= 0)
        this.top_ = top = Math.min(Math.max(0, o[a.bottom ? i + 1 : i] - a.delta), maxTop);
    }
    // The row read at `top`: the first whose top is in view, else the one across the top edge.
    let index = h.findRow_(top);
    if (o[index] < top - 0.5 && o[index + 1] < top + viewport) index++;
    const row = h.rows_[index];
    this.reading_ = row && { key: h.key_(row), index, delta: o[index] - top };
    return top;
  }

  /**
   * After an update has measured its rows (`changed`: some height changed): a target placed among
   * estimated rows is placed again with their real heights (a few passes at most), so it lands
   * exactly where asked.
   */
  settle_(changed: boolean): void {
    const p = this.placed_;
    this.placed_ = undefined;
    if (changed && p && (p.passes ?? 0) < 3 && !this.pending_)
      this.pending_ = { ...p, passes: (p.passes ?? 0) + 1 };
  }
}
