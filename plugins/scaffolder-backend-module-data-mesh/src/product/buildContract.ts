import { parseEntityRef } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  DataProductPort,
  DataProductSchemaField,
  parseDurationTarget,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { modelName } from './checkProductInput';

/** The ODCS version the contracts follow. */
export const ODCS_API_VERSION = 'v3.1.0';

const API_PORT_TYPES = new Set(['rest', 'grpc']);

const isUri = (value: string | undefined): value is string =>
  Boolean(value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value));

/**
 * Where a port serves its data, as an ODCS server. ODCS types a server only
 * with the fields its type requires (a Snowflake account, a Kafka host...):
 * a port that does not give them is a `custom` server holding what it has,
 * with the platform's port type kept in `customProperties`.
 */
function serverOf(port: DataProductPort) {
  const { location, endpoint, format } = port;
  const [catalog, schema] = (location ?? '').split('.');
  if (/^s3/.test(port.type) && isUri(location) && /^s3:/.test(location)) {
    return {
      type: 's3',
      location,
      format: port.type === 's3_delta_lake' ? 'delta' : format ?? undefined,
    };
  }
  if (port.type === 'databricks' && catalog && schema) {
    return { type: 'databricks', catalog, schema };
  }
  if (port.type === 'rest' && isUri(endpoint)) {
    return { type: 'api', location: endpoint };
  }
  if (port.type === 'kafka') {
    return { type: 'custom', stream: location, format: format ?? undefined };
  }
  if (port.type === 'grpc') {
    return { type: 'custom', serviceName: endpoint };
  }
  const where = location ?? endpoint;
  return {
    type: 'custom',
    ...(isUri(where) ? { location: where } : { path: where }),
    format: port.type === 's3_delta_lake' ? 'delta' : format ?? undefined,
  };
}

/** ODCS logical types of the usual column types. */
function logicalType(type: string | undefined): string {
  const t = (type ?? 'string').toLocaleLowerCase('en-US');
  if (/^(int|integer|long|bigint|smallint)$/.test(t)) return 'integer';
  if (/^(decimal|numeric|float|double|number)/.test(t)) return 'number';
  if (t === 'boolean' || t === 'bool') return 'boolean';
  if (/^(date|timestamp|datetime)/.test(t)) return 'date';
  if (/^(array|list)/.test(t)) return 'array';
  if (/^(struct|record|object|map)/.test(t)) return 'object';
  return 'string';
}

/** `3600` seconds become `{ value: 1, unit: 'h' }`. */
function durationOf(target: string | number | undefined) {
  const seconds = parseDurationTarget(target);
  if (seconds === undefined) {
    return undefined;
  }
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ];
  const [unit, size] = units.find(([, s]) => seconds % s === 0) ?? ['s', 1];
  return { value: seconds / size, unit };
}

function property(
  field: DataProductSchemaField,
  entity: DataProductEntityV1alpha1,
  uniqueKey: string | undefined,
) {
  return {
    name: field.name,
    logicalType: logicalType(field.type),
    physicalType: field.type,
    description: field.description,
    required: field.required ?? false,
    primaryKey: field.name === uniqueKey ? true : undefined,
    unique: field.name === uniqueKey ? true : undefined,
    classification: field.pii ? entity.spec.access?.classification : undefined,
    tags: field.pii ? ['pii'] : undefined,
    customProperties: [{ property: 'pii', value: field.pii ?? null }],
  };
}

/**
 * The data contract of one output port, in the Open Data Contract Standard
 * (ODCS v3): where the port serves the data, the schema it guarantees (with
 * each column's PII flag), its service levels and who owns it. Built from
 * the validated entity, never from text, so user input stays data.
 */
export function buildContract(
  entity: DataProductEntityV1alpha1,
  port: DataProductPort,
) {
  const { spec, metadata } = entity;
  const uniqueKey = spec.quality?.tests?.find(
    t => t.type === 'uniqueness',
  )?.column;
  const isApi = API_PORT_TYPES.has(port.type);
  const latency = durationOf(spec.slo?.freshness?.target);
  const server = {
    server: port.name,
    ...serverOf(port),
    description: port.description,
    customProperties: [
      { property: 'portType', value: port.type },
      { property: 'authentication', value: port.authentication ?? null },
    ],
  };
  return {
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: `${metadata.namespace ?? 'default'}.${metadata.name}.${port.name}`,
    name: port.name,
    version: spec.version ?? '0.1.0',
    status: spec.lifecycle === 'production' ? 'active' : 'draft',
    domain: spec.domain
      ? parseEntityRef(spec.domain, { defaultKind: 'Domain' }).name
      : undefined,
    dataProduct: metadata.name,
    description: {
      purpose: metadata.description,
      usage: port.description,
    },
    servers: [server],
    schema: [
      {
        name: modelName(metadata.name),
        physicalName: port.location,
        logicalType: 'object',
        physicalType: isApi ? 'endpoint' : 'table',
        description: metadata.title,
        properties: (spec.schema?.fields ?? []).map(field =>
          property(field, entity, uniqueKey),
        ),
      },
    ],
    slaProperties: [
      latency && { property: 'latency', ...latency },
      spec.slo?.availability && {
        property: 'availability',
        value: String(spec.slo.availability.target),
      },
      spec.access?.retention && {
        property: 'retention',
        value: spec.access.retention,
      },
    ].filter(Boolean),
    customProperties: [
      { property: 'owner', value: spec.owner },
      {
        property: 'classification',
        value: spec.access?.classification ?? null,
      },
    ],
  };
}
