import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  compareClients,
  heldPlace,
  holdPlace,
  sortClientsForList,
  upsertClient,
} from '../../src/core/client-order.js';
import type { ClientSummary } from '../../src/core/types.js';
import { clientArb, describe, it } from './support.js';

const c = (
  id: string,
  hasUnread: boolean,
  lastActivityAt: string,
  displayName = id,
): ClientSummary => ({
  id,
  displayName,
  avatarUrl: null,
  hasUnread,
  lastActivityAt,
  lastItemPreview: null,
});
const ids = (list: readonly ClientSummary[]) => list.map((x) => x.id);
const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('compareClients', () => {
  it('puts unread before read even when the read one is newer', () => {
    expect(
      compareClients(c('a', true, '2024-01-01T00:00:00Z'), c('b', false, '2025-01-01T00:00:00Z')),
    ).to.be.lessThan(0);
    expect(
      compareClients(c('b', false, '2025-01-01T00:00:00Z'), c('a', true, '2024-01-01T00:00:00Z')),
    ).to.be.greaterThan(0);
  });
  it('orders by lastActivityAt descending within the same unread state', () => {
    expect(
      compareClients(c('a', false, '2024-01-02T00:00:00Z'), c('b', false, '2024-01-01T00:00:00Z')),
    ).to.be.lessThan(0);
    expect(
      compareClients(c('a', true, '2024-01-01T00:00:00Z'), c('b', true, '2024-01-02T00:00:00Z')),
    ).to.be.greaterThan(0);
  });
  it('compares times, not strings (offsets, missing milliseconds)', () => {
    // 11:00+02:00 is 09:00Z, earlier than 10:00Z although it sorts later as a string.
    expect(
      compareClients(
        c('a', false, '2024-01-01T10:00:00Z'),
        c('b', false, '2024-01-01T11:00:00+02:00'),
      ),
    ).to.be.lessThan(0);
    // Same instant in two formats: falls through to id.
    expect(
      compareClients(
        c('b', false, '2024-01-01T10:00:00Z'),
        c('a', false, '2024-01-01T10:00:00.000Z'),
      ),
    ).to.be.greaterThan(0);
    expect(
      compareClients(
        c('a', false, '2024-01-01T12:00:00+02:00'),
        c('b', false, '2024-01-01T10:00:00.000Z'),
      ),
    ).to.be.lessThan(0);
  });
  it('breaks ties by id ascending, and is 0 only for the same id', () => {
    expect(
      compareClients(c('a', false, '2024-01-01T00:00:00Z'), c('b', false, '2024-01-01T00:00:00Z')),
    ).to.be.lessThan(0);
    expect(
      compareClients(c('b', false, '2024-01-01T00:00:00Z'), c('a', false, '2024-01-01T00:00:00Z')),
    ).to.be.greaterThan(0);
    expect(
      compareClients(
        c('a', false, '2024-01-01T00:00:00Z', 'X'),
        c('a', false, '2024-01-01T00:00:00Z', 'Y'),
      ),
    ).to.equal(0);
  });
  it('is a total order consistent with the rule (property)', () => {
    fc.assert(
      fc.property(clientArb(), clientArb(), clientArb(), (a, b, d) => {
        const ab = compareClients(a, b);
        expect(sign(ab)).to.equal(-sign(compareClients(b, a)));
        // the rule, written out independently
        const expected =
          a.hasUnread !== b.hasUnread
            ? a.hasUnread
              ? -1
              : 1
            : Date.parse(a.lastActivityAt) !== Date.parse(b.lastActivityAt)
              ? Date.parse(a.lastActivityAt) > Date.parse(b.lastActivityAt)
                ? -1
                : 1
              : a.id === b.id
                ? 0
                : a.id < b.id
                  ? -1
                  : 1;
        expect(sign(ab)).to.equal(expected);
        if (ab <= 0 && compareClients(b, d) <= 0) expect(compareClients(a, d)).to.be.at.most(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sortClientsForList', () => {
  it('sorts by the rule and returns a new array', () => {
    const input = [
      c('r-old', false, '2024-01-01T00:00:00Z'),
      c('u-old', true, '2024-01-01T00:00:00Z'),
      c('r-new', false, '2024-03-01T00:00:00Z'),
      c('u-new', true, '2024-02-01T00:00:00Z'),
      c('r-new2', false, '2024-03-01T00:00:00Z'),
    ];
    const out = sortClientsForList(input);
    expect(ids(out)).to.deep.equal(['u-new', 'u-old', 'r-new', 'r-new2', 'r-old']);
    expect(out).to.not.equal(input);
    expect(ids(input)[0]).to.equal('r-old');
  });
  it('de-duplicates by id, the last one winning', () => {
    const first = c('a', true, '2024-05-01T00:00:00Z', 'first');
    const last = c('a', false, '2024-01-01T00:00:00Z', 'last');
    const out = sortClientsForList([first, c('b', false, '2024-02-01T00:00:00Z'), last]);
    expect(ids(out)).to.deep.equal(['b', 'a']);
    expect(out[1]).to.equal(last);
  });
  it('is sorted, unique, idempotent, keeps the last of each id and ignores input order (property)', () => {
    fc.assert(
      fc.property(fc.array(clientArb()), fc.func(fc.integer()), (list, rank) => {
        const out = sortClientsForList(list);
        for (let i = 1; i < out.length; i++)
          expect(compareClients(out[i - 1]!, out[i]!)).to.be.lessThan(0);
        expect(new Set(ids(out)).size).to.equal(out.length);
        expect(new Set(ids(out))).to.deep.equal(new Set(ids(list)));
        for (const x of out) expect(x).to.equal(list.findLast((y) => y.id === x.id));
        expect(sortClientsForList(out)).to.deep.equal(out);
        // any permutation of a duplicate-free list sorts to the same result
        const shuffled = [...out].sort((a, b) => rank(a.id) - rank(b.id));
        expect(sortClientsForList(shuffled)).to.deep.equal(out);
      }),
      { numRuns: 300 },
    );
  });
});

describe('upsertClient', () => {
  const list = sortClientsForList([
    c('a', true, '2024-02-01T00:00:00Z'),
    c('b', false, '2024-03-01T00:00:00Z'),
    c('c', false, '2024-01-01T00:00:00Z'),
  ]);
  it('inserts a new client at its sorted place without touching the input', () => {
    const out = upsertClient(list, c('d', false, '2024-02-01T00:00:00Z'));
    expect(ids(out)).to.deep.equal(['a', 'b', 'd', 'c']);
    expect(ids(list)).to.deep.equal(['a', 'b', 'c']);
  });
  it('moves a client that became unread to the top, replacing the old entry', () => {
    const updated = c('c', true, '2024-04-01T00:00:00Z');
    const out = upsertClient(list, updated);
    expect(ids(out)).to.deep.equal(['c', 'a', 'b']);
    expect(out[0]).to.equal(updated);
  });
  it('moves a client that was read down', () => {
    expect(ids(upsertClient(list, c('a', false, '2024-02-01T00:00:00Z')))).to.deep.equal([
      'b',
      'a',
      'c',
    ]);
  });
  it('works on an empty list and at both ends', () => {
    expect(ids(upsertClient([], c('x', false, '2024-01-01T00:00:00Z')))).to.deep.equal(['x']);
    expect(ids(upsertClient(list, c('z', false, '2020-01-01T00:00:00Z')))).to.deep.equal([
      'a',
      'b',
      'c',
      'z',
    ]);
  });
  it('equals sorting after inserting (property)', () => {
    fc.assert(
      fc.property(fc.array(clientArb()), clientArb(), (raw, client) => {
        const sorted = sortClientsForList(raw);
        expect(upsertClient(sorted, client)).to.deep.equal(sortClientsForList([...sorted, client]));
      }),
      { numRuns: 500 },
    );
  });
  it('upserts into 10,000 clients at the right place', () => {
    const big = sortClientsForList(
      Array.from({ length: 10000 }, (_, i) =>
        c('c' + i, i % 7 === 0, new Date(Date.UTC(2024, 0, 1) + i * 60000).toISOString()),
      ),
    );
    let l = big;
    for (let i = 0; i < 100; i++)
      l = upsertClient(l, c('c' + i * 37, true, new Date(Date.UTC(2025, 0, 1) + i).toISOString()));
    expect(l.length).to.equal(10000);
    expect(l[0]!.id).to.equal('c' + 99 * 37);
  });
});

describe('heldPlace and holdPlace (the open client keeps its row)', () => {
  const list = sortClientsForList([
    c('a', true, '2024-03-01T00:00:00Z'),
    c('open', true, '2024-02-01T00:00:00Z'),
    c('b', true, '2024-01-01T00:00:00Z'),
    c('r', false, '2024-04-01T00:00:00Z'),
  ]);
  const opened = list[1]!;
  const read = { ...opened, hasUnread: false };
  const sorted = upsertClient(list, read);
  it('keeps an open client that was read in the place it had among the unread, with its new summary', () => {
    expect(ids(sorted), 'sorted, it would move below the unread').to.deep.equal([
      'a',
      'b',
      'r',
      'open',
    ]);
    const place = heldPlace(heldPlace(undefined, opened), read);
    expect(place).to.equal(opened);
    const shown = holdPlace(sorted, place);
    expect(ids(shown)).to.deep.equal(['a', 'open', 'b', 'r']);
    expect(shown[1], 'the row shows the summary as it is now (no bubble)').to.equal(read);
  });
  it('moves an open client up on new activity, and keeps that place once read again', () => {
    const wrote = { ...read, hasUnread: true, lastActivityAt: '2024-05-01T00:00:00Z' };
    const place = heldPlace(heldPlace(opened, read), wrote);
    expect(place).to.equal(wrote);
    const readAgain = { ...wrote, hasUnread: false };
    const again = heldPlace(place, readAgain);
    expect(again).to.equal(wrote);
    expect(ids(holdPlace(upsertClient(sorted, readAgain), again))).to.deep.equal([
      'open',
      'a',
      'b',
      'r',
    ]);
  });
  it('returns the list itself when the client is in its place or not listed, and ignores another id', () => {
    expect(holdPlace(list, opened)).to.equal(list);
    expect(holdPlace(list, c('zz', true, '2030-01-01T00:00:00Z'))).to.equal(list);
    expect(heldPlace(opened, list[0]!)).to.equal(list[0]);
  });
  it('never puts the open client below its sorted place, and leaves the others in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(clientArb(), { minLength: 1 }),
        clientArb(),
        fc.nat(),
        (raw, before, k) => {
          const sortedList = sortClientsForList(raw);
          const now = sortedList[k % sortedList.length]!;
          const place = heldPlace({ ...before, id: now.id }, now);
          const shown = holdPlace(sortedList, place);
          expect(shown.length).to.equal(sortedList.length);
          expect(shown.indexOf(now)).to.be.at.most(sortedList.indexOf(now));
          const others = (l: readonly ClientSummary[]) => ids(l.filter((x) => x !== now));
          expect(others(shown)).to.deep.equal(others(sortedList));
        },
      ),
      { numRuns: 300 },
    );
  });
});
