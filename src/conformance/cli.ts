/**
 * `npx dm-widgets-verify <base-url> [--header "K: V"]... [--client ID] [--hooks FILE] [--json FILE] [--verbose]`
 * Exit 0: every rule passed (or was skipped); 1: a rule failed; 2: the run could not go on.
 */
import { writeFileSync } from 'node:fs';
import { verify } from './verify.js';
import { formatResult, formatTotals } from './format.js';
import { Redactor } from './http.js';
import { VerifyAbort, type VerifyOptions } from './types.js';

const USAGE = `Usage: dm-widgets-verify <base-url> [--header "Name: value"]... [--client ID] [--hooks ./dm-hooks.mjs] [--json report.json] [--verbose]

  <base-url>        the API's base URL, e.g. https://staging.example.com/api/dm
  --header "K: V"   a header sent with every request (credentials); repeatable; never printed
  --client ID       the one client the run may write to (messages, a read mark); without it, no sends
  --hooks FILE      a module with clientWrites, clientOrders, negativeReview, setAdvisorStatus, reset
  --json FILE       also write the report as JSON (credentials redacted)
  --timeout MS      longest wait for one answer (default 10000)
  --verbose         stack traces for errors that stop the run

Exit code: 0 every rule passed, 1 a rule failed, 2 the run could not go on.`;

interface Args extends VerifyOptions {
  json: string | null;
  verbose: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    baseUrl: '',
    headers: {},
    clientId: null,
    hooks: null,
    json: null,
    verbose: false,
  };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && flag !== '--header'))
      throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const take = () => (inline !== undefined ? inline : value(i++, flag));
    switch (flag) {
      case '--header': {
        const h = take();
        const colon = h.indexOf(':');
        if (colon <= 0) throw new UsageError('--header takes "Name: value"');
        args.headers![h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
        break;
      }
      case '--client':
        args.clientId = take();
        break;
      case '--hooks':
        args.hooks = take();
        break;
      case '--json':
        args.json = take();
        break;
      case '--timeout':
        args.timeoutMs = Number(take());
        if (!(args.timeoutMs > 0)) throw new UsageError('--timeout takes milliseconds');
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (args.baseUrl) throw new UsageError(`one base URL only (got ${args.baseUrl} and ${a})`);
        args.baseUrl = a;
    }
  }
  if (!args.baseUrl) throw new UsageError('give the base URL of the API');
  return args;
}

/** Runs the CLI; resolves with the exit code. `out` / `err` default to the process's streams. */
export async function main(
  argv: string[],
  io: { out?: (line: string) => void; err?: (line: string) => void } = {},
): Promise<number> {
  const out = io.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = io.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) err(`dm-widgets-verify: ${error.message}`);
      err(USAGE);
      return 2;
    }
    throw error;
  }
  const redactor = new Redactor(args.headers ?? {});
  try {
    const report = await verify({
      ...args,
      onPlan: (lines) => {
        for (const l of lines) out(l);
        out('');
      },
      onResult: (r) => out(formatResult(r)),
    });
    out('');
    out(`${report.results.length} rules in ${(report.durationMs / 1000).toFixed(1)} s`);
    out(formatTotals(report));
    if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    return report.failed ? 1 : 0;
  } catch (error) {
    const message =
      error instanceof VerifyAbort
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    err(redactor.redact(`dm-widgets-verify: cannot run: ${message}`));
    if (args.verbose) {
      const detail = error instanceof VerifyAbort ? (error.detail ?? error) : error;
      err(
        redactor.redact(
          detail instanceof Error ? (detail.stack ?? String(detail)) : String(detail),
        ),
      );
    }
    return 2;
  }
}

/** The bin's entry: runs with process.argv and exits. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
