/**
 * Offline after a reload: a message that failed on the network, restored from storage by the next
 * page load, is sent when the browser comes back online, as the offline banner promises.
 */
import { expect } from '@open-wc/testing';
import { parts, startMock, textOf, waitFor } from '../helpers/render.js';
import { feedOf, pickClients, renderTab, sendText } from './session.js';

const { db } = await startMock();

describe('offline after a reload', function () {
  this.timeout(60000);

  beforeEach(() => db.reset());
  afterEach(() => db.setOffline(false));

  it('a message that failed on the network before a reload is sent once when the browser is back online', async () => {
    const [id] = pickClients(db, 1) as [string];
    const body = 'reload: written while the network was down';
    const rows = (t: { tab: Parameters<typeof feedOf>[0] }) =>
      parts(feedOf(t.tab), 'message').filter((m) => textOf(m).includes(body));
    const first = await renderTab({ client: id });
    await waitFor(() => first.store.feed(id, 'all').status === 'ready', 10000, 'feed');
    db.setOffline(true);
    await sendText(first.tab, body);
    await waitFor(
      () => rows(first).some((m) => textOf(m).includes('Not sent')),
      30000,
      '"Not sent" after the retries',
    );
    // The reload: the page goes, the network comes back, a new page finds the message in storage.
    first.provider.remove();
    db.setOffline(false);
    const second = await renderTab({ client: id, keepStorage: true });
    await waitFor(
      () => rows(second).some((m) => textOf(m).includes('Not sent')),
      10000,
      'the restored message, "Not sent"',
    );
    window.dispatchEvent(new Event('online'));
    await waitFor(() => second.store.outboxFor(id).length === 0, 10000, 'delivered');
    expect(db.storedMessages(id).filter((m) => m.body === body)).to.have.length(1);
    await waitFor(() => rows(second).length === 1, 5000, 'one row');
    expect(textOf(rows(second)[0])).not.to.match(/Not sent|Sending/);
  });
});
