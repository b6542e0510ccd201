import { compliantProduct } from '../__fixtures__/products';
import { computeSloObjectives, judgeMeasurement } from './sloStatus';

describe('judgeMeasurement', () => {
  const product = compliantProduct(); // freshness 1 hour, availability 99.9%
  product.spec.slo!.completeness = { target: '99.5%' };

  it('judges freshness by the lag between the update and the check', () => {
    expect(
      judgeMeasurement(
        product,
        { kind: 'freshness', lastUpdatedAt: '2026-11-21T09:30:00Z' },
        '2026-11-21T10:00:00Z',
      ),
    ).toEqual({ passed: true, value: 1800 });
    expect(
      judgeMeasurement(
        product,
        { kind: 'freshness', lastUpdatedAt: '2026-11-21T08:00:00Z' },
        '2026-11-21T10:00:00Z',
      ),
    ).toEqual({ passed: false, value: 7200 });
  });

  it('judges availability checks and percentage objectives', () => {
    expect(
      judgeMeasurement(product, { kind: 'availability', up: false }, ''),
    ).toEqual({ passed: false, value: 0 });
    expect(
      judgeMeasurement(product, { kind: 'completeness', percent: 99.7 }, ''),
    ).toEqual({ passed: true, value: 99.7 });
    expect(
      judgeMeasurement(product, { kind: 'completeness', percent: 99.4 }, ''),
    ).toEqual({ passed: false, value: 99.4 });
  });

  it('refuses a measurement of an objective the product does not declare', () => {
    expect(() =>
      judgeMeasurement(product, { kind: 'accuracy', percent: 99 }, ''),
    ).toThrow('declares no readable accuracy SLO (spec.slo.accuracy.target)');
  });
});

describe('computeSloObjectives', () => {
  const product = compliantProduct();
  product.spec.slo!.accuracy = { target: '99%' };

  it('computes compliance, the required share and the error budget left', () => {
    expect(
      computeSloObjectives(product, [
        {
          kind: 'freshness',
          total: 200,
          passed: 199,
          lastObservedAt: '2026-11-21T10:00:00Z',
        },
        { kind: 'availability', total: 1000, passed: 998 },
      ]),
    ).toEqual([
      {
        objective: 'freshness',
        target: '1 hour',
        compliance: 99.5,
        required: 99,
        met: true,
        errorBudgetRemaining: 50,
        measurements: 200,
        lastObservedAt: '2026-11-21T10:00:00Z',
      },
      {
        objective: 'availability',
        target: '99.9%',
        compliance: 99.8,
        required: 99.9,
        met: false,
        errorBudgetRemaining: 0,
        measurements: 1000,
        lastObservedAt: undefined,
      },
      {
        objective: 'accuracy',
        target: '99%',
        compliance: null,
        required: 99,
        met: null,
        errorBudgetRemaining: null,
        measurements: 0,
      },
    ]);
  });

  it('leaves a whole budget when nothing failed, even with a 100% requirement', () => {
    product.spec.slo!.availability = { target: '100%' };
    expect(
      computeSloObjectives(product, [
        { kind: 'availability', total: 10, passed: 10 },
      ])[1],
    ).toMatchObject({
      compliance: 100,
      met: true,
      errorBudgetRemaining: 100,
    });
  });
});

describe('computeSloObjectives precision', () => {
  it('compares exactly, not the rounded compliance', () => {
    const product = compliantProduct(); // availability 99.9%
    // 86,310 of 86,400 = 99.8958…%, which rounds to 99.9 but is below it.
    const [, availability] = computeSloObjectives(product, [
      { kind: 'availability', total: 86_400, passed: 86_310 },
    ]);
    expect(availability).toMatchObject({
      compliance: 99.9,
      met: false,
      errorBudgetRemaining: 0,
    });
  });

  it('refuses availability checks of a product without an availability SLO', () => {
    const product = compliantProduct();
    delete product.spec.slo!.availability;
    expect(() =>
      judgeMeasurement(product, { kind: 'availability', up: true }, ''),
    ).toThrow(
      'declares no readable availability SLO (spec.slo.availability.target)',
    );
  });
});
