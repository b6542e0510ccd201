import type { Entity } from '@backstage/catalog-model';
import type { LossReportItem, StandardFormatName } from '../api/apiTypes';

/**
 * The open standard a product was imported from (`odps`, `odcs`, `dpds` or
 * `dcs`), written by the catalog when it reads such a file.
 * @public
 */
export const ANNOTATION_SOURCE_FORMAT = 'datamesh.io/source-format';

/** The version the imported file declares, as written. @public */
export const ANNOTATION_SOURCE_VERSION = 'datamesh.io/source-version';

/**
 * The import's loss report as a JSON array of `{ file, path, reason }`: every
 * field of the source files that has no place in the product.
 * @public
 */
export const ANNOTATION_LOSS_REPORT = 'datamesh.io/loss-report';

/** How a product was imported from an open standard, as its annotations say. @public */
export interface ProductImportRecord {
  format: StandardFormatName;
  version: string;
  lossReport: LossReportItem[];
}

const FORMATS: readonly string[] = ['odps', 'odcs', 'dpds', 'dcs'];

const isLossReportItem = (item: unknown): item is LossReportItem =>
  typeof item === 'object' &&
  item !== null &&
  ['file', 'path', 'reason'].every(
    key => typeof (item as Record<string, unknown>)[key] === 'string',
  );

/**
 * The import record of a product read from an open-standard file, or
 * undefined for a product written as a DataProduct. A loss report that is
 * not a JSON array of entries reads as one entry saying so.
 * @public
 */
export function getProductImportRecord(
  entity: Entity,
): ProductImportRecord | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const format = annotations[ANNOTATION_SOURCE_FORMAT];
  if (!format || !FORMATS.includes(format)) {
    return undefined;
  }
  let lossReport: LossReportItem[];
  try {
    const parsed = JSON.parse(annotations[ANNOTATION_LOSS_REPORT] ?? '[]');
    if (!Array.isArray(parsed) || !parsed.every(isLossReportItem)) {
      throw new Error('not a list of entries');
    }
    lossReport = parsed;
  } catch (error) {
    lossReport = [
      {
        file: '',
        path: `metadata.annotations.${ANNOTATION_LOSS_REPORT}`,
        reason: `The loss report cannot be read: ${(error as Error).message}`,
      },
    ];
  }
  return {
    format: format as StandardFormatName,
    version: annotations[ANNOTATION_SOURCE_VERSION] ?? '',
    lossReport,
  };
}
