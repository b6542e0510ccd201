import {
  AT_RISK_MARGIN,
  burnDown,
  campaignHealth,
  closingOutcome,
  idealShare,
} from './campaignProgress';

// Started on 1 December at 20% done, 80% by 11 December: the ideal line
// gains 6 points a day.
const line = {
  startDay: '2026-12-01',
  startShare: 0.2,
  targetShare: 0.8,
  deadline: '2026-12-11',
};
const open = { ...line, status: 'open' as const };

describe('campaign progress', () => {
  it('draws the ideal line from the start share to the target on the deadline', () => {
    expect(idealShare(line, '2026-12-01')).toBeCloseTo(0.2);
    expect(idealShare(line, '2026-12-06')).toBeCloseTo(0.5);
    expect(idealShare(line, '2026-12-11')).toBeCloseTo(0.8);
    // Flat before the start and after the deadline.
    expect(idealShare(line, '2026-11-20')).toBeCloseTo(0.2);
    expect(idealShare(line, '2027-01-01')).toBeCloseTo(0.8);
  });

  it('is at risk only when more than the margin below the ideal share of the day', () => {
    expect(AT_RISK_MARGIN).toBe(0.05);
    // Ideal on 6 December: 50%.
    expect(campaignHealth(open, 0.46, '2026-12-06')).toBe('on-track');
    expect(campaignHealth(open, 0.44, '2026-12-06')).toBe('at-risk');
    // The same share is on track earlier on: the ideal line is lower.
    expect(campaignHealth(open, 0.44, '2026-12-04')).toBe('on-track');
    expect(
      campaignHealth({ ...line, status: 'missed' }, 0.9, '2026-12-06'),
    ).toBe('missed');
  });

  it('closes met on reaching the target, missed only after the deadline day', () => {
    expect(closingOutcome(line, 0.8, '2026-12-05')).toBe('met');
    expect(closingOutcome(line, 0.79, '2026-12-05')).toBeUndefined();
    expect(closingOutcome(line, 0.79, '2026-12-11')).toBeUndefined();
    expect(closingOutcome(line, 0.79, '2026-12-12')).toBe('missed');
    expect(closingOutcome(line, 0.8, '2026-12-12')).toBe('met');
  });

  it('burns down the remaining products against the ideal remaining of each day', () => {
    expect(
      burnDown(line, [
        { day: '2026-12-01', total: 10, done: 2 },
        { day: '2026-12-06', total: 10, done: 4 },
        { day: '2026-12-11', total: 20, done: 16 },
      ]),
    ).toEqual([
      { day: '2026-12-01', total: 10, remaining: 8, idealRemaining: 8 },
      { day: '2026-12-06', total: 10, remaining: 6, idealRemaining: 5 },
      { day: '2026-12-11', total: 20, remaining: 4, idealRemaining: 4 },
    ]);
  });
});
