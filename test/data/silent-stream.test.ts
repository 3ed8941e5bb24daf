/**
 * A half-open live stream (the socket stays, nothing arrives: no event, no `: ping`) is noticed:
 * after the silence timeout the adapter closes it and reopens with `Last-Event-ID`, and a message
 * written meanwhile shows in the open feed once. The timeout is short here (the default is 45 s,
 * three of the contract's 15 s keep-alives); the mock pings every 200 ms, so a healthy stream is
 * never taken for a silent one.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/elements/communications-feed/dm-communications-feed.js';
import type { DmCommunicationsFeed } from '../../src/elements/communications-feed/dm-communications-feed.js';
import { RestAdapter } from '../../src/data/rest-adapter.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  parts,
  providerOf,
  renderInProvider,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock({ pingIntervalMs: 200 });

/**
 * A `fetch` whose `/events` bodies can be stalled: the connection stays open and the server goes
 * on writing, but nothing more reaches the reader (what a proxy or a phone network does).
 */
function stallableFetch() {
  const streams: (string | null)[] = [];
  const stallers: (() => void)[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input).endsWith('/events') || !res.body) return res;
    streams.push(new Headers(init?.headers).get('Last-Event-ID'));
    let stalled = false;
    stallers.push(() => (stalled = true));
    const body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          if (!stalled) c.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: res.status, headers: res.headers });
  };
  /** Stalls the streams open now for good; later ones are healthy. */
  const stall = () => stallers.splice(0).forEach((s) => s());
  return { streams, stall, fetch: wrapped };
}

describe('a silent live stream', () => {
  beforeEach(() => db.reset());

  it('is closed after the silence timeout and reopened with Last-Event-ID; what came meanwhile shows once', async () => {
    const net = stallableFetch();
    const feed = await renderInProvider<DmCommunicationsFeed>(
      html`<dm-communications-feed client-id=${MOCK_CLIENTS.dana} style="height: 400px"></dm-communications-feed>`,
    );
    const provider = providerOf(feed);
    provider.adapter = new RestAdapter({
      baseUrl: '/api/dm',
      fetch: net.fetch,
      silenceTimeoutMs: 1000,
      reconnectDelayMs: 100,
    });
    await waitFor(
      () => parts(feed, 'item').length > 0 && provider.store?.liveStatus === 'open',
      6000,
      'feed and live stream',
    );
    // An event on the healthy stream gives the adapter an id to resume from.
    db.clientWrites(MOCK_CLIENTS.dana, 'Before the silence');
    await waitFor(
      () => parts(feed, 'item').some((i) => textOf(i).includes('Before the silence')),
      4000,
      'live message',
    );
    // Healthy, with pings and no events, the stream stays (longer than the timeout).
    await new Promise((r) => setTimeout(r, 1500));
    expect(net.streams.length, 'no reconnect while pings arrive').to.equal(1);
    net.stall();
    db.clientWrites(MOCK_CLIENTS.dana, 'Written during the silence');
    await new Promise((r) => setTimeout(r, 300));
    expect(
      parts(feed, 'item').some((i) => textOf(i).includes('Written during the silence')),
      'not through a stalled stream',
    ).to.equal(false);
    await waitFor(() => net.streams.length > 1, 4000, 'a second stream after the silence');
    expect(net.streams[1], 'resumed from the last event').to.be.a('string').and.not.equal('');
    await waitFor(
      () => parts(feed, 'item').some((i) => textOf(i).includes('Written during the silence')),
      4000,
      'the message after reconnecting',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(
      parts(feed, 'item').filter((i) => textOf(i).includes('Written during the silence')).length,
      'shown once',
    ).to.equal(1);
  });
});
