/**
 * Helpers of the fault-injection suite: the whole Communications tab on the MSW mock (optionally
 * through a custom adapter), typing and pressing Enter like a user, switching clients by clicking
 * rows, and the end-of-session accounting against the mock's store.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DmAdapter } from '../../src/data/adapter.js';
import type { DmStore, DmStoreOptions } from '../../src/data/store.js';
import type { DmCommunications } from '../../src/elements/communications/dm-communications.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import type { MockDb } from '../../src/mocks/index.js';
import { clearDmStorage, pageStorage, part, parts, textOf, waitFor } from '../helpers/render.js';

export interface Tab {
  provider: DmProvider;
  tab: DmCommunications;
  store: DmStore;
  /** Every `dm-message-sent` the page saw (by clientMessageId). */
  sentEvents: string[];
}

/** Retries fast enough for a test, with the store's real policy (5 attempts, doubling, Retry-After). */
export const STORE_OPTIONS: DmStoreOptions = { storage: pageStorage, retryBaseMs: 250 };

/** Renders `<dm-provider>` + a wide `<dm-communications>` with page-private storage. */
export async function renderTab(
  opts: { adapter?: DmAdapter; client?: string; keepStorage?: boolean } = {},
): Promise<Tab> {
  if (!opts.keepStorage) clearDmStorage();
  const provider =
    await fixture<DmProvider>(html`<dm-provider base-url="/api/dm" .adapter=${opts.adapter} .storeOptions=${STORE_OPTIONS}>
    <div style="width:1000px;height:900px">
      <dm-communications client=${opts.client ?? ''}></dm-communications>
    </div>
  </dm-provider>`);
  const tab = provider.querySelector('dm-communications') as DmCommunications;
  await tab.updateComplete;
  const sentEvents: string[] = [];
  provider.addEventListener('dm-message-sent', (e) =>
    sentEvents.push(e.detail.message.clientMessageId ?? e.detail.message.id),
  );
  return { provider, tab, store: provider.store!, sentEvents };
}

export const listOf = (tab: DmCommunications) => tab.shadowRoot!.querySelector('dm-client-list')!;
export const feedOf = (tab: DmCommunications) =>
  tab.shadowRoot!.querySelector('dm-communications-feed')!;
export const composerOf = (tab: DmCommunications) => tab.shadowRoot!.querySelector('dm-composer')!;
export const inputOf = (tab: DmCommunications) =>
  part<HTMLTextAreaElement>(composerOf(tab), 'input')!;

/** The list row of a client (rows are virtualized: the client must be near the top). */
export const rowOf = (tab: DmCommunications, clientId: string) =>
  parts(listOf(tab), 'client').find((r) => r.dataset.vkey === clientId);

/** Clicks a client's row in the list and waits until its card (feed + composer) is showing. */
export async function clickClient(tab: DmCommunications, clientId: string): Promise<void> {
  await waitFor(() => rowOf(tab, clientId), 10000, `row of ${clientId}`);
  rowOf(tab, clientId)!.click();
  await waitFor(
    () =>
      tab.client === clientId &&
      feedOf(tab)?.clientId === clientId &&
      composerOf(tab)?.clientId === clientId,
    10000,
    `card of ${clientId}`,
  );
  await composerOf(tab).updateComplete;
}

/** Types into the composer with real key presses. */
export async function typeText(tab: DmCommunications, text: string): Promise<void> {
  const input = inputOf(tab);
  await waitFor(() => !input.disabled, 10000, 'composer enabled');
  input.focus();
  await sendKeys({ type: text });
  await composerOf(tab).updateComplete;
}

/** Types a message and presses Enter; the box empties at once. */
export async function sendText(tab: DmCommunications, text: string): Promise<void> {
  await typeText(tab, text);
  expect(inputOf(tab).value).to.equal(text);
  await sendKeys({ press: 'Enter' });
  await waitFor(() => inputOf(tab).value === '', 5000, 'box emptied after Enter');
}

