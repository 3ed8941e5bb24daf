import type { OrderDetail, OrderItem } from '../core/types.js';
import type { Hub } from './hub.js';
import { LoadableMap } from './resource.js';
import type { Loadable } from './store-types.js';

/** Order details: loaded on demand, following the order's live changes. */
export class Orders {
  private map_ = new LoadableMap<OrderDetail>();

  constructor(private hub_: Hub) {}

  get_(orderId: string): Loadable<OrderDetail> {
    return this.map_.get_(orderId);
  }

  async load_(orderId: string, force = false): Promise<void> {
    if (!force && this.map_.fresh_(orderId)) return;
    this.map_.loading_(orderId);
    this.hub_.changed_();
    // A later request (a newer live change) owns the entry: an older answer is dropped.
    const got = await this.hub_.loads_.run_('order:' + orderId, (signal) =>
      this.hub_.adapter_.getOrder(orderId, { signal }),
    );
    if (!got) return;
    // A failed refresh keeps what is shown; only a first load shows the error.
    if (got.ok) this.map_.ready_(orderId, got.value);
    else this.map_.failed_(orderId, got.error);
    this.hub_.changed_();
  }

  /**
   * The order changed (live): its new status shows at once; the entry turns stale (`idle`), so the
   * details view on screen fetches delivery and review again, and a closed one when reopened.
   */
  changed_(item: OrderItem): void {
    const detail = this.map_.get_(item.id);
    if (detail.value)
      this.map_.set_(item.id, { status: 'idle', value: { ...detail.value, ...item }, error: null });
    if (detail.status === 'loading') void this.load_(item.id, true);
  }
}
