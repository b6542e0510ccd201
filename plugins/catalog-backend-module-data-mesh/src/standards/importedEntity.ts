import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_LOSS_REPORT,
  ANNOTATION_SOURCE_FORMAT,
  ANNOTATION_SOURCE_VERSION,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { ImportResult } from '@datamesh-backstage/plugin-data-mesh-standards';

/**
 * Most loss report entries kept in the annotation; past it, one last entry
 * says how many more there are, so none goes missing silently.
 */
export const MAX_LOSS_REPORT_ENTRIES = 500;

/**
 * The entity the catalog stores for an imported product: the import's
 * entity, annotated with its source standard, version and loss report (what
 * the product page shows), which starts with the fields the product lacks
 * because no source field gives them.
 */
export function importedEntity(result: ImportResult): Entity {
  const { entity, format, version, missing } = result;
  // Fields left unset because no source field gives them come first.
  const lossReport = [
    ...missing.map(path => ({
      file: '',
      path,
      reason: `not set: no field of the source gives it, so the product has none (governance scores it as not set)`,
    })),
    ...result.lossReport,
  ];
  const kept = lossReport.slice(0, MAX_LOSS_REPORT_ENTRIES);
  if (lossReport.length > kept.length) {
    kept.push({
      file: lossReport[kept.length].file,
      path: '',
      reason: `${
        lossReport.length - kept.length
      } more entries: import the files through the data-mesh API to see them all`,
    });
  }
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_SOURCE_FORMAT]: format,
        [ANNOTATION_SOURCE_VERSION]: version,
        [ANNOTATION_LOSS_REPORT]: JSON.stringify(kept),
      },
    },
  } as Entity;
}
