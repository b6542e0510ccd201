import { InputError } from '@backstage/errors';
import { file } from '../__testUtils__/fixtures';
import { exportProduct } from '../export/exportProduct';
import { importProduct } from './importProduct';

const ODPS = 'apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\n';
const ODCS =
  'apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n';
const DPDS =
  'dataProductDescriptor: 1.0.0\ninfo: { name: d, version: 1.0.0 }\n';
const DCS =
  'dataContractSpecification: 1.2.1\nid: x\ninfo: { title: X, version: 1.0.0 }\n';

/** Files whose fields have the wrong shapes everywhere: each must import or fail with an InputError. */
const CASES: Array<[string, string]> = [
  [
    'odps ports of odd items',
    `${ODPS}outputPorts: [null, 5, "x", { name: 7 }, { name: a, contractId: [1] }]\n`,
  ],
  [
    'odps description as text',
    `${ODPS}description: just text\nteam: a team\ntags: [1, null, {a: 1}]\n`,
  ],
  [
    'odps custom properties as a mapping',
    `${ODPS}customProperties: { a: 1 }\nsupport: [{ url: 5 }]\n`,
  ],
  [
    'odps custom properties without names',
    `${ODPS}customProperties: [null, { value: 1 }, { property: productType, value: [] }]\n`,
  ],
  [
    'odps authoritative definitions of odd items',
    `${ODPS}authoritativeDefinitions: [1, { url: null }]\ninputPorts: {}\n`,
  ],
  [
    'odcs servers as text',
    `${ODCS}servers: x\nschema: {}\nslaProperties: 3\nroles: [null, { role: [] }]\n`,
  ],
  [
    'odcs odd schema',
    `${ODCS}schema: [null, { properties: [null, 1, { name: a, quality: x, customProperties: 5 }] }]\n`,
  ],
  [
    'odcs odd sla',
    `${ODCS}slaProperties: [null, { property: 5 }, { property: latency, value: { a: 1 } }, { property: availability, value: [] }]\n`,
  ],
  [
    'odcs odd quality',
    `${ODCS}schema: [{ name: s, quality: [null, { type: library }, { type: custom, engine: datamesh, implementation: { type: nope } }, { type: sql }] }]\n`,
  ],
  [
    'odcs odd parts an export starts from',
    `${ODCS}servers: [{ server: s, type: postgres }]\nschema: [{ name: t, physicalName: [1], quality: x, properties: [{ name: a, customProperties: 5 }] }]\nslaProperties: { a: 1 }\ncustomProperties: 5\nteam: a team\n`,
  ],
  [
    'dpds null components',
    `${DPDS}interfaceComponents: null\ninternalComponents: { applicationComponents: [null, { $ref: 5 }] }\n`,
  ],
  [
    'dpds odd ports',
    `${DPDS}interfaceComponents: { outputPorts: [null, "x", { $ref: 5 }, { name: a, promises: { slo: { $ref: nowhere.yaml }, api: { definition: { $ref: 7 } } } }] }\n`,
  ],
  [
    'dpds odd info',
    `dataProductDescriptor: 1.0.0\ninfo: { name: d, owner: [], contactPoints: {}, version: [1] }\nexternalDocs: 5\n`,
  ],
  [
    'dcs odd models',
    `${DCS}models: [1, 2]\nservers: { a: null, b: { type: [] } }\nservicelevels: { availability: 5 }\n`,
  ],
  [
    'dcs odd fields',
    `${DCS}models: { m: { fields: { a: null, b: { type: 5, enum: x, fields: [1], items: 3 } } } }\nlinks: [1]\n`,
  ],
];

function attempt<T>(fn: () => T): { value?: T; error?: unknown } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

describe('importProduct on files of the wrong shapes', () => {
  it.each(CASES)(
    '%s: imports, or fails with an InputError, and exports what it imported',
    (_name, content) => {
      const imported = attempt(() => importProduct([file('f.yaml', content)]));
      expect(
        imported.error === undefined || imported.error instanceof InputError,
      ).toBe(true);
      const result = imported.value;
      // An ODCS contract is kept whole in `contracts`: only what other files say is lost.
      const reportsLoss =
        !result ||
        content.startsWith('apiVersion: v3.1.0') ||
        result.lossReport.length > 0;
      expect(reportsLoss).toBe(true);
      const exportErrors = (['odps', 'dpds'] as const)
        .map(format =>
          result
            ? attempt(() =>
                exportProduct(result.entity, {
                  format,
                  contracts: result.contracts,
                }),
              ).error
            : undefined,
        )
        .filter(Boolean);
      expect(exportErrors).toEqual([]);
    },
  );
});
