import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { clearDmStorage, part, parts, waitFor } from '../helpers/render.js';
import { PAYLOADS, findInjected, hostileAdapter, trapExecution } from './hostile-adapter.js';

describe('hostile input', () => {
  it(`shows ${PAYLOADS.length} XSS payloads in names, previews, avatars, bodies, titles, questions and reviews as inert text`, async () => {
    clearDmStorage();
    const trap = trapExecution(window);
    const adapter = hostileAdapter();
    const provider = await fixture<DmProvider>(html`<dm-provider .adapter=${adapter}>
      <dm-unread-indicator></dm-unread-indicator>
      <div style="width:1000px;height:700px"><dm-communications client="x0"></dm-communications></div>
      <dm-notifier duration="0"></dm-notifier>
    </dm-provider>`);
    const tab = provider.querySelector('dm-communications') as DmCommunications;
    const list = () => tab.shadowRoot!.querySelector('dm-client-list')!;
    const feed = () => tab.shadowRoot!.querySelector('dm-communications-feed')!;
    await waitFor(
      () => parts(list(), 'client').length > 5 && parts(feed(), 'item').length > 5,
      5000,
      'rendered',
    );

    // Every payload is shown somewhere as text: scroll the feed through all items and open order details.
    const seen = new Set<string>();
    const collect = () => {
      for (const el of [...parts(feed(), 'item'), ...parts(list(), 'client')])
        for (const p of PAYLOADS) if (el.textContent?.includes(p)) seen.add(p);
    };
    const scroller = part(feed(), 'scroller')!;
    for (let y = 0; y <= scroller.scrollHeight; y += 300) {
      scroller.scrollTop = y;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      collect();
    }
    const f = feed() as HTMLElement & { openOrder(id: string): void; closeOrder(): void };
    for (const i of [0, 5, 12, 40]) {
      f.openOrder(`x0-o${i}`);
      await waitFor(
        () => part(f, 'order-details')?.textContent?.includes('Question'),
        3000,
        'details',
      );
      const text = part(f, 'order-details')!.textContent!;
      expect(text).to.contain(PAYLOADS[i]);
      expect(findInjected(f.shadowRoot!)).to.deep.equal([]);
      f.closeOrder();
      await waitFor(() => !part(f, 'order-details'), 3000, 'closed');
    }
    // A live message from a client with a hostile name: the notice shows the name as text.
    adapter.emit({
      type: 'feed-item',
      id: 'e1',
      item: {
        kind: 'message',
        id: 'live1',
        clientId: 'x5',
        at: new Date().toISOString(),
        sender: 'client',
        body: PAYLOADS[5],
      },
    });
    const notifier = provider.querySelector('dm-notifier')!;
    await waitFor(() => parts(notifier, 'notice').length > 0, 3000, 'notice');
    expect(parts(notifier, 'notice')[0].textContent).to.contain(PAYLOADS[5]);

    const problems = findInjected(provider);
    console.log(
      `hostile input: ${PAYLOADS.length} payloads tried, ${seen.size} seen rendered as text in list/feed, ${trap.fired.length} executed, ${problems.length} injected nodes`,
    );
    expect(trap.fired, 'payloads that executed').to.deep.equal([]);
    expect(problems, 'injected elements or attributes').to.deep.equal([]);
    expect(seen.size).to.be.greaterThan(PAYLOADS.length * 0.9);
    // Avatars with javascript:/data: URLs fall back to initials: no <img> carries them.
    for (const img of list().shadowRoot!.querySelectorAll('img'))
      expect(new URL(img.getAttribute('src')!, location.href).protocol).to.match(/^https?:$/);
    // Links only for http(s), with noopener noreferrer.
    for (const a of feed().shadowRoot!.querySelectorAll('a')) {
      expect(a.getAttribute('href')).to.match(/^https?:\/\//);
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
  });
});
