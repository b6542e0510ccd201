import type {
  DataProductEntityV1alpha1,
  DataProductSlo,
} from '../entity/DataProductEntityV1alpha1';

/** A field of a version's schema, as the breaking-change check reads it. @public */
export interface VersionSnapshotField {
  name: string;
  type?: string;
  required?: boolean;
  pii?: boolean;
}

/** An output port of a version, as the breaking-change check reads it. @public */
export interface VersionSnapshotPort {
  name: string;
  /** Storage or protocol (kafka, postgres, rest, ...). */
  type: string;
  format?: string;
}

/**
 * What consumers of one version of a product rely on: its schema, output
 * ports and SLOs, in a compact form that is stored and compared.
 * @public
 */
export interface DataProductVersionSnapshot {
  /** `spec.version`; absent when the product declares none. */
  version?: string;
  schemaType?: string;
  fields: VersionSnapshotField[];
  outputPorts: VersionSnapshotPort[];
  slo: DataProductSlo;
}

const SLO_OBJECTIVES: Array<keyof DataProductSlo> = [
  'freshness',
  'availability',
  'completeness',
  'accuracy',
];

/**
 * The compact snapshot of a product's contract: schema fields (name, type,
 * required, PII, with `access.privacy.piiColumns` folded in), output ports
 * (name, protocol, format) and SLOs.
 * @public
 */
export function versionSnapshot(
  entity: Pick<DataProductEntityV1alpha1, 'spec'>,
): DataProductVersionSnapshot {
  const { spec } = entity;
  const piiColumns = new Set(spec.access?.privacy?.piiColumns ?? []);
  const fields = (spec.schema?.fields ?? []).map(field => ({
    name: field.name,
    ...(field.type !== undefined ? { type: field.type } : {}),
    ...(field.required === true ? { required: true } : {}),
    ...(field.pii === true || piiColumns.has(field.name) ? { pii: true } : {}),
  }));
  const outputPorts = (spec.outputPorts ?? []).map(port => ({
    name: port.name,
    type: port.type,
    ...(port.format !== undefined ? { format: port.format } : {}),
  }));
  // A fixed key order: equal contracts serialise (and hash) the same.
  const slo: DataProductSlo = {};
  for (const objective of SLO_OBJECTIVES) {
    const target = spec.slo?.[objective]?.target;
    if (target !== undefined) {
      slo[objective] = { target };
    }
  }
  return {
    ...(spec.version !== undefined ? { version: String(spec.version) } : {}),
    ...(spec.schema?.type !== undefined
      ? { schemaType: spec.schema.type }
      : {}),
    fields,
    outputPorts,
    slo,
  };
}

/** The major number of a semantic version; undefined if it is not one. @public */
export function majorVersion(version: string | undefined): number | undefined {
  const match = version?.trim().match(/^v?(\d+)\.\d+\.\d+(?:[-+].*)?$/);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether `next` raises the major number of `previous` (1.4.2 → 2.0.0).
 * A version that is not semantic never counts as a major bump.
 * @public
 */
export function isMajorBump(
  previous: string | undefined,
  next: string | undefined,
): boolean {
  const from = majorVersion(previous);
  const to = majorVersion(next);
  return from !== undefined && to !== undefined && to > from;
}
