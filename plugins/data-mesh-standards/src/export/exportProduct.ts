import { InputError } from '@backstage/errors';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  ExportOptions,
  ExportResult,
  ImportedDataProductEntity,
} from '../types';
import { EntityReader } from './EntityReader';
import { toDpds } from './toDpds';
import { toOdps } from './toOdps';

/**
 * Exports a data product as ODPS 1.0 (`product.odps.yaml` plus one ODCS 3.1
 * contract per output port) or as DPDS 1.0 (`product.dpds.yaml`, whose output
 * ports reference their ODCS 3.1 contracts). The loss report names every
 * entity field the target standard cannot hold.
 *
 * Throws an `InputError` when `options.format` is not `odps` or `dpds`, or
 * when a given contract cannot be read.
 * @public
 */
export function exportProduct(
  entity: DataProductEntityV1alpha1 | ImportedDataProductEntity,
  options: ExportOptions,
): ExportResult {
  const format = options?.format;
  if (format !== 'odps' && format !== 'dpds') {
    throw new InputError(
      `Unknown export format '${String(format)}': use odps or dpds`,
    );
  }
  if (!entity?.metadata?.name || !entity.spec) {
    throw new InputError('The entity to export needs metadata.name and spec');
  }
  const reader = new EntityReader(
    entity as ImportedDataProductEntity,
    format === 'odps' ? 'ODPS 1.0 / ODCS 3.1' : 'DPDS 1.0 / ODCS 3.1',
  );
  const files =
    format === 'odps'
      ? toOdps(reader, options.contracts)
      : toDpds(reader, options.contracts);
  return { files, lossReport: reader.report() };
}
