/** One server-sent event as read off the stream. */
export interface SseMessage {
  id: string;
  event: string;
  data: string;
  retry?: number;
}

/**
 * Reads a `text/event-stream` body to its end, calling `onMessage` for each dispatched event
 * (per the HTML spec's parsing rules: `id`, `event`, `data`, `retry`, comments ignored).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onMessage: (m: SseMessage) => void,
): Promise<void> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  let buffer = '';
  let id = '';
  let event = '';
  let data: string[] = [];
  let retry: number | undefined;
  const line = (l: string) => {
    if (l === '') {
      if (data.length || event || retry !== undefined)
        onMessage({ id, event, data: data.join('\n'), retry });
      event = '';
      data = [];
      retry = undefined;
      return;
    }
    if (l[0] === ':') return;
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      // A chunk that ends in \r may end in the middle of a \r\n: that \r waits for the next chunk.
      const held = buffer.endsWith('\r') ? '\r' : '';
      const lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
      buffer = (lines.pop() ?? '') + held;
      lines.forEach(line);
    }
  } finally {
    reader.releaseLock();
  }
}
