import { html, nothing } from 'lit';
import { highlight } from '../../core/search-match.js';
import type { FeedItem } from '../../core/types.js';
import { type NumberFormatter, formatDateTime } from '../../i18n/format.js';
import type { FeedStrings } from '../../i18n/strings.js';
import type { SearchController } from './search-controller.js';

/** The text with the match marked: `<mark>` around text ranges, never HTML from the data. */
export function marked(text: string, query: string, max?: number) {
  return highlight(text, query, max).map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text));
}

/**
 * The conversation search: the box (`part="conversation-search"`), its list of hits
 * (`part="search-hit"` each, newest first), and a polite status with the number of hits.
 */
export function renderSearch(
  c: SearchController,
  t: FeedStrings,
  locale: string,
  who: string,
  num: NumberFormatter,
) {
  if (!c.available_) return nothing;
  const s = c.state;
  const shown = c.open_ && s.status !== 'idle';
  const n = s.hits.length;
  const busy = s.status === 'loading' || s.loadingMore;
  const failed = s.status === 'error' || s.moreError;
  const none = s.status === 'ready' && !n;
  return html`<div class="cs" role="search" aria-label=${t.conversationSearchLabel} @focusout=${c.handleFocusOut_}>
    <input
      type="search"
      part="conversation-search"
      role="combobox"
      aria-label=${t.conversationSearchLabel}
      placeholder=${t.conversationSearchPlaceholder}
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${shown ? 'true' : 'false'}
      aria-controls="hits"
      aria-activedescendant=${shown && c.active_ >= 0 && c.active_ < n ? 'hit' + c.active_ : nothing}
      .value=${c.value_}
      @input=${c.handleInput_}
      @keydown=${c.handleKeydown_}
      @focus=${c.handleFocus_}
    />
    <div class="hits" ?hidden=${!shown}>
      <div id="hits" role="listbox" aria-label=${t.searchHitsLabel} @scroll=${c.handleListScroll_}>
        ${s.hits.map(
          (h, i) => html`<div
            id=${'hit' + i}
            part="search-hit"
            role="option"
            aria-selected=${i === c.active_ ? 'true' : 'false'}
            @pointerdown=${(e: Event) => e.preventDefault()}
            @click=${() => c.choose_(h)}
          >
            <small>${from(h, t, who)} · <time datetime=${h.at}>${formatDateTime(h.at, locale)}</time></small>
            <span dir="auto">${marked(h.kind === 'order' ? h.title : h.body, s.query)}</span>
          </div>`,
        )}
      </div>
      ${none ? html`<p part="search-empty">${t.noHits(s.query)}</p>` : nothing}
      ${busy ? html`<p part="loading">${t.searching}</p>` : nothing}
      ${failed ? html`<p part="error search-error" role="alert">${t.searchError} <button class="btn" type="button" @click=${c.retry_}>${t.retry}</button></p>` : nothing}
    </div>
    <div class="visually-hidden" role="status">${busy ? t.searching : shown && n ? t.searchCount(n, !!s.nextCursor, num) : none ? t.noHits(s.query) : ''}</div>
  </div>`;
}

const from = (h: FeedItem, t: FeedStrings, who: string) =>
  h.kind === 'order'
    ? (t.orderTypes[h.orderType] ?? h.orderType)
    : h.sender === 'advisor'
      ? t.you
      : who;
