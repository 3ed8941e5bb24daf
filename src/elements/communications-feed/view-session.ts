import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedFilter } from '../../core/types.js';
import type { DmStore } from '../../data/store.js';

/** What the feed shows: a store, a client and a filter. */
export interface Viewed {
  store?: DmStore;
  clientId: string;
  filter: FeedFilter;
}

/**
 * The feed's view session: which client and filter it is viewing (the store hears of it, so the
 * client gets no notices and its feed loads), whether the client's summary is still being fetched,
 * and whether the card is hidden. Hidden (a phone's card behind the list after Back, a host's
 * `hidden`), the card is not being viewed: its client gets notices and is not marked read. Shown
 * again, it opens afresh (at the first unread or the bottom), as a card opened from the list does.
 */
export class ViewSession implements ReactiveController {
  /** The client's summary is being fetched (whether it has unread is not known yet). */
  clientPending_ = false;
  /** When the current client was opened (ms). */
  openedAt_ = 0;
  /** The card is hidden: nothing is being viewed. */
  hidden = false;
  private viewing_: { store: DmStore; clientId: string; filter: FeedFilter } | null = null;
  private release_?: () => void;
  private observer_?: ResizeObserver;

  constructor(
    private host_: ReactiveControllerHost & HTMLElement & Viewed,
    /** Called when a new view starts (`newClient`: another client or store, not just another filter). */
    private onEnter_: (newClient: boolean) => void,
    /** Called when the view ends (a switch, hidden, disconnected). */
    private onLeave_: () => void,
  ) {
    host_.addController(this);
  }

  hostConnected(): void {
    (this.observer_ ??= new ResizeObserver(([e]) =>
      this.shown_(!!(e!.contentRect.width || e!.contentRect.height)),
    )).observe(this.host_);
  }

  hostDisconnected(): void {
    this.observer_?.disconnect();
    this.leave_();
  }

  /** Before each update: starts viewing what the host now names, or stops when it names none. */
  sync(): void {
    const { store, clientId, filter } = this.host_;
    const v = this.viewing_;
    if (
      store &&
      clientId &&
      this.host_.isConnected &&
      !this.hidden &&
      (!v || v.store !== store || v.clientId !== clientId || v.filter !== filter)
    ) {
      this.enter_(store, v?.clientId !== clientId || v?.store !== store);
    } else if (!clientId && v) {
      this.leave_();
    }
  }

  private shown_(shown: boolean): void {
    if (!shown && this.viewing_ && !this.hidden) {
      this.hidden = true;
      this.leave_();
    } else if (shown && this.hidden) {
      this.hidden = false;
      this.host_.requestUpdate();
    }
  }

  private enter_(store: DmStore, newClient: boolean): void {
    this.leave_();
    const { clientId: id, filter } = this.host_;
    this.viewing_ = { store, clientId: id, filter };
    this.release_ = store.viewing(id);
    this.openedAt_ = Date.now();
    void store.loadFeed(id, filter);
    this.clientPending_ = !store.client(id);
    if (this.clientPending_) {
      void store.ensureClient(id).then(() => {
        if (this.host_.clientId === id) {
          this.clientPending_ = false;
          this.host_.requestUpdate();
        }
      });
    }
    this.onEnter_(newClient);
  }

  private leave_(): void {
    this.onLeave_();
    const v = this.viewing_;
    if (!v) return;
    // A quick switch abandons the old feed's requests: a slow answer for A never paints over B.
    v.store.releaseFeed(v.clientId, v.filter);
    this.release_?.();
    this.release_ = undefined;
    this.viewing_ = null;
  }
}
