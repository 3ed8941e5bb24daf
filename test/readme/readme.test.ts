/**
 * The README's HTML snippets, as written, mounted on the MSW mock: each works (rows show, a
 * click opens a feed) with no warning or error from the widgets. The TS/TSX snippets are
 * compiled by `npm run typecheck` (scripts/typecheck-host.mjs).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { clearDmStorage, part, parts, startMock, textOf, waitFor } from '../helpers/render.js';

const { db } = await startMock();

/** The README's fenced blocks of one language. */
async function readmeBlocks(lang: string): Promise<string[]> {
  const text = await (await fetch('/README.md')).text();
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter((m) => m[1] === lang)
    .map((m) => m[2]!);
}

/**
 * Mounts a snippet: its markup, then its inline scripts (run as the page would run them). The
 * bundle's `<script src>` is left out: this page has the elements already (from src/).
 */
async function mount(snippet: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.style.width = '1000px';
  host.innerHTML = snippet.replace(/<script[^>]*\bsrc=[^>]*><\/script>/g, '');
  document.body.append(host);
  for (const inert of [...host.querySelectorAll('script')]) {
    const script = document.createElement('script');
    script.type = inert.type;
    script.textContent = inert.textContent;
    const ran = new Promise((resolve) => script.addEventListener('load', resolve));
    inert.replaceWith(script);
    // An inline module script has no load event in every browser: give it a task to run.
    await Promise.race([ran, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return host;
}

describe('README: HTML snippets', () => {
  let logged: string[];
  const original = { warn: console.warn, error: console.error };
  beforeEach(() => {
    db.reset();
    clearDmStorage();
    logged = [];
    console.warn = (...a: unknown[]) => logged.push(a.map(String).join(' '));
    console.error = (...a: unknown[]) => logged.push(a.map(String).join(' '));
  });
  afterEach(() => {
    Object.assign(console, original);
    for (const el of document.querySelectorAll('body > div')) el.remove();
  });
  /** What the widgets said (Lit's own dev-mode notes aside). */
  const widgetLogs = () =>
    logged.filter((l) => /dm-|dm_|widgets/i.test(l) && !/lit\.dev\/msg/.test(l));

  it('has the two layouts', async () => {
    const html = await readmeBlocks('html');
    expect(html.length).to.equal(2);
    expect(html[0]).to.contain('<dm-communications');
    expect(html[1]).to.contain('<dm-communications-feed').and.contain('<dm-composer>');
  });

  it('the first (the whole tab, indicator and notifier) shows the clients', async () => {
    const [snippet] = await readmeBlocks('html');
    const host = await mount(snippet!);
    const tab = host.querySelector('dm-communications')!;
    expect(host.querySelector('dm-provider dm-unread-indicator'), 'indicator inside the provider')
      .to.exist;
    await waitFor(
      () => parts(tab.shadowRoot!.querySelector('dm-client-list')!, 'client').length > 0,
      6000,
      'client rows',
    );
    expect(widgetLogs()).to.deep.equal([]);
  });

  it('the second (list, feed and composer wired by the client id) opens the clicked client', async () => {
    const [, snippet] = await readmeBlocks('html');
    const host = await mount(snippet!);
    const list = host.querySelector('dm-client-list')!;
    const feed = host.querySelector('dm-communications-feed')!;
    const composer = host.querySelector('dm-composer')!;
    await waitFor(() => parts(list, 'client').length > 1, 6000, 'client rows');
    const row = parts(list, 'client')[1]!;
    const name = textOf(row.querySelector('[part~="name"]'));
    row.click();
    await waitFor(() => parts(feed, 'item').length > 0, 6000, 'the feed of the clicked client');
    expect(feed.clientId).to.not.equal('');
    expect(list.selected).to.equal(feed.clientId);
    expect(composer.clientId).to.equal(feed.clientId);
    expect(
      parts(list, 'client-selected').map((r) => textOf(r.querySelector('[part~="name"]'))),
    ).to.deep.equal([name]);
    expect(part<HTMLTextAreaElement>(composer, 'input')).to.exist;
    expect(widgetLogs()).to.deep.equal([]);
  });
});
