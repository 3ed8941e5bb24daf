import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { searchQuery } from '../../core/search-match.js';
import type { FeedItem } from '../../core/types.js';
import type { ConversationSearch } from '../../data/conversation-search.js';
import type { DmStore } from '../../data/store.js';

/** How long typing must pause before the search is asked (ms). */
export const SEARCH_DEBOUNCE_MS = 250;

/** What the search box needs from the feed. */
export interface SearchHost extends ReactiveControllerHost, HTMLElement {
  readonly store?: DmStore;
  readonly renderRoot: ParentNode;
  readonly clientId: string;
  /** The advisor chose a hit: the feed jumps to it. */
  jumpToHit(hit: FeedItem): void;
}

/**
 * The conversation search box of the feed, a WAI-ARIA APG combobox with a listbox popup (list
 * autocomplete, no automatic selection): typing searches (debounced, 2 characters at least),
 * ArrowDown / ArrowUp move through the hits (focus stays in the box; `aria-activedescendant`
 * names the active hit), Enter chooses, Escape closes the list and, pressed again, clears the box.
 * Reaching the last hit, or scrolling the list near its end, loads more.
 */
export class SearchController implements ReactiveController {
  /** What is typed in the box. */
  value_ = '';
  /** Whether the hit list is shown. */
  open_ = false;
  /** The active hit's index, -1 for none. */
  active_ = -1;
  private timer_?: ReturnType<typeof setTimeout>;
  private clientId_ = '';

  constructor(private readonly host_: SearchHost) {
    host_.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer_);
  }

  hostUpdate(): void {
    // Another client: its own search, starting empty.
    if (this.host_.clientId !== this.clientId_) {
      this.search_()?.clear();
      this.clientId_ = this.host_.clientId;
      this.value_ = '';
      this.open_ = false;
      this.active_ = -1;
      clearTimeout(this.timer_);
    }
  }

  hostUpdated(): void {
    // The active hit stays in view in the list as the arrows move through it.
    if (this.open_ && this.active_ >= 0)
      this.host_.renderRoot
        .querySelector('#hit' + this.active_)
        ?.scrollIntoView({ block: 'nearest' });
  }

  /** Whether the search box is offered (not by a 1.0 server, nor by an adapter without search). */
  get available_(): boolean {
    const s = this.host_.store;
    return !!s && !!s.adapter.search && s.searchSupported && !!this.host_.clientId;
  }

  /** The hits, as the store has them. */
  get hits_(): readonly FeedItem[] {
    return this.state.hits;
  }

  get state() {
    return this.host_.store!.searchState(this.host_.clientId);
  }

  private search_(): ConversationSearch | undefined {
    return this.clientId_ ? this.host_.store?.conversationSearch(this.clientId_) : undefined;
  }

  handleInput_ = (e: Event): void => {
    this.value_ = (e.target as HTMLInputElement).value;
    this.active_ = -1;
    this.open_ = searchQuery(this.value_) !== null;
    clearTimeout(this.timer_);
    const search = this.search_();
    if (!search) return;
    if (!this.open_) search.clear();
    else this.timer_ = setTimeout(() => search.search(this.value_), SEARCH_DEBOUNCE_MS);
    this.host_.requestUpdate();
  };

  handleKeydown_ = (e: KeyboardEvent): void => {
    const n = this.hits_.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!searchQuery(this.value_)) return;
        if (!this.open_) {
          this.open_ = true;
          this.active_ = e.key === 'ArrowDown' ? Math.min(0, n - 1) : n - 1;
        } else if (n) {
          this.active_ =
            e.key === 'ArrowDown'
              ? Math.min(n - 1, this.active_ + 1)
              : Math.max(0, this.active_ - 1);
        }
        if (this.active_ >= n - 1) this.search_()?.more();
        break;
      }
      case 'Enter': {
        const hit = this.open_ ? this.hits_[this.active_] : undefined;
        if (!hit) return;
        e.preventDefault();
        this.choose_(hit);
        return;
      }
      case 'Escape':
        if (this.open_) this.open_ = false;
        else if (this.value_) {
          this.value_ = '';
          this.search_()?.clear();
        } else return;
        e.preventDefault();
        this.active_ = -1;
        break;
      default:
        return;
    }
    this.host_.requestUpdate();
  };

  /** The box lost focus to something outside the search: the list closes (the query stays). */
  handleFocusOut_ = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (to && (e.currentTarget as Node).contains(to)) return;
    this.open_ = false;
    this.host_.requestUpdate();
  };

  handleFocus_ = (): void => {
    if (searchQuery(this.value_) && !this.open_) {
      this.open_ = true;
      this.host_.requestUpdate();
    }
  };

  /** The list scrolled near its end: more hits. */
  handleListScroll_ = (e: Event): void => {
    const l = e.currentTarget as HTMLElement;
    if (l.scrollHeight - l.scrollTop - l.clientHeight < 80) this.search_()?.more();
  };

  choose_(hit: FeedItem): void {
    this.open_ = false;
    this.active_ = this.hits_.indexOf(hit);
    this.host_.requestUpdate();
    this.host_.jumpToHit(hit);
  }

  retry_ = (): void => this.search_()?.retry();
}
