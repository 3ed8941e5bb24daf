/**
 * The built bundle on a plain HTML page (test/html/plain-page.html): one <script type="module"
 * src="/dist/dm-widgets.js">, the tags in the markup, DOM listeners. Runs with `npm run test:dist`
 * (which builds dist/ first when needed), not with `npm test`.
 */
import { expect } from '@open-wc/testing';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { part, parts, startMock, textOf, waitFor } from '../helpers/render.js';

type HostWindow = Window &
  typeof globalThis & { hostLog: { type: string; detail: Record<string, unknown> }[] };

async function openPage(
  query = '',
): Promise<{ frame: HTMLIFrameElement; win: HostWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1100px;height:700px;border:0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/test/html/plain-page.html${query}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  await waitFor(
    () => win.customElements.get('dm-communications'),
    8000,
    'the bundle to define the elements',
  );
  return { frame, win, doc: frame.contentDocument! };
}

describe('plain HTML page with the built dist/dm-widgets.js', () => {
  let frame: HTMLIFrameElement | undefined;

  before(async () => {
    const res = await fetch('/dist/dm-widgets.js', { method: 'HEAD' });
    if (!res.ok)
      throw new Error(
        'dist/dm-widgets.js is missing: run `npm run build` (or `npm run test:dist`, which builds when needed).',
      );
    const { db } = await startMock();
    db.reset();
  });
  afterEach(() => frame?.remove());

  it('loads as one self-contained module: no other script module of ours is fetched', async () => {
    let win: HostWindow;
    ({ frame, win } = await openPage());
    const scripts = win.performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /\.(m?js|ts)$/.test(p) && !p.startsWith('/__web-dev-server')); // the dev server's reload socket
    expect(scripts).to.deep.equal(['/dist/dm-widgets.js']);
    // The iframe's elements are the bundle's, not this test page's source modules.
    expect(win.customElements.get('dm-provider')).to.not.equal(customElements.get('dm-provider'));
  });

  it('shows the list, the unread bubble in the menu, and opens ?dm-client= with its feed', async () => {
    let doc: Document;
    ({ frame, doc } = await openPage(`?dm-client=${MOCK_CLIENTS.dana}`));
    const tab = doc.querySelector('dm-communications')!;
    const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
    const feed = () => tab.shadowRoot!.querySelector('dm-communications-feed')!;
    await waitFor(() => parts(list(), 'client').length > 0, 8000, 'client rows');
    await waitFor(() => parts(feed(), 'item').length > 0, 8000, 'feed items');
    await waitFor(
      () => part(doc.querySelector('dm-unread-indicator')!, 'bubble'),
      8000,
      'menu bubble',
    );
    expect(textOf(tab.shadowRoot!.querySelector('[part~="card-header"] h2'))).to.equal('Dana K.');
    expect(getComputedStyle(doc.querySelector('dm-communications')!).height).to.equal('520px');
  });

  it('keeps the spaces the minifier could strip: an order card and its details read as written', async () => {
    const { db } = await startMock();
    const reviewed = db
      .feedItems(MOCK_CLIENTS.dana)
      .find((i) => i.kind === 'order' && !!db.order(i.id)?.review?.comment && !!i.durationMinutes);
    expect(!!reviewed, 'a reviewed order with a duration').to.equal(true);
    let doc: Document;
    ({ frame, doc } = await openPage(`?dm-client=${MOCK_CLIENTS.dana}`));
    const feed = () =>
      doc.querySelector('dm-communications')!.shadowRoot!.querySelector('dm-communications-feed')!;
    await waitFor(() => parts(feed(), 'item').length > 0, 8000, 'feed items');
    await (feed() as HTMLElement & { scrollToItem(id: string): Promise<boolean> }).scrollToItem(
      reviewed!.id,
    );
    const card = () => parts(feed(), 'order').find((o) => o.dataset.orderId === reviewed!.id);
    await waitFor(() => card(), 4000, 'the order card');
    expect(textOf(card()!.querySelector('.sub')), 'status · duration').to.match(/\S \u00b7 \S/);
    (feed() as HTMLElement & { openOrder(id: string): void }).openOrder(reviewed!.id);
    await waitFor(
      () =>
        textOf(part(feed(), 'order-details')).includes(db.order(reviewed!.id)!.review!.comment!),
      4000,
      'details',
    );
    expect(textOf(part(feed(), 'order-details')), 'rating — comment').to.match(
      /(Positive|Negative) \u2014 \S/,
    );
  });

  it('the host hears the events: selecting a client, sending a message', async () => {
    let win: HostWindow;
    let doc: Document;
    ({ frame, win, doc } = await openPage());
    const tab = doc.querySelector('dm-communications')!;
    const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
    const dana = () =>
      parts(list(), 'client').find((r) => textOf(r.querySelector('[part~="name"]')) === 'Dana K.');
    await waitFor(dana, 8000, 'Dana in the list');
    dana()!.click();
    await waitFor(
      () => win.hostLog.some((e) => e.type === 'dm-client-select'),
      4000,
      'dm-client-select on the host',
    );
    const clientId = win.hostLog.find((e) => e.type === 'dm-client-select')!.detail
      .clientId as string;
    expect(clientId).to.equal(MOCK_CLIENTS.dana);
    await waitFor(
      () => new URL(win.location.href).searchParams.get('dm-client') === clientId,
      4000,
      'URL synced',
    );

    const composer = () => tab.shadowRoot!.querySelector('dm-composer')!;
    await waitFor(
      () =>
        part<HTMLTextAreaElement>(composer(), 'input') &&
        !part<HTMLTextAreaElement>(composer(), 'input')!.disabled,
      6000,
      'composer',
    );
    const input = part<HTMLTextAreaElement>(composer(), 'input')!;
    input.value = 'Hello from a plain page';
    input.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true }));
    const send = part<HTMLButtonElement>(composer(), 'send')!;
    await waitFor(() => !send.disabled, 4000, 'Send enabled');
    send.click();
    await waitFor(
      () => win.hostLog.some((e) => e.type === 'dm-message-sent'),
      6000,
      'dm-message-sent on the host',
    );
    await waitFor(() => input.value === '', 4000, 'empty text box after send');
    const feed = tab.shadowRoot!.querySelector('dm-communications-feed')!;
    await waitFor(
      () =>
        parts(feed, 'message-advisor').some((m) => textOf(m).includes('Hello from a plain page')),
      4000,
      'message in the feed',
    );
  });

  it('sends nothing through the built-in adapter when a module script after the bundle sets a custom one', async () => {
    frame = document.createElement('iframe');
    const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    frame.src = '/test/html/plain-adapter-page.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { adapterCalls: string[]; fetchedUrls: string[] };
    const list = () => win.document.querySelector('dm-client-list')!;
    await waitFor(
      () => list().shadowRoot && textOf(part(list(), 'name')) === 'Own Adapter Client',
      8000,
      "the custom adapter's client",
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(win.adapterCalls).to.include('listClients');
    expect(
      win.fetchedUrls.filter((u) => u.includes('/api/dm-refused')),
      'requests of the built-in adapter',
    ).to.deep.equal([]);
  });
});
