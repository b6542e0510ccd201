import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  DataProductChangedEvent,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import {
  exampleMesh,
  startDataMesh,
  testDatabase,
} from './__testUtils__/startDataMesh';
import { dataMeshPlugin } from './plugin';

jest.setTimeout(60_000);

const asUser = { Authorization: mockCredentials.user.header() };

describe('dataMeshPlugin', () => {
  it('re-scores a product from the catalog when a change is announced, never from the payload', async () => {
    const entities = exampleMesh();
    const { api, events } = await startDataMesh({ entities });
    const card = () =>
      api.get('/api/data-mesh/scorecards/default/product-2').set(asUser);
    expect((await card()).body).toMatchObject({ score: 100, status: 'pass' });

    // A forged announcement carrying a worse (or better) product changes
    // nothing: the plugin reads the catalog, which still holds product-2.
    const forged = createSyntheticProducts(3)[2];
    delete forged.spec.access!.retention;
    const payload: DataProductChangedEvent = {
      entity: forged,
      processedAt: new Date().toISOString(),
    };
    await events.publish({
      topic: DATA_PRODUCT_CHANGED_TOPIC,
      eventPayload: payload,
    });
    expect((await card()).body).toMatchObject({ score: 100, status: 'pass' });

    // The catalog changes the product: the announcement re-scores it.
    const stored = entities.find(e => e.metadata.name === 'product-2')!;
    delete (stored.spec as any).access.retention;
    await events.publish({
      topic: DATA_PRODUCT_CHANGED_TOPIC,
      eventPayload: payload,
    });
    const after = (await card()).body;
    expect(after).toMatchObject({ score: 90, status: 'fail' });
    expect(after.violations.map((v: any) => v.ruleId)).toEqual(['SEC-002']);
    const history = await api
      .get('/api/data-mesh/scorecards/default/product-2/history')
      .set(asUser);
    expect(history.body.items.map((h: any) => h.status)).toEqual([
      'pass',
      'fail',
    ]);

    // A payload that names nothing readable is ignored.
    await events.publish({
      topic: DATA_PRODUCT_CHANGED_TOPIC,
      eventPayload: { entity: { spec: {} }, processedAt: '' },
    });
    expect((await card()).body.score).toBe(90);
  });

  /** Starts the plugin with a configuration, over an empty catalog. */
  const startWith = (data: JsonObject) =>
    startTestBackend({
      features: [
        dataMeshPlugin,
        testDatabase(),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: { dataMesh: data } }),
      ],
    });

  it('refuses to start with a broken policy file, naming the file and the rule', async () => {
    const directory = createMockDirectory({
      content: {
        'finance.yaml': `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: finance }
spec:
  domain: finance
  rules:
    - id: FIN-001
      severity: error
      condition: { properties: { spec: { minProperties: many } } }
`,
      },
    });
    const file = directory.resolve('finance.yaml');
    await expect(
      startWith({ governance: { packFiles: [file] } }),
    ).rejects.toThrow(
      `Policy pack ${file}, rule FIN-001: invalid condition: schema is invalid: data/properties/spec/minProperties must be integer`,
    );
  });

  it.each([
    [
      { governance: { packFiles: ['/nowhere/pack.yaml'] } },
      'Policy pack /nowhere/pack.yaml (dataMesh.governance.packFiles[0]) cannot be read',
    ],
    [
      { governance: { history: { retentionDays: 0 } } },
      'dataMesh.governance.history.retentionDays must be a whole number from 1 to 3650, got 0',
    ],
    [
      { governance: { waivers: { maxDays: 367 } } },
      'dataMesh.governance.waivers.maxDays must be a whole number from 1 to 366, got 367',
    ],
    [
      { governance: { waivers: { maxDays: 0 } } },
      'dataMesh.governance.waivers.maxDays must be a whole number from 1 to 366, got 0',
    ],
    [
      { governance: { weights: { error: -1 } } },
      'dataMesh.governance.weights.error must be a number from 0 to 100, got -1',
    ],
    [
      { slo: { windowDays: 400 } },
      'dataMesh.slo.windowDays must be a whole number from 1 to 365, got 400',
    ],
    [
      { slo: { checkCompliancePercent: 101 } },
      'dataMesh.slo.checkCompliancePercent must be a number from 0 to 100, got 101',
    ],
  ])(
    'refuses to start with invalid configuration %#',
    async (data, message) => {
      await expect(startWith(data)).rejects.toThrow(message);
    },
  );
});
