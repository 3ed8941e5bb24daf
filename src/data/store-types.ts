import type { FeedEntry, FeedFilter, ClientSummary, MessageItem, FeedItem } from '../core/types.js';
import type { Notice } from '../core/notify-policy.js';
import type { DmError } from './adapter.js';

/** Where a piece of remote data stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The client list as the store holds it (one list: the current search). */
export interface ClientListState {
  readonly query: string;
  readonly clients: readonly ClientSummary[];
  readonly nextCursor: string | null;
  readonly status: LoadStatus;
  readonly error: DmError | null;
  readonly loadingMore: boolean;
}

/** One client's feed under one filter. */
export interface FeedState {
  readonly clientId: string;
  readonly filter: FeedFilter;
  readonly items: readonly FeedEntry[];
  readonly olderCursor: string | null;
  readonly status: LoadStatus;
  readonly error: DmError | null;
  readonly loadingOlder: boolean;
  readonly olderError: DmError | null;
  /**
   * Since 1.1, after a jump into the past: fetches the page after the newest item held; null when
   * the feed holds the newest item (the live tail).
   */
  readonly newerCursor: string | null;
  readonly loadingNewer: boolean;
  readonly newerError: DmError | null;
  /** Live items that arrived while the feed shows the past (never put after it: the pill counts them). */
  readonly pastArrivals: number;
}

/** A value loaded on demand (eligibility, order details). */
export interface Loadable<T> {
  readonly status: LoadStatus;
  readonly value: T | null;
  readonly error: DmError | null;
}

/** What became of a send. */
export type SendResult =
  | { status: 'sent'; message: MessageItem }
  | { status: 'failed'; error: DmError }
  | { status: 'blocked'; body: string; error: DmError }
  | { status: 'auth'; body: string; error: DmError };

/** An in-app notice about a client who wrote. */
export interface StoreNotice extends Notice {
  readonly key: string;
}

/** Options of {@link DmStore}. */
export interface DmStoreOptions {
  /** Items per feed page; default 50. */
  feedPageSize?: number;
  /** Clients per list page; default 50. */
  clientPageSize?: number;
  /** Where drafts and the outbox persist; `null` keeps them in memory only. Default `localStorage`. */
  storage?: Storage | null;
  /** Attempts per send before it is marked failed; default 5. */
  maxSendAttempts?: number;
  /** First retry delay in ms, doubled per attempt; default 500. */
  retryBaseMs?: number;
}

/** The events a {@link DmStore} dispatches (`store.addEventListener(type, …)` is typed by them). */
export interface DmStoreEventMap {
  /** Some state changed (batched to a microtask, after the `subscribe` listeners). */
  change: Event;
  /** The API answered 401 (once per burst): sign the advisor in again, then call `start()`. */
  'auth-required': CustomEvent<DmError>;
  /** A live feed item arrived. */
  'live-item': CustomEvent<FeedItem>;
  /** The server stored a message sent from this page. */
  'message-sent': CustomEvent<MessageItem>;
}

/** An `EventTarget` whose listeners are typed by an event map. */
export interface TypedEventTarget<M> extends EventTarget {
  addEventListener<K extends keyof M & string>(
    type: K,
    listener: (event: M[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof M & string>(
    type: K,
    listener: (event: M[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}
