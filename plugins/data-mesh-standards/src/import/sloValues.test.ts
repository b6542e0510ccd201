import { parseDuration, parsePercent, splitDuration } from './sloValues';

describe('SLO values', () => {
  it.each([
    ['25h', undefined, '25 hours'],
    ['15 minutes', undefined, '15 minutes'],
    ['1 day', undefined, '1 day'],
    ['P1Y', undefined, '1 year'],
    ['PT15M', undefined, '15 minutes'],
    ['P1DT12H', undefined, '36 hours'],
    [25, 'h', '25 hours'],
    ['7', 'years', '7 years'],
  ])('reads the duration %p (unit %p) as %p', (value, unit, expected) => {
    expect(parseDuration(value, unit)).toEqual({ value: expected });
  });

  it.each([
    [25, undefined, 'ambiguous: 25 has no unit'],
    [
      'within the business day',
      undefined,
      "value not understood: 'within the business day' is not a duration",
    ],
    [
      'P1Y2D',
      undefined,
      "ambiguous: 'P1Y2D' mixes years or months with other units",
    ],
    [5, 'fortnights', "value not understood: unit 'fortnights'"],
  ])('reports the duration %p (unit %p)', (value, unit, reason) => {
    expect(parseDuration(value, unit)).toEqual({ reason });
  });

  it.each([
    ['99.9%', undefined, '99.9%'],
    ['0.99999', undefined, '99.999%'],
    [0.999, undefined, '99.9%'],
    [99.95, undefined, '99.95%'],
    [1, 'percent', '1%'],
  ])('reads the percentage %p (unit %p) as %p', (value, unit, expected) => {
    expect(parsePercent(value, unit)).toEqual({ value: expected });
  });

  it.each([
    [1, 'ambiguous: 1 without a unit could be a fraction or a percentage'],
    ['five nines', "value not understood: 'five nines' is not a percentage"],
    ['120%', 'value not understood: 120% is over 100%'],
  ])('reports the percentage %p', (value, reason) => {
    expect(parsePercent(value)).toEqual({ reason });
  });

  it('splits a duration into the value and unit of an ODCS SLA property', () => {
    expect(splitDuration('5 minutes')).toEqual({ value: 5, unit: 'minutes' });
    expect(splitDuration('1 hour')).toEqual({ value: 1, unit: 'hours' });
    expect(splitDuration('soon')).toBeUndefined();
  });
});
