import { expect } from '@open-wc/testing';
import { BlockReason } from '../../src/core/types.js';

describe('toolchain', () => {
  it('runs TypeScript in the browser', () => {
    expect(BlockReason.negativeReview).to.equal('negative_review');
  });
});
