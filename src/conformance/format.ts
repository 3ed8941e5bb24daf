/** The CLI's text: one line per rule, evidence under a failure, the totals last. */
import type { RuleResult, VerifyReport } from './types.js';

const LABEL = { pass: 'pass   ', fail: 'FAIL   ', skip: 'skipped' } as const;

export function formatResult(r: RuleResult): string {
  const head = `${LABEL[r.status]}  ${r.name}${r.status === 'skip' && r.skipReason ? ` (${r.skipReason})` : ''}`;
  if (r.status !== 'fail') return head;
  const lines = [head];
  for (const e of r.evidence) {
    lines.push(
      `         request: ${e.request}`,
      `         wants:   ${e.wants}`,
      `         got:     ${e.got}`,
    );
  }
  return lines.join('\n');
}

export function formatTotals(report: Pick<VerifyReport, 'passed' | 'failed' | 'skipped'>): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}
