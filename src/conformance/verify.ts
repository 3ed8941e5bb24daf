/**
 * `verify(options)`: runs every rule against a server, in order, and returns the report. Throws
 * {@link VerifyAbort} when the run cannot go on (the CLI's exit code 2).
 */
import { Contract } from './contract.js';
import { RuleFail, RuleSkip, RunContext, type Rule } from './context.js';
import { Http, Redactor, describeAnswer } from './http.js';
import { checkHooks, loadHooks } from './hooks.js';
import { basicRules } from './rules/basics.js';
import { clientRules } from './rules/clients.js';
import { feedRules } from './rules/feed.js';
import { sendRules } from './rules/send.js';
import { readRules } from './rules/read.js';
import { searchRules } from './rules/search.js';
import { eventRules, watchKeepAlive } from './rules/events.js';
import { aggregateRules } from './rules/aggregate.js';
import { SseConnection } from './sse.js';
import {
  HOOK_NAMES,
  VerifyAbort,
  type DmHooks,
  type HookName,
  type RuleResult,
  type VerifyOptions,
  type VerifyReport,
} from './types.js';

const byId = (rules: Rule[]) => new Map(rules.map((r) => [r.id, r]));

/** The rules in the order they run: reads first, then the writes to --client, then what is judged over the whole run. */
export function allRules(keepAlive: () => Promise<string | null> = async () => null): Rule[] {
  const r = byId([
    ...basicRules,
    ...clientRules,
    ...feedRules,
    ...sendRules,
    ...readRules,
    ...searchRules,
    ...eventRules,
  ]);
  const order = [
    'me',
    'auth-401',
    'errors-json',
    'not-found',
    'clients-order',
    'clients-walk',
    'clients-q',
    'client-summary',
    'feed-oldest-first',
    'feed-walk',
    'feed-type',
    'feed-limit',
    'feed-around',
    'feed-after',
    'feed-around-errors',
    'feed-client-read-at',
    'order-detail',
    'search-newest-first',
    'search-walk',
    'search-errors',
    'presence',
    'events-stream',
    'typing',
    'send-201',
    'events-send',
    'send-repeat-200',
    'send-one-copy',
    'send-bad-body',
    'send-bad-key',
    'send-code-points',
    'events-replay',
    'consecutive-count',
    'blocked-403',
    'reset-by-message',
    'events-client',
    'read-clears',
    'read-errors',
    'reset-by-order',
    'events-advisor',
    'precedence',
  ];
  const missing = [...r.keys()].filter((id) => !order.includes(id));
  if (missing.length) throw new Error(`rules not in the run order: ${missing.join(', ')}`);
  return [...order.map((id) => r.get(id)!), ...aggregateRules(keepAlive)];
}

/** Rules that read one client's data (skipped when there is no client at all). */
const READS = /^(feed-|search-|order-detail|client-summary|clients-q|errors-json|auth-401)/;

function planLines(
  baseUrl: string,
  version: string,
  clientId: string | null,
  hooks: HookName[],
  hooksFrom: string | null,
): string[] {
  const lines = [`dm-widgets-verify: contract ${version} against ${baseUrl}`];
  if (clientId) {
    lines.push(
      `Writes only to client ${clientId}: about 20 advisor messages (each text starts "dm-widgets-verify"), a read mark, a typing signal; and PUT /presence. Nothing is deleted.`,
    );
  } else {
    lines.push(
      'Writes: no client given (--client ID), so the rules that send are skipped; PUT /presence only. Nothing is deleted.',
    );
  }
  if (hooks.length) {
    const acts = [
      hooks.includes('clientWrites') && 'the client writes',
      hooks.includes('clientOrders') && 'the client orders',
      hooks.includes('negativeReview') && 'a negative review is left and removed',
      hooks.includes('setAdvisorStatus') &&
        "the advisor's status changes and is set back to active",
      hooks.includes('reset') && 'reset() is called once, first',
    ].filter(Boolean);
    lines.push(
      `Hooks${hooksFrom ? ` (${hooksFrom})` : ''}: ${hooks.join(', ')}: ${acts.join('; ')}.`,
    );
  } else
    lines.push(
      "Hooks: none (--hooks FILE): the rules that need the client's side or the advisor's status are skipped.",
    );
  return lines;
}

