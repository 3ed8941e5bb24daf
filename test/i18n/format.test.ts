import { expect } from '@open-wc/testing';
import { formatDay, formatRelative } from '../../src/i18n/format.js';

const NOW = Date.parse('2026-11-24T12:00:00');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('formatRelative', () => {
  it('says minutes, hours and days for the last week', () => {
    expect(formatRelative(ago(5 * MIN), 'en', NOW)).to.equal('5 min. ago');
    expect(formatRelative(ago(3 * 60 * MIN), 'en', NOW)).to.equal('3 hr. ago');
    expect(formatRelative(ago(DAY), 'en', NOW)).to.equal('yesterday');
  });

  it("counts days in calendar days, as the feed's day separators do", () => {
    const wednesday9am = Date.parse('2026-11-25T09:00:00');
    expect(
      formatRelative('2026-11-23T20:00:00', 'en', wednesday9am),
      'Monday evening, 37 h before',
    ).to.equal('2 days ago');
    expect(
      formatRelative('2026-11-24T08:00:00', 'en', wednesday9am),
      'Tuesday morning, 25 h before',
    ).to.equal('yesterday');
    expect(formatRelative('2026-11-18T10:00:00', 'en', wednesday9am), 'last Wednesday').to.equal(
      'Nov 18',
    );
  });

  it('never says "60 min." (nor "24 hr."): a unit is counted in whole units passed', () => {
    expect(formatRelative(ago(59.7 * MIN), 'en', NOW)).to.equal('59 min. ago');
    expect(formatRelative(ago(60 * MIN), 'en', NOW)).to.equal('1 hr. ago');
    expect(formatRelative(ago(23.8 * 60 * MIN), 'en', NOW)).to.equal('23 hr. ago');
  });

  it('gives an older date without the year in the current year, with the whole year before it', () => {
    expect(formatRelative('2026-11-03T10:00:00', 'en', NOW)).to.equal('Nov 3');
    expect(formatRelative('2025-11-03T10:00:00', 'en', NOW)).to.equal('Nov 3, 2025');
  });

  it('is empty for a date it cannot read', () => {
    expect(formatRelative('not a date', 'en', NOW)).to.equal('');
  });
});

describe('formatDay', () => {
  const words = { today: 'Today', yesterday: 'Yesterday' };
  it('says Today and Yesterday, then the date (with the year only when it is not this year)', () => {
    expect(formatDay(ago(MIN), 'en', words, NOW)).to.equal('Today');
    expect(formatDay(ago(DAY), 'en', words, NOW)).to.equal('Yesterday');
    expect(formatDay('2026-10-10T10:00:00', 'en', words, NOW)).to.equal('Sat, Oct 10');
    expect(formatDay('2025-10-10T10:00:00', 'en', words, NOW)).to.equal('Fri, Oct 10, 2025');
  });
});
