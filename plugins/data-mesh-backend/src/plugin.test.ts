import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { testDatabase } from './__testUtils__/startDataMesh';
import { dataMeshPlugin } from './plugin';

describe('dataMeshPlugin', () => {
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
