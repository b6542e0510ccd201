/** Shown where a figure has no value yet. @public */
export const NO_VALUE = '—';

/**
 * Formats a score or an average score: integers as they are, fractions with
 * one decimal; null and undefined as an em dash.
 * @public
 */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) {
    return NO_VALUE;
  }
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/**
 * Formats an ISO date-time for people, in their locale; invalid or missing
 * values as an em dash.
 * @public
 */
export function formatDateTime(value: string | undefined): string {
  if (!value) {
    return NO_VALUE;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? NO_VALUE
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}
