import type { FeedEntry } from '../../core/types.js';

/** How long the newest item must be on screen before the client is marked read. */
export const READ_AFTER_MS = 700;

/**
 * Marks the client read once its newest item has been on screen for a moment (READ_AFTER_MS):
 * a card opened by mistake, or passed through, is not marked read, and the row just clicked does
 * not jump down the list under the pointer before a second click lands. A card open for a while
 * reads what arrives at once (no unread flash for a message in view).
 */
export class ReadTiming {
  private timer_?: ReturnType<typeof setTimeout>;

  constructor(
    /** Whether the client has unread and its newest item is on screen now. */
    private seesNewest_: () => boolean,
    /** Marks the client read up to an item. */
    private markRead_: (clientId: string, upTo: string) => void,
  ) {}

  /** After an update: starts the wait when the newest item is in view. */
  check(
    clientId: string,
    openedAt_: number,
    items: () => readonly FeedEntry[],
    current: () => string,
  ): void {
    if (this.timer_ || !this.seesNewest_()) return;
    const read = () => {
      this.timer_ = undefined;
      if (current() !== clientId || !this.seesNewest_()) return;
      const all = items();
      for (let i = all.length - 1; i >= 0; i--) {
        if (!all[i]!.delivery) return this.markRead_(clientId, all[i]!.id);
      }
    };
    const wait = openedAt_ + READ_AFTER_MS - Date.now();
    if (wait <= 0) read();
    else this.timer_ = setTimeout(read, wait);
  }

  /** The view ended: nothing is marked read for it. */
  cancel(): void {
    clearTimeout(this.timer_);
    this.timer_ = undefined;
  }
}
