import type { MessageItem } from '../core/types.js';
import type { Clients } from './clients.js';
import type { Hub } from './hub.js';

/**
 * The client messages a dropped stream missed when nothing can be replayed (no event id had come,
 * so none came at all): the newest messages of each unread client on the list's first page written
 * after what the store knew of that client (its last activity, as known when the stream came back),
 * or, for a client it did not know, after the stream opened (`openedAt`). Oldest first; none on a
 * failure, or when the store stopped (or the stream came back again) before the answers did.
 */
export async function missedMessages(
  hub: Hub,
  clients: Clients,
  openedAt: string,
): Promise<MessageItem[]> {
  const known = new Map(clients.byId_);
  const adapter = hub.adapter_;
  // Through the store's one load primitive, as a load of the list (`clients:gap`): `stop()` aborts it
  // with the list's loads (its answer, however late, gives no notices), a newer reconnect's replaces
  // it, and a failure is handled as every load's.
  const outcome = await hub.loads_.run_('clients:gap', async (signal) => {
    // The server's default page sizes (50): unread clients come first, and their newest messages.
    const page = await adapter.listClients({}, { signal });
    const found = await Promise.all(
      page.clients.map(async (c) => {
        const since = Date.parse(known.get(c.id)?.lastActivityAt ?? openedAt);
        if (!c.hasUnread || !(Date.parse(c.lastActivityAt) > since)) return [];
        const feed = await adapter.getFeed(c.id, { type: 'messages' }, { signal });
        return feed.items.filter(
          (i): i is MessageItem =>
            i.kind === 'message' && i.sender === 'client' && Date.parse(i.at) > since,
        );
      }),
    );
    return found.flat().sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  });
  return outcome?.ok ? outcome.value : [];
}
