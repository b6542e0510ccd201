import { SourceTracker } from '../loss/SourceTracker';
import type { ImportedDataProductEntity } from '../types';

/** The entity's file name in export loss reports. */
export const ENTITY_FILE = 'catalog-info.yaml';

/** Reads an entity while exporting it; what the export does not read is reported as lost. */
export class EntityReader extends SourceTracker {
  constructor(readonly entity: ImportedDataProductEntity, target: string) {
    super(ENTITY_FILE, entity, `no place in ${target}`);
    this.consume(['apiVersion']);
    this.consume(['kind']);
  }
}
