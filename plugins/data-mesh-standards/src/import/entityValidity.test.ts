import { validateDataProductEntity } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  dcsContract,
  dpdsProduct,
  fixtureFiles,
  odpsProduct,
} from '../__testUtils__/fixtures';
import type { StandardFile } from '../types';
import { importProduct } from './importProduct';

describe('imported entities', () => {
  it.each([
    ['ODPS 1.0', odpsProduct],
    ['ODPS 0.9', () => fixtureFiles('odps', 'crm-accounts-0.9.odps.yaml')],
    ['DPDS 1.0', dpdsProduct],
    ['DCS 1.2.1', dcsContract],
    ['DCS 0.9.3', () => fixtureFiles('dcs', 'refunds-0.9.3.yaml')],
  ] as Array<[string, () => StandardFile[]]>)(
    'from %s fail the DataProduct schema only on the fields named missing',
    (_name, files) => {
      const result = importProduct(files());
      const validation = validateDataProductEntity(result.entity);
      const failing = validation.valid
        ? []
        : validation.errors.map(e => e.path);
      expect(failing.sort()).toEqual([...result.missing].sort());
    },
  );
});
