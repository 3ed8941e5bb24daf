/**
 * The text/event-stream reader: events split across chunks anywhere, including between the \r and
 * the \n of a Windows line ending, come out whole and once.
 */
import { expect } from '@open-wc/testing';
import { readEventStream, type SseMessage } from '../../src/data/sse.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function read(chunks: string[]): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  await readEventStream(streamOf(chunks), (m) => out.push(m));
  return out;
}

const TEXT =
  'id: 7\r\nevent: feed-item\r\ndata: {"a":1}\r\n\r\nid: 8\r\nevent: client\r\ndata: {"b":2}\r\n\r\n';

describe('readEventStream', () => {
  it('reads CRLF events the same however the stream is cut into chunks', async () => {
    const whole = await read([TEXT]);
    expect(whole.map((m) => `${m.id}|${m.event}|${m.data}`)).to.deep.equal([
      '7|feed-item|{"a":1}',
      '8|client|{"b":2}',
    ]);
    for (let cut = 1; cut < TEXT.length; cut++) {
      const split = await read([TEXT.slice(0, cut), TEXT.slice(cut)]);
      expect(
        split,
        `cut at ${cut} (${JSON.stringify(TEXT.slice(cut - 1, cut + 1))})`,
      ).to.deep.equal(whole);
    }
  });

  it('reads LF and CR line endings, joins data lines, skips comments and keeps the last id', async () => {
    const out = await read([
      ': hello\n\nid: 1\nevent: a\ndata: x\ndata: y\n\n',
      'event: b\rdata: z\r\r',
      'data: w\n',
    ]);
    expect(out.map((m) => `${m.id}|${m.event}|${m.data}`)).to.deep.equal(['1|a|x\ny', '1|b|z']);
  });
});
