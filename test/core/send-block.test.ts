import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  eligibilityAfterAdvisorSend,
  eligibilityAfterClientActivity,
  eligibilityForAdvisorStatus,
  isOneMessageLeft,
  messagesLeft,
  sendBlockReason,
} from '../../src/core/send-block.js';
import { AdvisorStatus } from '../../src/core/types.js';
import type { BlockReason, Eligibility } from '../../src/core/types.js';
import { describe, eligibilityArb, it } from './support.js';

const statuses = Object.values(AdvisorStatus);
const ADVISOR: Record<AdvisorStatus, BlockReason | null> = {
  active: null,
  suspended: 'advisor_suspended',
  rejected: 'advisor_rejected',
  needs_improvement: 'advisor_needs_improvement',
};
type Facts = { advisorStatus: AdvisorStatus; hasNegativeReview: boolean; consecutiveSent: number };
/** The rule written out independently: the eligibility that the server would report for these facts. */
const model = (f: Facts): Eligibility => {
  const reason =
    ADVISOR[f.advisorStatus] ??
    (f.hasNegativeReview ? 'negative_review' : f.consecutiveSent >= 5 ? 'consecutive_limit' : null);
  return {
    canSend: reason === null,
    reason,
    consecutiveSent: f.consecutiveSent,
    consecutiveLimit: 5,
  };
};
const factsArb = fc.record({
  advisorStatus: fc.constantFrom(...statuses),
  hasNegativeReview: fc.boolean(),
  consecutiveSent: fc.integer({ min: 0, max: 9 }),
});
const open = (consecutiveSent = 0): Eligibility => ({
  canSend: true,
  reason: null,
  consecutiveSent,
  consecutiveLimit: 5,
});

describe('sendBlockReason', () => {
  const table: Array<[AdvisorStatus, boolean, number, BlockReason | null]> = [
    ['active', false, 0, null],
    ['active', false, 4, null],
    ['active', false, 5, 'consecutive_limit'],
    ['active', false, 6, 'consecutive_limit'],
    ['active', true, 0, 'negative_review'],
    ['active', true, 5, 'negative_review'],
    ['needs_improvement', true, 5, 'advisor_needs_improvement'],
    ['needs_improvement', false, 0, 'advisor_needs_improvement'],
    ['rejected', true, 5, 'advisor_rejected'],
    ['rejected', false, 0, 'advisor_rejected'],
    ['suspended', true, 5, 'advisor_suspended'],
    ['suspended', false, 0, 'advisor_suspended'],
  ];
  for (const [advisorStatus, hasNegativeReview, consecutiveSent, expected] of table) {
    it(`${advisorStatus}, negative review ${hasNegativeReview}, ${consecutiveSent} sent → ${expected}`, () => {
      expect(sendBlockReason({ advisorStatus, hasNegativeReview, consecutiveSent })).to.equal(
        expected,
      );
    });
  }
  it('honours a custom limit', () => {
    const f = { advisorStatus: 'active' as const, hasNegativeReview: false };
    expect(sendBlockReason({ ...f, consecutiveSent: 2, consecutiveLimit: 3 })).to.equal(null);
    expect(sendBlockReason({ ...f, consecutiveSent: 3, consecutiveLimit: 3 })).to.equal(
      'consecutive_limit',
    );
  });
  it('follows the precedence for every combination (exhaustive)', () => {
    for (const advisorStatus of statuses)
      for (const hasNegativeReview of [false, true])
        for (let consecutiveSent = 0; consecutiveSent <= 7; consecutiveSent++)
          expect(sendBlockReason({ advisorStatus, hasNegativeReview, consecutiveSent })).to.equal(
            model({ advisorStatus, hasNegativeReview, consecutiveSent }).reason,
          );
  });
});

