import { html, nothing } from 'lit';
import type { ClientListState } from '../../data/store.js';
import type { ClientListStrings } from '../../i18n/strings.js';

/** What the list shows in place of its rows (loading, error, empty), or `null` when it shows rows. */
export function renderListState(
  list: ClientListState | undefined,
  t: ClientListStrings,
  retry: () => void,
) {
  // An empty page with a cursor is not the end: the next one is on its way (the element asks for it).
  if (
    !list ||
    list.status === 'idle' ||
    (!list.clients.length && (list.status === 'loading' || (list.nextCursor && !list.error)))
  ) {
    return html`<div part="loading" class="state" role="status">${t.loadingClients}</div>`;
  }
  if (list.clients.length) return null;
  if (list.status === 'error') return renderListError(list, t, retry);
  return html`<div part="empty" class="state" role="status">${list.query ? t.noMatches(list.query) : t.noClients}</div>`;
}

/** The error above the rows (the list could not be refreshed), or nothing. */
export function renderListError(list: ClientListState, t: ClientListStrings, retry: () => void) {
  return list.status === 'error'
    ? html`<div part="error" class="state" role="alert">
        ${
          list.error?.kind === 'auth'
            ? t.clientsSignedOut
            : html`${t.clientsError}<button class="btn" type="button" @click=${retry}>${t.retry}</button>`
        }
      </div>`
    : nothing;
}

/** The foot of the rows: the next page loading, or its error with Retry. */
export function renderListEnd(list: ClientListState, t: ClientListStrings, retryMore: () => void) {
  if (list.loadingMore)
    return html`<div part="loading-more" class="more" role="status">${t.loadingMore}</div>`;
  if (list.error && list.status === 'ready') {
    return html`<div part="error" class="more" role="alert">
      ${t.clientsError}<button class="btn" type="button" @click=${retryMore}>${t.retry}</button>
    </div>`;
  }
  return nothing;
}
