/**
 * The rows of a {@link VirtualWindow} and their heights: measured heights cached by row, each row's
 * offset from the top (rebuilt only from the first stale row), and lookups by position and key.
 */
export class RowHeights<T extends object> {
  /** The rows, as last given to {@link rebuild_}. */
  rows_: readonly T[] = [];
  /** Each row's top in px; the total height at `[rows.length]`. */
  offsets_ = new Float64Array(1);
  /** The first row whose offset is stale (rows.length + 1 when none is). */
  dirtyFrom_ = 0;
  /** Rows whose height changed after their first measurement. */
  remeasured_ = new WeakSet<T>();
  // Measured heights by row object (not key): summing 100,000 rows then costs no string hashing.
  // Rows that are replaced by a new object (a pending message confirmed) are simply measured again.
  private heights_ = new WeakMap<T, number>();
  private elRow_ = new WeakMap<Element, T>();
  private offsetsFor_?: readonly T[];

  constructor(
    /** A stable key per row. */
    readonly key_: (row: T) => string,
    /** A first guess of a row's height, used until it has been measured. */
    private estimate_: (row: T) => number,
  ) {}

  /** Whether the offsets are those of the rows as they are. */
  get current_(): boolean {
    return this.offsetsFor_ === this.rows_;
  }

  /** Ties a rendered row's element to its row (expected at index `at`); returns its index, or -1. */
  bind_(el: HTMLElement, at: number): number {
    const rows = this.rows_;
    // Rendered rows are rows[start..] in DOM order; otherwise look the key up.
    if (rows[at] === undefined || this.key_(rows[at]) !== el.dataset.vkey)
      at = this.indexOfKey_(el.dataset.vkey ?? '', -1);
    const row = rows[at];
    if (row === undefined) return -1;
    this.elRow_.set(el, row);
    return at;
  }

  /** Notes a bound element's height (`h`, else measured now); returns whether it changed. */
  measure_(el: HTMLElement, h = el.getBoundingClientRect().height): boolean {
    const row = this.elRow_.get(el);
    if (!row || !el.isConnected || h <= 0 || Math.abs((this.heights_.get(row) ?? -1) - h) <= 0.5)
      return false;
    if (this.heights_.has(row)) this.remeasured_.add(row);
    this.heights_.set(row, h);
    return true;
  }

  /** Brings the offsets up to date for `rows`. */
  rebuild_(rows: readonly T[] = this.rows_): void {
    this.rows_ = rows;
    const n = rows.length;
    // Offsets are recomputed only from the first stale row: measuring the rows near the bottom
    // of a 100,000-item chat must not walk all of it.
    let from = this.offsetsFor_ === rows ? this.dirtyFrom_ : 0;
    if (from > n) return;
    if (this.offsets_.length !== n + 1) {
      this.offsets_ = new Float64Array(n + 1);
      from = 0;
    }
    let acc = this.offsets_[from];
    for (let i = from; i < n; i++) {
      this.offsets_[i] = acc;
      const r = rows[i];
      acc += this.heights_.get(r) ?? this.estimate_(r);
    }
    this.offsets_[n] = acc;
    this.offsetsFor_ = rows;
    this.dirtyFrom_ = n + 1;
  }

  /** Binary search: the row containing the y position `y`. */
  findRow_(y: number): number {
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

  /** The index of the row with this key (tried first at the `hints`), or -1. */
  indexOfKey_(key: string, ...hints: number[]): number {
    const rows = this.rows_;
    const k = this.key_;
    // Most updates keep the row where it was, or shift it by the number of rows added above.
    for (const h of hints) if (h >= 0 && h < rows.length && k(rows[h]) === key) return h;
    for (let i = 0; i < rows.length; i++) if (k(rows[i]) === key) return i;
    return -1;
  }
}
