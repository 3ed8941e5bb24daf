import { compareClients, upsertClient } from '../core/client-order.js';
import type { ClientSummary } from '../core/types.js';
import type { Hub } from './hub.js';
import type { ClientListState } from './store-types.js';

const EMPTY_LIST: ClientListState = {
  query: '',
  clients: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  loadingMore: false,
};

/**
 * The client directory: the list of the current search and its pages, every summary known by id,
 * clients fetched alone (pinned into the list), and when each summary last changed here (so a
 * page that was on its way during a live change does not put the older summary back).
 */
export class Clients {
  list_: ClientListState = EMPTY_LIST;
  /** Every summary known, by id (a summary is replaced, never changed: a copy of the map is a snapshot). */
  readonly byId_ = new Map<string, ClientSummary>();
  /** Clients fetched one by one (a deep link, an open card): shown in the list even beyond its loaded pages. */
  private pinned_ = new Set<string>();
  /** When each client's summary last changed here (a count), to tell a page older than a change. */
  private touched_ = new Map<string, number>();
  private touches_ = 0;

  constructor(
    private hub_: Hub,
    /** A summary changed here (its unread flag may have). */
    private onChange_: (before: ClientSummary | undefined, after: ClientSummary) => void,
  ) {}

  get_(clientId: string): ClientSummary | undefined {
    return this.byId_.get(clientId);
  }

  /** Loads the first page of clients for `query` (a new query replaces the list). */
  async load_(query = this.list_.query, force = false): Promise<void> {
    const cur = this.list_;
    if (!force && cur.query === query && (cur.status === 'ready' || cur.status === 'loading'))
      return;
    this.hub_.loads_.release_('clients:more');
    this.list_ = {
      ...EMPTY_LIST,
      query,
      status: 'loading',
      clients: cur.query === query ? cur.clients : [],
    };
    this.hub_.changed_();
    const since = this.touches_;
    const q = query || undefined;
    const got = await this.hub_.loads_.run_('clients', (signal) =>
      this.hub_.adapter_.listClients({ limit: this.hub_.settings_.clientPageSize, q }, { signal }),
    );
    if (!got) return;
    if (got.ok) {
      const page = got.value;
      let clients: readonly ClientSummary[] = dedupe([], this.fromPage_(page.clients, since));
      for (const id of this.pinned_) clients = place(clients, this.byId_.get(id), query);
      // Clients that changed while the page was on its way (a live message) take their place now.
      for (const [id, n] of this.touched_)
        if (n > since) clients = place(clients, this.byId_.get(id), query);
      this.list_ = {
        query,
        clients,
        nextCursor: page.nextCursor,
        status: 'ready',
        error: null,
        loadingMore: false,
      };
    } else {
      const { error } = got;
      this.list_ = { ...this.list_, status: 'error', error };
      this.hub_.loads_.askAgainAfter_(
        error,
        () => this.list_.error === error && this.load_(query, true),
      );
    }
    this.hub_.changed_();
  }

  /** Loads the next page of the current list, if there is one. */
  async loadMore_(): Promise<void> {
    const cur = this.list_;
    if (cur.status !== 'ready' || cur.loadingMore || !cur.nextCursor) return;
    this.list_ = { ...cur, loadingMore: true, error: null };
    this.hub_.changed_();
    const since = this.touches_;
    const params = {
      limit: this.hub_.settings_.clientPageSize,
      cursor: cur.nextCursor,
      q: cur.query || undefined,
    };
    const got = await this.hub_.loads_.run_('clients:more', (signal) =>
      this.hub_.adapter_.listClients(params, { signal }),
    );
    if (!got) return;
    if (got.ok) {
      const page = got.value;
      const nextCursor = nextCursorAfter(cur.nextCursor, page.clients.length, page.nextCursor);
      this.list_ = {
        ...this.list_,
        clients: appendPage(this.list_.clients, this.fromPage_(page.clients, since)),
        nextCursor,
        loadingMore: false,
      };
    } else {
      this.list_ = { ...this.list_, loadingMore: false, error: got.error };
    }
    this.hub_.changed_();
  }

