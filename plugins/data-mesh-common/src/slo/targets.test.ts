import { parseDurationTarget, parsePercentTarget } from './targets';

describe('parsePercentTarget', () => {
  it.each([
    ['99.9%', 99.9],
    [' 95 % ', 95],
    ['99', 99],
    [98.5, 98.5],
    ['high', undefined],
    ['', undefined],
    [undefined, undefined],
    [Number.NaN, undefined],
  ])('%p gives %p', (input, expected) => {
    expect(parsePercentTarget(input as any)).toBe(expected);
  });
});

describe('parseDurationTarget', () => {
  it.each([
    ['1 hour', 3600],
    ['2 hours', 7200],
    ['30 minutes', 1800],
    ['15min', 900],
    ['2h', 7200],
    ['7 days', 604800],
    ['1 week', 604800],
    ['45', 45],
    ['500ms', 0.5],
    ['10 secs', 10],
    [90, 90],
    ['soon', undefined],
    ['3 fortnights', undefined],
    [-1, undefined],
  ])('%p gives %p seconds', (input, expected) => {
    expect(parseDurationTarget(input as any)).toBe(expected);
  });
});
