/**
 * Parses a percentage target: `'99.9%'`, `'99.9'` or `99.9` give `99.9`.
 * Returns undefined for anything else.
 * @public
 */
export function parsePercentTarget(
  target: string | number | undefined,
): number | undefined {
  if (typeof target === 'number') {
    return Number.isFinite(target) ? target : undefined;
  }
  const match = target?.trim().match(/^(\d+(?:\.\d+)?)\s*%?$/);
  return match ? Number(match[1]) : undefined;
}

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  d: 86400,
  day: 86400,
  w: 604800,
  week: 604800,
};

/**
 * Parses a duration target such as `'1 hour'`, `'30 minutes'`, `'2h'`,
 * `'7 days'` into seconds; a bare number counts as seconds. Returns undefined
 * for anything else.
 * @public
 */
export function parseDurationTarget(
  target: string | number | undefined,
): number | undefined {
  if (typeof target === 'number') {
    return Number.isFinite(target) && target >= 0 ? target : undefined;
  }
  const match = target
    ?.trim()
    .toLocaleLowerCase('en-US')
    .match(/^(\d+(?:\.\d+)?)\s*([a-z]*)$/);
  if (!match) {
    return undefined;
  }
  const unit = match[2];
  const factor =
    unit === ''
      ? 1
      : UNIT_SECONDS[unit] ?? UNIT_SECONDS[unit.replace(/s$/, '')];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}
