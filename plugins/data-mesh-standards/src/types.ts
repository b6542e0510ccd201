import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * The open standards the library reads: Bitol's Open Data Product Standard
 * (`odps`) and Open Data Contract Standard (`odcs`), the Open Data Mesh Data
 * Product Descriptor (`dpds`) and the Data Contract Specification (`dcs`).
 * @public
 */
export type StandardFormat = 'odps' | 'odcs' | 'dpds' | 'dcs';

/** The standards a product exports to. @public */
export type ExportFormat = 'odps' | 'dpds';

/** A file given to or produced by a conversion: its path and its text. @public */
export interface StandardFile {
  /** Path of the file, relative to the product's directory (used in references and messages). */
  path: string;
  /** The file's text (YAML or JSON). */
  content: string;
}

/** The standard and version a file is written in, detected from its content. @public */
export interface DetectedStandard {
  /** The standard. */
  format: StandardFormat;
  /** The version the file declares, as written (for example `v1.0.0`, `3.1.0`, `1.2.1`). */
  version: string;
}

/**
 * One field of a source that has no place in the result.
 * @public
 */
export interface LossReportEntry {
  /** The file the field comes from (export: the entity's file, `catalog-info.yaml`). */
  file: string;
  /** Dotted path of the field in that file, for example `outputPorts[0].sbom`. */
  path: string;
  /** Why it has no place: no equivalent, ambiguous, value not understood, ... */
  reason: string;
}

/**
 * A data product as imported: the `DataProduct` entity, except that the
 * fields the kind requires (`type`, `lifecycle`, `owner`, `domain`) stay absent
 * when the source does not give them. Nothing is invented; `missing` in the
 * import result names them.
 * @public
 */
export type ImportedDataProductEntity = Omit<
  DataProductEntityV1alpha1,
  'spec'
> & {
  spec: Partial<
    Pick<
      DataProductEntityV1alpha1['spec'],
      'type' | 'lifecycle' | 'owner' | 'domain'
    >
  > &
    Omit<
      DataProductEntityV1alpha1['spec'],
      'type' | 'lifecycle' | 'owner' | 'domain'
    >;
};

/** The result of importing one product's files. @public */
export interface ImportResult {
  /** The standard of the main file (the product, or the contract when only contracts are given). */
  format: StandardFormat;
  /** The version the main file declares. */
  version: string;
  /** The product, with only what the sources say. */
  entity: ImportedDataProductEntity;
  /** The ODCS contract files the entity's ports reference (`spec.*Ports[].contract`). */
  contracts: StandardFile[];
  /** Every source field without a place in the result, and every reference not found. */
  lossReport: LossReportEntry[];
  /**
   * Fields the DataProduct kind requires that no source field gave, as dotted
   * paths (`spec.type`, ...): the entity is not valid until someone sets them.
   */
  missing: string[];
}

/** Options of {@link importProduct}. @public */
export interface ImportOptions {
  /** Namespace of the entity; absent by default (the catalog's default namespace). */
  namespace?: string;
}

/** Options of {@link exportProduct}. @public */
export interface ExportOptions {
  /** `odps`: ODPS 1.0 + ODCS 3.1 per output port; `dpds`: DPDS 1.0 (+ its ODCS 3.1 contracts). */
  format: ExportFormat;
  /**
   * Contract files of the product (as an import returns them, or read from
   * its repository). A port's contract found here is the base of the
   * exported ODCS contract, so that fields the entity does not hold survive.
   */
  contracts?: StandardFile[];
}

/** The files of an export and what the target standard cannot hold. @public */
export interface ExportResult {
  /** The product file first, then the contract files, with paths relative to the product file. */
  files: StandardFile[];
  /** Entity fields the target standard cannot hold (file `catalog-info.yaml`). */
  lossReport: LossReportEntry[];
}
