import { type PropertyValues, css, html, type PropertyDeclarations } from 'lit';
import { DEEP_LINK_PARAM, clientCardUrl, clientIdFromUrl } from '../../core/deep-link.js';
import type { DmNoticeOpenEvent } from '../notifier/dm-notifier.events.js';
import type { DmStore } from '../../data/store.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import '../client-list/dm-client-list.js';
import type { DmClientList } from '../client-list/dm-client-list.component.js';
import '../communications-feed/dm-communications-feed.js';
import '../composer/dm-composer.js';
import { type CommunicationsStrings, enCommunications } from '../../i18n/strings.js';
import './dm-communications.events.js';

const LIST_PARTS =
  'base, search, list, scroller, client, client-selected, unread-badge, avatar, name, preview, typing, time, loading, loading-more, empty, error';
const FEED_PARTS =
  'filter, scroller, item, message, message-advisor, message-client, order, order-card, bubble, day, new-divider, seen, typing, new-messages, jump-latest, order-details, empty, error, loading, loading-older, conversation-search, search-hit, search-target, search-empty, search-error, jump-note, loading-newer, newer-error';
const COMPOSER_PARTS = 'base, input, send, blocked-reason, warning, counter, status';
/** A chevron pointing back (mirrored for right-to-left); the button's label says "Back". */
const BACK_ICON = html`<svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"><path d="M15 5 8 12l7 7"/></svg>`;

/**
 * The whole tab in one element: `dm-client-list`, and the selected client's card
 * (`dm-communications-feed` and `dm-composer`) beside it, or on a narrow container one after the
 * other with a Back button. It opens the client of the page's deep link (`?dm-client=`) and the
 * client of a notice the advisor clicks. Every part of `dm-client-list`, `dm-communications-feed`
 * and `dm-composer` is re-exported, so `dm-communications::part(bubble)` styles the feed's bubbles.
 *
 * @summary The whole Communications tab: the client list beside the client card (feed and composer), or one after the other on a phone.
 * @tag dm-communications
 *
 * @attr client - The client whose card is open. Defaults to the page URL's `?dm-client=` (the deep link of emails and push notifications).
 * @attr sync-url - When present, the open client is kept in the page URL (`?dm-client=ID`) so reloads and shared links reopen it.
 * @attr filter - The feed's filter (`all`, `orders`, `messages`); reflects the feed's filter control.
 *
 * @fires {DmClientSelectEvent} dm-client-select - From its list: the advisor picked a client; `detail.clientId`.
 * @fires {DmOrderOpenEvent} dm-order-open - From its feed: an order was clicked; `detail.orderId`; cancelable.
 * @fires {DmFilterChangeEvent} dm-filter-change - From its feed: the filter control changed; `detail.filter`.
 * @fires {DmMessageSentEvent} dm-message-sent - From its composer: the server stored a message; `detail.message`.
 * @fires {DmCardCloseEvent} dm-card-close - The card closed (its Back control, or the browser's Back with `sync-url`); `detail.clientId` is the client left. A host that sets `client` clears it here.
 *
 * @csspart list-pane - The client list column.
 * @csspart card - The client card.
 * @csspart back - The phone's back control.
 * @csspart card-header - The card's header with the client's name.
 *
 * @cssproperty [--dm-list-width=320px] - Width of the list column on wide layouts.
 * @cssproperty [--dm-wide-min=720px] - (Informational) the container width from which list and card sit side by side.
 */
export class DmCommunications extends DmElement {
  static override properties: PropertyDeclarations = {
    client: { reflect: true },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    filter: { reflect: true },
    cardOpen_: { attribute: false },
  };

  /** The words in force (see `CommunicationsStrings`). */
  protected get t(): CommunicationsStrings {
    return this.wordsOf(enCommunications);
  }

