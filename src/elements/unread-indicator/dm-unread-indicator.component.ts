import { html, type PropertyDeclarations } from 'lit';
import type { DmStore } from '../../data/store.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import { unreadIndicatorStyles } from './dm-unread-indicator.styles.js';
import { type UnreadIndicatorStrings, enUnreadIndicator } from '../../i18n/strings.js';

/**
 * Screen readers hear "N clients with unread messages" (or "No unread messages") from a polite
 * status region that updates live as clients write and as conversations are read.
 *
 * @summary The bubble for the site's menu: shown while any client has unread messages.
 * @tag dm-unread-indicator
 *
 * @attr show-count - Show how many clients have unread messages instead of a plain dot.
 *
 * @slot - Optional label beside the bubble, e.g. the menu entry's text "Messages".
 *
 * @csspart bubble - The bubble; present only while at least one client has unread messages.
 *
 * @cssproperty [--dm-unread-indicator-size=10px] - Diameter of the dot (the count bubble scales from it).
 * @cssproperty [--dm-unread-indicator-color=var(--dm-color-unread)] - Colour of the bubble.
 * @cssproperty [--dm-unread-indicator-text=#ffffff] - Colour of the count.
 */
export class DmUnreadIndicator extends DmElement {
  static override properties: PropertyDeclarations = {
    showCount: { type: Boolean, reflect: true, attribute: 'show-count' },
  };

  /** The words in force (see `UnreadIndicatorStrings`). */
  protected get t(): UnreadIndicatorStrings {
    return this.wordsOf(enUnreadIndicator);
  }

  static override styles = [tokens, unreadIndicatorStyles];

  /** Whether the bubble shows the number of clients with unread messages. */
  showCount: boolean | undefined = false;

  /** Updates for the count only. */
  protected override select(s: DmStore): unknown {
    return s.unreadCount;
  }

  protected override render() {
    const t = this.t;
    const count = this.store?.unreadCount ?? 0;
    // One persistent live region whose content changes, so changes are announced.
    return html`<slot></slot
      ><span role="status"
        >${
          count > 0
            ? html`<span part="bubble" class=${this.showCount ? 'bubble count' : 'bubble'}
              >${this.showCount ? html`<span aria-hidden="true">${this.num(count)}</span>` : ''}<span
                class="visually-hidden"
                >${t.unreadClients(count, this.num)}</span
              ></span
            >`
            : html`<span class="visually-hidden">${t.noUnread}</span>`
        }</span
      >`;
  }
}
