import { StandardFileError } from '../errors';
import type { ImportedDataProductEntity } from '../types';
import {
  ANNOTATION_STANDARD_ID,
  applyContract,
  newEntity,
} from './entityDraft';
import type { ImportContext, InputFile } from './ImportContext';
import { toEntityName } from './values';

/**
 * A product from one contract alone (ODCS, or DCS converted to ODCS): the
 * contract's servers become output ports serving it.
 */
export function importFromContract(
  input: InputFile,
  context: ImportContext,
  namespace: string | undefined,
): ImportedDataProductEntity {
  const contract = context.reference(input)!;
  const parts = contract.parts;
  const idName = parts.id?.split(':').pop();
  const name = toEntityName(parts.name ?? idName ?? '');
  if (!name) {
    throw new StandardFileError(
      input.file.path,
      'the contract has neither a name nor an id',
    );
  }
  const entity = newEntity(name, namespace);
  if (parts.name && parts.name !== name) entity.metadata.title = parts.name;
  if (parts.id && parts.id !== name) {
    entity.metadata.annotations = { [ANNOTATION_STANDARD_ID]: parts.id };
  }
  if (parts.ports.length > 0) {
    entity.spec.outputPorts = parts.ports.map(port => ({
      ...port,
      contract: contract.path,
    }));
  }
  applyContract(entity, parts);
  return entity;
}
