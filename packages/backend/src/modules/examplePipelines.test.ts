import { simulatedChecks } from './examplePipelines';

const product = (slo: any) =>
  ({
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'p' },
    spec: {
      type: 'source-aligned',
      lifecycle: 'production',
      owner: 'o',
      domain: 'd',
      slo,
    },
  } as any);

describe('simulatedChecks', () => {
  const now = new Date('2026-11-21T12:00:00.000Z');
  const behaviour = {
    freshnessLagMinutes: 90,
    availabilityDownHours: [11],
    completenessPercent: 99,
  };

  it('reports one check per hour for each declared objective', () => {
    const checks = simulatedChecks(
      product({
        freshness: { target: '1 hour' },
        availability: { target: '99%' },
      }),
      behaviour,
      2,
      now,
    );
    expect(checks).toEqual([
      {
        kind: 'freshness',
        observedAt: '2026-11-21T11:00:00.000Z',
        lastUpdatedAt: '2026-11-21T09:30:00.000Z',
      },
      {
        kind: 'availability',
        observedAt: '2026-11-21T11:00:00.000Z',
        up: false,
      },
      {
        kind: 'freshness',
        observedAt: '2026-11-21T12:00:00.000Z',
        lastUpdatedAt: '2026-11-21T10:30:00.000Z',
      },
      {
        kind: 'availability',
        observedAt: '2026-11-21T12:00:00.000Z',
        up: true,
      },
    ]);
  });

  it('keeps healthy products within their targets', () => {
    const checks = simulatedChecks(
      product({
        freshness: { target: '15 minutes' },
        completeness: { target: '99.5%' },
      }),
      {},
      1,
      now,
    );
    expect(checks).toEqual([
      {
        kind: 'freshness',
        observedAt: '2026-11-21T12:00:00.000Z',
        lastUpdatedAt: '2026-11-21T11:57:00.000Z',
      },
      {
        kind: 'completeness',
        observedAt: '2026-11-21T12:00:00.000Z',
        percent: 99.75,
      },
    ]);
  });

  it('reports nothing for a product without SLOs', () => {
    expect(simulatedChecks(product(undefined), behaviour, 24, now)).toEqual([]);
  });
});
