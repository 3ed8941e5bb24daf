import { type PropertyValues, html, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FeedItem } from '../../core/types.js';
import type { DmStore, StoreNotice } from '../../data/store.js';
import { DmElement } from '../shared/dm-element.js';
import { tokens } from '../shared/tokens.js';
import { notifierStyles } from './dm-notifier.styles.js';
import './dm-notifier.events.js';

const closeIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" fill="none"/></svg>`;

/**
 * @summary In-app notices ("New message from Dana") when a client writes while the advisor uses the site.
 * @tag dm-notifier
 *
 * @attr duration - Milliseconds a notice stays before hiding itself (default 8000); `0` keeps notices until dismissed.
 *   The countdown pauses while the pointer is over the notices or focus is inside them.
 *
 * @fires dm-notice-open - The advisor clicked a notice; `detail.clientId` names the client whose card to open.
 *
 * @csspart base - The polite live region that holds the notices.
 * @csspart notice - Each notice.
 * @csspart notice-open - The notice's main button (its text).
 * @csspart notice-dismiss - The notice's dismiss button.
 *
 * @cssproperty [--dm-notifier-inset=16px] - Distance from the viewport's bottom and end edges.
 * @cssproperty [--dm-notifier-width=360px] - Width of the notices.
 * @cssproperty [--dm-notifier-z-index=1000] - Stacking order over the page.
 * @cssproperty [--dm-notifier-bg=var(--dm-color-bg)] - Background of a notice.
 * @cssproperty [--dm-notifier-shadow] - Shadow of a notice.
 *
 * Fixed at the bottom-end corner of the viewport; style `dm-notifier { position: static }` to place
 * it in the flow instead. Notices never take focus. The store decides which items make a notice:
 * none for the client whose card is open, and none during a live session (those are shown when it ends).
 */
export class DmNotifier extends DmElement {
  static override styles = [tokens, notifierStyles];

  /** Milliseconds before a notice hides itself; 0 keeps it until dismissed. */
  @property({ type: Number }) duration = 8000;

  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private hovered = false;
  private focused = false;
  /** Item kinds seen on the live stream, so an order's notice can say "order". */
  private kinds = new Map<string, FeedItem['kind']>();
  private unknownNames = new Set<string>();
  private liveItemStore?: DmStore;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.liveItemStore?.removeEventListener('live-item', this.handleLiveItem);
    this.liveItemStore = undefined;
    this.clearTimers();
  }

  protected override storeConnected(store: DmStore): void {
    this.liveItemStore?.removeEventListener('live-item', this.handleLiveItem);
    this.liveItemStore = store;
    store.addEventListener('live-item', this.handleLiveItem);
  }

  private handleLiveItem = (e: Event) => {
    const item = (e as CustomEvent<FeedItem>).detail;
    this.kinds.set(item.id, item.kind);
    if (this.kinds.size > 500) this.kinds.delete(this.kinds.keys().next().value!);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('duration')) this.clearTimers();
    const store = this.store;
    if (!store) return;
    for (const n of store.notices) {
      if (store.client(n.clientId) || this.unknownNames.has(n.clientId)) continue;
      void store.ensureClient(n.clientId).then((c) => {
        if (!c) this.unknownNames.add(n.clientId);
        this.requestUpdate();
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncTimers();
  }

  /** Notices ready to show: their client's name is known (or known to be unavailable). */
  private visibleNotices(): readonly StoreNotice[] {
    const store = this.store;
    if (!store) return [];
    return store.notices.filter((n) => store.client(n.clientId) || this.unknownNames.has(n.clientId));
  }

  private syncTimers(): void {
    const keys = new Set(this.visibleNotices().map((n) => n.key));
    for (const [key, timer] of this.timers) {
      if (keys.has(key)) continue;
      clearTimeout(timer);
      this.timers.delete(key);
    }
    if (this.duration <= 0 || this.hovered || this.focused) return;
    for (const key of keys) {
      if (!this.timers.has(key)) this.timers.set(key, setTimeout(() => this.dismiss(key), this.duration));
    }
  }

  private clearTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private pause(): void {
    this.clearTimers();
  }

  /** Restarts the countdowns (with the full duration) once neither pointer nor focus is inside. */
  private resume(): void {
    if (!this.hovered && !this.focused) this.syncTimers();
  }

  private dismiss(key: string): void {
    this.timers.delete(key);
    this.store?.dismissNotice(key);
  }

  private kindOf(n: StoreNotice): FeedItem['kind'] {
    const known = this.kinds.get(n.itemId);
    if (known) return known;
    const inFeed = this.store?.feed(n.clientId, 'all').items.find((i) => i.id === n.itemId);
    return inFeed?.kind ?? 'message';
  }

  private handleOpen(n: StoreNotice): void {
    this.emit('dm-notice-open', { clientId: n.clientId });
    this.dismiss(n.key);
  }

  private handleDismiss(e: Event, n: StoreNotice): void {
    // The whole notice opens the client on click; the dismiss button must not.
    e.stopPropagation();
    const root = this.renderRoot as ShadowRoot;
    const hadFocus = root.activeElement !== null;
    const all = this.visibleNotices();
    const next = all[all.indexOf(n) + 1] ?? all[all.indexOf(n) - 1];
    this.dismiss(n.key);
    // Keep keyboard users inside the notices rather than dropping focus on the page's body.
    if (hadFocus && next) {
      void this.updateComplete.then(() => root.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(next.key)}"] .open`)?.focus());
    }
  }

  private handlePointerEnter = () => {
    this.hovered = true;
    this.pause();
  };

  private handlePointerLeave = () => {
    this.hovered = false;
    this.resume();
  };

  private handleFocusIn = () => {
    this.focused = true;
    this.pause();
  };

  private handleFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget instanceof Node && this.renderRoot.contains(e.relatedTarget)) return;
    this.focused = false;
    this.resume();
  };

  protected override render() {
    const t = this.t;
    const store = this.store;
    const notices = this.visibleNotices();
    return html`<div
      class="stack"
      part="base"
      role="status"
      aria-live="polite"
      aria-label=${t.notifications}
      @pointerenter=${this.handlePointerEnter}
      @pointerleave=${this.handlePointerLeave}
      @focusin=${this.handleFocusIn}
      @focusout=${this.handleFocusOut}
    >
      ${repeat(
        notices,
        (n) => n.key,
        (n) => {
          const name = store?.client(n.clientId)?.displayName || t.aClient;
          const text = this.kindOf(n) === 'order' ? t.newOrderFrom(name) : t.newMessageFrom(name);
          return html`<div class="notice" part="notice" data-key=${n.key} @click=${() => this.handleOpen(n)}>
            <button type="button" class="open" part="notice-open">${text}</button>
            <button
              type="button"
              class="dismiss"
              part="notice-dismiss"
              aria-label=${t.dismiss}
              title=${t.dismiss}
              @click=${(e: Event) => this.handleDismiss(e, n)}
            >
              ${closeIcon}
            </button>
          </div>`;
        },
      )}
    </div>`;
  }
}
