import { html, nothing } from 'lit';
import type { FeedState } from '../../data/store.js';
import type { FeedStrings } from '../../i18n/strings.js';
import type { Viewed } from './view-session.js';

/**
 * The feed's states other than its rows: loading, choose a client, not found, signed out, an error
 * with Retry, and empty (per filter). Returns `undefined` when there are rows to show.
 */
export function renderFeedState(h: Viewed, feed: FeedState | null, t: FeedStrings) {
  const { store, clientId, filter } = h;
  if (!feed || feed.status === 'idle' || (feed.status === 'loading' && !feed.items.length)) {
    return html`<div class="state" part="loading" role="status">${clientId ? t.loadingFeed : t.chooseClient}</div>`;
  }
  if (
    feed.status === 'error' &&
    (feed.error?.kind === 'not-found' || feed.error?.kind === 'auth')
  ) {
    // No such client (a deep link to a removed one), or the session ended (the provider fired
    // dm-auth-required; `start()` after signing in reloads): nothing to retry here.
    return html`<div class="state" part=${feed.error.kind === 'auth' ? 'error signed-out' : 'error'} role="alert"><p>${feed.error.kind === 'auth' ? t.feedSignedOut : t.clientNotFound}</p></div>`;
  }
  if (feed.items.length) return;
  // No items yet: the newest page failed, or was empty with older pages before it (loaded next).
  const retry =
    feed.status === 'error'
      ? () => store?.loadFeed(clientId, filter, true)
      : feed.olderError && (() => store?.loadOlder(clientId, filter));
  if (retry) {
    return html`<div class="state" part="error" role="alert">
        <p>${t.feedError}</p>
        <button class="btn" @click=${retry}>${t.retry}</button>
      </div>`;
  }
  if (feed.olderCursor) {
    return html`<div class="state" part="loading" role="status">${t.loadingFeed}</div>`;
  }
  return html`<div class="state" part="empty">${
    filter === 'orders'
      ? t.feedEmptyOrders
      : filter === 'messages'
        ? t.feedEmptyMessages
        : t.feedEmpty
  }</div>`;
}

/** "Loading older items…" above the rows while the page before loads, or its error with Retry. */
export function renderOlder(
  { store, clientId, filter }: Viewed,
  feed: FeedState | null,
  t: FeedStrings,
) {
  return feed?.loadingOlder
    ? html`<div class="older" part="loading loading-older" role="status">${t.loadingOlder}</div>`
    : feed?.olderError
      ? html`<div class="older" part="error older-error">
            ${t.olderError} <button class="btn" @click=${() => store?.loadOlder(clientId, filter)}>${t.retry}</button>
          </div>`
      : nothing;
}
