/** A `text/event-stream` reader over fetch for the kit: every event and comment, with when it came. */
import { describeNetworkError, type Http } from './http.js';
import { VerifyAbort } from './types.js';

/**
 * Data from the server under test as the rules read it: fields at any depth, each optional, checked
 * at run time by the rule (a missing one fails the rule, never the kit).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untrusted JSON, read defensively with ?.
export type Loose = any;

export interface SseEvent {
  /** The `id:` line, or null when the event had none. */
  id: string | null;
  event: string;
  /** The data lines (credentials redacted). */
  data: string;
  /** The parsed JSON data, or undefined. */
  json: unknown;
  at: number;
}

export class SseConnection {
  readonly events: SseEvent[] = [];
  /** Times of comment lines (`: ping`). */
  readonly comments: number[] = [];
  /** Time of the last line of any kind. */
  lastActivity: number;
  closed = false;
  private waiters = new Set<() => void>();
  private controller = new AbortController();
  private constructor(
    readonly response: Response,
    controller: AbortController,
    private readonly redact: (text: string) => string,
  ) {
    this.controller = controller;
    this.lastActivity = Date.now();
  }

  /** Opens `GET /events`; resolves once the answer's headers are in. */
  static async open(
    http: Http,
    opts: { lastEventId?: string; anonymous?: boolean } = {},
  ): Promise<SseConnection> {
    const controller = new AbortController();
    const headers = http.requestHeaders(
      {
        Accept: 'text/event-stream',
        ...(opts.lastEventId ? { 'Last-Event-ID': opts.lastEventId } : {}),
      },
      opts.anonymous,
    );
    const timer = setTimeout(
      () => controller.abort(new DOMException('timeout', 'TimeoutError')),
      http.timeoutMs,
    );
    let response: Response;
    try {
      response = await fetch(http.url('/events'), { headers, signal: controller.signal });
    } catch (error) {
      const reason = controller.signal.aborted ? { name: 'TimeoutError' } : error;
      throw new VerifyAbort(
        `GET /events: ${describeNetworkError(reason, http.url('/events'), http.timeoutMs)}`,
        error,
      );
    } finally {
      clearTimeout(timer);
    }
    const c = new SseConnection(response, controller, (t) => http.redactor.redact(t));
    if (
      response.ok &&
      (response.headers.get('content-type') ?? '').includes('text/event-stream') &&
      response.body
    )
      void c.read(response.body);
    else {
      c.closed = true;
      await response.text().catch(() => '');
    }
    return c;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    let block: { id: string | null; event: string; data: string[] } = {
      id: null,
      event: '',
      data: [],
    };
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(buffer[nl] === '\r' && buffer[nl + 1] === '\n' ? nl + 2 : nl + 1);
          this.lastActivity = Date.now();
          if (line === '') {
            if (block.data.length || block.event) {
              const data = block.data.join('\n');
              let json: unknown;
              try {
                json = JSON.parse(data);
              } catch {
                json = undefined;
              }
              this.events.push({
                id: block.id,
                event: block.event || 'message',
                data: this.redact(data),
                json,
                at: Date.now(),
              });
            }
            block = { id: null, event: '', data: [] };
          } else if (line.startsWith(':')) {
            this.comments.push(Date.now());
          } else {
            const i = line.indexOf(':');
            const field = i < 0 ? line : line.slice(0, i);
            const v = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
            if (field === 'id') block.id = v;
            else if (field === 'event') block.event = v;
            else if (field === 'data') block.data.push(v);
          }
        }
        this.wake();
      }
    } catch {
      /* closed */
    } finally {
      this.closed = true;
      this.wake();
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Waits until `predicate()` holds, the stream closes, or `timeoutMs` pass; returns whether it holds. */
  waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (predicate()) done(true);
        else if (this.closed) done(false);
      };
      const timer = setTimeout(() => done(predicate()), timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The parsed events named `name` (optionally matching `where`). */
  named(name: string, where?: (data: Loose) => boolean): SseEvent[] {
    return this.events.filter(
      (e) => e.event === name && (!where || (e.json !== undefined && where(e.json))),
    );
  }

  close(): void {
    this.controller.abort();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
