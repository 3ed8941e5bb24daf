import { html, nothing } from 'lit';
import { highlight } from '../../core/search-match.js';
import type { FeedItem } from '../../core/types.js';
import { formatDateTime } from '../../i18n/format.js';
import type { FeedStrings } from '../../i18n/strings.js';
import type { SearchController } from './search-controller.js';

/** The text of a hit with the match marked: `<mark>` around text ranges, never HTML from the data. */
export function marked(text: string, query: string, max?: number) {
  return highlight(text, query, max).map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text));
}

const hitId = (i: number) => 'conv-hit-' + i;

/**
 * The conversation search: the box (`part="conversation-search"`), its list of hits
 * (`part="search-hit"` each, newest first), and a polite status with the number of hits.
 */
export function renderSearch(c: SearchController, t: FeedStrings, locale: string, who: string) {
  if (!c.available) return nothing;
  const s = c.state;
  const shown = c.open && s.status !== 'idle';
  const n = s.hits.length;
  const status =
    s.status === 'loading' ? t.searching : s.status === 'ready' && c.value.trim() ? (n ? t.searchCount(n, !!s.nextCursor) : t.noHits(s.query)) : '';
  return html`<div class="csearch" role="search" aria-label=${t.conversationSearchLabel} @focusout=${c.handleFocusOut}>
    <input
      type="search"
      part="conversation-search"
      role="combobox"
      aria-label=${t.conversationSearchLabel}
      placeholder=${t.conversationSearchPlaceholder}
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${shown ? 'true' : 'false'}
      aria-controls="conv-hits"
      aria-activedescendant=${shown && c.active >= 0 && c.active < n ? hitId(c.active) : nothing}
      .value=${c.value}
      @input=${c.handleInput}
      @keydown=${c.handleKeydown}
      @focus=${c.handleFocus}
    />
    <div class="hits-pop" ?hidden=${!shown}>
      <div id="conv-hits" class="hits" role="listbox" aria-label=${t.searchHitsLabel} @scroll=${c.handleListScroll}>
        ${s.hits.map((h, i) => renderHit(c, h, i, s.query, t, locale, who))}
      </div>
      ${s.status === 'ready' && !n ? html`<p class="hits-note" part="search-empty">${t.noHits(s.query)}</p>` : nothing}
      ${s.status === 'loading' || s.loadingMore ? html`<p class="hits-note" part="loading">${s.loadingMore ? t.loadingMoreHits : t.searching}</p>` : nothing}
      ${s.status === 'error' || s.moreError
        ? html`<p class="hits-note" part="error search-error" role="alert">
            ${t.searchError} <button class="btn" type="button" @click=${c.retry}>${t.retry}</button>
          </p>`
        : nothing}
    </div>
    <div class="visually-hidden" role="status">${status}</div>
  </div>`;
}

function renderHit(c: SearchController, h: FeedItem, i: number, q: string, t: FeedStrings, locale: string, who: string) {
  const from = h.kind === 'order' ? (t.orderTypes[h.orderType] ?? h.orderType) : h.sender === 'advisor' ? t.you : who;
  return html`<div
    id=${hitId(i)}
    class="hit"
    part="search-hit"
    role="option"
    aria-selected=${i === c.active ? 'true' : 'false'}
    @pointerdown=${(e: Event) => e.preventDefault()}
    @click=${() => c.choose(h)}
  >
    <span class="hit-meta">${from} · <time datetime=${h.at}>${formatDateTime(h.at, locale)}</time></span>
    <span class="hit-text" dir="auto">${marked(h.kind === 'order' ? h.title : h.body, q)}</span>
  </div>`;
}
