import { eligibilityAfterAdvisorSend, eligibilityForAdvisorStatus } from '../core/send-block.js';
import type { AdvisorStatus, Eligibility } from '../core/types.js';
import { isRetryable } from './adapter.js';
import type { Hub } from './hub.js';
import { LoadableMap } from './resource.js';
import type { Loadable } from './store-types.js';

/** Failed eligibility requests asked again in a row at most. */
const MAX_RETRIES = 6;

/**
 * Whether the advisor may send to each client: loaded on demand, asked again after a passing
 * failure, moved at once by what happens here (a send on its way counts, so the 5th blocks
 * without a refetch) and by the advisor's status.
 */
export class Eligibilities {
  private map_ = new LoadableMap<Eligibility>();
  /** Failed requests asked again in a row, per client. */
  private retries_ = new Map<string, number>();

  constructor(
    private hub_: Hub,
    /** How many sends to a client are on their way (not failed). */
    private pending_: (clientId: string) => number,
  ) {}

  get_(clientId: string): Loadable<Eligibility> {
    return this.map_.get_(clientId);
  }

  /** A new value (live, or moved by a send): with the sends still on their way counted. */
  set_(clientId: string, value: Eligibility, countPending = false): void {
    this.map_.ready_(clientId, countPending ? this.withPending_(clientId, value) : value);
    this.hub_.changed_();
  }

  async load_(clientId: string, force = false): Promise<void> {
    if (!force && this.map_.fresh_(clientId)) return;
    const before = this.map_.get_(clientId).value;
    this.map_.loading_(clientId, true);
    this.hub_.changed_();
    const got = await this.hub_.loads_.run_('eligibility:' + clientId, (signal) =>
      this.hub_.adapter_.getEligibility(clientId, { signal }),
    );
    if (!got) return;
    if (got.ok) {
      this.set_(clientId, got.value, true);
      this.retries_.delete(clientId);
      return;
    }
    const { error } = got;
    this.map_.failed_(clientId, error, before);
    this.hub_.changed_();
    // Until it is known, the composer stays open and the server has the last word; a blocked
    // client's composer would look open, so a passing failure (5xx, 429, network) is asked again.
    const n = this.retries_.get(clientId) ?? 0;
    if (isRetryable(error) && n < MAX_RETRIES && this.hub_.started_) {
      this.retries_.set(clientId, n + 1);
      this.hub_.timers_.retry_(
        null,
        n + 1,
        error,
        () => this.get_(clientId).status === 'error' && this.load_(clientId, true),
      );
    } else this.retries_.delete(clientId); // a later failure starts over
  }

  /** The advisor's status changed: every known eligibility follows; back to active, they are asked again. */
  advisorStatus_(status: AdvisorStatus): void {
    for (const [id, e] of this.map_.entries_()) {
      if (e.value)
        this.map_.set_(id, { ...e, value: eligibilityForAdvisorStatus(e.value, status) });
      // The server knows about negative reviews that an advisor block was hiding.
      if (status === 'active') void this.load_(id, true);
    }
    this.hub_.changed_();
  }

  /** Every client whose eligibility is known or asked for. */
  ids_(): string[] {
    return [...this.map_.entries_()].map(([id]) => id);
  }

  /** The server's eligibility plus the sends still on their way (counted at once, so the 5th blocks). */
  private withPending_(clientId: string, value: Eligibility): Eligibility {
    for (let n = this.pending_(clientId); n > 0 && value.canSend; n--)
      value = eligibilityAfterAdvisorSend(value);
    return value;
  }
}
