import { formatKpiTarget, formatKpiValue } from './formatKpi';
import { parseDateRange } from './useDateRange';
import { DateTime } from 'luxon';

describe('formatKpiValue', () => {
  it('formats each unit', () => {
    expect(formatKpiValue(83.333, 'percent')).toBe('83.3%');
    expect(formatKpiValue(1234, 'count')).toBe('1,234');
    expect(formatKpiValue(87.25, 'score')).toBe('87.3');
    expect(formatKpiValue(1, 'days')).toBe('1 day');
    expect(formatKpiValue(0.6, 'days')).toBe('0.6 days');
    expect(formatKpiValue(null, 'percent')).toBe('—');
  });

  it('writes targets as comparisons', () => {
    expect(
      formatKpiTarget({ target: 1, targetOperator: 'lt', unit: 'days' }),
    ).toBe('< 1 day');
    expect(
      formatKpiTarget({ target: 95, targetOperator: 'gte', unit: 'percent' }),
    ).toBe('≥ 95%');
  });
});

describe('parseDateRange', () => {
  const today = DateTime.fromISO('2026-11-21');

  it('defaults to the last 30 days by day, or 12 weeks by week', () => {
    expect(parseDateRange(new URLSearchParams(), today)).toEqual({
      from: '2026-10-23',
      to: '2026-11-21',
      interval: 'day',
    });
    expect(parseDateRange(new URLSearchParams('interval=week'), today)).toEqual(
      { from: '2026-08-29', to: '2026-11-21', interval: 'week' },
    );
  });

  it('reads valid days, ignores invalid ones and orders the range', () => {
    expect(
      parseDateRange(
        new URLSearchParams('from=2026-01-05&to=2026-02-01'),
        today,
      ),
    ).toEqual({ from: '2026-01-05', to: '2026-02-01', interval: 'day' });
    expect(
      parseDateRange(
        new URLSearchParams('from=2026-02-30&to=yesterday'),
        today,
      ),
    ).toEqual({ from: '2026-10-23', to: '2026-11-21', interval: 'day' });
    expect(
      parseDateRange(
        new URLSearchParams('from=2026-03-01&to=2026-02-01'),
        today,
      ),
    ).toEqual({ from: '2026-02-01', to: '2026-03-01', interval: 'day' });
  });
});
