import type {
  DataProductPort,
  DataProductSchemaField,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { portOfServer } from '../import/fromOdcs';
import { UNTYPED_LINK } from '../import/links';
import { odcsServer } from '../import/odcsServers';
import { testFromOdcsQuality } from '../import/qualityFromOdcs';
import { splitDuration } from '../import/sloValues';
import { lifecycleToStatus } from '../import/values';
import type { EntityReader } from './EntityReader';
import { refName } from './entityRefs';
import { exportLinks } from './shared';
import { odcsQualityOfTest } from './qualityToOdcs';

type Obj = Record<string, any>;

/** A list of a given contract, or none when the file holds something else there. */
const listOf = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/** A mapping of a given contract, or none when the file holds something else there. */
const mappingOf = (value: unknown): Obj | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Obj)
    : undefined;

const LOGICAL: Record<string, string> = {
  string: 'string',
  varchar: 'string',
  text: 'string',
  char: 'string',
  uuid: 'string',
  int: 'integer',
  integer: 'integer',
  bigint: 'integer',
  long: 'integer',
  smallint: 'integer',
  number: 'number',
  decimal: 'number',
  numeric: 'number',
  float: 'number',
  double: 'number',
  boolean: 'boolean',
  bool: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  datetime: 'timestamp',
  timestamptz: 'timestamp',
  array: 'array',
  object: 'object',
  struct: 'object',
  record: 'object',
  map: 'object',
};

