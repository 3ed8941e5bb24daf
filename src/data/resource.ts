import type { DmError } from './adapter.js';
import type { Timers } from './retry.js';
import type { Loadable } from './store-types.js';

/** What a load came to: its value, or its failure. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DmError };

interface Call {
  abort: AbortController;
  promise: Promise<unknown>;
}

/**
 * The one load primitive of the store, used by every load (the advisor, the list and its pages,
 * feeds and their older pages, eligibility, orders, the unread count, a client fetched alone).
 * Each load has a key; a new load of a key aborts the one before, whose answer — however late —
 * is dropped (the call-id pattern of lit's `Task`), so a slow answer never paints over a newer
 * one. Failures become `DmError`s (through `failed`, which tells the host of a 401), and one the
 * server said when to ask again (`Retry-After`) is asked again then, if still wanted.
 */
export class Loads {
  private calls_ = new Map<string, Call>();

  constructor(
    private failed_: (e: unknown) => DmError,
    private timers_: Timers,
    /** Whether the store is running (a stopped store asks nothing again by itself). */
    private running_: () => boolean,
  ) {}

  /**
   * Runs `fetch` as the newest load of `key`. Resolves with its outcome, or `null` when it was
   * aborted or a newer load of the key took over. With `share`, a load of the key already on its
   * way is joined rather than replaced.
   */
  run_<T>(
    key: string,
    fetch: (signal: AbortSignal) => Promise<T>,
    share = false,
  ): Promise<Outcome<T> | null> {
    const cur = this.calls_.get(key);
    if (share && cur) return cur.promise as Promise<Outcome<T> | null>;
    cur?.abort.abort();
    const abort = new AbortController();
    const current = () => !abort.signal.aborted && this.calls_.get(key) === call;
    let answer: Promise<T>;
    try {
      answer = fetch(abort.signal);
    } catch (e) {
      answer = Promise.reject(e);
    }
    const promise = answer.then(
      (value): Outcome<T> | null => (current() ? { ok: true, value } : null),
      (e: unknown): Outcome<T> | null => (current() ? { ok: false, error: this.failed_(e) } : null),
    );
    const call: Call = { abort, promise };
    this.calls_.set(key, call);
    void promise.finally(() => {
      if (this.calls_.get(key) === call) this.calls_.delete(key);
    });
    return promise;
  }

  /** Abandons the load of `key` (nobody shows it any more); returns whether one was on its way. */
  release_(key: string): boolean {
    const call = this.calls_.get(key);
    call?.abort.abort();
    return this.calls_.delete(key);
  }

  /** Abandons every load whose key starts with one of `prefixes` (the store stops). */
  releaseAll_(prefixes: readonly string[]): void {
    for (const key of [...this.calls_.keys()])
      if (prefixes.some((p) => key.startsWith(p))) this.release_(key);
  }

  /** Asks again when the server said when (`Retry-After`), if `again` still wants it then. */
  askAgainAfter_(error: DmError, again: () => unknown): void {
    if (error.retryAfterMs !== null && this.running_()) this.timers_.retry_(null, 1, error, again);
  }
}

const IDLE: Loadable<never> = { status: 'idle', value: null, error: null };

/**
 * A map of {@link Loadable} values by id (eligibility by client, details by order): idle until
 * loaded, loading with the value shown so far, ready, or failed with the value shown so far.
 */
export class LoadableMap<T> {
  private map_ = new Map<string, Loadable<T>>();

  get_(id: string): Loadable<T> {
    return this.map_.get(id) ?? IDLE;
  }

  /** Whether it is loaded or on its way (no need to load it again). */
  fresh_(id: string): boolean {
    const s = this.get_(id).status;
    return s === 'ready' || s === 'loading';
  }

  set_(id: string, state: Loadable<T>): void {
    this.map_.set(id, state);
  }

  /** On its way: the value (and, with `keepError`, the failure) shown so far stays. */
  loading_(id: string, keepError = false): void {
    const cur = this.get_(id);
    this.map_.set(id, { status: 'loading', value: cur.value, error: keepError ? cur.error : null });
  }

  ready_(id: string, value: T): void {
    this.map_.set(id, { status: 'ready', value, error: null });
  }

  failed_(id: string, error: DmError, value: T | null = this.get_(id).value): void {
    this.map_.set(id, { status: 'error', value, error });
  }

  entries_(): IterableIterator<[string, Loadable<T>]> {
    return this.map_.entries();
  }
}