  /** After a reconnect: the first page again, merged into what is shown (best effort). */
  async refreshFirstPage_(): Promise<void> {
    const { query } = this.list_;
    const since = this.touches_;
    const got = await this.hub_.loads_.run_('clients:refresh', () =>
      this.hub_.adapter_.listClients({
        limit: this.hub_.settings_.clientPageSize,
        q: query || undefined,
      }),
    );
    // On failure the list keeps what it had; the next event or reload brings it up to date.
    if (!got?.ok || this.list_.query !== query) return;
    let clients = this.list_.clients;
    for (const c of this.fromPage_(got.value.clients, since)) clients = upsertClient(clients, c);
    this.list_ = { ...this.list_, clients };
    this.hub_.changed_();
  }

  /** Makes sure a client's summary is known (a deep link may name one not on the first page). */
  async ensure_(clientId: string): Promise<ClientSummary | null> {
    const known = this.byId_.get(clientId);
    if (known) return known;
    const got = await this.hub_.loads_.run_(
      'client:' + clientId,
      (signal) => this.hub_.adapter_.getClient(clientId, { signal }),
      true,
    );
    if (!got?.ok) return null;
    const c = got.value;
    if (this.byId_.get(c.id) === c) return c;
    this.byId_.set(c.id, c);
    // The few most recent (the open card, a deep link), not every client ever fetched.
    this.pinned_.delete(c.id);
    this.pinned_.add(c.id);
    if (this.pinned_.size > 3) this.pinned_.delete(this.pinned_.values().next().value!);
    const list = this.list_;
    if (list.status === 'ready')
      this.list_ = { ...list, clients: place(list.clients, c, list.query) };
    this.hub_.changed_();
    return c;
  }

  /** A client's summary changed (live, or read here): the list keeps its order. */
  set_(client: ClientSummary): void {
    const before = this.byId_.get(client.id);
    this.byId_.set(client.id, client);
    this.touched_.set(client.id, ++this.touches_);
    const list = this.list_;
    if (
      list.status === 'ready' &&
      (list.clients.some((c) => c.id === client.id) || matchesQuery(client, list.query))
    ) {
      this.list_ = { ...list, clients: upsertClient(list.clients, client) };
    }
    this.onChange_(before, client);
    this.hub_.changed_();
  }

  /**
   * A page's summaries as they are now: a client changed (live) after the page was asked for keeps
   * its newer summary, the page may predate it. Remembers the others.
   */
  private fromPage_(clients: readonly ClientSummary[], since: number): ClientSummary[] {
    return clients.map((c) => {
      if ((this.touched_.get(c.id) ?? 0) > since) return this.byId_.get(c.id) ?? c;
      this.byId_.set(c.id, c);
      return c;
    });
  }
}

/**
 * The cursor to go on with after a page. A page may be empty and still have more after it; one
 * that is empty and hands back the cursor it was asked with would be asked for again forever, so
 * it ends the paging.
 */
export function nextCursorAfter(
  asked: string | null,
  count: number,
  next: string | null,
): string | null {
  return count || next !== asked ? next : null;
}

function dedupe(
  existing: readonly ClientSummary[],
  add: readonly ClientSummary[],
): ClientSummary[] {
  const ids = new Set(add.map((c) => c.id));
  return [...existing.filter((c) => !ids.has(c.id)), ...add];
}

/**
 * Appends the next page of clients. A client already listed that sorts after the page's last one
 * (fetched alone for a deep link, or moved by a live event) moves to its place, so the list keeps
 * the server's order as pages come in.
 */
function appendPage(
  existing: readonly ClientSummary[],
  add: readonly ClientSummary[],
): ClientSummary[] {
  const ids = new Set(add.map((c) => c.id));
  const last = add[add.length - 1];
  const kept: ClientSummary[] = [];
  const later: ClientSummary[] = [];
  for (const c of existing) {
    if (ids.has(c.id)) continue;
    (last && compareClients(c, last) > 0 ? later : kept).push(c);
  }
  let out = kept.concat(add);
  for (const c of later) out = upsertClient(out, c);
  return out;
}

/** Whether a client belongs in the list for a search (a name containing it; every client for none). */
function matchesQuery(client: ClientSummary, query: string): boolean {
  return !query || client.displayName.toLowerCase().includes(query.toLowerCase());
}

/** Puts a client fetched alone into the loaded list at its sorted place, when it matches the search. */
function place(
  list: readonly ClientSummary[],
  client: ClientSummary | undefined,
  query: string,
): readonly ClientSummary[] {
  if (!client || !matchesQuery(client, query)) return list;
  return upsertClient(list, client);
}
