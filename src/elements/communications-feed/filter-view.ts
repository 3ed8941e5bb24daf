import { html } from 'lit';
import type { FeedFilter } from '../../core/types.js';
import type { FeedStrings } from '../../i18n/strings.js';

/** The feed's filters, in the order the control shows them. */
export const FILTERS: FeedFilter[] = ['all', 'orders', 'messages'];

/** The All / Orders / Messages control; `pick` is called with the filter chosen. */
export function renderFilter(t: FeedStrings, filter: FeedFilter, pick: (f: FeedFilter) => void) {
  return html`<div part="filter" role="group" aria-label=${t.filterLabel}>
          ${FILTERS.map(
            (
              f,
            ) => html`<button type="button" aria-pressed=${f === filter ? 'true' : 'false'} @click=${() => pick(f)}>
              ${f === 'all' ? t.filterAll : f === 'orders' ? t.filterOrders : t.filterMessages}
            </button>`,
          )}
        </div>`;
}
