import { type DmAdapter, type DmError, toDmError } from './adapter.js';
import { Loads } from './resource.js';
import { Timers } from './retry.js';
import type { DmStoreEventMap, DmStoreOptions } from './store-types.js';

/** The store's options with their defaults filled in. */
export type StoreSettings = Required<Omit<DmStoreOptions, 'storage'>>;

/** How long after one `auth-required` event another may follow (one per burst of 401s). */
const AUTH_EVENT_EVERY_MS = 3000;

/**
 * What every store module shares: the adapter, the settings, the one load primitive and the one
 * retry policy, the change notification, failure handling and the store's events, and which
 * clients' cards are on screen. A module gets the hub (and the few other modules it reads) in
 * its constructor; it never sees the facade.
 */
export class Hub {
  readonly settings_: StoreSettings;
  readonly timers_: Timers;
  readonly loads_: Loads;
  /** The store is started (`start()` and no `stop()` since): retries may run. */
  started_ = false;
  /** A 401 came back: nothing is reloaded on its own until start() is called again. */
  signedOut_ = false;
  private listeners_ = new Set<() => void>();
  private scheduled_ = false;
  private lastAuthEvent_ = -Infinity;
  /** Clients whose card is on screen, with how many views show each. */
  private open_ = new Map<string, number>();

  constructor(
    readonly adapter_: DmAdapter,
    options: DmStoreOptions,
    /** Where the store's events are dispatched (the store itself). */
    private target_: EventTarget,
  ) {
    this.settings_ = {
      feedPageSize: 50,
      clientPageSize: 50,
      maxSendAttempts: 5,
      retryBaseMs: 500,
      ...options,
    };
    this.timers_ = new Timers({
      floorMs_: this.settings_.retryBaseMs,
      capMs_: 30_000,
      jitter_: 0.2,
    });
    this.loads_ = new Loads(
      (e) => this.failed_(e),
      this.timers_,
      () => this.started_,
    );
  }

  subscribe_(listener: () => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  /** Schedules the change notification (batched to a microtask). */
  changed_(): void {
    if (this.scheduled_) return;
    this.scheduled_ = true;
    queueMicrotask(() => {
      this.scheduled_ = false;
      for (const l of [...this.listeners_]) l();
      this.target_.dispatchEvent(new Event('change'));
    });
  }

  /** Turns a failure into a DmError, telling the host of a 401 on the way. */
  failed_(e: unknown): DmError {
    const error = toDmError(e);
    // Several requests fail with 401 at once when a session ends: tell the host once, not per request.
    if (error.kind === 'auth') this.signedOut_ = true;
    if (error.kind === 'auth' && Date.now() - this.lastAuthEvent_ >= AUTH_EVENT_EVERY_MS) {
      this.lastAuthEvent_ = Date.now();
      this.emit_('auth-required', error);
    }
    return error;
  }

  emit_<K extends Exclude<keyof DmStoreEventMap, 'change'>>(
    type: K,
    detail: DmStoreEventMap[K]['detail'],
  ): void {
    this.target_.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Whether a client's card is on screen. */
  isOpen_(clientId: string): boolean {
    return this.open_.has(clientId);
  }

  openClients_(): IterableIterator<string> {
    return this.open_.keys();
  }

  /** A view of a client's card starts; returns its end. */
  view_(clientId: string): () => void {
    this.open_.set(clientId, (this.open_.get(clientId) ?? 0) + 1);
    return () => {
      const n = (this.open_.get(clientId) ?? 1) - 1;
      if (n > 0) this.open_.set(clientId, n);
      else this.open_.delete(clientId);
    };
  }
}
