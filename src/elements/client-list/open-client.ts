import type { VirtualWindow } from '../../controllers/virtual-window.js';
import { heldPlace, holdPlace } from '../../core/client-order.js';
import type { ClientSummary } from '../../core/types.js';
import type { ClientListState } from '../../data/store.js';

/**
 * What the selected (open) client does to the list: a selection made from outside (a deep link)
 * is brought into view, and followed while the pages that load move it down; and the open
 * client's row holds its place while it is open (see `heldPlace`): opening reads it, and its row
 * does not then move down from under the pointer. It takes its sorted place once another client
 * is opened (or none is).
 */
export class OpenClient {
  private reveal_ = false;
  private revealed_ = false;
  private fromUi_ = false;
  private place_: ClientSummary | undefined;
  private memo_: [readonly ClientSummary[], ClientSummary | undefined, readonly ClientSummary[]] = [
    [],
    undefined,
    [],
  ];

  constructor(private window_: VirtualWindow<ClientSummary>) {}

  /** The advisor picked the client in the list: it is in view already. */
  picked_(): void {
    this.fromUi_ = true;
  }

  /** A new search: its list starts at its top. */
  newQuery_(): void {
    this.reveal_ = false;
  }

  /** The rows to show: the store's, with the open client in the place it holds. */
  rows_(clients: readonly ClientSummary[]): readonly ClientSummary[] {
    const r = this.memo_;
    if (r[0] !== clients || r[1] !== this.place_)
      this.memo_ = [clients, this.place_, this.place_ ? holdPlace(clients, this.place_) : clients];
    return this.memo_[2];
  }

  /** Call in `willUpdate`; `summary` is the selected client's as the store has it now. */
  sync_(
    selected: string | null,
    selectedChanged: boolean,
    summary: ClientSummary | undefined,
    list: ClientListState | undefined,
    clientsChanged: boolean,
  ): void {
    if (selectedChanged) {
      this.reveal_ = !this.fromUi_ && !!selected;
      this.revealed_ = false;
      this.fromUi_ = false;
      this.place_ = undefined;
    }
    this.place_ = summary && heldPlace(this.place_, summary);
    if (!this.reveal_ || list?.status !== 'ready') return;
    // Its client may be fetched on its own and placed after the first page; the next pages then
    // move it down, so it is followed until the list settles or the advisor touches it.
    if (clientsChanged || !this.revealed_) {
      if (list.clients.some((c) => c.id === selected)) {
        this.revealed_ = true;
        this.window_.scrollToKey_(selected!, 'center');
      }
    } else if (this.revealed_ && !list.loadingMore) this.reveal_ = false;
  }

  /** The advisor scrolls or moves in the list: stop following a selection made from outside. */
  readonly stop_ = {
    handleEvent: (): void => {
      this.reveal_ = false;
    },
    passive: true,
  };
}
