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
  productContentHash,
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
  it('re-scores a product from the catalog when a change is announced, never from a payload', async () => {
    const entities = exampleMesh();
    const { api, events } = await startDataMesh({ entities });
    const card = () =>
      api.get('/api/data-mesh/scorecards/default/product-2').set(asUser);
    expect((await card()).body).toMatchObject({ score: 100, status: 'pass' });
    const announce = (eventPayload: unknown) =>
      events.publish({ topic: DATA_PRODUCT_CHANGED_TOPIC, eventPayload });

    // A forged announcement carrying a product (in the shape older versions
    // of the event had) changes nothing: only the catalog's version counts.
    const forged = createSyntheticProducts(3)[2];
    delete forged.spec.access!.retention;
    await announce({ entity: forged, processedAt: new Date().toISOString() });
    await announce({
      entityRef: 'dataproduct:default/product-2',
      contentHash: productContentHash(forged),
      entity: forged,
      processedAt: new Date().toISOString(),
    });
    expect((await card()).body).toMatchObject({ score: 100, status: 'pass' });

    // The catalog changes the product: its announcement re-scores it.
    const stored = entities.find(e => e.metadata.name === 'product-2')!;
    delete (stored.spec as any).access.retention;
    const payload: DataProductChangedEvent = {
      entityRef: 'dataproduct:default/product-2',
      contentHash: productContentHash(stored),
      processedAt: new Date().toISOString(),
    };
    await announce(payload);
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

    // Payloads that name nothing readable are ignored.
    for (const junk of [
      { entityRef: 'component:default/product-2' },
      { entityRef: 42 },
      null,
    ]) {
      await announce(junk);
    }
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
      { governance: { weights: { error: -1 } } },
      'dataMesh.governance.weights.error must be a number from 0 to 100, got -1',
    ],
    [
      {
        governance: {
          packs: [
            {
              apiVersion: 'datamesh.io/v1alpha1',
              kind: 'PolicyPack',
              metadata: { name: 'echo' },
              spec: {
                rules: [
                  {
                    id: 'RX-001',
                    severity: 'warning',
                    condition: {
                      properties: {
                        metadata: {
                          properties: { name: { pattern: '(a)\\1' } },
                        },
                      },
                    },
                  },
                ],
              },
            },
          ],
        },
      },
      'Policy pack app-config dataMesh.governance.packs[0], rule RX-001: pattern `(a)\\1` uses a feature a linear-time regex engine cannot run (backreference)',
    ],
    [
      { governance: { dryRun: { timeBudget: 'PT0S' } } },
      'dataMesh.governance.dryRun.timeBudget must be a positive duration, got 0 ms',
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
