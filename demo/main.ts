// The demo advisor page: the MSW mock backend starts first, then the elements are loaded,
// so the provider's first requests already reach the mock.
import { MOCK_CLIENTS, MockDb, startMockWorker } from '../src/mocks/index.js';
import type { AdvisorStatus } from '../src/core/types.js';

const db = new MockDb();
await startMockWorker({ db });
await import('../src/index.js');

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
const provider = $<HTMLElement & { liveSession: boolean }>('#provider');
const communications = $<HTMLElement & { client: string }>('dm-communications');

function target(): string {
  return communications.client || MOCK_CLIENTS.dana;
}

function showTarget(): void {
  const id = target();
  $('#target').textContent = `${db.client(id)?.displayName ?? id} (${id})`;
}
communications.addEventListener('dm-client-select', () => queueMicrotask(showTarget));
document.addEventListener('dm-notice-open', () => queueMicrotask(showTarget));
showTarget();

const replies = [
  'Thank you so much! 🙏',
  'Can you tell me more about the career reading?',
  'I just had the dream again…',
  'Is Friday a good day for a call?',
];
let n = 0;

$('#mock-panel').addEventListener('click', (e) => {
  const action = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')
    ?.dataset.action;
  if (!action) return;
  if (action === 'write') db.clientWrites(target(), replies[n++ % replies.length]);
  if (action === 'order') db.clientOrders(target(), 'live_chat');
  if (action === 'write-other') {
    const other = db.clients().find((c) => c.id !== target() && !c.hasUnread) ?? db.clients()[1];
    db.clientWrites(other.id, replies[n++ % replies.length]);
  }
  if (action === 'reads') db.clientReads(target());
  if (action === 'types') db.clientTypes(target());
  if (action === 'fail-once') db.failNext('send', 1, 503);
  if (action === 'fail-all') db.failNext('send', 10, 503);
  if (action === 'drop') db.dropConnections();
  if (action === 'reset') {
    db.reset();
    location.reload();
  }
});
$<HTMLSelectElement>('#advisor-status').addEventListener('change', (e) =>
  db.setAdvisorStatus((e.target as HTMLSelectElement).value as AdvisorStatus),
);
$<HTMLSelectElement>('#latency').addEventListener('change', (e) =>
  db.setLatency(Number((e.target as HTMLSelectElement).value)),
);
$<HTMLInputElement>('#offline').addEventListener('change', (e) =>
  db.setOffline((e.target as HTMLInputElement).checked),
);
$<HTMLInputElement>('#live-session').addEventListener('change', (e) => {
  provider.liveSession = (e.target as HTMLInputElement).checked;
});
if (window.matchMedia('(max-width: 600px)').matches)
  $<HTMLDetailsElement>('#mock-panel').open = false;
