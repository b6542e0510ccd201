import { DateTime } from 'luxon';
import { useSearchParamsState } from '../shared/useSearchParamsState';

/** A KPI date range: `YYYY-MM-DD` days, both included, and the interval. */
export interface KpiDateRange {
  from: string;
  to: string;
  interval: 'day' | 'week';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (value: string | null) =>
  value && DAY.test(value) && DateTime.fromISO(value).isValid
    ? value
    : undefined;

/** The range in the URL, or the last 30 days (ending `today`) by day. */
export function parseDateRange(
  params: URLSearchParams,
  today?: DateTime,
): KpiDateRange {
  const interval = params.get('interval') === 'week' ? 'week' : 'day';
  const to =
    validDay(params.get('to')) ?? (today ?? DateTime.now()).toISODate()!;
  const from =
    validDay(params.get('from')) ??
    DateTime.fromISO(to)
      .minus(interval === 'week' ? { weeks: 12 } : { days: 29 })
      .toISODate()!;
  return from <= to ? { from, to, interval } : { from: to, to: from, interval };
}

/** The dashboard's date range, in the URL. */
export function useDateRange() {
  return useSearchParamsState(parseDateRange);
}