/** Checks the base URL answers the contract at all; else stops the run with one clear line. */
async function probe(http: Http): Promise<void> {
  const x = await http.get('/me');
  const looksHtml = /html/i.test(x.contentType) || /^\s*<(!doctype|html|head|body)/i.test(x.text);
  if (looksHtml)
    throw new VerifyAbort(
      `GET ${http.url('/me')} answered HTML (${x.status}), not JSON: is the base URL right? It must point at the API, e.g. https://example.com/api/dm`,
    );
  if (x.status === 401)
    throw new VerifyAbort(
      `GET ${http.url('/me')} answered 401: give the credentials with --header "Authorization: Bearer …" (or a Cookie header)`,
    );
  if (x.status === 404)
    throw new VerifyAbort(
      `GET ${http.url('/me')} answered 404: is the base URL right? (${describeAnswer(x, 80)})`,
    );
  if (x.status >= 300 && x.status < 400)
    throw new VerifyAbort(
      `GET ${http.url('/me')} answered a redirect (${x.status}) to ${x.headers.get('location') ?? '?'}: give the final URL`,
    );
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const started = Date.now();
  let baseUrl: string;
  try {
    baseUrl = new URL(options.baseUrl).href.replace(/\/+$/, '');
  } catch {
    throw new VerifyAbort(
      `not a URL: ${options.baseUrl} (give the API's base URL, e.g. http://localhost:8787/api/dm)`,
    );
  }
  const headers = options.headers ?? {};
  const redactor = new Redactor(headers);
  const clientId = options.clientId ?? null;
  const contract = new Contract();
  const http = new Http(baseUrl, headers, options.timeoutMs ?? 10_000);
  const hooksFrom = typeof options.hooks === 'string' ? options.hooks : null;
  const hooks: DmHooks =
    typeof options.hooks === 'string'
      ? await loadHooks(options.hooks, { baseUrl, clientId })
      : options.hooks
        ? checkHooks(options.hooks, 'given to verify()')
        : {};
  const hookNames = HOOK_NAMES.filter((n) => typeof hooks[n] === 'function');
  const plan = planLines(baseUrl, contract.version, clientId, hookNames, hooksFrom).map((l) =>
    redactor.redact(l),
  );
  options.onPlan?.(plan);

  await probe(http);
  if (hooks.reset) {
    try {
      await hooks.reset();
    } catch (error) {
      throw new VerifyAbort(
        `the hook reset() threw: ${error instanceof Error ? error.message : String(error)}`,
        error,
      );
    }
  }
  const stream = await SseConnection.open(http);
  const keepAlive = watchKeepAlive({ http }, options.keepAliveMs ?? 16_000);
  const token = Math.random().toString(36).slice(2, 8);
  const ctx = new RunContext(http, contract, hooks, clientId, token, stream);
  const results: RuleResult[] = [];
  try {
    if (clientId) {
      const x = await http.get(`/clients/${encodeURIComponent(clientId)}`);
      if (x.status === 404)
        throw new VerifyAbort(
          `--client ${clientId}: GET /clients/${clientId} answered 404 (no such client)`,
        );
      ctx.readClient = clientId;
    } else {
      const x = await http.get('/clients?limit=1');
      ctx.readClient =
        (x.json as { clients?: Array<{ id?: string }> } | undefined)?.clients?.[0]?.id ?? '';
    }
    for (const rule of allRules(() => keepAlive.verdict)) {
      const t0 = Date.now();
      const result: RuleResult = {
        id: rule.id,
        name: rule.name,
        status: 'pass',
        evidence: [],
        durationMs: 0,
      };
      const missing = (rule.needs ?? []).filter((n) =>
        n === 'client' ? !clientId : typeof hooks[n] !== 'function',
      );
      const needsClient = missing.includes('client');
      const needsHooks = missing.filter((n) => n !== 'client');
      if (needsClient || needsHooks.length) {
        result.status = 'skip';
        result.skipReason = needsClient
          ? 'needs --client'
          : `needs hook${needsHooks.length > 1 ? 's' : ''} ${needsHooks.join(', ')}`;
      } else if (!ctx.readClient && READS.test(rule.id)) {
        result.status = 'skip';
        result.skipReason = 'no client to read (the list is empty)';
      } else {
        try {
          await rule.run(ctx);
        } catch (error) {
          if (error instanceof RuleSkip) {
            result.status = 'skip';
            result.skipReason = error.reason;
          } else if (error instanceof RuleFail) {
            result.status = 'fail';
            result.evidence = error.evidence;
          } else if (error instanceof VerifyAbort) {
            throw error;
          } else {
            result.status = 'fail';
            result.evidence = [
              {
                request: '(while checking this rule)',
                wants: 'answers the kit can read',
                got: `the kit could not read an answer: ${error instanceof Error ? error.message : String(error)}`,
              },
            ];
          }
        }
      }
      result.durationMs = Date.now() - t0;
      const safe = redactor.redactDeep(result);
      results.push(safe);
      options.onResult?.(safe);
    }
  } finally {
    keepAlive.stop();
    stream.close();
  }
  const count = (s: RuleResult['status']) => results.filter((r) => r.status === s).length;
  return redactor.redactDeep({
    baseUrl,
    clientId,
    hooks: hookNames,
    plan,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    results,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
  });
}
