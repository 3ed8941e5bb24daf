/**
 * `dm-widgets/conformance`: proves a server against every rule of the dm API the widgets rely on.
 *
 *     import { verify } from 'dm-widgets/conformance';
 *     const report = await verify({ baseUrl: 'http://localhost:8787/api/dm', clientId: 'c-dana', hooks: './dm-hooks.mjs' });
 *     if (report.failed) throw new Error(`${report.failed} rules failed`);
 */
export { verify, allRules } from './verify.js';
export { formatResult, formatTotals } from './format.js';
export { Contract } from './contract.js';
export {
  VerifyAbort,
  HOOK_NAMES,
  type DmHooks,
  type HookName,
  type HooksContext,
  type HooksModule,
  type AdvisorStatusName,
  type VerifyOptions,
  type VerifyReport,
  type RuleResult,
  type RuleStatus,
  type Evidence,
} from './types.js';
