import { type DmAdapter, DmError } from './adapter.js';

/** The operations of contract 1.1 a server (or a custom adapter) may lack. */
export type Feature = 'search' | 'typing';

const METHOD = { search: 'search', typing: 'sendTyping' } as const;

/**
 * What the server supports of contract 1.1, learned as it answers. A feature is off when the
 * adapter has no method for it, or once the server answered its first call with 404 (a 1.0
 * server has no such route). Off stays off (until the store is rebuilt) and is never an error
 * state: the widgets hide the feature quietly. Seen needs no entry: a 1.0 page has no
 * `clientReadAt`, so nothing is marked seen.
 */
export class Capabilities {
  private readonly off_ = new Set<Feature>();

  constructor(
    private readonly adapter_: DmAdapter,
    private readonly onChange_: () => void = () => {},
  ) {}

  /** Whether the feature may be offered. */
  has(feature: Feature): boolean {
    return !this.off_.has(feature) && typeof this.adapter_[METHOD[feature]] === 'function';
  }

  /** Notes a failed call of the feature: `not-found` turns it off. Returns whether the error was that (the caller then shows nothing). */
  learn_(feature: Feature, error: unknown): boolean {
    if (!(error instanceof DmError && error.kind === 'not-found')) return false;
    if (!this.off_.has(feature)) {
      this.off_.add(feature);
      this.onChange_();
    }
    return true;
  }
}
