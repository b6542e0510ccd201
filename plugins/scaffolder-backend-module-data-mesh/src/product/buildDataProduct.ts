import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_REQUESTED_AT,
  ANNOTATION_TEMPLATE,
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  DataQualityTest,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { ProductInput } from './productInput';
import {
  checkProductInput,
  contractPath,
  modelName,
} from './checkProductInput';

/** Where the product comes from: the template and the time of the request. */
export interface ProductProvenance {
  /** Entity ref of the Template that runs the action, when there is one. */
  templateRef?: string;
  /** ISO date-time of the request. */
  requestedAt: string;
}

const refOf = (ref: string, defaultKind: string, path: string) => {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind }));
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
};

const blank = (text: string | undefined) => text?.trim() || undefined;

/** Drops undefined properties, so that the YAML holds only what was given. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

function qualityTests(input: ProductInput): DataQualityTest[] | undefined {
  if (!input.quality) {
    return undefined;
  }
  const { uniqueKey, freshnessColumn } = input.quality;
  const notNull = [
    uniqueKey,
    ...input.schema.fields
      .filter(f => f.required && f.name !== uniqueKey)
      .map(f => f.name),
  ];
  return [
    { type: 'uniqueness', column: uniqueKey, threshold: '100%' },
    { type: 'not_null', columns: notNull },
    compact({
      type: 'freshness' as const,
      column: blank(freshnessColumn),
      max_age: blank(input.slo?.freshness),
    }),
  ];
}

/**
 * Builds the DataProduct entity from validated form input, with the platform
 * standards built in: every port points at its contract file, the required
 * quality tests (uniqueness, not_null, freshness) are declared, PII columns
 * are listed under access.privacy, and the template and the time of the
 * request are annotated. Throws an InputError naming the field when the
 * input does not describe a consistent product.
 */
export function buildDataProduct(
  input: ProductInput,
  provenance: ProductProvenance,
): DataProductEntityV1alpha1 {
  checkProductInput(input);
  const upstream = [
    ...new Set(
      (input.upstreamProducts ?? []).map((ref, i) =>
        refOf(ref, DATA_PRODUCT_KIND, `upstreamProducts[${i}]`),
      ),
    ),
  ];
  const piiColumns = input.schema.fields.filter(f => f.pii).map(f => f.name);
  const { slo, access } = input;

  const entity = {
    apiVersion: DATA_PRODUCT_API_VERSION,
    kind: DATA_PRODUCT_KIND,
    metadata: compact({
      name: input.name,
      title: blank(input.title),
      description: blank(input.description),
      tags: input.tags?.length ? input.tags : undefined,
      annotations: compact({
        [ANNOTATION_TEMPLATE]: provenance.templateRef,
        [ANNOTATION_REQUESTED_AT]: provenance.requestedAt,
        'backstage.io/techdocs-ref': 'dir:.',
      }),
    }),
    spec: compact({
      type: input.type,
      lifecycle: input.lifecycle,
      owner: refOf(input.owner, 'Group', 'owner'),
      domain: refOf(input.domain, 'Domain', 'domain'),
      version: input.version,
      outputPorts: input.outputPorts.map(port =>
        compact({
          name: port.name,
          type: port.type,
          format: port.format,
          description: blank(port.description),
          location: blank(port.location),
          endpoint: blank(port.endpoint),
          authentication: port.authentication,
          contract: contractPath(port.name),
        }),
      ),
      schema: compact({
        type: input.schema.type,
        fields: input.schema.fields.map(f =>
          compact({ ...f, description: blank(f.description) }),
        ),
      }),
      slo: slo
        ? compact({
            freshness: blank(slo.freshness)
              ? {
                  target: slo.freshness!,
                  measurement: 'max_latency_from_source',
                }
              : undefined,
            availability: blank(slo.availability)
              ? { target: slo.availability!, measurement: 'uptime_percentage' }
              : undefined,
            completeness: blank(slo.completeness)
              ? {
                  target: slo.completeness!,
                  measurement: 'non_null_required_fields',
                }
              : undefined,
          })
        : undefined,
      quality: input.quality ? { tests: qualityTests(input) } : undefined,
      lineage: compact({
        upstreamProducts: upstream.length ? upstream : undefined,
        transformations: [{ type: 'dbt', model: modelName(input.name) }],
      }),
      access: access
        ? compact({
            classification: access.classification,
            retention: access.retention,
            privacy:
              piiColumns.length || blank(access.maskingPolicy)
                ? compact({
                    piiColumns: piiColumns.length ? piiColumns : undefined,
                    maskingPolicy: blank(access.maskingPolicy),
                  })
                : undefined,
          })
        : undefined,
    }),
  };

  const result = validateDataProductEntity(entity);
  if (!result.valid) {
    throw new InputError(
      `The input does not make a valid DataProduct: ${result.errors
        .map(e => e.message)
        .join('; ')}`,
    );
  }
  return result.entity;
}
