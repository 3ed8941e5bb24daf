import { type ReactiveController, type ReactiveControllerHost, html, nothing } from 'lit';
import type { DmStore } from '../../data/store.js';
import { type NumberFormatter, formatDateTime, formatPrice } from '../../i18n/format.js';
import type { FeedStrings } from '../../i18n/strings.js';

/** What the order details need from the feed. */
export interface OrderDetailsHost extends ReactiveControllerHost, HTMLElement {
  store?: DmStore;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The order details dialog: which order is open, its modal dialog, its loading, stale and error
 * states, fetching the details again when the order changed while they are shown, and focus
 * going back to the order row when it closes.
 */
export class OrderDetails implements ReactiveController {
  private id_: string | null = null;

  constructor(private host_: OrderDetailsHost) {
    host_.addController(this);
  }

  /** The order whose details are open, if any. */
  get id(): string | null {
    return this.id_;
  }

  private get dialog_(): HTMLDialogElement | null {
    return this.host_.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }

  hostUpdated(): void {
    const id = this.id_;
    if (id && this.dialog_ && !this.dialog_.open && this.host_.isConnected)
      this.dialog_.showModal();
    // The order changed while its details are shown: fetch them again.
    if (id && this.host_.store?.order(id).status === 'idle') void this.host_.store.loadOrder(id);
  }

  open(orderId: string): void {
    this.id_ = orderId;
    this.host_.requestUpdate();
    void this.host_.store?.loadOrder(orderId);
  }

  close(): void {
    this.dialog_?.close();
  }

  /** Forgets the open order without a dialog's close (another client opened). */
  reset(): void {
    this.id_ = null;
  }

  private handleClose_ = () => {
    const id = this.id_;
    this.id_ = null;
    this.host_.requestUpdate();
    // Give focus back to the order that opened the dialog.
    const row =
      id && this.host_.renderRoot.querySelector<HTMLElement>(`[data-order-id="${CSS.escape(id)}"]`);
    if (row) row.focus();
  };

  render(t: FeedStrings, locale: string, num: NumberFormatter) {
    const orderId = this.id_;
    if (!orderId) return nothing;
    const store = this.host_.store;
    const state = store?.order(orderId);
    const o = state?.value;
    const retry = html`<button class="btn" @click=${() => store?.loadOrder(orderId, true)}>${t.retry}</button>`;
    return html`<dialog part="order-details" aria-labelledby="order-title" @close=${this.handleClose_}>
      <div class="details">
        <header>
          <h2 id="order-title">${o ? o.title : t.orderDetails}</h2>
          <button class="close" type="button" aria-label=${t.close} @click=${() => this.close()}>×</button>
        </header>
        ${
          !o && (!state || state.status === 'loading' || state.status === 'idle')
            ? html`<p role="status">${t.loadingOrder}</p>`
            : !o
              ? html`<div part="error" role="alert">
                <p>${t.orderError}</p>
                ${retry}
              </div>`
              : html`${state!.status === 'error' ? html`<p class="stale" role="alert">${t.orderStale} ${retry}</p>` : nothing}<dl>
                <dt>${t.typeAndStatus}</dt>
                <dd>${t.orderTypes[o.orderType] ?? o.orderType} · <span class="status ${o.status}">${t.orderStatuses[o.status] ?? o.status}</span></dd>
                <dt>${t.price}</dt>
                <dd>${formatPrice(o.price, locale)}${o.durationMinutes ? ` · ${t.duration(o.durationMinutes, num)}` : ''}</dd>
                <dt>${t.ordered}</dt>
                <dd><time datetime=${o.at}>${formatDateTime(o.at, locale)}</time></dd>
                ${
                  o.deliveredAt
                    ? html`<dt>${t.delivered}</dt><dd><time datetime=${o.deliveredAt}>${formatDateTime(o.deliveredAt, locale)}</time></dd>`
                    : o.status === 'pending' || o.status === 'in_progress'
                      ? html`<dt>${t.delivered}</dt><dd>${t.notDelivered}</dd>`
                      : nothing /* ended without a delivery (cancelled, refunded, a live session): nothing is due */
                }
                <dt>${t.question}</dt>
                <dd class="text" dir="auto">${o.question || t.noQuestion}</dd>
                <dt>${t.review}</dt>
                <dd dir="auto">
                  ${
                    o.review
                      ? html`<strong>${o.review.rating === 'positive' ? t.reviewPositive : t.reviewNegative}</strong>${o.review.comment ? html`${' — '}<span class="text">${o.review.comment}</span>` : nothing}`
                      : t.noReview
                  }
                </dd>
              </dl>`
        }
      </div>
    </dialog>`;
  }
}
