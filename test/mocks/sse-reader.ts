/** Test helper: opens `GET /events` with fetch and parses the text/event-stream body. */
export interface SseBlock {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

export interface SseConnection {
  response: Response;
  blocks: SseBlock[];
  /** Waits until `predicate(blocks)` holds (or throws after `timeoutMs`). */
  waitFor(predicate: (blocks: SseBlock[]) => boolean, timeoutMs?: number): Promise<SseBlock[]>;
  /** Resolves when the server closes the stream. */
  closed: Promise<void>;
  abort(): void;
}

function parseBlock(text: string): SseBlock {
  const block: SseBlock = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) block.comment = line.slice(1).trim();
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const field = line.slice(0, i);
    const value = line.slice(i + 1).replace(/^ /, '');
    if (field === 'data') block.data = block.data === undefined ? value : `${block.data}\n${value}`;
    else if (field === 'id' || field === 'event' || field === 'retry') block[field] = value;
  }
  return block;
}

export async function openEvents(
  url = '/api/dm/events',
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const blocks: SseBlock[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let done = false;
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const closed = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += value;
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          blocks.push(parseBlock(buffer.slice(0, idx)));
          buffer = buffer.slice(idx + 2);
        }
        for (const w of [...waiters]) w();
      }
    } catch {
      /* aborted */
    } finally {
      done = true;
      for (const w of [...waiters]) w();
    }
  })();
  return {
    response,
    blocks,
    closed,
    abort: () => controller.abort(),
    waitFor(predicate, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(blocks)) {
            cleanup();
            resolve(blocks);
          } else if (done) {
            cleanup();
            reject(new Error(`stream closed before condition; got ${JSON.stringify(blocks)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timeout; got ${JSON.stringify(blocks)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** The named events of a list of blocks, with parsed JSON data. */
export function namedEvents(blocks: SseBlock[]): Array<{ id: string; event: string; data: any }> {
  return blocks
    .filter((b) => b.event)
    .map((b) => {
      let data: unknown = b.data;
      try {
        data = JSON.parse(b.data ?? '');
      } catch {
        /* raw */
      }
      return { id: b.id ?? '', event: b.event!, data };
    });
}
