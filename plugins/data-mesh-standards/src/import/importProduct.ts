import { NotImplementedError } from '@backstage/errors';
import type { ImportOptions, ImportResult, StandardFile } from '../types';

/**
 * Imports one data product from its files: an ODPS product with the ODCS
 * contracts its ports reference, a DPDS descriptor with the files its `$ref`s
 * point to, or contracts alone (ODCS or Data Contract Specification), each
 * detected from its content. Returns the `DataProduct` entity, the contract
 * files it references, and a loss report naming every source field that has
 * no place in the result.
 *
 * Throws a {@link StandardFileError} (an `InputError`) naming the file and
 * the position when a file cannot be read; nothing is returned then.
 * @public
 */
export function importProduct(
  files: StandardFile[],
  options?: ImportOptions,
): ImportResult {
  throw new NotImplementedError(
    `importProduct of ${files.length} files ${options?.namespace ?? ''}`,
  );
}
