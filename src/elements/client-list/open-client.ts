import type { VirtualWindow } from '../../controllers/virtual-window.js';
import type { ClientSummary } from '../../core/types.js';
import type { ClientListState } from '../../data/store.js';

/**
 * What the selected (open) client does to the list: a selection made from outside (a deep link)
 * is brought into view, and followed while the pages that load move it down.
 */
export class OpenClient {
  private reveal_ = false;
  private revealed_ = false;
  private fromUi_ = false;

  constructor(private window_: VirtualWindow<ClientSummary>) {}

  /** The advisor picked the client in the list: it is in view already. */
  picked(): void {
    this.fromUi_ = true;
  }

  /** A new search: its list starts at its top. */
  newQuery(): void {
    this.reveal_ = false;
  }

  /** Call in `willUpdate`. */
  sync(
    selected: string | null,
    selectedChanged: boolean,
    list: ClientListState | undefined,
    clientsChanged: boolean,
  ): void {
    if (selectedChanged) {
      this.reveal_ = !this.fromUi_ && !!selected;
      this.revealed_ = false;
      this.fromUi_ = false;
    }
    if (!this.reveal_ || list?.status !== 'ready') return;
    // Its client may be fetched on its own and placed after the first page; the next pages then
    // move it down, so it is followed until the list settles or the advisor touches it.
    if (clientsChanged || !this.revealed_) {
      if (list.clients.some((c) => c.id === selected)) {
        this.revealed_ = true;
        this.window_.scrollToKey(selected!, 'center');
      }
    } else if (this.revealed_ && !list.loadingMore) this.reveal_ = false;
  }

  /** The advisor scrolls or moves in the list: stop following a selection made from outside. */
  readonly stop = {
    handleEvent: (): void => {
      this.reveal_ = false;
    },
    passive: true,
  };
}
