import { inlineStyle } from '../base/inline-style.js';
import { type PropertyValues, html, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RovingFocus } from '../../controllers/roving-focus.js';
import { VirtualWindow, type WindowSlice } from '../../controllers/virtual-window.js';
import type { ClientSummary } from '../../core/types.js';
import type { ClientListState, DmStore } from '../../data/store.js';
import { type ClientListStrings, enClientList } from '../../i18n/strings.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import { type ClientRowContext, renderClientRow } from './client-row.js';
import { clientListStyles } from './dm-client-list.styles.js';
import './dm-client-list.events.js';
import { NewClientsCue } from './new-cue.js';
import { OpenClient } from './open-client.js';
import { SearchBox } from './search.js';
import { renderListEnd, renderListError, renderListState } from './states.js';

/** A row's height before any row has been measured (the styles' minimum). */
const ROW_ESTIMATE_PX = 64;
/** The next page is requested once the rendered window reaches this close to the last loaded row. */
const LOAD_MORE_WITHIN_ROWS = 10;
/** Relative times ("5 min ago") are refreshed this often: a row is at most this late to say "1 min". */
const CLOCK_MS = 15_000;

const NO_SLICE: WindowSlice = { start: 0, end: 0, before: 0, after: 0 };

/**
 * The element fills the height its host gives it (and never grows past the screen); only the rows
 * in view plus a margin are in the DOM. The order is the store's, kept live as events arrive.
 * Keyboard: the rows form a listbox with one tab stop; arrows, Home, End, Page Up and Page Down
 * move focus (to rows not rendered yet too), Enter or Space selects. Focus stays on the same client
 * when the list re-orders. From the search box, Arrow Down moves into the list.
 * At its top the list stays at its top as clients write; scrolled down, it stays where it is and a
 * "N new" cue at its top counts the clients who moved up out of view. The open client's row holds
 * its place while it is open (reading it does not move it from under the pointer).
 *
 * @summary The advisor's clients, unread first then most recent, with search; virtualized for thousands of rows.
 * @tag dm-client-list
 *
 * @attr selected - The selected client's id (reflected). Set it to mark a client; the list scrolls it into view once.
 *
 * @fires {DmClientSelectEvent} dm-client-select - The advisor picked a client (click, Enter or Space); `detail.clientId`. `selected` is already set.
 *
 * @csspart base - The wrapper of the search box and the scroller.
 * @csspart search - The search box (an `<input type="search">`); searches by name on the server.
 * @csspart scroller - The scrolling box around the rows and the states.
 * @csspart list - The `role="listbox"` holding the rows.
 * @csspart new-clients - The "N new" cue (a button) at the top of a list scrolled down: clients moved up above the view; it goes back to the top.
 * @csspart client - Each client row (`role="option"`).
 * @csspart client-selected - Added to the selected client's row.
 * @csspart avatar - The round avatar: the client's picture, or initials on a colour derived from the id.
 * @csspart name - The client's display name (one line, cut with an ellipsis).
 * @csspart time - The relative time of the client's last activity (a `<time>`).
 * @csspart preview - The last item's preview (one line, plain text).
 * @csspart typing - "typing…" in place of the preview while the client types; since contract 1.1.
 * @csspart unread-badge - The one unread bubble, present only on rows of clients with unread messages.
 * @csspart loading - Shown while the first page loads.
 * @csspart loading-more - The row shown at the end while the next page loads.
 * @csspart empty - No clients at all, or none matching the search.
 * @csspart error - The list (or the next page) could not be loaded; holds a Retry button.
 *
 * @cssproperty [--dm-client-list-bg=var(--dm-color-bg)] - Background of the list.
 * @cssproperty [--dm-client-list-divider=var(--dm-color-border, #eaeef2)] - The line between rows (a dark theme's `--dm-color-border` reaches it).
 * @cssproperty [--dm-client-list-row-padding=10px 16px] - Padding of each row.
 * @cssproperty [--dm-unread-badge-size=10px] - Diameter of the unread bubble.
 * @cssproperty [--dm-avatar-size=40px] - Diameter of the avatars.
 * @cssproperty [--dm-color-selected=#ece8fb] - Background of the selected row (its edge uses `--dm-color-accent`).
 * @cssproperty [--dm-color-hover=#f3f4f6] - Background of a row under the pointer.
 * @cssproperty [--dm-color-unread=#d1242f] - Colour of the unread bubble.
 */
export class DmClientList extends DmElement {
  static override properties: PropertyDeclarations = {
    selected: { reflect: true },
  };

  /** The words in force (see `ClientListStrings`). */
  protected get t(): ClientListStrings {
    return this.wordsOf(enClientList);
  }

  static override styles = [tokens, clientListStyles];

  /** The selected client's id (`null`, `undefined` or `''`: none). */
  selected: string | null | undefined = null;

  private get scroller_(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? null;
  }
  private get listbox_(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[role="listbox"]') ?? null;
  }
  /** The rows shown: the store's order, the open client holding its place. */
  private get clients_(): readonly ClientSummary[] {
    return this.open_.rows_(this.store?.clientList.clients ?? []);
  }

