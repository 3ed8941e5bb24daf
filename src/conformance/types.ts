/** The conformance kit's public types: options, hooks, the report. */

/** An advisor status, as `setAdvisorStatus` receives it. */
export type AdvisorStatusName = 'active' | 'suspended' | 'rejected' | 'needs_improvement';

/**
 * What the kit cannot do through the API: the client's side of the conversation and the advisor's
 * status. A host writes these for its staging server (each may return a promise). A rule whose
 * hook is missing is reported `skipped (needs hook …)`, never passed.
 */
export interface DmHooks {
  /** The client sends `text` to the advisor now (a message from the client's side). */
  clientWrites?(clientId: string, text: string): unknown;
  /** The client places an order now (any type; it must show in the feed and reset the consecutive count). */
  clientOrders?(clientId: string): unknown;
  /** `true`: the client has left a negative review (sending becomes blocked); `false`: no negative review any more. */
  negativeReview?(clientId: string, on: boolean): unknown;
  /** The signed-in advisor's status becomes `status`. */
  setAdvisorStatus?(status: AdvisorStatusName): unknown;
  /** Optional: brings the staging data back to a known state; called once, before the first rule. */
  reset?(): unknown;
}

export type HookName = keyof DmHooks;
export const HOOK_NAMES: readonly HookName[] = [
  'clientWrites',
  'clientOrders',
  'negativeReview',
  'setAdvisorStatus',
  'reset',
];

/** What a hooks module's default-exported factory receives. */
export interface HooksContext {
  /** The base URL being verified. */
  baseUrl: string;
  /** The client the run writes to (`--client`), or null. */
  clientId: string | null;
}

/**
 * A hooks module (`--hooks ./dm-hooks.mjs`) exports the hooks as named functions, or as a default
 * object, or as a default function `(context) => hooks` (may be async).
 */
export type HooksModule =
  DmHooks | { default: DmHooks | ((context: HooksContext) => DmHooks | Promise<DmHooks>) };

export interface VerifyOptions {
  /** The API's base URL, e.g. `https://staging.example.com/api/dm`. */
  baseUrl: string;
  /** Headers sent with every request (credentials); never printed nor stored. */
  headers?: Record<string, string>;
  /** The one client the run writes to. Without it, the rules that write are skipped. */
  clientId?: string | null;
  /** The hooks, or the path / specifier of a hooks module. */
  hooks?: DmHooks | string | null;
  /** Longest wait for one answer (default 10,000 ms): a slower answer stops the run. */
  timeoutMs?: number;
  /** Longest silence a stream may keep before a keep-alive is due (default 16,000 ms: 15 s and a margin). */
  keepAliveMs?: number;
  /** Called with each rule's result as soon as it is known (the CLI prints it). */
  onResult?: (result: RuleResult) => void;
  /** Called with the run's plan (what it will write) before the first request. */
  onPlan?: (lines: string[]) => void;
}

export type RuleStatus = 'pass' | 'fail' | 'skip';

/** One piece of evidence of a failure. */
export interface Evidence {
  /** The request (method and URL, and the body when it matters); credentials redacted. */
  request: string;
  /** What the rule wants. */
  wants: string;
  /** What came back. */
  got: string;
}

export interface RuleResult {
  id: string;
  /** The rule in a backend developer's words. */
  name: string;
  status: RuleStatus;
  /** Why it was skipped, e.g. `needs hook clientWrites`. */
  skipReason?: string;
  evidence: Evidence[];
  durationMs: number;
}

export interface VerifyReport {
  baseUrl: string;
  clientId: string | null;
  hooks: HookName[];
  plan: string[];
  startedAt: string;
  durationMs: number;
  results: RuleResult[];
  passed: number;
  failed: number;
  skipped: number;
}

/** The run could not go on (unreachable server, HTML answers, TLS, a timeout, a broken hooks file): exit code 2. */
export class VerifyAbort extends Error {
  constructor(
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'VerifyAbort';
  }
}
