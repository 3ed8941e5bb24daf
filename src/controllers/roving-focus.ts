import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VirtualWindow } from './virtual-window.js';

/** Options of {@link RovingFocus}. */
export interface RovingFocusOptions<T extends object> {
  /** The rows in order (as the virtual window has them). */
  rows: () => readonly T[];
  /** A row's key (rendered rows carry it as `data-vkey`). */
  key: (row: T) => string;
  /** How many rows Page Up and Page Down move. */
  page: () => number;
  /**
   * The focused row left the DOM during an update (a re-order, a scroll out of the window) and
   * focus went nowhere; without this option, focus is simply put back on it when it is rendered.
   */
  lost?: (key: string) => void;
  /** A row was focused after being scrolled to. */
  focused?: () => void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Roving focus over the rows of a {@link VirtualWindow} (the client list's listbox, the feed):
 * one tab stop, arrows, Home, End, Page Up and Page Down move focus, to rows not rendered yet too
 * (they are scrolled into the window, then focused once rendered).
 */
export class RovingFocus<T extends object> implements ReactiveController {
  /** The row that is the tab stop (the last focused one), or null for the host's default. */
  key: string | null = null;
  /** A row to focus as soon as it is rendered. */
  private pending_: string | null = null;
  /** The row that had focus when the current update started. */
  private before_: string | null = null;

  constructor(
    private host_: Host,
    private window_: VirtualWindow<T>,
    private opts_: RovingFocusOptions<T>,
  ) {
    host_.addController(this);
  }

  hostUpdate(): void {
    this.before_ = this.focusedKey_();
  }

  hostUpdated(): void {
    const had = this.before_;
    this.before_ = null;
    if (this.pending_) this.applyPending_();
    else if (had && this.focusedKey_() !== had) this.restore_(had);
  }

  /** Moves focus to a row, scrolling it into the window first; resolves after the next update. */
  async focus(key: string): Promise<void> {
    this.key = this.pending_ = key;
    this.window_.scrollToKey_(key, 'nearest');
    this.host_.requestUpdate();
    await this.host_.updateComplete;
    this.applyPending_();
  }

  /** Whether a focus asked for is still waiting for its row (then forgets it, when `cancel`). */
  isPending_(key: string, cancel = false): boolean {
    const waiting = this.pending_ === key;
    if (waiting && cancel) this.pending_ = null;
    return waiting;
  }

  /** Focuses the row asked for, if it is rendered now. */
  applyPending_(): void {
    const row = this.pending_ && this.rowFor_(this.pending_);
    if (!row) return;
    this.pending_ = null;
    row.focus({ preventScroll: true });
    this.opts_.focused?.();
  }

  /**
   * Handles a navigation key on a row (or, with no row focused, from the tab stop); returns the
   * index it moved to, or -1 when the key is not one of ours.
   */
  handleKeydown_(e: KeyboardEvent): number {
    if (e.altKey || e.ctrlKey || e.metaKey) return -1;
    const rows = this.opts_.rows();
    const current =
      (e.target as HTMLElement).closest<HTMLElement>('[data-vkey]')?.dataset.vkey ?? this.key;
    const i = current ? rows.findIndex((r) => this.opts_.key(r) === current) : -1;
    const next = stepTo(e.key, i, rows.length, this.opts_.page());
    if (next < 0) return -1;
    e.preventDefault();
    void this.focus(this.opts_.key(rows[next]!));
    return next;
  }

  /** The rendered row of a key. */
  rowFor_(key: string): HTMLElement | null {
    return this.host_.renderRoot.querySelector<HTMLElement>(`[data-vkey="${CSS.escape(key)}"]`);
  }

  /** The key of the row that has focus, if one has. */
  focusedKey_(): string | null {
    const active = this.host_.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active?.dataset?.vkey ?? null;
  }

  private restore_(key: string): void {
    // Only when focus really was lost: the user may have moved it elsewhere on purpose.
    if (
      this.host_.shadowRoot?.activeElement ||
      (document.activeElement && document.activeElement !== document.body)
    )
      return;
    const row = this.rowFor_(key);
    if (row) row.focus({ preventScroll: true });
    else this.opts_.lost?.(key);
  }
}

/** Where a navigation key moves from row `i` (-1: none) among `count` rows; -1 when it is not one. */
export function stepTo(key: string, i: number, count: number, page: number): number {
  if (!count) return -1;
  const to: Record<string, number> = {
    ArrowDown: i + 1,
    ArrowUp: i < 0 ? 0 : i - 1,
    Home: 0,
    End: count - 1,
    PageDown: i + page,
    PageUp: i - page,
  };
  const next = to[key];
  return next === undefined ? -1 : Math.min(Math.max(next, 0), count - 1);
}
