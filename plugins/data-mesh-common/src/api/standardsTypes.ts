import type { Entity } from '@backstage/catalog-model';

/** The open standards a product is imported from. @public */
export type StandardFormatName = 'odps' | 'odcs' | 'dpds' | 'dcs';

/** The open standards a product exports to: ODPS with ODCS contracts, or DPDS. @public */
export type ExportFormatName = 'odps' | 'dpds';

/** A file sent to or received from the standards routes: its path and text. @public */
export interface StandardFileContent {
  path: string;
  content: string;
}

/**
 * One field of a source that has no place in the result, by dotted path in
 * the file it comes from, with why.
 * @public
 */
export interface LossReportItem {
  file: string;
  path: string;
  reason: string;
}

/** What `POST /import` answers: the product, its contracts, what was lost. @public */
export interface ProductImportResponse {
  /** The standard of the main file, detected from its content. */
  format: StandardFormatName;
  /** The version the main file declares. */
  version: string;
  /** The `DataProduct` entity; fields no source gave stay absent (see `missing`). */
  entity: Entity;
  contracts: StandardFileContent[];
  lossReport: LossReportItem[];
  /** Required fields of the kind that no source field gave (`spec.owner`...). */
  missing: string[];
}

/** What `GET /products/:namespace/:name/export` answers. @public */
export interface ProductExportResponse {
  files: StandardFileContent[];
  lossReport: LossReportItem[];
}
