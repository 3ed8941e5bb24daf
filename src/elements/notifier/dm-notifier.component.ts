import { type PropertyValues, html, nothing, svg, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DmStore, StoreNotice } from '../../data/store.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import { notifierStyles } from './dm-notifier.styles.js';
import './dm-notifier.events.js';
import { type NotifierStrings, enNotifier } from '../../i18n/strings.js';

const closeIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" fill="none"/></svg>`;

/**
 * Fixed at the top-end corner of the viewport; style `dm-notifier { position: static }` to place
 * it in the flow instead. Notices never take focus. The store decides which items make a notice:
 * none for the client whose card is open, and none during a live session (those are shown when it ends).
 * A message's notice shows its first line (at most 80 characters) under the client's name; several
 * messages of one client fold into one notice that counts them and shows the newest.
 *
 * @summary In-app notices ("New message from Dana") when a client writes while the advisor uses the site.
 * @tag dm-notifier
 *
 * @attr duration - Milliseconds a notice stays before hiding itself (default 8000); `0` keeps notices until dismissed.
 *   The countdown pauses while the pointer is over the notices or focus is inside them.
 * @attr max - The most notices shown at once (default 5): a newer one replaces the oldest; `0` for no limit.
 *
 * @fires {DmNoticeOpenEvent} dm-notice-open - The advisor clicked a notice; `detail.clientId` names the client whose card to open.
 *
 * @csspart base - The polite live region that holds the notices.
 * @csspart notice - Each notice.
 * @csspart notice-open - The notice's main button (its text).
 * @csspart notice-title - The line that names the client (and, for folded messages, counts them).
 * @csspart notice-preview - The first line of the message (the newest, when folded), under the title.
 * @csspart notice-dismiss - The notice's dismiss button.
 *
 * @cssproperty [--dm-notifier-inset=16px] - Distance from the viewport's top and end edges (notices stay clear of the composer at the bottom).
 * @cssproperty [--dm-notifier-width=360px] - Width of the notices.
 * @cssproperty [--dm-notifier-z-index=1000] - Stacking order over the page.
 * @cssproperty [--dm-notifier-bg=var(--dm-color-bg)] - Background of a notice.
 * @cssproperty [--dm-notifier-shadow] - Shadow of a notice.
 */
export class DmNotifier extends DmElement {
  static override properties: PropertyDeclarations = {
    duration: { type: Number },
    max: { type: Number },
  };

  /** The words in force (see `NotifierStrings`). */
  protected get t(): NotifierStrings {
    return this.wordsOf(enNotifier);
  }

  static override styles = [tokens, notifierStyles];

  /** Milliseconds before a notice hides itself; 0 keeps it until dismissed (`undefined`: 8000). */
  get duration(): number {
    return this.duration_;
  }
  set duration(ms: number | null | undefined) {
    this.duration_ = ms ?? 8000;
  }
  /** The most notices shown at once; a newer one replaces the oldest (the list's bubbles still tell). 0: no limit (`undefined`: 5). */
  get max(): number {
    return this.max_;
  }
  set max(n: number | null | undefined) {
    this.max_ = n ?? 5;
  }
  private duration_ = 8000;
  private max_ = 5;

