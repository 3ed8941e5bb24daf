import type { DmError } from './adapter.js';

/** How long a server's `Retry-After` may make us wait at most. */
const RETRY_AFTER_CAP_MS = 60_000;

/** The one retry/backoff policy of the data layer. */
export interface RetryPolicy {
  /** The first wait, doubled per attempt; also the least a `Retry-After` is waited. */
  floorMs_: number;
  /** The longest wait between attempts. */
  capMs_: number;
  /** Each wait is moved by up to this fraction either way, so tabs that failed together spread out. */
  jitter_: number;
}

/**
 * How long to wait before attempt `attempt + 1` after `attempt` failed (1 = the first failure):
 * the server's `Retry-After` kept between the floor and 60 s, else the floor doubled per attempt
 * up to the cap, with jitter.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, error?: DmError | null): number {
  const asked = error?.retryAfterMs;
  if (asked != null) return Math.min(Math.max(asked, policy.floorMs_), RETRY_AFTER_CAP_MS);
  const wait = Math.min(policy.floorMs_ * 2 ** Math.max(0, attempt - 1), policy.capMs_);
  return wait * (1 - policy.jitter_ + Math.random() * 2 * policy.jitter_);
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/**
 * The store's waits, by name: one timer per name (a new one replaces it), all cleared by
 * `clear()` when the store stops. Every caller that asks again later goes through `retry()`.
 */
export class Timers {
  private timers_ = new Map<string, ReturnType<typeof setTimeout>>();
  private n_ = 0;

  constructor(readonly policy: RetryPolicy) {}

  /** Runs `fn` after `ms` under `name` (replacing a timer of that name; a fresh name when null). */
  after_(name: string | null, ms: number, fn: () => unknown): void {
    const key = name ?? '#' + this.n_++;
    this.cancel_(key);
    this.timers_.set(
      key,
      setTimeout(() => {
        this.timers_.delete(key);
        fn();
      }, ms),
    );
  }

  /** Runs `fn` once the policy's wait after failed attempt `attempt` has passed. */
  retry_(name: string | null, attempt: number, error: DmError | null, fn: () => unknown): void {
    this.after_(name, retryDelay(this.policy, attempt, error), fn);
  }

  /** Whether a timer of that name is waiting. */
  has_(name: string): boolean {
    return this.timers_.has(name);
  }

  cancel_(name: string): void {
    clearTimeout(this.timers_.get(name));
    this.timers_.delete(name);
  }

  clear_(): void {
    for (const t of this.timers_.values()) clearTimeout(t);
    this.timers_.clear();
  }
}
