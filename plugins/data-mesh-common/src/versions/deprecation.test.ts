import { isSunset } from './deprecation';

describe('isSunset', () => {
  const deprecation = { sunset: '2026-12-31', successor: 'orders-v2' };

  it('is false up to and on the sunset date, true from the day after', () => {
    expect(isSunset(deprecation, new Date('2026-12-30T12:00:00Z'))).toBe(false);
    expect(isSunset(deprecation, new Date('2026-12-31T23:59:59Z'))).toBe(false);
    expect(isSunset(deprecation, new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('is false for a product not deprecated or an unreadable date', () => {
    expect(isSunset(undefined, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(isSunset({ sunset: 'soon' }, new Date('2030-01-01T00:00:00Z'))).toBe(
      false,
    );
  });
});