/** Window `error` / `unhandledrejection` seen while a test ran. */
export function watchUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String(e.reason?.stack ?? e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The rendered feed entries of the open card, as text. */
export const feedTexts = (tab: DmCommunications) => parts(feedOf(tab), 'item').map(textOf);

/** Clicks the Retry of a "Not sent" message in the open feed. */
export async function retryFailed(tab: DmCommunications, body: string): Promise<void> {
  const row = () =>
    parts(feedOf(tab), 'message').find(
      (m) => textOf(m).includes(body) && textOf(m).includes('Not sent'),
    );
  await waitFor(row, 10000, `"Not sent" on ${body}`);
  const retry = [...row()!.querySelectorAll('button')].find((b) => textOf(b) === 'Retry');
  expect(retry, 'Retry button').to.exist;
  retry!.click();
}

/** Picks clients near the top of the list that can take 3 more messages (no unread, at most 1 in a row so far). */
export function pickClients(db: MockDb, n: number): string[] {
  const ids = db
    .clients()
    .slice(0, 14)
    .filter(
      (c) =>
        !c.hasUnread && db.eligibility(c.id).canSend && db.eligibility(c.id).consecutiveSent <= 1,
    )
    .map((c) => c.id);
  if (ids.length < n) {
    const seen = db
      .clients()
      .slice(0, 14)
      .map((c) => `${c.id}:${c.hasUnread ? 'unread' : ''}:${db.eligibility(c.id).consecutiveSent}`);
    throw new Error(
      `pickClients: only ${ids.length} suitable clients near the top (${seen.join(', ')})`,
    );
  }
  return ids.slice(0, n);
}

export interface Ledger {
  /** Bodies the advisor sent, per client, in the order written. */
  sent: Map<string, string[]>;
  /** Drafts typed (not sent), per client. */
  drafts: Map<string, string>;
}

export const newLedger = (): Ledger => ({ sent: new Map(), drafts: new Map() });

export function record(ledger: Ledger, clientId: string, body: string): void {
  ledger.sent.set(clientId, [...(ledger.sent.get(clientId) ?? []), body]);
}

export interface Tally {
  fault: string;
  sent: number;
  stored: number;
  lost: number;
  duplicated: number;
  drafts: number;
  draftsIntact: number;
  retried: number;
  /** POST /messages requests the mock saw (retries included). */
  attempts: number;
}

/**
 * The end of a session: the outbox is empty, and for every client the mock stored exactly the
 * sent bodies, in order, once each (by body and by clientMessageId). Returns the numbers.
 */
export async function settle(
  db: MockDb,
  t: Tab,
  ledger: Ledger,
  fault: string,
  retried = 0,
): Promise<Tally> {
  const ids = [...ledger.sent.keys()];
  await waitFor(
    () => ids.every((id) => t.store.outboxFor(id).length === 0),
    10000,
    'outbox drained',
  );
  let sent = 0;
  let stored = 0;
  let lost = 0;
  let duplicated = 0;
  for (const [id, bodies] of ledger.sent) {
    const got = db.storedMessages(id);
    sent += bodies.length;
    stored += got.length;
    for (const b of bodies) {
      const n = got.filter((m) => m.body === b).length;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
    for (const m of got) {
      const n = db.countByClientMessageId(id, m.clientMessageId!);
      if (n !== 1) duplicated += Math.max(0, n - 1);
    }
  }
  const attempts = db.requestLog.filter((r) => r.route === 'send').length;
  const tally: Tally = {
    fault,
    sent,
    stored,
    lost,
    duplicated,
    drafts: 0,
    draftsIntact: 0,
    retried,
    attempts,
  };
  // Check the numbers before the per-client detail, so a failure names what went wrong.
  for (const [id, bodies] of ledger.sent) {
    const got = db.storedMessages(id);
    expect(
      got.map((m) => m.body),
      `stored bodies of ${id}, in order`,
    ).to.deep.equal(bodies);
    for (const m of got)
      expect(
        db.countByClientMessageId(id, m.clientMessageId!),
        `copies of ${m.clientMessageId}`,
      ).to.equal(1);
    // The store's view of the feed holds each once too (no pending twin beside the stored one).
    const items = t.store
      .feed(id, 'all')
      .items.filter((e) => e.kind === 'message' && bodies.includes(e.body));
    if (t.store.feed(id, 'all').status === 'ready')
      expect(items.length, `feed copies for ${id}`).to.equal(bodies.length);
  }
  return tally;
}

/** Opens each client that has a draft and checks that the box shows it; counts them into the tally. */
export async function checkDrafts(t: Tab, ledger: Ledger, tally: Tally): Promise<void> {
  for (const [id, text] of ledger.drafts) {
    await clickClient(t.tab, id);
    tally.drafts++;
    await waitFor(() => inputOf(t.tab).value === text, 5000, `draft of ${id}`).then(
      () => tally.draftsIntact++,
      () => undefined,
    );
    expect(inputOf(t.tab).value, `draft of ${id} in the box`).to.equal(text);
    expect(t.store.drafts.get(id), `saved draft of ${id}`).to.equal(text);
  }
}

export function formatTable(rows: Tally[]): string {
  const head = [
    'fault class',
    'sent',
    'stored',
    'lost',
    'duplicated',
    'drafts checked/intact',
    'send requests',
    'clients retried by hand',
  ];
  const body = rows.map((r) =>
    [
      r.fault,
      r.sent,
      r.stored,
      r.lost,
      r.duplicated,
      `${r.drafts}/${r.draftsIntact}`,
      r.attempts,
      r.retried,
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [
    line(head),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...body.map(line),
  ].join('\n');
}
