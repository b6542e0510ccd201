import { NotImplementedError } from '@backstage/errors';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  ExportOptions,
  ExportResult,
  ImportedDataProductEntity,
} from '../types';

/**
 * Exports a data product as ODPS 1.0 (the product file plus one ODCS 3.1
 * contract per output port) or as one DPDS 1.0 descriptor. The loss report
 * names every entity field the target standard cannot hold.
 *
 * Throws an `InputError` when `options.format` is not `odps` or `dpds`.
 * @public
 */
export function exportProduct(
  entity: DataProductEntityV1alpha1 | ImportedDataProductEntity,
  options: ExportOptions,
): ExportResult {
  throw new NotImplementedError(
    `exportProduct ${entity.metadata.name} ${options.format}`,
  );
}
