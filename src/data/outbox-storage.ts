/** A message written here that the server has not stored yet. */
export interface OutboxEntry {
  clientId: string;
  clientMessageId: string;
  body: string;
  at: string;
  /** Retries were spent (or an earlier message to the same client failed): waits for Retry. */
  failed?: boolean;
  /** It failed on a passing fault (network, server) or behind one: sent again when the browser is back online. */
  transient?: boolean;
}

/**
 * Where the outbox persists, shared by every tab of the advisor: the messages on their way, and
 * the `done` tombstones (ids any tab saw stored or discarded lately, so none is ever resent).
 */
export class OutboxStorage {
  constructor(
    readonly storage: Storage | null,
    /** The advisor whose outbox it is, once known. */
    private advisorId_: () => string | undefined,
  ) {}

  get outboxKey_(): string {
    return `dm-widgets:outbox:${this.advisorId_() ?? 'default'}`;
  }

  get doneKey_(): string {
    return `dm-widgets:outbox-done:${this.advisorId_() ?? 'default'}`;
  }

  /** The outbox as stored (by every tab of this advisor); [] when absent or unreadable. */
  stored_(): OutboxEntry[] {
    try {
      const saved = JSON.parse(this.storage?.getItem(this.outboxKey_) ?? '[]') as OutboxEntry[];
      return (Array.isArray(saved) ? saved : []).filter(
        (e) =>
          typeof e?.clientId === 'string' &&
          typeof e.body === 'string' &&
          typeof e.clientMessageId === 'string',
      );
    } catch {
      return [];
    }
  }

  /** The ids of messages any tab saw stored or discarded lately (the newest 200). */
  done_(): string[] {
    try {
      const done = JSON.parse(this.storage?.getItem(this.doneKey_) ?? '[]') as unknown;
      return Array.isArray(done) ? done.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Other tabs learn that a message is done (a tombstone), so they drop their failed copy, never resend it. */
  markDone_(clientMessageId: string): void {
    try {
      this.storage?.setItem(
        this.doneKey_,
        JSON.stringify(
          [...this.done_().filter((id) => id !== clientMessageId), clientMessageId].slice(-200),
        ),
      );
    } catch {
      // Storage full or blocked.
    }
  }

  /**
   * Stores this tab's outbox, merged with what other tabs stored: their messages stay, and a
   * message any tab saw stored or discarded (a `done` tombstone) is never written back.
   */
  save_(mine: readonly OutboxEntry[]): void {
    try {
      const ids = new Set(mine.map((o) => o.clientMessageId));
      const done = new Set(this.done_());
      const all = [
        ...this.stored_().filter(
          (o) => !ids.has(o.clientMessageId) && !done.has(o.clientMessageId),
        ),
        ...mine,
      ];
      if (all.length) this.storage?.setItem(this.outboxKey_, JSON.stringify(all));
      else this.storage?.removeItem(this.outboxKey_);
    } catch {
      // Storage full or blocked: the outbox lives on in memory.
    }
  }
}
