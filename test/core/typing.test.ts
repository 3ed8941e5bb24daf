import { expect } from '@open-wc/testing';
import { TYPING_REPORT_MS, typingEnd, typingReportDue } from '../../src/core/typing.js';
import { describe, iso, it } from './support.js';

const T = Date.UTC(2024, 4, 1, 10);

describe('typingEnd', () => {
  it('is the time of until, when it is ahead', () => {
    expect(typingEnd(iso(T + 6000), T)).to.equal(T + 6000);
    expect(typingEnd(iso(T + 6000, 2), T)).to.equal(T + 6000);
  });
  it('ignores an until that is now, past, or not a date', () => {
    for (const until of [iso(T), iso(T - 1), 'soon', '', '2024-13-45T00:00:00Z'])
      expect(typingEnd(until, T), until).to.equal(null);
  });
});

describe('typingReportDue', () => {
  it('reports the first edit with text', () => {
    expect(typingReportDue('H', T, null)).to.equal(true);
  });
  it('never reports an empty box (spaces and new lines are empty)', () => {
    for (const text of ['', ' ', '\n\t ']) {
      expect(typingReportDue(text, T, null)).to.equal(false);
      expect(typingReportDue(text, T + 60_000, T)).to.equal(false);
    }
  });
  it('reports at most once every 3 s', () => {
    expect(TYPING_REPORT_MS).to.equal(3000);
    expect(typingReportDue('Hello', T + 1, T)).to.equal(false);
    expect(typingReportDue('Hello', T + 2999, T)).to.equal(false);
    expect(typingReportDue('Hello', T + 3000, T)).to.equal(true);
  });
  it('a steady typist over 10 s is reported 4 times (at 0, 3, 6 and 9 s)', () => {
    let last: number | null = null;
    const reports: number[] = [];
    for (let ms = 0; ms <= 10_000; ms += 250) {
      if (typingReportDue('x'.repeat(ms / 250 + 1), T + ms, last)) {
        last = T + ms;
        reports.push(ms);
      }
    }
    expect(reports).to.deep.equal([0, 3000, 6000, 9000]);
  });
  it('reports again when the clock went back (the last report is not in the future)', () => {
    expect(typingReportDue('x', T, T + 60_000)).to.equal(true);
  });
});
