import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DmStore } from '../data/store.js';

/** A host of a {@link StoreController}: an element that has a store. */
export interface StoreHost extends ReactiveControllerHost {
  store?: DmStore;
  readonly isConnected: boolean;
}

/** Whether two selections are the same: identical, or arrays of the same selections. */
export function sameSelection(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => sameSelection(x, b[i]));
}

const UNSET = Symbol();

/**
 * Follows the host's store through a selector: the host updates only when what it reads changed.
 * The selector returns what the host's render reads (the store's state objects are replaced, never
 * mutated, when they change), as one value or an array of them (compared item by item), e.g.
 * `(s) => [s.feed(this.clientId, this.filter), s.client(this.clientId)]`. Without a selector the
 * host updates on every change of the store. The selection is taken again before each update, so
 * it always matches what was rendered last (the host's own properties may have changed).
 */
export class StoreController<T = unknown> implements ReactiveController {
  private store_?: DmStore;
  private unsubscribe_?: () => void;
  private value_: T | typeof UNSET = UNSET;

  constructor(
    private host_: StoreHost,
    private select_: ((store: DmStore) => T) | null,
    /** Called when the host gets a store (or another one). */
    private onStore_?: (store: DmStore) => void,
  ) {
    host_.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.unsubscribe_?.();
    this.unsubscribe_ = this.store_ = undefined;
    this.value_ = UNSET;
  }

  hostUpdate(): void {
    this.follow();
    if (this.store_ && this.select_) this.value_ = this.select_(this.store_);
  }

  /** Subscribes to the host's current store (when it changed); returns whether it did. */
  follow(): boolean {
    const store = this.host_.store;
    if (store === this.store_ || !this.host_.isConnected) return false;
    this.unsubscribe_?.();
    this.store_ = store;
    this.value_ = UNSET;
    this.unsubscribe_ = store?.subscribe(this.changed_);
    if (store) this.onStore_?.(store);
    return true;
  }

  private changed_ = (): void => {
    const store = this.store_;
    if (!store) return;
    if (this.select_) {
      const next = this.select_(store);
      if (this.value_ !== UNSET && sameSelection(next, this.value_)) return;
      this.value_ = next;
    }
    this.host_.requestUpdate();
  };
}
