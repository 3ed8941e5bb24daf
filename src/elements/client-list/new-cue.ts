import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { VirtualWindow } from '../../controllers/virtual-window.js';
import type { ClientSummary } from '../../core/types.js';

/**
 * The "N new" cue: while the advisor is scrolled down the list, the clients whose rows move up
 * above the view (they wrote or ordered) are counted, each once, and the cue at the top of the
 * list says how many; it takes the advisor back to the top. Back at the top, by the cue or by
 * hand, it goes. It is announced politely when it appears, not on every arrival (its name says
 * the count). Add it after the window: it reads where the view is once the window has.
 */
export class NewClientsCue implements ReactiveController {
  private ids_ = new Set<string>();
  private prev_: readonly ClientSummary[] = [];
  /** The count announced when the cue appeared (0: none). */
  private said_ = 0;

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
    if (this.window_.atEdge) return this.clear();
    if (rows === prev) return;
    // The window keeps the row at the top of the view where it is: rows now before it, which
    // were not before it, moved up out of view.
    const first = this.window_.firstVisibleIndex();
    const top = prev[first]?.id;
    const end = rows.findIndex((c) => c.id === top);
    const above = new Set(prev.slice(0, first).map((c) => c.id));
    for (let i = 0; i < end; i++) if (!above.has(rows[i]!.id)) this.ids_.add(rows[i]!.id);
    this.said_ ||= this.ids_.size;
  }

  /** The cue is gone (the list is back at its top). */
  clear(): void {
    this.ids_.clear();
    this.said_ = 0;
  }

  /** The cue (at the top of the scroller), or nothing. */
  render(label: (n: number) => string, go: () => void) {
    const n = this.ids_.size;
    return n
      ? html`<div class="cue"><button part="new-clients" type="button" @click=${go}><span aria-hidden="true">↑ </span>${label(n)}</button></div>`
      : nothing;
  }

  /** What the polite live region says: the count when the cue appeared. */
  said(label: (n: number) => string): string {
    return this.said_ ? label(this.said_) : '';
  }
}
