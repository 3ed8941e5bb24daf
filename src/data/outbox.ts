import { eligibilityAfterAdvisorSend } from '../core/send-block.js';
import type { FeedEntry, FeedFilter, FeedItem, MessageItem } from '../core/types.js';
import { DmError, isRetryable } from './adapter.js';
import type { Eligibilities } from './eligibility.js';
import type { FeedOutbox, Feeds } from './feeds.js';
import type { Hub } from './hub.js';
import { type OutboxEntry, OutboxStorage } from './outbox-storage.js';
import { retryDelay, sleep } from './retry.js';
import type { SendResult } from './store-types.js';

/**
 * The outbox: messages show at once as pending and are delivered in the order written, one queue
 * per client, retrying with the same `clientMessageId` (never a duplicate); persisted for a reload
 * and shared with the advisor's other tabs; failed ones wait for Retry (or the network).
 */
export class Outbox implements FeedOutbox {
  private entries_: OutboxEntry[] = [];
  private queues_ = new Map<string, Promise<unknown>>();
  /** Messages sent again (Retry, back online): refused, they stay "Not sent" rather than leave. */
  private retried_ = new WeakSet<OutboxEntry>();
  /** Messages the live stream confirmed while their send was still retrying (a lost reply), by clientMessageId. */
  private confirmed_ = new Map<string, MessageItem>();
  readonly storage_: OutboxStorage;

  constructor(
    private hub_: Hub,
    private feeds_: Feeds,
    private eligibility_: Eligibilities,
    storage: Storage | null,
    advisorId: () => string | undefined,
  ) {
    this.storage_ = new OutboxStorage(storage, advisorId);
  }

  /** Sends on their way (not failed) to a client. */
  pending_(clientId: string): number {
    return this.entries_.filter((o) => o.clientId === clientId && !o.failed).length;
  }

  /** Messages still waiting for the server (pending or failed). */
  for_(clientId: string): readonly { clientMessageId: string; body: string }[] {
    return this.entries_.filter((o) => o.clientId === clientId);
  }

  send_(clientId: string, body: string): Promise<SendResult> {
    const entry: OutboxEntry = {
      clientId,
      clientMessageId: newClientMessageId(),
      body: body.trim(),
      at: new Date().toISOString(),
    };
    this.entries_.push(entry);
    this.storage_.save_(this.entries_);
    this.feeds_.add_(clientId, [localMessage(entry, 'pending')]);
    const elig = this.eligibility_.get_(clientId).value;
    if (elig) this.eligibility_.set_(clientId, eligibilityAfterAdvisorSend(elig));
    return this.enqueue_(entry);
  }

  retry_(clientId: string, clientMessageId: string): Promise<SendResult> | null {
    const entry = this.entries_.find(
      (o) => o.clientId === clientId && o.clientMessageId === clientMessageId,
    );
    if (!entry) return null;
    let result: Promise<SendResult> | null = null;
    for (const o of this.entries_) {
      if (o.clientId !== clientId || !o.failed) continue;
      o.failed = false;
      this.retried_.add(o);
      this.feeds_.add_(clientId, [localMessage(o, 'pending')]);
      const p = this.enqueue_(o);
      if (o === entry) result = p;
    }
    this.retried_.add(entry);
    return result ?? this.enqueue_(entry);
  }

  discard_(clientId: string, clientMessageId: string): string | null {
    const entry = this.drop_(clientId, clientMessageId);
    if (entry) void this.eligibility_.load_(clientId, true);
    return entry?.body ?? null;
  }

  /** Back online: messages given up on for a passing fault (here, or before a reload) go out again, in the order written. */
  online_(): void {
    const clients = new Set<string>();
    for (const o of this.entries_) {
      if (!o.failed || clients.has(o.clientId)) continue;
      clients.add(o.clientId);
      // A client's failed messages go again together, in order: only if none was refused for good.
      if (this.entries_.every((x) => x.clientId !== o.clientId || !x.failed || x.transient))
        void this.retry_(o.clientId, o.clientMessageId);
    }
  }

  localEntries_(clientId: string, filter: FeedFilter): FeedEntry[] {
    if (filter === 'orders') return [];
    return this.entries_
      .filter((o) => o.clientId === clientId)
      .map((o) => localMessage(o, o.failed ? 'failed' : 'pending'));
  }

  confirmStored_(items: readonly FeedItem[]): void {
    for (const item of items) {
      if (
        item.kind === 'message' &&
        item.clientMessageId &&
        this.drop_(item.clientId, item.clientMessageId, false)
      ) {
        this.confirmed_.set(item.clientMessageId, item);
        if (this.confirmed_.size > 200)
          this.confirmed_.delete(this.confirmed_.keys().next().value!);
        // Every loaded feed of the client swaps its local copy for the stored one.
        this.feeds_.add_(item.clientId, [item]);
      }
    }
  }

  /**
   * Picks up messages an earlier page load (or another tab) wrote but did not see stored: those on
   * their way are sent again (idempotently); failed ones stay failed, for the advisor to retry or discard.
   */
  restore_(): void {
    const done = new Set(this.storage_.done_());
    for (const e of this.storage_.stored_()) {
      if (
        done.has(e.clientMessageId) ||
        this.entries_.some((o) => o.clientMessageId === e.clientMessageId)
      )
        continue;
      this.entries_.push(e);
      this.feeds_.add_(e.clientId, [localMessage(e, e.failed ? 'failed' : 'pending')]);
      if (!e.failed) void this.enqueue_(e);
    }
  }