  static override styles = [
    tokens,
    css`
      /* A column whose one row takes the height given, or, with none, stops at the screen's. */
      :host {
        display: flex;
        flex-direction: column;
        container-type: inline-size;
        container-name: dm-communications;
        height: 100%;
        min-height: 320px;
        max-block-size: 100dvh;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      :host([hidden]) {
        display: none;
      }
      .layout {
        flex: 1 1 auto;
        display: grid;
        grid-template-columns: var(--dm-list-width, 320px) minmax(0, 1fr);
        grid-template-rows: minmax(0, 1fr);
        min-height: 0;
      }
      .list {
        border-inline-end: 1px solid var(--_border);
        min-height: 0;
        min-width: 0;
        display: flex;
        flex-direction: column;
      }
      dm-client-list {
        flex: 1;
        min-height: 0;
      }
      .card {
        display: flex;
        flex-direction: column;
        min-width: 0;
        min-height: 0;
      }
      header {
        display: flex;
        align-items: center;
        gap: var(--_space);
        padding: var(--_space) calc(var(--_space) * 1.5);
        border-block-end: 1px solid var(--_border);
        min-height: 52px;
      }
      h2 {
        margin: 0;
        font-size: 1.05em;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      [part~='back'] {
        display: none;
        border: 0;
        background: none;
        padding: 8px;
        min-width: 44px;
        min-height: 44px;
        cursor: pointer;
        border-radius: var(--_radius-sm);
      }
      [part~='back'] {
        align-items: center;
        justify-content: center;
        margin-inline-start: calc(var(--_space) * -1);
        color: var(--_accent);
      }
      [part~='back'] svg {
        inline-size: 22px;
        block-size: 22px;
      }
      :host(:dir(rtl)) [part~='back'] svg {
        transform: scaleX(-1);
      }
      dm-communications-feed {
        flex: 1;
        min-height: 0;
      }
      .placeholder {
        margin: auto;
        padding: calc(var(--_space) * 3);
        color: var(--_muted);
        text-align: center;
      }
      @container dm-communications (max-width: 719px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .list {
          border: 0;
        }
        .layout.card-open .list,
        .layout:not(.card-open) .card {
          display: none;
        }
        [part~='back'] {
          display: inline-flex;
        }
      }
    `,
  ];

  /** The client whose card is open (`null`, `undefined` or `''`: none). */
  client: string | null | undefined = '';
  /** Keep the open client in the URL (`?dm-client=`). */
  syncUrl: boolean | undefined = false;
  /** The feed's filter; follows the feed's filter control (reflected; `undefined`: `all`). */
  filter: 'all' | 'orders' | 'messages' | undefined = 'all';