  private readonly window_ = new VirtualWindow<ClientSummary>(this, {
    scroller: () => this.scroller_,
    key: (c) => c.id,
    // Every row has the same structure, so one measured row is a near-exact guess for the others:
    // rows reached by End or Page Down then land where they are expected.
    estimate_: () => this.rowEstimate_,
    stick: 'top',
    // Clients who write move up above the focused row: it stays rendered (and focused) where the
    // re-order puts it, and the list stays where it is (at its top, the writers come into view).
    keep: (): string | null => this.focus_.focusedKey_(),
  });
  private readonly search_ = new SearchBox(this, (q) => void this.store?.loadClients(q));
  private readonly focus_ = new RovingFocus<ClientSummary>(this, this.window_, {
    rows: () => this.clients_,
    key: (c) => c.id,
    page: () => Math.max(1, this.window_.lastVisibleIndex_() - this.window_.firstVisibleIndex_()),
    lost: (key) => {
      // A live re-order carried the focused client out of the window: follow it. Scrolled away
      // (or the client left the list): keep focus in the list rather than on <body>.
      if (this.clientsChanged_ && this.clients_.some((c) => c.id === key))
        void this.focusClient(key);
      else this.listbox_?.focus({ preventScroll: true });
    },
    focused: () => {
      // A scroll to a target clears the window's top-edge flag even when the view stayed at the top.
      const s = this.scroller_;
      if (s) this.window_.atEdge_ = this.window_.isAtEdge_(s);
    },
  });

