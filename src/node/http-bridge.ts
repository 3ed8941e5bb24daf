/**
 * Bridges Node's `http` server and fetch-style handlers: an `IncomingMessage` becomes a `Request`
 * (its signal aborts when the client goes away), a `Response` is written back chunk by chunk (an
 * event stream is flushed as each event is enqueued, never buffered).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The `Request` for an incoming message, with an absolute URL on `origin`. */
export async function toRequest(
  req: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body, signal });
}

/** Writes a `Response` (status, headers, streamed body); a network-error response destroys the socket. */
export async function writeResponse(
  response: Response,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  if (response.type === 'error' || response.status === 0) {
    res.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    if (name === 'connection' || name === 'content-length' || name === 'transfer-encoding') return;
    headers[name] = value;
  });
  const streaming = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  if (streaming) headers['x-accel-buffering'] = 'no';
  if (!streaming) {
    // A whole answer in one write.
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
    if (body) headers['content-length'] = String(body.length);
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.on('close', stop);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', stop);
  }
}
