// The package's contract: docs/api.md agrees with it, and it states the rules issue 17 found
// living only in the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../../scripts/entries.mjs';
import { render } from '../../scripts/api-docs.mjs';

const text = readFileSync(resolve(ROOT, 'contract/dm-api.openapi.yaml'), 'utf8');
const spec = parse(text);

describe('the contract in the package', () => {
  it('is version 1.1 with every path, the 1.1 parameters and events', () => {
    assert.equal(spec.info.version, '1.1.0');
    for (const p of [
      '/me',
      '/clients',
      '/clients/{clientId}',
      '/clients/{clientId}/feed',
      '/clients/{clientId}/messages',
      '/clients/{clientId}/search',
      '/clients/{clientId}/typing',
      '/clients/{clientId}/send-eligibility',
      '/clients/{clientId}/read',
      '/orders/{orderId}',
      '/unread',
      '/presence',
      '/events',
    ]) {
      assert.ok(spec.paths[p], p);
    }
    const feed = spec.paths['/clients/{clientId}/feed'].get;
    assert.deepEqual(
      feed.parameters.map((p) => p.name),
      ['type', 'before', 'after', 'around', 'limit'],
    );
    const page = feed.responses['200'].content['application/json'].schema.properties;
    assert.ok(page.newerCursor && page.clientReadAt);
    assert.deepEqual(Object.keys(spec.paths['/events'].get['x-dm-events']), [
      'feed-item',
      'client',
      'eligibility',
      'advisor',
      'client-read',
      'typing',
    ]);
  });

  it('states the rules that lived only in the code', () => {
    for (const [rule, pattern] of [
      ['timestamps carry Z or an offset', /carry `Z` or a numeric\s+offset/],
      ['reason null exactly when canSend', /`reason` is null exactly when `canSend` is true/],
      ['integers', /are JSON integers/],
      ['one malformed item rejects its page', /One malformed item rejects its whole page/],
      ['403 reason at the top level', /`reason` at the top level/],
      ['409/422 are bad requests', /\(400, 409, 422, \.\.\.\) is treated as 400/],
      ['2,000 code points after trimming', /2,000 Unicode code points[\s\S]{0,80}once\s+trimmed/],
      ['idempotency key format', /crypto\.randomUUID\(\)/],
      ['idempotency key scope', /Scope: per client/],
      ['idempotency key retention', /survives page reloads[\s\S]{0,200}keep every key/],
      ['same key, other body', /same key with another body answers 200/],
      ['before takes olderCursor', /`before` takes an `olderCursor`/],
      ['limit default and maximum', /integer from 1 to 200 \(default 50; 20 for search\)/],
      ['cursors valid while the list re-orders', /A cursor stays valid while the list changes/],
      ['upTo is an item id', /`upTo` is the `id` of an item/],
      ['event ids are opaque', /Event ids are opaque strings/],
      ['keep-alive', /`: ping`\) at least every 15 s/],
      ['reload after reconnect', /reloads the newest pages it shows/],
      [
        'CORS',
        /Access-Control-Allow-Headers` listing `Authorization`,\s+`Content-Type`, `Last-Event-ID`/,
      ],
      ['CORS credentials', /Access-Control-Allow-Credentials: true/],
    ]) {
      assert.match(text, pattern, rule);
    }
  });

  it('docs/api.md agrees with it (its tables are generated: node scripts/api-docs.mjs)', () => {
    const doc = readFileSync(resolve(ROOT, 'docs/api.md'), 'utf8');
    assert.equal(
      render(doc, spec),
      doc,
      'docs/api.md is out of date: run node scripts/api-docs.mjs',
    );
    assert.match(doc, /`GET \/clients\/\{clientId\}\/search\?q&cursor&limit`.*\| 1\.1 \|/);
  });
});
