/**
 * dm-widgets/react: the @lit/react wrappers mount in a real React 19 root, pass props as
 * properties, and turn `dm-*` events into typed `on…` callbacks.
 */
import { expect } from '@open-wc/testing';
import { createElement, useState } from 'react';
import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import type { DmClientList as DmClientListElement } from '../../src/elements/client-list/dm-client-list.js';
import type { DmProvider as DmProviderElement } from '../../src/elements/provider/dm-provider.js';
import { es } from '../../src/i18n/es.js';
import type { MockDb } from '../../src/mocks/index.js';
import {
  DmClientList,
  DmCommunications,
  DmCommunicationsFeed,
  DmComposer,
  DmNotifier,
  DmProvider,
  type DmClientSelectEvent,
  DmUnreadIndicator,
} from '../../src/react/index.js';
import {
  clearDmStorage,
  pageStorage,
  part,
  parts,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

describe('dm-widgets/react', () => {
  let db: MockDb;
  let host: HTMLElement;
  let root: Root;

  before(async () => {
    ({ db } = await startMock());
  });
  beforeEach(() => {
    db.reset();
    clearDmStorage();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('has one wrapper per element, each rendering its tag', () => {
    const wrappers = {
      DmProvider,
      DmClientList,
      DmCommunicationsFeed,
      DmComposer,
      DmUnreadIndicator,
      DmNotifier,
      DmCommunications,
    };
    for (const [name, C] of Object.entries(wrappers))
      expect((C as { displayName?: string }).displayName, name).to.equal(name);
    flushSync(() =>
      root.render(
        createElement(
          DmProvider,
          { baseUrl: '/api/dm', storeOptions: { storage: pageStorage } },
          createElement(DmUnreadIndicator),
          createElement(DmNotifier),
        ),
      ),
    );
    expect(host.querySelector('dm-provider dm-unread-indicator')).to.exist;
    expect(host.querySelector('dm-provider dm-notifier')).to.exist;
  });

  it('<DmProvider baseUrl><DmClientList onClientSelect/></DmProvider>: clicking a row calls onClientSelect with the client id', async () => {
    const selected: string[] = [];
    const onClientSelect = (e: DmClientSelectEvent) => selected.push(e.detail.clientId);
    flushSync(() =>
      root.render(
        createElement(
          DmProvider,
          { baseUrl: '/api/dm', storeOptions: { storage: pageStorage } },
          createElement(DmClientList, {
            onClientSelect,
            style: { height: '400px', display: 'block' },
          }),
        ),
      ),
    );
    const provider = host.querySelector('dm-provider') as DmProviderElement;
    const list = host.querySelector('dm-client-list') as DmClientListElement;
    // A re-render passes equal new objects (inline storeOptions, headers): the store stays, with its
    // live stream and sends.
    await provider.updateComplete;
    const store = provider.store;
    expect(!!store).to.equal(true);
    flushSync(() =>
      root.render(
        createElement(
          DmProvider,
          {
            baseUrl: '/api/dm',
            storeOptions: { storage: pageStorage },
            headers: () => ({ 'X-Render': '2' }),
          },
          createElement(DmClientList, {
            onClientSelect,
            style: { height: '400px', display: 'block' },
          }),
        ),
      ),
    );
    await provider.updateComplete;
    expect(provider.store === store, 'the same store after a re-render').to.equal(true);
    // Props become properties (baseUrl is not a kebab-case attribute in React).
    expect(provider.baseUrl).to.equal('/api/dm');
    await waitFor(() => parts(list, 'client').length > 0, 6000, 'client rows');
    const row = parts(list, 'client')[0];
    const expected = db.clients()[0].id;
    row.click();
    await waitFor(() => selected.length > 0, 2000, 'onClientSelect');
    expect(selected).to.deep.equal([expected]);
  });

  it('object props reach the element as properties (strings) and re-render on change', async () => {
    const render = (strings: object) =>
      flushSync(() =>
        root.render(
          createElement(
            DmProvider,
            { baseUrl: '/api/dm', storeOptions: { storage: pageStorage }, strings, locale: 'es' },
            createElement(DmComposer, { clientId: db.clients()[0].id }),
          ),
        ),
      );
    render(es);
    const composer = host.querySelector('dm-composer')!;
    await waitFor(() => textOf(part(composer, 'send')) === 'Enviar', 4000, 'Spanish Send');
    render({ send: 'Go' });
    await waitFor(() => textOf(part(composer, 'send')) === 'Go', 4000, 'replaced Send');
  });

  it('<DmCommunications client onCardClose>: a host holding the open client hears Back and clears it, then can open the same client again', async () => {
    const id = db.clients()[1].id;
    const seen: (string | null)[] = [];
    function Page() {
      const [client, setClient] = useState<string | null>(id);
      seen.push(client);
      return createElement(
        DmProvider,
        { baseUrl: '/api/dm', storeOptions: { storage: pageStorage } },
        createElement('button', { id: 'reopen', onClick: () => setClient(id) }, 'reopen'),
        createElement(
          'div',
          { style: { width: '375px', height: '600px' } },
          createElement(DmCommunications, { client, onCardClose: () => setClient(null) }),
        ),
      );
    }
    flushSync(() => root.render(createElement(Page)));
    const tab = host.querySelector('dm-communications')!;
    await waitFor(
      () => !!part(tab, 'back') && part(tab, 'back')!.getBoundingClientRect().width > 0,
      5000,
      'card with Back',
    );
    part<HTMLButtonElement>(tab, 'back')!.click();
    await waitFor(() => seen.at(-1) === null, 2000, 'onCardClose cleared the host state');
    await tab.updateComplete;
    expect(tab.client ?? '').to.equal('');
    // Opening the same client again is a change of the prop, so the card opens.
    host.querySelector<HTMLButtonElement>('#reopen')!.click();
    await waitFor(
      () => tab.client === id && part(tab, 'back')!.getBoundingClientRect().width > 0,
      4000,
      'the same card again',
    );
  });
});
