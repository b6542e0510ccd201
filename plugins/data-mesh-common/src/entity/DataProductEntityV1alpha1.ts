import type { Entity } from '@backstage/catalog-model';

/** The API version of the DataProduct kind. @public */
export const DATA_PRODUCT_API_VERSION = 'datamesh.io/v1alpha1';

/** The kind name of data products. @public */
export const DATA_PRODUCT_KIND = 'DataProduct';

/**
 * Where a product sits in the flow of data: at the source, for consumers, or
 * aggregating other products.
 * @public
 */
export type DataProductType =
  | 'source-aligned'
  | 'consumer-aligned'
  | 'aggregate';

/** The data product types, in display order. @public */
export const DATA_PRODUCT_TYPES: readonly DataProductType[] = [
  'source-aligned',
  'consumer-aligned',
  'aggregate',
];

/** Data classification levels. @public */
export type DataClassification =
  | 'public'
  | 'internal'
  | 'confidential'
  | 'restricted';

/** The classification levels, least to most sensitive. @public */
export const DATA_CLASSIFICATIONS: readonly DataClassification[] = [
  'public',
  'internal',
  'confidential',
  'restricted',
];

/**
 * An input or output port: how data enters or leaves a product.
 * @public
 */
export type DataProductPort = {
  name: string;
  /** Storage or protocol: kafka, postgres, snowflake, databricks, s3, rest, grpc, ... */
  type: string;
  description?: string;
  /** Data format: parquet, avro, iceberg, delta, json, csv, protobuf, ... */
  format?: string;
  /** Where the data lives: topic, table, bucket path. */
  location?: string;
  /** Where an API port answers. */
  endpoint?: string;
  /** How consumers authenticate: oauth2, mtls, iam, ... */
  authentication?: string;
  /** The contract the port serves: a path in the product's repository or a URL. */
  contract?: string;
  /**
   * On an input port: the data product whose output port this one reads, as
   * an entity ref (default kind DataProduct).
   */
  product?: string;
  /** On an input port: the name of the output port of `product` it reads. */
  port?: string;
};

/** A field of the product's published schema. @public */
export type DataProductSchemaField = {
  name: string;
  type?: string;
  description?: string;
  /** Whether the field holds personally identifiable information. */
  pii?: boolean;
  required?: boolean;
  enum?: Array<string | number | boolean>;
};

/** The product's published schema. @public */
export type DataProductSchema = {
  /** Schema language: avro, json-schema, protobuf, sql, ... */
  type?: string;
  fields?: DataProductSchemaField[];
};

/** One service level objective. @public */
export type DataProductSloObjective = {
  /** For example `1 hour` (freshness) or `99.9%` (availability). */
  target: string | number;
  measurement?: string;
};

/** The product's service level objectives. @public */
export type DataProductSlo = {
  freshness?: DataProductSloObjective;
  availability?: DataProductSloObjective;
  completeness?: DataProductSloObjective;
  accuracy?: DataProductSloObjective;
};

/** Kinds of data quality tests. @public */
export type DataQualityTestType =
  | 'uniqueness'
  | 'not_null'
  | 'range'
  | 'freshness'
  | 'referential_integrity'
  | 'accepted_values'
  | 'custom';

/** A declared data quality test. @public */
export type DataQualityTest = {
  type: DataQualityTestType;
  name?: string;
  description?: string;
  column?: string;
  columns?: string[];
  threshold?: string | number;
  min?: number;
  max?: number;
  max_age?: string;
  reference?: string;
  values?: Array<string | number | boolean>;
  expression?: string;
};

/** A transformation that builds the product. @public */
export type DataProductTransformation = {
  type: string;
  model?: string;
  repository?: string;
  description?: string;
};

/** A role that may access the product. @public */
export type DataProductAccessRole = {
  name: string;
  permissions: string[];
};

/** Access, security and privacy settings. @public */
export type DataProductAccess = {
  classification?: DataClassification;
  /** How long data is kept, for example `7 years`. */
  retention?: string;
  privacy?: {
    piiColumns?: string[];
    maskingPolicy?: string;
  };
  roles?: DataProductAccessRole[];
};

/** A rule waiver declared by the product itself. @public */
export type DataProductWaiver = {
  rule: string;
  reason: string;
  /** ISO date or date-time after which the waiver no longer applies. */
  expires: string;
};

/**
 * A data product in the Backstage catalog.
 * @public
 */
export interface DataProductEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_PRODUCT_API_VERSION;
  kind: typeof DATA_PRODUCT_KIND;
  spec: {
    /**
     * The product's type. Required for products written as DataProducts;
     * absent on a product imported from an open standard that gives none.
     */
    type?: DataProductType;
    /** Lifecycle stage; absent only on an imported product whose source gives none. */
    lifecycle?: string;
    /** Entity ref of the owner, default kind Group. */
    owner: string;
    /**
     * Entity ref of the Domain, default kind Domain; absent only on an
     * imported product whose source gives none.
     */
    domain?: string;
    system?: string;
    /** Semantic version of the product's contract. */
    version?: string;
    /**
     * Set when the product is deprecated: `sunset` is the date (YYYY-MM-DD)
     * after which it is no longer served; `successor` is the entity ref of
     * the product that replaces it, default kind DataProduct.
     */
    deprecation?: { sunset: string; successor?: string; reason?: string };
    inputPorts?: DataProductPort[];
    outputPorts?: DataProductPort[];
    schema?: DataProductSchema;
    slo?: DataProductSlo;
    quality?: { tests?: DataQualityTest[] };
    lineage?: {
      /** Entity refs of upstream products, default kind DataProduct. */
      upstreamProducts?: string[];
      transformations?: DataProductTransformation[];
    };
    access?: DataProductAccess;
    governance?: { waivers?: DataProductWaiver[] };
  };
}

/** Alias of the current version of the DataProduct entity. @public */
export type DataProductEntity = DataProductEntityV1alpha1;