  private timers_ = new Map<string, ReturnType<typeof setTimeout>>();
  private hovered_ = false;
  private focused_ = false;
  /** What had focus before it came into the notices (given back when the last one is dismissed). */
  private cameFrom_?: HTMLElement;
  private unknownNames_ = new Set<string>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearTimers_();
  }

  /** Updates for the notices and their clients' summaries only. */
  protected override select(s: DmStore): unknown {
    return [s.notices, s.notices.map((n) => s.client(n.clientId))];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('duration')) this.clearTimers_();
    const store = this.store;
    if (!store) return;
    for (const n of store.notices) {
      if (store.client(n.clientId) || this.unknownNames_.has(n.clientId)) continue;
      void store.ensureClient(n.clientId).then((c) => {
        if (!c) this.unknownNames_.add(n.clientId);
        this.requestUpdate();
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Past the limit the oldest go for good, rather than popping up later, out of date.
    const ready = this.readyNotices_();
    // Not while the pointer or the keyboard is on the notices: they stay put under the hand.
    if (this.max > 0 && !this.hovered_ && !this.focused_)
      for (const n of ready.slice(0, -this.max)) this.dismiss_(n.key);
    this.syncTimers_();
  }

  /** Notices ready to show: their client's name is known (or known to be unavailable). */
  private readyNotices_(): readonly StoreNotice[] {
    const store = this.store;
    if (!store) return [];
    return store.notices.filter(
      (n) => store.client(n.clientId) || this.unknownNames_.has(n.clientId),
    );
  }

  /** The newest ready notices, at most `max`. */
  private visibleNotices_(): readonly StoreNotice[] {
    const ready = this.readyNotices_();
    return this.max > 0 && !this.hovered_ && !this.focused_ ? ready.slice(-this.max) : ready;
  }

  private syncTimers_(): void {
    const keys = new Set(this.visibleNotices_().map((n) => n.key));
    for (const [key, timer] of this.timers_) {
      if (keys.has(key)) continue;
      clearTimeout(timer);
      this.timers_.delete(key);
    }
    if (this.duration <= 0 || this.hovered_ || this.focused_) return;
    for (const key of keys) {
      if (!this.timers_.has(key))
        this.timers_.set(
          key,
          setTimeout(() => this.dismiss_(key), this.duration),
        );
    }
  }

  private clearTimers_(): void {
    for (const timer of this.timers_.values()) clearTimeout(timer);
    this.timers_.clear();
  }

  private pause_(): void {
    this.clearTimers_();
  }

  /** Restarts the countdowns (with the full duration) once neither pointer nor focus is inside. */
  private resume_(): void {
    if (!this.hovered_ && !this.focused_) {
      this.syncTimers_();
      // Notices past `max` that arrived meanwhile go now.
      this.requestUpdate();
    }
  }

  private dismiss_(key: string): void {
    this.timers_.delete(key);
    this.store?.dismissNotice(key);
  }

  private handleOpen_(n: StoreNotice): void {
    this.emit('dm-notice-open', { clientId: n.clientId });
    this.dismiss_(n.key);
  }

  private handleDismiss_(e: Event, n: StoreNotice): void {
    // The whole notice opens the client on click; the dismiss button must not.
    e.stopPropagation();
    const root = this.renderRoot as ShadowRoot;
    const hadFocus = root.activeElement !== null;
    const all = this.visibleNotices_();
    const next = all[all.indexOf(n) + 1] ?? all[all.indexOf(n) - 1];
    this.dismiss_(n.key);
    // Keep keyboard users on the next notice, or send them back where they came from, rather than
    // dropping focus on the page's body.
    const back = this.cameFrom_;
    if (hadFocus) {
      void this.updateComplete.then(() =>
        (next
          ? root.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(next.key)}"] .open`)
          : back?.isConnected
            ? back
            : null
        )?.focus(),
      );
    }
  }

  private handlePointerEnter_ = () => {
    this.hovered_ = true;
    this.pause_();
  };

  private handlePointerLeave_ = () => {
    this.hovered_ = false;
    this.resume_();
  };

  private handleFocusIn_ = (e: FocusEvent) => {
    if (!this.focused_ && e.relatedTarget instanceof HTMLElement) this.cameFrom_ = e.relatedTarget;
    this.focused_ = true;
    this.pause_();
  };

  private handleFocusOut_ = (e: FocusEvent) => {
    if (e.relatedTarget instanceof Node && this.renderRoot.contains(e.relatedTarget)) return;
    this.focused_ = false;
    this.resume_();
  };

  protected override render() {
    const t = this.t;
    const store = this.store;
    const notices = this.visibleNotices_();
    return html`<div
      class="stack"
      part="base"
      role="status"
      aria-live="polite"
      aria-label=${t.notifications}
      @pointerenter=${this.handlePointerEnter_}
      @pointerleave=${this.handlePointerLeave_}
      @focusin=${this.handleFocusIn_}
      @focusout=${this.handleFocusOut_}
    >
      ${repeat(
        notices,
        (n) => n.key,
        (n) => {
          const name = store?.client(n.clientId)?.displayName || t.aClient;
          const count = n.count ?? 1;
          const title =
            n.kind === 'order'
              ? t.newOrderFrom(name)
              : count > 1
                ? t.newMessagesFrom(name, count, this.num)
                : t.newMessageFrom(name);
          return html`<div class="notice" part="notice" data-key=${n.key} @click=${() => this.handleOpen_(n)}>
            <button type="button" class="open" part="notice-open">
              <span part="notice-title">${title}</span>
              ${n.text ? html`<span class="preview" part="notice-preview" dir="auto">${n.text}</span>` : nothing}
            </button>
            <button
              type="button"
              class="dismiss"
              part="notice-dismiss"
              aria-label=${t.dismiss}
              title=${t.dismiss}
              @click=${(e: Event) => this.handleDismiss_(e, n)}
            >
              ${closeIcon}
            </button>
          </div>`;
        },
      )}
    </div>`;
  }
}
