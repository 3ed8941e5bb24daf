import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { VirtualWindow } from '../../controllers/virtual-window.js';
import type { ClientSummary } from '../../core/types.js';

/**
 * The "N new" cue: while the advisor is scrolled down the list, the clients who wrote or ordered
 * and whose rows are now above the view are counted, each once, and the cue at the top of the
 * list says how many; it takes the advisor back to the top. Back at the top, by the cue or by
 * hand, it goes. It is announced politely when it appears, not on every arrival (its name says
 * the count). Add it after the window: it reads where the view is once the window has.
 */
export class NewClientsCue implements ReactiveController {
  private ids_ = new Set<string>();
  private prev_: readonly ClientSummary[] = [];
  /** The count announced when the cue appeared (0: none). */
  private told_ = 0;

  constructor(
    host: ReactiveControllerHost,
    private window_: VirtualWindow<ClientSummary>,
    /** The rows the list is about to render (the same array while they do not change). */
    private rows_: () => readonly ClientSummary[],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const rows = this.rows_();
    const prev = this.prev_;
    this.prev_ = rows;
    if (this.window_.atEdge_) return this.clear_();
    if (rows === prev) return;
    // The window keeps the row at the top of the view where it is: rows now before it that were
    // not before it moved up out of view, and those that were have news if their activity moved.
    const first = this.window_.firstVisibleIndex_();
    const at = (k: number) => rows.findIndex((c) => c.id === prev[k]?.id);
    let end = at(first);
    // As in the window: a top row that changed and left its neighbour is not followed.
    if (end >= 0 && rows[end] !== prev[first] && rows[end + 1]?.id !== prev[first + 1]?.id)
      end = at(first + 1);
    const above = new Map(prev.slice(0, first).map((c) => [c.id, c.lastActivityAt]));
    for (let i = 0; i < end; i++) {
      const c = rows[i]!;
      if (above.get(c.id) !== c.lastActivityAt) this.ids_.add(c.id);
    }
    this.told_ ||= this.ids_.size;
  }

  /** The cue is gone (the list is back at its top). */
  clear_(): void {
    this.ids_.clear();
    this.told_ = 0;
  }

  /** The cue (at the top of the scroller), or nothing. */
  render_(label: (n: number) => string, go: () => void) {
    const n = this.ids_.size;
    return n
      ? html`<div class="cue"><button part="new-clients" type="button" @click=${go}><span aria-hidden="true">↑ </span>${label(n)}</button></div>`
      : nothing;
  }

  /** What the polite live region says: the count when the cue appeared. */
  said_(label: (n: number) => string): string {
    return this.told_ ? label(this.told_) : '';
  }
}
