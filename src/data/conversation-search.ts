import { searchQuery } from '../core/search-match.js';
import type { FeedItem } from '../core/types.js';
import { type DmAdapter, DmError } from './adapter.js';

/** One client's conversation search as the store holds it (since contract 1.1). */
export interface SearchState {
  /** The query the hits are for (trimmed); '' when none. */
  readonly query: string;
  /** Hits, newest first. */
  readonly hits: readonly FeedItem[];
  /** Fetches older hits; null when there are no more. */
  readonly nextCursor: string | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** Why the first page (status `error`) or the next one (`moreError`) failed. */
  readonly error: DmError | null;
  readonly loadingMore: boolean;
  readonly moreError: DmError | null;
  /** When asking again is allowed (ms since the epoch, from `Retry-After`); 0 when at once. */
  readonly retryAt: number;
}

export const IDLE_SEARCH: SearchState = {
  query: '',
  hits: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  loadingMore: false,
  moreError: null,
  retryAt: 0,
};

/** What a search needs from the store. */
export interface SearchHost {
  readonly adapter_: DmAdapter;
  /** Turns a failure into a DmError (a 401 tells the host). */
  failed_(e: unknown): DmError;
  changed_(): void;
  /** The server has no search (a 1.0 server: 404, or an adapter without `search`). */
  unsupported_(error: DmError): void;
}

const PAGE = 20;

/**
 * One client's search: the newest answer for the newest query only (an older query's answer,
 * however late, never replaces it), more hits on demand, and Retry honouring `Retry-After`
 * (asked for sooner, it waits; a rate-limited search is asked again by itself when the wait ends).
 */
export class ConversationSearch {
  state: SearchState = IDLE_SEARCH;
  private abort_: AbortController | null = null;
  private timer_?: ReturnType<typeof setTimeout>;
  private seq_ = 0;

  constructor(
    private readonly host_: SearchHost,
    readonly clientId: string,
  ) {}

  /** Searches for what was typed; fewer than 2 characters (trimmed) clears the hits and asks nothing. */
  search(typed: string): void {
    const q = searchQuery(typed);
    if (q === this.state.query && this.state.status !== 'error' && this.state.status !== 'idle')
      return;
    this.cancel_();
    if (q === null) return this.set_(IDLE_SEARCH);
    this.set_({ ...IDLE_SEARCH, query: q, status: 'loading', retryAt: this.state.retryAt });
    this.fetch_(q, null);
  }

  /** Loads the next page of hits, if there is one. */
  more(): void {
    const s = this.state;
    if (s.status !== 'ready' || s.loadingMore || !s.nextCursor) return;
    this.set_({ ...s, loadingMore: true, moreError: null });
    this.fetch_(s.query, s.nextCursor);
  }

  /** Asks again for what failed (not before the server's `Retry-After`). */
  retry(): void {
    const s = this.state;
    if (s.status === 'error') {
      this.set_({ ...s, status: 'loading', error: null });
      this.fetch_(s.query, null);
    } else if (s.moreError) {
      this.set_({ ...s, loadingMore: true, moreError: null });
      this.fetch_(s.query, s.nextCursor);
    }
  }

  /** Forgets the query and its hits; abandons what is on its way. */
  clear(): void {
    this.cancel_();
    this.set_({ ...IDLE_SEARCH, retryAt: this.state.retryAt });
  }

  private cancel_(): void {
    this.seq_++;
    this.abort_?.abort();
    this.abort_ = null;
    clearTimeout(this.timer_);
  }

  private set_(s: SearchState): void {
    this.state = s;
    this.host_.changed_();
  }

  private fetch_(q: string, cursor: string | null): void {
    const seq = ++this.seq_;
    const wait = this.state.retryAt - Date.now();
    clearTimeout(this.timer_);
    if (wait > 0) {
      this.timer_ = setTimeout(() => seq === this.seq_ && this.fetch_(q, cursor), wait);
      return;
    }
    const search = this.host_.adapter_.search;
    if (!search)
      return this.host_.unsupported_(new DmError('not-found', 'No search in this adapter'));
    const abort = (this.abort_ = new AbortController());
    search
      .call(
        this.host_.adapter_,
        this.clientId,
        { q, cursor, limit: PAGE },
        { signal: abort.signal },
      )
      .then(
        (page) => {
          if (seq !== this.seq_) return;
          const s = this.state;
          const hits = cursor
            ? [...s.hits, ...page.hits.filter((h) => !s.hits.some((x) => x.id === h.id))]
            : page.hits;
          // A page that is empty and hands back its own cursor would be asked for forever: it ends the hits.
          const nextCursor =
            page.nextCursor !== cursor || page.hits.length ? page.nextCursor : null;
          this.set_({
            ...s,
            hits,
            nextCursor,
            status: 'ready',
            error: null,
            loadingMore: false,
            moreError: null,
            retryAt: 0,
          });
        },
        (e: unknown) => {
          if (seq !== this.seq_) return;
          const error = this.host_.failed_(e);
          if (error.kind === 'aborted') return;
          if (error.kind === 'not-found') return this.host_.unsupported_(error);
          const retryAt =
            error.retryAfterMs !== null ? Date.now() + Math.min(error.retryAfterMs, 60_000) : 0;
          const s = this.state;
          this.set_(
            cursor
              ? { ...s, loadingMore: false, moreError: error, retryAt }
              : { ...s, status: 'error', error, retryAt },
          );
          // Rate-limited: asked again by itself once the wait is over.
          if (error.retryAfterMs !== null)
            this.timer_ = setTimeout(() => seq === this.seq_ && this.retry(), retryAt - Date.now());
        },
      );
  }
}

/** Every client's conversation search, each created on first use. */
export class ConversationSearches {
  private readonly byClient_ = new Map<string, ConversationSearch>();

  constructor(private readonly host_: SearchHost) {}

  get_(clientId: string): ConversationSearch {
    let s = this.byClient_.get(clientId);
    if (!s) this.byClient_.set(clientId, (s = new ConversationSearch(this.host_, clientId)));
    return s;
  }

  state_(clientId: string): SearchState {
    return this.byClient_.get(clientId)?.state ?? IDLE_SEARCH;
  }
}
