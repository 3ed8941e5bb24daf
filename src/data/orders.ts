import type { OrderDetail, OrderItem } from '../core/types.js';
import type { Hub } from './hub.js';
import { LoadableMap } from './resource.js';
import type { Loadable } from './store-types.js';

/** Order details: loaded on demand, following the order's live changes. */
export class Orders {
  private map_ = new LoadableMap<OrderDetail>();

  constructor(private hub_: Hub) {}

  get(orderId: string): Loadable<OrderDetail> {
    return this.map_.get(orderId);
  }

  async load(orderId: string, force = false): Promise<void> {
    if (!force && this.map_.fresh(orderId)) return;
    this.map_.loading(orderId);
    this.hub_.changed();
    // A later request (a newer live change) owns the entry: an older answer is dropped.
    const got = await this.hub_.loads.run('order:' + orderId, (signal) => this.hub_.adapter.getOrder(orderId, { signal }));
    if (!got) return;
    // A failed refresh keeps what is shown; only a first load shows the error.
    if (got.ok) this.map_.ready(orderId, got.value);
    else this.map_.failed(orderId, got.error);
    this.hub_.changed();
  }

  /**
   * The order changed (live): its new status shows at once; the entry turns stale (`idle`), so the
   * details view on screen fetches delivery and review again, and a closed one when reopened.
   */
  changed(item: OrderItem): void {
    const detail = this.map_.get(item.id);
    if (detail.value) this.map_.set(item.id, { status: 'idle', value: { ...detail.value, ...item }, error: null });
    if (detail.status === 'loading') void this.load(item.id, true);
  }
}
