import type { AdvisorStatus, BlockReason, Eligibility } from './types.js';

const ADVISOR_REASON: Record<AdvisorStatus, BlockReason | null> = {
  active: null,
  suspended: 'advisor_suspended',
  rejected: 'advisor_rejected',
  needs_improvement: 'advisor_needs_improvement',
};

/** Why sending is blocked, by precedence: advisor status > negative review > consecutive limit (default 5, blocked at sent >= limit); null when allowed. */
export function sendBlockReason(facts: {
  advisorStatus: AdvisorStatus;
  hasNegativeReview: boolean;
  consecutiveSent: number;
  consecutiveLimit?: number;
}): BlockReason | null {
  const { consecutiveLimit = 5 } = facts;
  return (
    ADVISOR_REASON[facts.advisorStatus] ??
    (facts.hasNegativeReview
      ? 'negative_review'
      : facts.consecutiveSent >= consecutiveLimit
        ? 'consecutive_limit'
        : null)
  );
}

/** Eligibility after the advisor sent one message: count +1, and the send that reaches the limit blocks at once. */
export function eligibilityAfterAdvisorSend(e: Eligibility): Eligibility {
  const consecutiveSent = e.consecutiveSent + 1;
  return e.reason && e.reason !== 'consecutive_limit'
    ? { ...e, consecutiveSent }
    : consecutiveSent >= e.consecutiveLimit
      ? { ...e, consecutiveSent, canSend: false, reason: 'consecutive_limit' }
      : { ...e, consecutiveSent };
}

/** Eligibility after a client message or order: count 0, and a `consecutive_limit` block is lifted (other reasons stay). */
export function eligibilityAfterClientActivity(e: Eligibility): Eligibility {
  return e.reason === 'consecutive_limit'
    ? { ...e, consecutiveSent: 0, canSend: true, reason: null }
    : { ...e, consecutiveSent: 0 };
}

/** Eligibility after the advisor's status changed; lifting an advisor block cannot know about negative reviews, so callers refetch. */
export function eligibilityForAdvisorStatus(e: Eligibility, status: AdvisorStatus): Eligibility {
  const reason = ADVISOR_REASON[status];
  if (reason) return e.reason === reason && !e.canSend ? e : { ...e, canSend: false, reason };
  if (!e.reason?.startsWith('advisor_')) return e;
  return e.consecutiveSent >= e.consecutiveLimit
    ? { ...e, canSend: false, reason: 'consecutive_limit' }
    : { ...e, canSend: true, reason: null };
}

/** How many more messages in a row the advisor may send before the limit (never below 0). */
export function messagesLeft(e: Eligibility): number {
  return Math.max(0, e.consecutiveLimit - e.consecutiveSent);
}

/** Whether sending is allowed and exactly one message is left before the consecutive limit. */
export function isOneMessageLeft(e: Eligibility): boolean {
  return e.canSend && messagesLeft(e) === 1;
}
