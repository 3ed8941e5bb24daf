/**
 * Lit's dev build warns when an element asks for an update while finishing one ("scheduled an
 * update after an update completed"): it costs a render and says the element measures at the wrong
 * time. Loading, scrolling and live writes must give none. (Lit prints each warning once per page,
 * so this file must render these elements before any other test of the page does.)
 */
import { expect, html } from '@open-wc/testing';
import '../../src/index.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { liveOpen, part, parts, renderInProvider, startMock, waitFor } from '../helpers/render.js';

const { db } = await startMock();
const warnings: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};
const frames = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};
const litWarnings = () =>
  warnings.filter((w) => /scheduled an update|lit\.dev\/msg/.test(w) && !/dev mode/i.test(w));

describe('no Lit warning', () => {
  beforeEach(() => db.reset());
  after(() => (console.warn = warn));

  it('on load, scroll and live writes of the client list and the feed', async () => {
    const box =
      await renderInProvider<HTMLElement>(html`<div style="display:flex;height:600px;width:1000px">
      <dm-client-list style="width:360px"></dm-client-list>
      <div style="flex:1;display:flex;flex-direction:column">
        <dm-communications-feed client-id=${MOCK_CLIENTS.longHistory}></dm-communications-feed>
      </div>
    </div>`);
    const list = box.querySelector('dm-client-list')!;
    const feed = box.querySelector('dm-communications-feed')!;
    await waitFor(
      () => parts(list, 'client').length > 3 && parts(feed, 'item').length > 3,
      6000,
      'list and feed',
    );
    await liveOpen(feed);
    await frames(10);
    for (const el of [list, feed]) {
      const s = part(el, 'scroller')!;
      s.scrollTop = s.scrollHeight / 3;
      s.dispatchEvent(new Event('scroll'));
      await frames();
    }
    db.clientWrites(MOCK_CLIENTS.longHistory, 'A live one');
    db.clientWrites(MOCK_CLIENTS.dana, 'Another');
    await frames(20);
    expect(litWarnings()).to.deep.equal([]);
  });

  it('on load of the composed tab', async () => {
    const tab = await renderInProvider<HTMLElement>(
      html`<dm-communications client=${MOCK_CLIENTS.dana} style="display:block;height:600px;width:1000px"></dm-communications>`,
    );
    await waitFor(
      () =>
        tab.shadowRoot!.querySelector('dm-communications-feed') &&
        parts(tab.shadowRoot!.querySelector('dm-communications-feed')!, 'item').length > 0,
      6000,
      'the card',
    );
    await frames(10);
    expect(litWarnings()).to.deep.equal([]);
  });
});
