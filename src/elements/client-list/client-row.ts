import { inlineStyle } from '../base/inline-style.js';
import { html, nothing } from 'lit';
import { safeImageUrl } from '../../core/links.js';
import type { ClientSummary } from '../../core/types.js';
import { formatDateTime, formatRelative } from '../../i18n/format.js';
import type { ClientListStrings } from '../../i18n/strings.js';
import { avatarColor, initialsOf } from './avatar.js';

/** What every row of one render shares. */
export interface ClientRowContext {
  t: ClientListStrings;
  locale: string;
  dir: 'ltr' | 'rtl';
  now: number;
  selected: string | null;
  /** `aria-setsize`: -1 while more pages remain. */
  setSize_: number;
  /** Avatar URLs that failed to load: their rows show initials. */
  failedAvatars_: ReadonlySet<string>;
  avatarFailed_: (src: string) => void;
  /** Whether the client is typing: "typing…" replaces the preview (since contract 1.1). */
  typing: (clientId: string) => boolean;
}

function fullDate(iso: string, locale: string): string {
  return Number.isFinite(Date.parse(iso)) ? formatDateTime(iso, locale) : '';
}

/** One client's row (`role="option"`): avatar, name, time of last activity, preview, unread bubble. */
export function renderClientRow(
  c: ClientSummary,
  index: number,
  isTabStop: boolean,
  x: ClientRowContext,
) {
  const isSelected = c.id === x.selected;
  const src = safeImageUrl(c.avatarUrl);
  const showImage = src !== null && !x.failedAvatars_.has(src);
  return html`
    <div
      part=${isSelected ? 'client client-selected' : 'client'}
      class=${c.hasUnread ? 'row unread' : 'row'}
      role="option"
      data-vkey=${c.id}
      aria-selected=${isSelected ? 'true' : 'false'}
      aria-setsize=${x.setSize_}
      aria-posinset=${index + 1}
      tabindex=${isTabStop ? '0' : '-1'}
    >
      <span part="avatar" class="avatar" aria-hidden="true" .style=${inlineStyle('background-color:' + avatarColor(c.id))}>
        ${initialsOf(c.displayName)}
        ${
          showImage
            ? html`<img
              src=${src}
              alt=""
              referrerpolicy="no-referrer"
              loading="lazy"
              decoding="async"
              @error=${() => x.avatarFailed_(src)}
            />`
            : nothing
        }
      </span>
      <span class="text">
        <span class="line">
          <span part="name" class="name" dir="auto">${c.displayName}</span>
          <time part="time" class="time" dir=${x.dir} datetime=${c.lastActivityAt} title=${fullDate(c.lastActivityAt, x.locale)}
            >${formatRelative(c.lastActivityAt, x.locale, x.now)}</time
          >
        </span>
        <span class="line">
          ${
            x.typing(c.id)
              ? html`<span part="typing" class="preview typing">${x.t.typingPreview}</span>`
              : html`<span part="preview" class="preview" dir="auto">${c.lastItemPreview ?? ''}</span>`
          }
          ${
            c.hasUnread
              ? html`<span part="unread-badge" class="badge"><span class="visually-hidden">${x.t.unread}</span></span>`
              : nothing
          }
        </span>
      </span>
    </div>
  `;
}