function logicalType(type: string | undefined): string | undefined {
  const base = type?.toLowerCase().replace(/\(.*$/, '').trim();
  return base ? LOGICAL[base] : undefined;
}

function property(field: DataProductSchemaField): Obj {
  const p: Obj = { name: field.name };
  const logical = logicalType(field.type);
  if (logical) p.logicalType = logical;
  if (field.type && field.type !== logical) p.physicalType = field.type;
  if (field.description) p.description = field.description;
  if (field.required !== undefined) p.required = field.required;
  if (field.pii !== undefined)
    p.customProperties = [{ property: 'pii', value: field.pii }];
  if (field.enum) {
    p.quality = [
      {
        type: 'library',
        metric: 'invalidValues',
        mustBe: 0,
        arguments: { validValues: field.enum },
      },
    ];
  }
  return p;
}

const PORT_KEYS = [
  'type',
  'format',
  'location',
  'endpoint',
  'authentication',
] as const;

function samePort(a: DataProductPort | undefined, b: DataProductPort): boolean {
  return !!a && a.name === b.name && PORT_KEYS.every(key => a[key] === b[key]);
}

function mergeProperties(base: Obj[] | undefined, generated: Obj[]): Obj[] {
  return generated.map(gen => {
    const old = mappingOf(listOf(base).find(b => b?.name === gen.name));
    if (!old) return gen;
    // Rules the import reads as tests or as the enum are written again from the entity.
    const kept = (Array.isArray(old.quality) ? old.quality : []).filter(
      (rule: Obj) =>
        !testFromOdcsQuality(rule) && rule?.metric !== 'invalidValues',
    );
    const customProperties = [
      ...listOf(old.customProperties).filter((c: Obj) => c?.property !== 'pii'),
      ...(gen.customProperties ?? []),
    ];
    const merged: Obj = { ...old, ...gen };
    const quality = [...kept, ...(gen.quality ?? [])];
    if (quality.length > 0) merged.quality = quality;
    else delete merged.quality;
    if (customProperties.length > 0) merged.customProperties = customProperties;
    else delete merged.customProperties;
    return merged;
  });
}

const SLO_PROPERTY = {
  freshness: 'latency',
  availability: 'availability',
  completeness: 'completeness',
  accuracy: 'accuracy',
} as const;
const MAPPED_SLA = [
  'latency',
  'freshness',
  'availability',
  'uptime',
  'completeness',
  'accuracy',
  'retention',
];

function slaProperties(reader: EntityReader): Obj[] {
  const out: Obj[] = [];
  for (const key of Object.keys(SLO_PROPERTY) as Array<
    keyof typeof SLO_PROPERTY
  >) {
    const target = reader.take(['spec', 'slo', key, 'target']) as
      | string
      | number
      | undefined;
    if (target === undefined) continue;
    const measurement = reader.take(['spec', 'slo', key, 'measurement']) as
      | string
      | undefined;
    let sla: Obj | undefined;
    if (key === 'freshness') {
      const d = splitDuration(target);
      sla = d
        ? { property: 'latency', value: d.value, unit: d.unit }
        : undefined;
    } else {
      sla = { property: SLO_PROPERTY[key], value: target };
    }
    if (!sla) {
      reader.lose(
        ['spec', 'slo', key],
        `value not understood: '${target}' is not a duration`,
      );
      continue;
    }
    if (measurement) sla.description = measurement;
    out.push(sla);
  }
  const retention = reader.take(['spec', 'access', 'retention']) as
    | string
    | undefined;
  if (retention) {
    const d = splitDuration(retention);
    if (d) out.push({ property: 'retention', value: d.value, unit: d.unit });
    else
      reader.lose(
        ['spec', 'access', 'retention'],
        `value not understood: '${retention}' is not a duration`,
      );
  }
  return out;
}

/** Items of `base[key]` merged by URL under `items`: what the entity does not hold (a channel's tool) survives. */
function mergeByUrl(base: Obj | undefined, key: string, items: Obj[]): Obj[] {
  const given: Obj[] = Array.isArray(base?.[key]) ? base![key] : [];
  return items.map(item => ({
    ...given.find(g => g?.url === item.url),
    ...item,
  }));
}

/** The product's links as the contract's `authoritativeDefinitions` and `support` channels. */
function writeLinks(reader: EntityReader, c: Obj, base: Obj | undefined) {
  const { definitions, support } = exportLinks(reader);
  if (definitions.length > 0) {
    c.authoritativeDefinitions = mergeByUrl(
      base,
      'authoritativeDefinitions',
      definitions.map(l => ({
        type: l.type ?? UNTYPED_LINK,
        url: l.url,
        ...(l.title ? { description: l.title } : {}),
      })),
    );
  }
  if (support.length > 0) {
    c.support = mergeByUrl(
      base,
      'support',
      support.map(l => ({ channel: l.title ?? l.url, url: l.url })),
    );
  }
}

/**
 * The ODCS 3.1 contract of an output port. The first output port's contract
 * also holds the product's schema, tests, SLOs, roles and privacy settings.
 * A given contract (`base`) is the starting point, so that what the entity
 * does not hold survives.
 */
export function odcsContract(
  reader: EntityReader,
  port: DataProductPort,
  portPath: (string | number)[],
  id: string,
  main: boolean,
  base: Obj | undefined,
): Obj {
  const e = reader.entity;
  const c: Obj = { ...base, apiVersion: 'v3.1.0', kind: 'DataContract' };
  c.id = base?.id ?? id;
  reader.take(['spec', 'lifecycle']);
  c.version = (e.spec.version as string | undefined) ?? base?.version ?? '';
  c.status = e.spec.lifecycle
    ? lifecycleToStatus(e.spec.lifecycle)
    : base?.status ?? '';
  if (e.spec.domain) c.domain = refName(e.spec.domain);
  if (e.spec.owner)
    c.team = {
      // An ODCS 3.0 team is a list of members: the members of the 3.1 team object.
      ...(Array.isArray(base?.team)
        ? { members: base!.team }
        : mappingOf(base?.team)),
      name: refName(e.spec.owner),
    };
  writeLinks(reader, c, base);
  const props: Obj = {};
  if (port.endpoint) props.location = port.endpoint;
  else if (port.location) props.location = port.location;
  if (port.format) props.format = port.format;
  reader.take([...portPath, 'location']);
  reader.take([...portPath, 'endpoint']);
  reader.take([...portPath, 'format']);
  let server = odcsServer(port.name, port.type, props);
  if (port.authentication) {
    reader.take([...portPath, 'authentication']);
    server.customProperties = [
      ...((server.customProperties as Obj[]) ?? []),
      { property: 'authentication', value: port.authentication },
    ];
  }
  const baseServers: Obj[] = Array.isArray(base?.servers) ? base!.servers : [];
  const baseServer =
    baseServers.find(s => s?.server === port.name) ??
    (baseServers.length === 1 ? baseServers[0] : undefined);
  const physicalName = mappingOf(listOf(base?.schema)[0])?.physicalName;
  const givenServer = mappingOf(baseServer);
  const givenPort =
    givenServer &&
    portOfServer(
      givenServer,
      typeof physicalName === 'string' ? physicalName : undefined,
    );
  if (givenServer && samePort(givenPort, port)) {
    // The given contract's server says the same: kept whole (host, account, ...).
    server = givenServer;
  }
  c.servers = [server, ...baseServers.filter(s => s !== baseServer)];
  if (!main) return c;

  const fields =
    (reader.take(['spec', 'schema', 'fields']) as
      | DataProductSchemaField[]
      | undefined) ?? [];
  reader.lose(
    ['spec', 'schema', 'type'],
    'no place in ODCS 3.1 for the schema language',
  );
  const tests =
    (reader.take(['spec', 'quality', 'tests']) as any[] | undefined) ?? [];
  const baseObject: Obj = mappingOf(listOf(base?.schema)[0]) ?? {};
  if (fields.length > 0 || tests.length > 0 || base?.schema) {
    const object: Obj = {
      ...baseObject,
      name: baseObject.name ?? port.location ?? port.name,
      logicalType: 'object',
      properties: mergeProperties(baseObject.properties, fields.map(property)),
    };
    if (port.location && !props.location) object.physicalName = port.location;
    const kept = listOf(baseObject.quality).filter(
      (r: Obj) => !testFromOdcsQuality(r),
    );
    const quality = [...kept, ...tests.map(odcsQualityOfTest)];
    if (quality.length > 0) object.quality = quality;
    else delete object.quality;
    c.schema = [
      object,
      ...(Array.isArray(base?.schema) ? base!.schema.slice(1) : []),
    ];
  }
  const sla = slaProperties(reader);
  const keptSla = listOf(base?.slaProperties).filter(
    (s: Obj) => !MAPPED_SLA.includes(String(s?.property).toLowerCase()),
  );
  if (sla.length + keptSla.length > 0) c.slaProperties = [...sla, ...keptSla];
  const roles = reader.take(['spec', 'access', 'roles']) as
    | Array<{ name: string; permissions: string[] }>
    | undefined;
  if (roles) {
    c.roles = roles.map(r => ({
      role: r.name,
      ...(r.permissions.length > 0 ? { access: r.permissions.join(',') } : {}),
    }));
  }
  const custom: Obj[] = listOf(base?.customProperties).filter(
    (p: Obj) =>
      !['dataClassification', 'piiColumns', 'maskingPolicy'].includes(
        p?.property,
      ),
  );
  const classification = reader.take(['spec', 'access', 'classification']);
  if (classification)
    custom.push({ property: 'dataClassification', value: classification });
  const piiColumns = reader.take(['spec', 'access', 'privacy', 'piiColumns']);
  if (piiColumns) custom.push({ property: 'piiColumns', value: piiColumns });
  const masking = reader.take(['spec', 'access', 'privacy', 'maskingPolicy']);
  if (masking) custom.push({ property: 'maskingPolicy', value: masking });
  if (custom.length > 0) c.customProperties = custom;
  return c;
}
