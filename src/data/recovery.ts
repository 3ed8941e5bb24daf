import { type DmError, isRetryable } from './adapter.js';
import type { Clients } from './clients.js';
import type { Eligibilities } from './eligibility.js';
import type { Feeds } from './feeds.js';
import type { Hub } from './hub.js';
import type { DmStore } from './store.js';
import type { LoadStatus } from './store-types.js';
import type { Unread } from './unread.js';

/** The modules that reload after a fault. */
export interface Reloaded {
  clients_: Clients;
  feeds_: Feeds;
  eligibility_: Eligibilities;
  unread_: Unread;
}

/** What reloading asks of the facade (its public API). */
type Facade = Pick<DmStore, 'advisorStatus' | 'loadAdvisor' | 'setPresence' | 'refreshUnread'>;

/**
 * Loads again what failed, and reports presence: after signing in again (everything), or when
 * the network or the live stream comes back (`transient`: only what a network or server fault left).
 */
export function reloadFailed(hub: Hub, m: Reloaded, store: Facade, transient = false): void {
  // Signed out: nothing is asked again until the host signs the advisor in and calls start().
  if (transient && hub.signedOut_) return;
  const { clients_: clients, feeds_: feeds, eligibility_: eligibility, unread_: unread } = m;
  // When the network comes back, what is on screen (open cards) reloads now; the rest when shown.
  const again = (s: { status: LoadStatus; error: DmError | null }, clientId?: string) =>
    s.status === 'error' &&
    (!transient || (isRetryable(s.error) && (!clientId || hub.isOpen_(clientId))));
  if (store.advisorStatus === 'error') void store.loadAdvisor();
  store.setPresence({});
  unread.resetRetries_();
  void store.refreshUnread();
  if (again(clients.list_)) void clients.load_(clients.list_.query, true);
  for (const f of feeds.all_())
    if (again(f, f.clientId)) void feeds.load_(f.clientId, f.filter, true);
  for (const id of eligibility.ids_())
    if (again(eligibility.get_(id), id)) void eligibility.load_(id, true);
}

/** The live stream is open again after a drop: what the replay may not cover is fetched again. */
export function refreshAfterReconnect(hub: Hub, m: Reloaded, store: Facade): void {
  reloadFailed(hub, m, store, true);
  const { clients_: clients, feeds_: feeds, eligibility_: eligibility } = m;
  for (const f of [...feeds.all_()])
    if (f.status === 'ready') void feeds.refreshNewest_(f.clientId, f.filter);
  for (const id of hub.openClients_())
    if (eligibility.get_(id).status === 'ready') void eligibility.load_(id, true);
  if (clients.list_.status === 'ready') void clients.refreshFirstPage_();
}