  /** Another tab sent or discarded messages (its `done` list changed): a failed copy here goes too. */
  readonly handleStorage_ = (e: StorageEvent) => {
    const { storage } = this.storage_;
    if (
      !storage ||
      (e.storageArea && e.storageArea !== storage) ||
      e.key !== this.storage_.doneKey_
    )
      return;
    const done = this.storage_.done_();
    for (const o of this.entries_.filter((o) => o.failed && done.includes(o.clientMessageId)))
      this.drop_(o.clientId, o.clientMessageId);
    this.hub_.changed_();
  };

  private enqueue_(entry: OutboxEntry): Promise<SendResult> {
    // One queue per client keeps that client's messages in the order they were written.
    const prev = this.queues_.get(entry.clientId) ?? Promise.resolve();
    const next = prev.then(() => this.deliver_(entry));
    this.queues_.set(
      entry.clientId,
      next.catch(() => undefined),
    );
    return next;
  }

  private async deliver_(entry: OutboxEntry): Promise<SendResult> {
    const { clientId, clientMessageId, body } = entry;
    const { adapter_, settings_ } = this.hub_;
    let attempt = 0;
    for (;;) {
      if (!this.entries_.includes(entry)) return this.settledElsewhere_(entry);
      // Never overtake a failed message to the same client: the order written is the order stored.
      const i = this.entries_.indexOf(entry);
      if (this.entries_.some((o, j) => j < i && o.clientId === clientId && o.failed))
        return this.markFailed_(entry, new DmError('aborted', 'Waiting for an earlier message'));
      await whenOnline();
      // Another tab discarded it (or saw it stored) meanwhile: it leaves here too, unsent.
      if (this.storage_.done_().includes(clientMessageId))
        this.drop_(clientId, clientMessageId, !this.confirmed_.has(clientMessageId));
      if (!this.entries_.includes(entry)) return this.settledElsewhere_(entry);
      try {
        const message = await adapter_.sendMessage(clientId, { body, clientMessageId });
        this.confirmed_.delete(clientMessageId);
        this.drop_(clientId, clientMessageId, false);
        this.feeds_.add_(clientId, [message]);
        this.hub_.emit_('message-sent', message);
        // The server's count now includes this message; an eligibility that arrived while it was
        // on its way may or may not have: ask again rather than guess (the order of events is free).
        void this.eligibility_.load_(clientId, true);
        return { status: 'sent', message };
      } catch (e) {
        // The live stream confirmed it while the answer was lost: it is stored, neither failed nor blocked.
        if (!this.entries_.includes(entry)) return this.settledElsewhere_(entry);
        const error = this.hub_.failed_(e);
        if (error.kind === 'blocked') {
          const cur = this.eligibility_.get_(clientId).value;
          this.eligibility_.set_(clientId, {
            consecutiveLimit: cur?.consecutiveLimit ?? 5,
            consecutiveSent: cur?.consecutiveSent ?? 0,
            canSend: false,
            reason: error.reason ?? cur?.reason ?? null,
          });
          void this.eligibility_.load_(clientId, true);
        }
        if (error.kind === 'blocked' || error.kind === 'auth') {
          // A message sent again (Retry, back online) has no text box to go back to: it stays "Not sent".
          if (this.retried_.has(entry)) return this.markFailed_(entry, error);
          this.drop_(clientId, clientMessageId);
          return { status: error.kind, body, error };
        }
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        // Going offline is not a failed attempt: the queue waits for the network instead.
        if (!offline) attempt++;
        if ((isRetryable(error) || offline) && attempt < settings_.maxSendAttempts) {
          await sleep(retryDelay(this.hub_.timers_.policy, attempt, error));
          continue;
        }
        void this.eligibility_.load_(clientId, true);
        return this.markFailed_(entry, error);
      }
    }
  }

  /** The entry left the outbox while on its way: confirmed by the live stream (sent), or discarded. */
  private settledElsewhere_(entry: OutboxEntry): SendResult {
    const message = this.confirmed_.get(entry.clientMessageId);
    if (!message) return { status: 'failed', error: new DmError('aborted', 'Discarded') };
    this.confirmed_.delete(entry.clientMessageId);
    this.hub_.emit_('message-sent', message);
    void this.eligibility_.load_(entry.clientId, true);
    return { status: 'sent', message };
  }

  private markFailed_(entry: OutboxEntry, error: DmError): SendResult {
    entry.failed = true;
    entry.transient = isRetryable(error) || error.kind === 'aborted';
    this.storage_.save_(this.entries_);
    this.feeds_.add_(entry.clientId, [localMessage(entry, 'failed')]);
    return { status: 'failed', error };
  }

  private drop_(
    clientId: string,
    clientMessageId: string,
    removeFromFeed = true,
  ): OutboxEntry | undefined {
    const i = this.entries_.findIndex(
      (o) => o.clientId === clientId && o.clientMessageId === clientMessageId,
    );
    if (i < 0) return undefined;
    const [entry] = this.entries_.splice(i, 1);
    this.storage_.markDone_(clientMessageId);
    this.storage_.save_(this.entries_);
    if (removeFromFeed) this.feeds_.remove_(clientId, 'm:' + clientMessageId);
    return entry;
  }
}

function whenOnline(): Promise<void> {
  if (
    typeof navigator === 'undefined' ||
    navigator.onLine !== false ||
    typeof window === 'undefined'
  )
    return Promise.resolve();
  return new Promise((resolve) =>
    window.addEventListener('online', () => resolve(), { once: true }),
  );
}

function localMessage(o: OutboxEntry, delivery: 'pending' | 'failed'): FeedEntry {
  return {
    kind: 'message',
    id: 'local:' + o.clientMessageId,
    clientId: o.clientId,
    at: o.at,
    sender: 'advisor',
    body: o.body,
    clientMessageId: o.clientMessageId,
    delivery,
  };
}

/** A fresh idempotency key for a message (UUID where available). */
export function newClientMessageId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'cm-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
}
