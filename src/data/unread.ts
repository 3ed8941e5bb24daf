import type { ClientSummary } from '../core/types.js';
import { isRetryable } from './adapter.js';
import type { Clients } from './clients.js';
import type { Hub } from './hub.js';

/** After a failed mark-read, a client is not marked read again for this long. */
const READ_RETRY_MS = 5000;
/** Failed unread counts asked again in a row at most. */
const MAX_UNREAD_RETRIES = 6;

/**
 * Unread: how many clients have unread messages (the menu's bubble: a prompt local guess as
 * summaries change, then the server's answer), and marking a client read.
 */
export class Unread {
  /** Clients with unread messages. */
  count_ = 0;
  private retries_ = 0;
  /** The item being marked read, per client (one request per client at a time). */
  private reading_ = new Map<string, string>();
  /** A newer item to mark read once the request on its way for that client is answered. */
  private next_ = new Map<string, string>();
  /** After a failed mark-read: not before this time (ms) again, per client. */
  private retryAt_ = new Map<string, number>();
  /** Set once the clients module exists (they refer to each other). */
  clients_!: Clients;

  constructor(private hub_: Hub) {}

  /** A summary changed: the count moves at once; the server's answer follows shortly. */
  summaryChanged_(before: ClientSummary | undefined, after: ClientSummary): void {
    if (before && before.hasUnread !== after.hasUnread) {
      this.count_ = Math.max(0, this.count_ + (after.hasUnread ? 1 : -1));
    } else if (!before && after.hasUnread && this.count_ === 0) {
      this.count_ = 1;
    }
    this.hub_.timers_.after_('unread', 400, () => void this.refresh_());
  }

  /** Fetches how many clients have unread messages. */
  async refresh_(): Promise<void> {
    const got = await this.hub_.loads_.run_('unread', (signal) =>
      this.hub_.adapter_.getUnread({ signal }),
    );
    if (!got) return;
    if (got.ok) {
      this.count_ = got.value.clientsWithUnread;
      this.retries_ = 0;
      this.hub_.changed_();
    } else if (isRetryable(got.error) && this.hub_.started_ && this.retries_ < MAX_UNREAD_RETRIES) {
      // The menu's bubble has no error state to retry from: a passing failure is asked again, backing off.
      this.hub_.timers_.retry_('unread', ++this.retries_, got.error, () => void this.refresh_());
    }
  }

  /** Failures asked again start counting afresh (signed in again, back online). */
  resetRetries_(): void {
    this.retries_ = 0;
  }

  /**
   * Marks a client read up to and including an item the advisor has seen. The bubble goes at once;
   * if the server refuses, it comes back (the server still counts the client unread) and the next
   * attempt waits a few seconds, so a failing server is not asked on every render.
   */
  async markRead_(clientId: string, upTo: string): Promise<void> {
    const client = this.clients_.get_(clientId);
    if (!client?.hasUnread || upTo.startsWith('local:')) return;
    if (this.reading_.has(clientId)) {
      // One request per client at a time; the newest item asked for meanwhile goes next.
      if (this.reading_.get(clientId) !== upTo) this.next_.set(clientId, upTo);
      return;
    }
    if (Date.now() < (this.retryAt_.get(clientId) ?? 0)) return;
    this.reading_.set(clientId, upTo);
    this.clients_.set_({ ...client, hasUnread: false });
    try {
      await this.hub_.adapter_.markRead(clientId, upTo);
      this.retryAt_.delete(clientId);
    } catch (e) {
      this.retryAt_.set(clientId, Date.now() + READ_RETRY_MS);
      const now = this.clients_.get_(clientId);
      if (now && !now.hasUnread) this.clients_.set_({ ...now, hasUnread: true });
      this.hub_.failed_(e);
    } finally {
      this.reading_.delete(clientId);
      const next = this.next_.get(clientId);
      this.next_.delete(clientId);
      if (next) void this.markRead_(clientId, next);
    }
  }
}
