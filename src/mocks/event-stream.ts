/**
 * `GET /events` of the mock: an open `text/event-stream` body that replays what followed
 * `Last-Event-ID`, then streams live events, and writes a `: ping` comment whenever the stream
 * has been silent for `db.pingIntervalMs` (the keep-alive of contract 1.1).
 */
import type { MockDb } from './db.js';
import { serializeEvent } from './event-hub.js';

export function eventStream(db: MockDb, request: Request): Response {
  const url = new URL(request.url);
  const lastRaw = request.headers.get('Last-Event-ID') ?? url.searchParams.get('lastEventId');
  const lastId = lastRaw !== null && /^\d+$/.test(lastRaw.trim()) ? Number(lastRaw.trim()) : null;
  const encoder = new TextEncoder();
  const pingMs = Math.max(1, db.pingIntervalMs);
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let ping: ReturnType<typeof setTimeout> | undefined;
      const armPing = () => {
        clearTimeout(ping);
        ping = setTimeout(() => write(': ping\n\n'), pingMs);
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
          return;
        }
        armPing();
      };
      const unsubscribe = db.subscribe((event) => write(serializeEvent(event)));
      const unregister = db.registerConnection({ close: () => finish(true) });
      const onAbort = () => finish(true);
      request.signal?.addEventListener('abort', onAbort);
      function finish(closeController = false) {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearTimeout(ping);
        unregister();
        request.signal?.removeEventListener('abort', onAbort);
        if (closeController) {
          try {
            controller.close();
          } catch {
            /* already closed or errored */
          }
        }
      }
      cleanup = () => finish(false);
      write('retry: 1000\n\n');
      if (lastId !== null) for (const event of db.eventsSince(lastId)) write(serializeEvent(event));
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    },
  });
}
