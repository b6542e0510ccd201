import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';
import { resolve } from 'node:path';
import { postExamplePipelines, simulatedChecks } from './examplePipelines';

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

describe('postExamplePipelines', () => {
  it("posts through the data-mesh service with the module's own credentials", async () => {
    const accepted = async () => ({ accepted: 1, products: [] });
    const dataMesh = {
      postMeasurements: jest.fn(accepted),
      importDbtRunResults: jest.fn(accepted),
      importGreatExpectationsResults: jest.fn(accepted),
    };
    await postExamplePipelines({
      directory: resolve(__dirname, '../../../../examples/pipelines'),
      auth: mockServices.auth({ pluginId: 'data-mesh' }),
      dataMesh: dataMesh as Partial<DataMeshService> as DataMeshService,
      catalog: catalogServiceMock({
        entities: [
          product({ freshness: { target: '1 hour' } }),
          { ...product(undefined), metadata: { name: 'no-slo' } },
        ],
      }),
      firstRun: false,
      now: new Date('2026-11-21T12:00:00.000Z'),
    });
    const own = { credentials: mockCredentials.service('plugin:data-mesh') };
    // One product has an SLO, so one hourly check; the other posts nothing.
    expect(dataMesh.postMeasurements).toHaveBeenCalledTimes(1);
    expect(dataMesh.postMeasurements).toHaveBeenCalledWith(
      'dataproduct:default/p',
      [expect.objectContaining({ kind: 'freshness' })],
      own,
    );
    expect(dataMesh.importDbtRunResults).toHaveBeenCalledWith(
      expect.objectContaining({ results: expect.any(Array) }),
      {},
      own,
    );
    expect(dataMesh.importGreatExpectationsResults).toHaveBeenCalledWith(
      expect.objectContaining({ run_results: expect.any(Object) }),
      {},
      own,
    );
  });
});