  /** On a narrow layout, whether the card (rather than the list) is showing. */
  private cardOpen_ = false;
  private get list_(): DmClientList | null {
    return this.renderRoot?.querySelector('dm-client-list') ?? null;
  }
  private get composer_(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('dm-composer') ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.client && typeof location !== 'undefined') {
      const fromUrl = clientIdFromUrl(location.href);
      if (fromUrl) this.client = fromUrl;
    }
    if (this.client) this.cardOpen_ = true;
    document.addEventListener('dm-notice-open', this.handleNoticeOpen_);
    window.addEventListener('popstate', this.handlePopState_);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('dm-notice-open', this.handleNoticeOpen_);
    window.removeEventListener('popstate', this.handlePopState_);
  }

  /** Updates for the list (whether the advisor has clients) and the open client's summary only. */
  protected override select(s: DmStore): unknown {
    return [s.clientList, this.client ? s.client(this.client) : undefined];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('client')) {
      // Setting `client` (attribute or property, before or after the first render: React sets
      // props after connecting) opens that card, on a phone too; clearing it shows the list.
      this.cardOpen_ = !!this.client;
      if (this.client) void this.store?.ensureClient(this.client);
      // Set by the host (not by a row, a notice or the browser's Back, which keep the URL already):
      // the URL follows, in place, so a reload reopens this card.
      if (
        this.hasUpdated &&
        this.syncUrl &&
        (clientIdFromUrl(location.href) ?? '') !== this.client
      ) {
        const url = new URL(location.href);
        if (this.client) url.searchParams.set(DEEP_LINK_PARAM, this.client);
        else url.searchParams.delete(DEEP_LINK_PARAM);
        history.replaceState(history.state, '', url);
      }
    }
  }

  /** Opens a client's card (as a deep link or a notice would). */
  open(clientId: string): void {
    this.client = clientId;
    this.cardOpen_ = true;
    if (this.syncUrl) history.pushState(history.state, '', clientCardUrl(location.href, clientId));
    void this.updateComplete.then(() => {
      // Side by side, the advisor goes on typing. On a phone the card replaces the list: focus its
      // heading instead, which says where they are without popping up the on-screen keyboard.
      const back = this.renderRoot.querySelector<HTMLElement>('[part~="back"]');
      if (back && back.getClientRects().length)
        this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
      else this.composer_?.focus();
    });
  }

  private handleSelect_ = (e: CustomEvent<{ clientId: string }>) => {
    if (e.detail.clientId !== this.client || !this.cardOpen_) this.open(e.detail.clientId);
  };

  /** The advisor has no clients at all (not a search that matched none). */
  private get noClients_(): boolean {
    const list = this.store?.clientList;
    return (
      !!list && list.status === 'ready' && !list.query && !list.clients.length && !list.nextCursor
    );
  }

  private handleFilter_ = (e: CustomEvent<{ filter: 'all' | 'orders' | 'messages' }>) => {
    this.filter = e.detail.filter;
  };

  private handleNoticeOpen_ = (e: DmNoticeOpenEvent) => {
    const id = e.detail?.clientId;
    if (id) this.open(id);
  };

  private handlePopState_ = () => {
    if (!this.syncUrl) return;
    const id = clientIdFromUrl(location.href);
    const left = this.client;
    // The browser's Back closed the card the keyboard was in: focus goes to that client's row,
    // as with the Back control, rather than falling to <body>.
    const refocus = !id && !!left && this.matches(':focus-within');
    const closed = !id && !!left && this.cardOpen_;
    this.client = id ?? '';
    this.cardOpen_ = !!id;
    if (closed) this.emit('dm-card-close', { clientId: left });
    if (refocus) void this.updateComplete.then(() => this.list_?.focusClient(left));
  };

  private handleBack_(): void {
    this.cardOpen_ = false;
    if (this.syncUrl) {
      const url = new URL(location.href);
      url.searchParams.delete(DEEP_LINK_PARAM);
      history.pushState(history.state, '', url);
    }
    // Back to the row of the client just left (the list's tab stop), as the keyboard left it.
    const client = this.client;
    if (client) this.emit('dm-card-close', { clientId: client });
    void this.updateComplete.then(() =>
      client ? this.list_?.focusClient(client) : this.list_?.focus(),
    );
  }

  protected override render() {
    const t = this.t;
    const name = this.client ? (this.store?.client(this.client)?.displayName ?? '') : '';
    return html`<div class="layout ${this.cardOpen_ && this.client ? 'card-open' : ''}">
      <section class="list" part="list-pane" aria-label=${t.clientsLabel}>
        <dm-client-list exportparts=${LIST_PARTS} .selected=${this.client} .strings=${this.strings} @dm-client-select=${this.handleSelect_}></dm-client-list>
      </section>
      <section class="card" part="card" aria-label=${name ? t.feedLabel(name) : t.communications}>
        ${
          this.client
            ? html`<header part="card-header">
                <button part="back" type="button" aria-label=${t.back} @click=${this.handleBack_}>${BACK_ICON}</button>
                <h2 dir="auto" tabindex="-1">${name || t.communications}</h2>
              </header>
              <dm-communications-feed
                exportparts=${FEED_PARTS}
                client-id=${this.client}
                .filter=${this.filter ?? 'all'}
                .strings=${this.strings}
                @dm-filter-change=${this.handleFilter_}
              ></dm-communications-feed>
              <dm-composer exportparts=${COMPOSER_PARTS} client-id=${this.client} .strings=${this.strings}></dm-composer>`
            : html`<p class="placeholder">${this.noClients_ ? t.noClientsCard : t.chooseClient}</p>`
        }
      </section>
    </div>`;
  }
}
