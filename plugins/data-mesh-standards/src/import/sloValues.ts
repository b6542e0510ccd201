import type { Parsed } from './values';

const UNITS: Record<string, string> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  week: 'week',
  weeks: 'week',
  mo: 'month',
  month: 'month',
  months: 'month',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
};

/** `5 minutes`, `1 hour`: the form the entity's SLO targets and retention take. */
export function formatDuration(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const ISO_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
const SECONDS: Record<string, number> = {
  week: 604800,
  day: 86400,
  hour: 3600,
  minute: 60,
  second: 1,
};

function parseIsoDuration(text: string): Parsed<string> {
  const match = text.toUpperCase().match(ISO_DURATION);
  const parts = match
    ? ISO_UNITS.map((unit, i) => ({ unit, amount: match[i + 1] }))
        .filter(part => part.amount !== undefined)
        .map(part => ({ unit: part.unit, amount: Number(part.amount) }))
    : [];
  if (parts.length === 0) {
    return { reason: `value not understood: '${text}' is not a duration` };
  }
  if (parts.length === 1) {
    return { value: formatDuration(parts[0].amount, parts[0].unit) };
  }
  if (parts.some(part => part.unit === 'year' || part.unit === 'month')) {
    return {
      reason: `ambiguous: '${text}' mixes years or months with other units`,
    };
  }
  // P1DT12H → 36 hours: the total in the smallest unit given.
  const smallest = parts[parts.length - 1].unit;
  const total = parts.reduce(
    (sum, part) => sum + part.amount * SECONDS[part.unit],
    0,
  );
  return { value: formatDuration(total / SECONDS[smallest], smallest) };
}

/**
 * A duration target (freshness, latency, retention) from what standards and
 * people write: `25h`, `15 minutes`, `P1Y`, `PT15M`, or a number with a unit
 * given beside it (ODCS `value: 25, unit: h`). A number without a unit is
 * ambiguous; prose is not understood.
 */
export function parseDuration(value: unknown, unit?: string): Parsed<string> {
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))
  ) {
    const amount = Number(value);
    const word = unit ? UNITS[unit.trim().toLowerCase()] : undefined;
    if (!unit) {
      return { reason: `ambiguous: ${amount} has no unit` };
    }
    return word
      ? { value: formatDuration(amount, word) }
      : { reason: `value not understood: unit '${unit}'` };
  }
  if (typeof value !== 'string') {
    return { reason: `value not understood: ${JSON.stringify(value)}` };
  }
  const text = value.trim();
  if (/^P/i.test(text)) return parseIsoDuration(text);
  const match = text.match(/^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/);
  const word = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || !word) {
    return { reason: `value not understood: '${text}' is not a duration` };
  }
  return { value: formatDuration(Number(match[1]), word) };
}

/** Splits `5 minutes` into the amount and unit an ODCS SLA property holds. */
export function splitDuration(
  target: string | number,
): { value: number; unit: string } | undefined {
  const parsed = parseDuration(target);
  if (!('value' in parsed)) return undefined;
  const [amount, unit] = parsed.value.split(' ');
  return { value: Number(amount), unit: `${unit.replace(/s$/, '')}s` };
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * A percentage target (availability, completeness, accuracy) from what
 * standards and people write: `99.9%`, `99.9`, `0.999` or `"0.99999"` (a
 * fraction), or a number with `unit: percent`. `1` without a unit is
 * ambiguous (1% or 100%); prose is not understood.
 */
export function parsePercent(value: unknown, unit?: string): Parsed<string> {
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else return { reason: `value not understood: ${JSON.stringify(value)}` };
  const percentUnit =
    unit !== undefined && /^(%|percent|percentage|pct)$/i.test(unit.trim());
  const match = text.match(/^(\d+(?:\.\d+)?)\s*(%?)$/);
  if (!match) {
    return { reason: `value not understood: '${text}' is not a percentage` };
  }
  const amount = Number(match[1]);
  if (match[2] === '%' || percentUnit) {
    return amount <= 100
      ? { value: `${round(amount)}%` }
      : { reason: `value not understood: ${text} is over 100%` };
  }
  if (amount === 1 || amount === 0) {
    return {
      reason: `ambiguous: ${text} without a unit could be a fraction or a percentage`,
    };
  }
  if (amount < 1) return { value: `${round(amount * 100)}%` };
  if (amount <= 100) return { value: `${round(amount)}%` };
  return { reason: `value not understood: ${text} is over 100%` };
}
