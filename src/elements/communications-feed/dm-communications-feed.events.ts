import type { FeedFilter } from '../../core/types.js';

/** Fired when an order in the feed is clicked. Cancel it to show your own details view. */
export type DmOrderOpenEvent = CustomEvent<{ orderId: string }>;
/** Fired when the advisor changes the filter with the control. */
export type DmFilterChangeEvent = CustomEvent<{ filter: FeedFilter }>;

declare global {
  interface HTMLElementEventMap {
    'dm-order-open': DmOrderOpenEvent;
    'dm-filter-change': DmFilterChangeEvent;
  }
  // Heard on document or window too (they bubble and are composed).
  interface GlobalEventHandlersEventMap {
    'dm-order-open': DmOrderOpenEvent;
    'dm-filter-change': DmFilterChangeEvent;
  }
}
