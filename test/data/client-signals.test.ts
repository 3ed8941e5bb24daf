// The store's 1.1 signals (Seen, typing, the advisor's typing reports) against a stub adapter and a
// hand-moved clock.
import { expect } from '@open-wc/testing';
import { type DmAdapter, DmError } from '../../src/data/adapter.js';
import { ClientSignals } from '../../src/data/client-signals.js';
import { waitFor } from '../helpers/render.js';

const T = Date.UTC(2024, 4, 1, 10);
const iso = (t: number) => new Date(t).toISOString();

function setup(sendTyping?: (id: string) => Promise<void>, start = T) {
  const sent: string[] = [];
  let changes = 0;
  let now = start;
  const adapter = {
    sendTyping: sendTyping ?? (async (id: string) => void sent.push(id)),
  } as unknown as DmAdapter;
  const signals = new ClientSignals(
    adapter,
    { knows_: (id) => id !== 'stranger', changed_: () => changes++ },
    () => now,
  );
  return {
    signals,
    sent,
    changes: () => changes,
    tick: (ms: number) => (now += ms),
    now: () => now,
  };
}

describe('ClientSignals', () => {
  it('keeps how far each client read: pages and events move it forward, a future time counts as now', () => {
    const s = setup();
    expect(s.signals.readAt('c1')).to.equal(null);
    s.signals.noteRead_('c1', undefined); // a 1.0 page
    s.signals.noteRead_('c1', null); // never read
    expect([s.signals.readAt('c1'), s.changes()]).to.deep.equal([null, 0]);
    s.signals.noteRead_('c1', iso(T - 5000));
    expect([s.signals.readAt('c1'), s.changes()]).to.deep.equal([T - 5000, 1]);
    s.signals.noteRead_('c1', iso(T - 9000));
    expect([s.signals.readAt('c1'), s.changes()]).to.deep.equal([T - 5000, 1]);
    s.signals.noteRead_('c1', iso(T + 3600e3));
    expect(s.signals.readAt('c1')).to.equal(T);
    expect(s.signals.readAt('c2')).to.equal(null);
  });

  it('shows typing until `until`, once per run of renewals, and not for strangers or a past until', async () => {
    const T = Date.now();
    const s = setup(undefined, T);
    s.signals.noteTyping_('stranger', iso(T + 5000));
    s.signals.noteTyping_('c1', iso(T - 1));
    s.signals.noteTyping_('c1', 'soon');
    expect([s.signals.isTyping('stranger'), s.signals.isTyping('c1'), s.changes()]).to.deep.equal([
      false,
      false,
      0,
    ]);
    s.signals.noteTyping_('c1', iso(T + 150));
    expect([s.signals.isTyping('c1'), s.changes()]).to.deep.equal([true, 1]);
    s.signals.noteTyping_('c1', iso(T + 400)); // a renewal: no change to show
    expect(s.changes()).to.equal(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.signals.isTyping('c1'), 'renewed past its first until').to.equal(true);
    await waitFor(() => !s.signals.isTyping('c1'), 3000, 'typing to end');
    expect(s.changes()).to.equal(2);
  });

  it('keeps showing an until far ahead (beyond the range of a timer)', async () => {
    const s = setup(undefined, Date.now());
    s.signals.noteTyping_('c1', iso(Date.now() + 40 * 86400e3));
    await new Promise((r) => setTimeout(r, 20));
    expect(s.signals.isTyping('c1')).to.equal(true);
    s.signals.stop_();
  });

  it('stops typing when the client writes, and on stop()', () => {
    const s = setup();
    s.signals.noteTyping_('c1', iso(T + 60_000));
    s.signals.noteTyping_('c2', iso(T + 60_000));
    s.signals.stopTyping_('c1');
    expect([s.signals.isTyping('c1'), s.signals.isTyping('c2')]).to.deep.equal([false, true]);
    s.signals.stop_();
    expect(s.signals.isTyping('c2')).to.equal(false);
  });

  it('reports the advisor typing at most once every 3 s per client, never for an empty box', () => {
    const s = setup();
    expect(s.signals.reportTyping('c1', '   ')).to.equal(false);
    expect(s.signals.reportTyping('c1', 'H')).to.equal(true);
    s.tick(1000);
    expect(s.signals.reportTyping('c1', 'He')).to.equal(false);
    expect(s.signals.reportTyping('c2', 'Hi')).to.equal(true);
    s.tick(2000);
    expect(s.signals.reportTyping('c1', 'Hel')).to.equal(true);
    expect(s.signals.reportTyping('c1', '', s.now() + 9000)).to.equal(false);
    expect(s.sent).to.deep.equal(['c1', 'c2', 'c1']);
  });

  it('stops reporting quietly once a 1.0 server answers 404; other failures do not', async () => {
    let status = 503;
    let calls = 0;
    const s = setup(async () => {
      calls++;
      throw new DmError(status === 404 ? 'not-found' : 'server', 'x', { status });
    });
    s.signals.reportTyping('c1', 'a');
    await Promise.resolve();
    s.tick(3000);
    expect(s.signals.capabilities.has('typing')).to.equal(true);
    status = 404;
    s.signals.reportTyping('c1', 'ab');
    await waitFor(() => !s.signals.capabilities.has('typing'), 1000, 'typing off');
    s.tick(3000);
    expect(s.signals.reportTyping('c1', 'abc')).to.equal(false);
    expect(calls).to.equal(2);
  });

  it('has no typing reports with an adapter that lacks sendTyping', () => {
    const signals = new ClientSignals({} as DmAdapter, { knows_: () => true, changed_: () => {} });
    expect(signals.reportTyping('c1', 'hello')).to.equal(false);
  });
});
