import { readUpTo } from '../core/seen.js';
import { typingEnd, typingReportDue } from '../core/typing.js';
import type { DmAdapter } from './adapter.js';
import { Capabilities } from './capabilities.js';

/** What the store needs from its owner: which clients it knows, and a way to say that something changed. */
export interface SignalsHost {
  /** Whether a client is one of the advisor's (in the list or fetched one by one). */
  knows_(clientId: string): boolean;
  changed_(): void;
}

/**
 * Contract 1.1's live signals about each client, beside the store's data: how far the client has
 * read (Seen), whether the client is typing (until when), and the advisor's typing reports (sent
 * at most once every 3 s per client). Also what the server supports of 1.1 ({@link Capabilities}).
 */
export class ClientSignals {
  readonly capabilities: Capabilities;
  private readonly readAt_ = new Map<string, number>();
  private readonly typing_ = new Map<
    string,
    { end: number; timer: ReturnType<typeof setTimeout> }
  >();
  private readonly reported_ = new Map<string, number>();
  /** Counts the changes of who is typing (an element that shows every client's compares it). */
  typingVersion = 0;

  constructor(
    private readonly adapter_: DmAdapter,
    private readonly host_: SignalsHost,
    private readonly now_: () => number = Date.now,
  ) {
    this.capabilities = new Capabilities(adapter_, () => host_.changed_());
  }

  /** The time (ms) up to which the client has read; null when never or unknown (a 1.0 server). */
  readAt(clientId: string): number | null {
    return this.readAt_.get(clientId) ?? null;
  }

  /** Whether the client is typing now. */
  isTyping(clientId: string): boolean {
    return this.typing_.has(clientId);
  }

  /** A feed page's `clientReadAt` or a `client-read` event's `readAt`. */
  noteRead_(clientId: string, reported: string | null | undefined): void {
    const known = this.readAt(clientId);
    const next = readUpTo(known, reported, this.now_());
    if (next === known || next === null) return;
    this.readAt_.set(clientId, next);
    this.host_.changed_();
  }

  /** A `typing` event: shown until `until`; ignored for a client not the advisor's, or an `until` past. */
  noteTyping_(clientId: string, until: string): void {
    const now = this.now_();
    const end = typingEnd(until, now);
    if (end === null || !this.host_.knows_(clientId)) return;
    const cur = this.typing_.get(clientId);
    if (cur?.end === end) return;
    if (cur) clearTimeout(cur.timer);
    this.typing_.set(clientId, {
      end,
      timer: setTimeout(() => this.stopTyping_(clientId), Math.min(end - now, 2 ** 31 - 1)),
    });
    // A renewal changes nothing on screen (and nothing is announced again).
    if (!cur) this.typingChanged_();
  }

  /** The client's message arrived (or the indication ran out): the client is no longer typing. */
  stopTyping_(clientId: string): void {
    const cur = this.typing_.get(clientId);
    if (!cur) return;
    clearTimeout(cur.timer);
    this.typing_.delete(clientId);
    this.typingChanged_();
  }

  /**
   * The advisor edited the text box to a client: tells the server, unless the box is empty or the
   * last report to that client is under 3 s old (`now` from the composer's clock).
   */
  reportTyping(clientId: string, text: string, now = this.now_()): boolean {
    if (
      !this.capabilities.has('typing') ||
      !typingReportDue(text, now, this.reported_.get(clientId) ?? null)
    )
      return false;
    this.reported_.set(clientId, now);
    this.adapter_
      .sendTyping?.(clientId)
      .catch((e: unknown) => this.capabilities.learn_('typing', e));
    return true;
  }

  private typingChanged_(): void {
    this.typingVersion++;
    this.host_.changed_();
  }

  /** Cancels the timers (the store stopped). */
  stop_(): void {
    for (const { timer } of this.typing_.values()) clearTimeout(timer);
    this.typing_.clear();
  }
}
