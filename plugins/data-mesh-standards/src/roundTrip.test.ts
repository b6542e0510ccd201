import { exportProduct } from './export/exportProduct';
import { importProduct } from './import/importProduct';
import {
  dcsContract,
  dpdsProduct,
  fixtureFiles,
  odpsProduct,
} from './__testUtils__/fixtures';
import { schemaErrors } from './__testUtils__/standardSchemas';
import { load } from 'js-yaml';
import type { StandardFile } from './types';

function standardOf(content: string): 'odps' | 'odcs' | 'dpds' {
  const data = load(content) as any;
  if (data.kind === 'DataContract') return 'odcs';
  return data.kind === 'DataProduct' ? 'odps' : 'dpds';
}

describe.each([
  ['ODPS 1.0 + ODCS', odpsProduct, 'odps'],
  [
    'ODPS 0.9 + ODCS 3.0',
    () => fixtureFiles('odps', 'crm-accounts-0.9.odps.yaml'),
    'odps',
  ],
  ['DPDS 1.0 + port file + ODCS', dpdsProduct, 'dpds'],
  ['DCS 1.2.1', dcsContract, 'odps'],
  ['DCS 1.2.1', dcsContract, 'dpds'],
  ['DCS 0.9.3', () => fixtureFiles('dcs', 'refunds-0.9.3.yaml'), 'odps'],
] as Array<[string, () => StandardFile[], 'odps' | 'dpds']>)(
  'round trip of %s through %s',
  (_name, files, format) => {
    const first = importProduct(files());
    const exported = exportProduct(first.entity, {
      format,
      contracts: first.contracts,
    });
    const second = importProduct(exported.files);

    it('exports files that validate against the official schemas', () => {
      for (const f of exported.files) {
        expect({
          file: f.path,
          errors: schemaErrors(standardOf(f.content), f.content),
        }).toEqual({
          file: f.path,
          errors: [],
        });
      }
    });

    it('imports the same entity again', () => {
      expect(second.entity).toEqual(first.entity);
      expect(second.missing).toEqual(first.missing);
    });

    it('loses nothing on the way back beyond what the first import reported', () => {
      expect(exported.lossReport).toEqual([]);
      // The second import reports only what the first one reported too (the same unresolved references).
      const firstReasons = first.lossReport.map(l => l.reason);
      for (const entry of second.lossReport) {
        expect(firstReasons).toContain(entry.reason);
      }
    });
  },
);

describe('one-way trips', () => {
  it('reports exactly what an ODPS product loses when exported as DPDS', () => {
    const first = importProduct(odpsProduct());
    const exported = exportProduct(first.entity, {
      format: 'dpds',
      contracts: first.contracts,
    });
    // The links' types and the links after the first, which DPDS cannot
    // hold, are kept by the ODCS contract of the output port.
    expect(exported.lossReport).toEqual([
      {
        file: 'catalog-info.yaml',
        path: 'spec.inputPorts[0].contract',
        reason: 'no place in DPDS 1.0 / ODCS 3.1',
      },
    ]);
    const second = importProduct(exported.files);
    // Everything else comes back, links included.
    expect(second.entity.metadata).toEqual(first.entity.metadata);
    expect(second.entity.spec.inputPorts).toEqual([{ name: 'crm-accounts' }]);
    expect({ ...second.entity.spec, inputPorts: undefined }).toEqual({
      ...first.entity.spec,
      inputPorts: undefined,
    });
  });

  it('reports exactly what a DPDS product loses when exported as ODPS', () => {
    const first = importProduct(dpdsProduct());
    const exported = exportProduct(first.entity, {
      format: 'odps',
      contracts: first.contracts,
    });
    expect(exported.lossReport).toEqual([
      {
        file: 'catalog-info.yaml',
        path: 'spec.inputPorts[0]',
        reason:
          "ODPS input ports need the id of a contract, and no given contract is at this port's contract path",
      },
      {
        file: 'catalog-info.yaml',
        path: 'spec.lineage',
        reason: 'no place in ODPS 1.0 / ODCS 3.1',
      },
    ]);
    const second = importProduct(exported.files);
    expect({
      ...second.entity.spec,
      inputPorts: undefined,
      lineage: undefined,
    }).toEqual({
      ...first.entity.spec,
      inputPorts: undefined,
      lineage: undefined,
    });
  });
});