  private clock_?: ReturnType<typeof setInterval>;
  private lastClients_?: readonly ClientSummary[];
  private clientsChanged_ = false;
  private lastQuery_: string | null = null;
  private lastSlice_: WindowSlice = NO_SLICE;
  private readonly open_ = new OpenClient(this.window_);
  private readonly cue_ = new NewClientsCue(this, this.window_, () => this.clients_);
  private rowEstimate_ = ROW_ESTIMATE_PX;
  /** Avatar URLs that failed to load: their rows show initials. */
  private failedAvatars_ = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock_ = setInterval(() => this.requestUpdate(), CLOCK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock_);
  }

  protected override storeConnected(store: DmStore): void {
    // Another element on the same store may already have searched: show its query, don't reset it.
    this.search_.text = store.clientList.query;
    void store.loadClients();
  }

  protected override select(s: DmStore): unknown {
    return [s.clientList, s.signals.typingVersion];
  }

  /** Moves keyboard focus to a client's row, scrolling it into view first when it is not rendered (or to the list, when the client is not in it). */
  async focusClient(clientId: string): Promise<void> {
    await this.focus_.focus(clientId);
    if (this.focus_.isPending_(clientId) && !this.clients_.some((c) => c.id === clientId)) {
      // Not in the list (another search is showing, or no such client): focus the list itself,
      // rather than leaving focus nowhere and taking it later, when that row turns up.
      this.focus_.isPending_(clientId, true);
      (this.listbox_ ?? this.renderRoot.querySelector<HTMLElement>('input'))?.focus();
    }
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const list = this.store?.clientList;
    this.clientsChanged_ = list?.clients !== this.lastClients_;
    this.lastClients_ = list?.clients;
    if (list && list.query !== this.lastQuery_) {
      // A new search is a new list: start at its top.
      if (this.lastQuery_ !== null) {
        this.window_.scrollToEdge_();
        this.open_.newQuery_();
      }
      this.lastQuery_ = list.query;
      this.search_.follow(list.query);
    }
    if (changed.has('selected') && this.selected) this.focus_.key = this.selected;
    const selected = this.selected || null;
    const summary = selected ? this.store?.client(selected) : undefined;
    this.open_.sync_(selected, changed.has('selected'), summary, list, this.clientsChanged_);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const row = this.renderRoot.querySelector<HTMLElement>('[data-vkey]');
    if (row?.offsetHeight) this.rowEstimate_ = row.offsetHeight;
    // Rows measured just now render again at once: judge what is in view then, not on guesses.
    if (!this.window_.settling_) this.maybeLoadMore_(this.store?.clientList);
  }

  // ---- rendering ------------------------------------------------------------------------------

  protected override render() {
    const t = this.t;
    const list = this.store?.clientList;
    // Always slice, even while a state replaces the rows, so the window knows the current rows.
    const slice = (this.lastSlice_ = this.window_.slice(this.clients_));
    return html`
      <div part="base" class="base">
        <div class="search">
          <label class="visually-hidden" for="search">${t.searchLabel}</label>
          <input
            id="search"
            part="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            placeholder=${t.searchPlaceholder}
            @input=${this.search_.handleInput}
            @keydown=${this.handleSearchKeydown_}
          />
        </div>
        <div
          part="scroller"
          class="scroller"
          @scroll=${this.handleScroll_}
          @pointerdown=${this.open_.stop_}
          @wheel=${this.open_.stop_}
          @touchstart=${this.open_.stop_}
          @keydown=${this.open_.stop_}
        >${this.cue_.render_(this.newClients_, this.handleCue_)}${this.renderBody_(list, slice)}</div>
        <div class="visually-hidden" role="status">${this.cue_.said_(this.newClients_)}</div>
      </div>
    `;
  }

  private renderBody_(list: ClientListState | undefined, slice: WindowSlice) {
    return (
      renderListState(list, this.t, this.handleRetry_) ??
      html`${renderListError(list!, this.t, this.handleRetry_)}${this.renderList_(list!, slice)}${renderListEnd(list!, this.t, this.handleRetryMore_)}`
    );
  }

  private renderList_(list: ClientListState, slice: WindowSlice) {
    const clients = this.clients_;
    const rows = clients.slice(slice.start, slice.end);
    const isRendered = (key: string | null) => !!key && rows.some((c) => c.id === key);
    // Roving tab stop: the last focused client, else the selected one, else the first row in view.
    const firstInView = Math.min(
      Math.max(this.window_.firstVisibleIndex_(), slice.start),
      slice.end - 1,
    );
    const active = this.focus_.key;
    const tabKey = isRendered(active)
      ? active
      : isRendered(this.selected ?? null)
        ? this.selected
        : (clients[firstInView]?.id ?? null);
    const ctx: ClientRowContext = {
      t: this.t,
      locale: this.locale,
      dir: this.textDir,
      now: Date.now(),
      selected: this.selected ?? null,
      setSize_: list.nextCursor ? -1 : clients.length,
      failedAvatars_: this.failedAvatars_,
      avatarFailed_: this.handleAvatarError_,
      typing: (id) => !!this.store?.signals.isTyping(id),
    };
    return html`
      <div
        part="list"
        class="list"
        role="listbox"
        aria-label=${this.t.clientsLabel}
        aria-busy=${list.status === 'loading' ? 'true' : 'false'}
        tabindex="-1"
        @keydown=${this.handleListKeydown_}
        @click=${this.handleListClick_}
        @focusin=${this.handleListFocusin_}
      >
        <div aria-hidden="true" .style=${inlineStyle(`block-size:${slice.before}px`)}></div>
        ${repeat(
          rows,
          (c) => c.id,
          (c, i) => renderClientRow(c, slice.start + i, c.id === tabKey, ctx),
        )}
        <div aria-hidden="true" .style=${inlineStyle(`block-size:${slice.after}px`)}></div>
      </div>
    `;
  }

  // ---- data -------------------------------------------------------------------------------

  private maybeLoadMore_(list: ClientListState | undefined): void {
    // `error` on a ready list is a failed next page: wait for Retry instead of looping.
    if (!list || list.status !== 'ready' || list.loadingMore || list.error || !list.nextCursor)
      return;
    if (this.lastSlice_.end >= list.clients.length - LOAD_MORE_WITHIN_ROWS)
      void this.store?.loadMoreClients();
  }

  private select_(clientId: string): void {
    this.focus_.key = clientId;
    if (this.selected !== clientId) {
      this.open_.picked_();
      this.selected = clientId;
    }
    this.emit('dm-client-select', { clientId });
  }

  // ---- handlers ---------------------------------------------------------------------------

  private handleScroll_ = () => this.window_.handleScroll_();

  private newClients_ = (n: number) => this.t.newClients(n, this.num);

  /** The "N new" cue: back to the top, the keyboard on the first row. */
  private handleCue_ = () => {
    this.cue_.clear_();
    const first = this.clients_[0];
    if (first) void this.focusClient(first.id);
  };

  private handleSearchKeydown_ = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.search_.run();
    } else if (e.key === 'ArrowDown' && !e.altKey) {
      const clients = this.clients_;
      const active = this.focus_.key;
      const key = active && clients.some((c) => c.id === active) ? active : clients[0]?.id;
      if (key) {
        e.preventDefault();
        void this.focusClient(key);
      }
    }
  };

  private handleRetry_ = () => {
    const store = this.store;
    if (store) void store.loadClients(store.clientList.query, true);
  };

  private handleRetryMore_ = () => void this.store?.loadMoreClients();

  private handleAvatarError_ = (src: string): void => {
    this.failedAvatars_.add(src);
    this.requestUpdate();
  };

  private handleListClick_ = (e: MouseEvent) => {
    const key = (e.target as Element).closest<HTMLElement>('[data-vkey]')?.dataset.vkey;
    if (key) this.select_(key);
  };

  private handleListFocusin_ = (e: FocusEvent) => {
    const key = (e.target as HTMLElement).dataset?.vkey;
    if (key && key !== this.focus_.key) {
      this.focus_.key = key;
      this.requestUpdate();
    }
  };

  private handleListKeydown_ = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !this.clients_.length) return;
    if (e.key === 'Enter' || e.key === ' ') {
      const current = (e.target as HTMLElement).dataset?.vkey ?? this.focus_.key;
      const row = this.clients_.find((c) => c.id === current);
      if (row) {
        e.preventDefault();
        this.select_(row.id);
      }
      return;
    }
    this.focus_.handleKeydown_(e);
  };
}
