// Broken servers for the conformance tests: the mock server with ONE rule broken each, built from
// test-only subclasses of MockDb (and one proxy for the event stream). The shipped mock stays correct.
import { createServer, request as httpRequest } from 'node:http';

/** Offset cursors over a client list in any order (`o<start>`). */
function offsetPage(all, { limit, cursor }, next = (start) => start + limit) {
  const start = cursor ? Number(cursor.slice(1)) : 0;
  const clients = all.slice(start, start + limit);
  const n = next(start);
  return { clients, nextCursor: start + limit < all.length && n !== null ? `o${n}` : null };
}

/** name → { rule: the one rule it must fail, what: the bug in words, db(MockDb): the broken class, proxy?: true } */
export const BROKEN = {
  'no-replay': {
    rule: 'events-replay',
    what: 'no replay after Last-Event-ID',
    db: (MockDb) =>
      class extends MockDb {
        eventsSince() {
          return [];
        }
      },
  },
  'replay-twice': {
    rule: 'events-replay',
    what: 'replays the missed events twice',
    db: (MockDb) =>
      class extends MockDb {
        eventsSince(id) {
          const e = super.eventsSince(id);
          return [...e, ...e];
        }
      },
  },
  'second-copy': {
    rule: 'send-one-copy',
    what: 'stores a second copy on a repeated clientMessageId (answers 200 with the first)',
    db: (MockDb) =>
      class extends MockDb {
        send(clientId, body, cmid) {
          const r = super.send(clientId, body, cmid);
          if (r.status === 200)
            this.append(this.states.get(clientId), {
              ...r.message,
              id: `${r.message.id}-copy${++this.seq}`,
            });
          return r;
        }
      },
  },
  '201-on-repeat': {
    rule: 'send-repeat-200',
    what: 'answers 201 (not 200) to a repeated clientMessageId',
    db: (MockDb) =>
      class extends MockDb {
        send(...a) {
          const r = super.send(...a);
          return r.status === 200 ? { ...r, status: 201 } : r;
        }
      },
  },
  'wrong-list-order': {
    rule: 'clients-order',
    what: 'lists clients by id only (unread not first)',
    db: (MockDb) =>
      class extends MockDb {
        pageClients(p) {
          return offsetPage(
            this.clients(p.q).sort((a, b) => (a.id < b.id ? -1 : 1)),
            p,
          );
        }
      },
  },
  'duplicate-across-pages': {
    rule: 'clients-walk',
    what: 'repeats the last client of a page at the top of the next',
    db: (MockDb) =>
      class extends MockDb {
        pageClients(p) {
          return offsetPage(this.clients(p.q), p, (start) => start + p.limit - 1);
        }
      },
  },
  'ends-early': {
    rule: 'clients-walk',
    what: 'the second page of the list ends the walk with nextCursor null',
    db: (MockDb) =>
      class extends MockDb {
        pageClients(p) {
          return offsetPage(this.clients(p.q), p, (start) => (start === 0 ? p.limit : null));
        }
      },
  },
  'events-without-ids': {
    rule: 'events-ids',
    what: 'events without id: lines',
    proxy: (line) => !line.startsWith('id:'),
  },
  'wrong-precedence': {
    rule: 'precedence',
    what: 'consecutive_limit wins over negative_review (wrong precedence and 403 reason)',
    db: (MockDb) =>
      class extends MockDb {
        eligibility(id) {
          const e = super.eligibility(id);
          return e.reason === 'negative_review' && this.states.get(id).consecutive >= 5
            ? { ...e, reason: 'consecutive_limit' }
            : e;
        }
      },
  },
  'read-keeps-unread': {
    rule: 'read-clears',
    what: 'POST /read answers 204 but hasUnread stays true',
    db: (MockDb) =>
      class extends MockDb {
        markRead(id, upTo) {
          const s = this.require(id);
          this.materialize(s);
          if (!s.indexById.has(upTo)) super.markRead(id, upTo);
        }
      },
  },
  'feed-newest-first': {
    rule: 'feed-oldest-first',
    what: 'feed pages newest first',
    db: (MockDb) =>
      class extends MockDb {
        feedPage(...a) {
          const p = super.feedPage(...a);
          return { ...p, items: [...p.items].reverse() };
        }
      },
  },
  'around-without-item': {
    rule: 'feed-around',
    what: 'the around page leaves out the item asked for',
    db: (MockDb) =>
      class extends MockDb {
        feedPage(id, q) {
          const p = super.feedPage(id, q);
          return q.around ? { ...p, items: p.items.filter((i) => i.id !== q.around) } : p;
        }
      },
  },
  'search-oldest-first': {
    rule: 'search-newest-first',
    what: 'search hits oldest first',
    db: (MockDb) =>
      class extends MockDb {
        search(...a) {
          const p = super.search(...a);
          return { ...p, hits: [...p.hits].reverse() };
        }
      },
  },
};

/**
 * A proxy in front of `target` (origin) that filters the lines of event streams and can add a
 * field `seen` to JSON bodies echoing request headers (a server that leaks credentials, to prove redaction). Resolves with { origin, close }.
 */
export async function startProxy(target, { keepLine = () => true, echoHeaders = [] } = {}) {
  const server = createServer((req, res) => {
    const up = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (upRes) => {
        const type = upRes.headers['content-type'] ?? '';
        if (type.includes('event-stream')) {
          res.writeHead(upRes.statusCode, upRes.headers);
          res.flushHeaders();
          let buf = '';
          upRes.on('data', (chunk) => {
            buf += chunk;
            const lines = buf.split('\n');
            buf = lines.pop();
            const out = lines.filter(keepLine).join('\n');
            if (lines.length) res.write(`${out}\n`);
          });
          upRes.on('end', () => res.end());
          res.on('close', () => upRes.destroy());
          return;
        }
        const chunks = [];
        upRes.on('data', (c) => chunks.push(c));
        upRes.on('end', () => {
          let body = Buffer.concat(chunks);
          if (echoHeaders.length && type.includes('json') && body.length) {
            const json = JSON.parse(body.toString('utf8'));
            if (json && typeof json === 'object' && !Array.isArray(json))
              json.seen = echoHeaders.map((h) => `${h}: ${req.headers[h] ?? ''}`).join('; ');
            body = Buffer.from(JSON.stringify(json));
          }
          const headers = { ...upRes.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(upRes.statusCode, headers);
          res.end(body);
        });
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => s.setNoDelay(true));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