describe('eligibility transitions', () => {
  it('the 5th send in a row blocks at once, and the 4th leaves one message', () => {
    let e = open();
    for (let i = 1; i <= 4; i++) {
      e = eligibilityAfterAdvisorSend(e);
      expect(e).to.deep.equal(open(i));
    }
    expect(messagesLeft(e)).to.equal(1);
    expect(isOneMessageLeft(e)).to.equal(true);
    e = eligibilityAfterAdvisorSend(e);
    expect(e).to.deep.equal({
      canSend: false,
      reason: 'consecutive_limit',
      consecutiveSent: 5,
      consecutiveLimit: 5,
    });
    expect(messagesLeft(e)).to.equal(0);
    expect(isOneMessageLeft(e)).to.equal(false);
  });
  it('a send keeps a stronger reason', () => {
    const e: Eligibility = {
      canSend: false,
      reason: 'negative_review',
      consecutiveSent: 4,
      consecutiveLimit: 5,
    };
    expect(eligibilityAfterAdvisorSend(e)).to.deep.equal({ ...e, consecutiveSent: 5 });
  });
  it('client activity resets the count and lifts only consecutive_limit', () => {
    const limited: Eligibility = {
      canSend: false,
      reason: 'consecutive_limit',
      consecutiveSent: 5,
      consecutiveLimit: 5,
    };
    expect(eligibilityAfterClientActivity(limited)).to.deep.equal(open(0));
    const review: Eligibility = {
      canSend: false,
      reason: 'negative_review',
      consecutiveSent: 5,
      consecutiveLimit: 5,
    };
    expect(eligibilityAfterClientActivity(review)).to.deep.equal({ ...review, consecutiveSent: 0 });
    const suspended: Eligibility = {
      canSend: false,
      reason: 'advisor_suspended',
      consecutiveSent: 3,
      consecutiveLimit: 5,
    };
    expect(eligibilityAfterClientActivity(suspended)).to.deep.equal({
      ...suspended,
      consecutiveSent: 0,
    });
    expect(eligibilityAfterClientActivity(open(3))).to.deep.equal(open(0));
  });
  it('advisor status: blocks, and on reactivation falls back to the count', () => {
    expect(eligibilityForAdvisorStatus(open(2), 'suspended')).to.deep.equal({
      ...open(2),
      canSend: false,
      reason: 'advisor_suspended',
    });
    const review: Eligibility = {
      canSend: false,
      reason: 'negative_review',
      consecutiveSent: 0,
      consecutiveLimit: 5,
    };
    expect(eligibilityForAdvisorStatus(review, 'rejected').reason).to.equal('advisor_rejected');
    const susp = (n: number): Eligibility => ({
      canSend: false,
      reason: 'advisor_suspended',
      consecutiveSent: n,
      consecutiveLimit: 5,
    });
    expect(eligibilityForAdvisorStatus(susp(2), 'active')).to.deep.equal(open(2));
    expect(eligibilityForAdvisorStatus(susp(5), 'active')).to.deep.equal({
      ...susp(5),
      reason: 'consecutive_limit',
    });
    expect(eligibilityForAdvisorStatus(susp(2), 'needs_improvement').reason).to.equal(
      'advisor_needs_improvement',
    );
    // active while not advisor-blocked: unchanged (same object)
    expect(eligibilityForAdvisorStatus(review, 'active')).to.equal(review);
  });
  it('messagesLeft never goes below 0; isOneMessageLeft needs canSend', () => {
    expect(messagesLeft(open(0))).to.equal(5);
    expect(messagesLeft({ ...open(8), canSend: false, reason: 'consecutive_limit' })).to.equal(0);
    expect(isOneMessageLeft({ ...open(4), canSend: false, reason: 'negative_review' })).to.equal(
      false,
    );
    expect(isOneMessageLeft(open(3))).to.equal(false);
  });
  it('transitions agree with recomputing from the facts (property)', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...statuses), (f, status) => {
        const e = model(f);
        expect(eligibilityAfterAdvisorSend(e)).to.deep.equal(
          model({ ...f, consecutiveSent: f.consecutiveSent + 1 }),
        );
        expect(eligibilityAfterClientActivity(e)).to.deep.equal(
          model({ ...f, consecutiveSent: 0 }),
        );
        const after = eligibilityForAdvisorStatus(e, status);
        if (status !== 'active')
          expect(after).to.deep.equal(model({ ...f, advisorStatus: status }));
        else if (f.advisorStatus !== 'active')
          // the negative review is unknown after an advisor block; the caller refetches
          expect(after).to.deep.equal(
            model({ ...f, advisorStatus: 'active', hasNegativeReview: false }),
          );
        else expect(after).to.deep.equal(e);
        expect(messagesLeft(e)).to.equal(Math.max(0, 5 - f.consecutiveSent));
        expect(isOneMessageLeft(e)).to.equal(e.canSend && f.consecutiveSent === 4);
      }),
      { numRuns: 500 },
    );
  });
  it('never produces an inconsistent eligibility (property)', () => {
    const step = fc.oneof(
      fc.constant((e: Eligibility) => eligibilityAfterAdvisorSend(e)),
      fc.constant((e: Eligibility) => eligibilityAfterClientActivity(e)),
      fc
        .constantFrom(...statuses)
        .map((s) => (e: Eligibility) => eligibilityForAdvisorStatus(e, s)),
    );
    fc.assert(
      fc.property(eligibilityArb, fc.array(step, { maxLength: 20 }), (start, steps) => {
        const e = steps.reduce((acc, f) => f(acc), start);
        expect(e.canSend).to.equal(e.reason === null);
        if (e.reason === null) expect(e.consecutiveSent).to.be.lessThan(e.consecutiveLimit);
      }),
    );
  });
});
