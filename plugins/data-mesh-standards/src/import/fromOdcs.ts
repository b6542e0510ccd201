import type {
  DataProductPort,
  DataProductSchemaField,
  DataProductSlo,
  DataQualityTest,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { PathStep, SourceTracker } from '../loss/SourceTracker';
import type { ContractParts } from './contractParts';
import { customProperty } from './customProperties';
import { parseDuration, parsePercent } from './sloValues';
import {
  parseClassification,
  parseSemver,
  saysPii,
  statusToLifecycle,
  toEntityName,
  toTag,
} from './values';
import { testFromOdcsQuality } from './qualityFromOdcs';

const SLO_PROPERTIES: Record<string, keyof DataProductSlo> = {
  latency: 'freshness',
  freshness: 'freshness',
  availability: 'availability',
  uptime: 'availability',
  completeness: 'completeness',
  accuracy: 'accuracy',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The port a contract server describes (`physicalName`: of the contract's first object). */
export function portOfServer(
  server: any,
  physicalName: string | undefined,
): DataProductPort | undefined {
  const name = str(server?.server) ?? str(server?.type);
  const declared = str(customProperty(server?.customProperties, 'portType'));
  const type = declared ?? str(server?.type);
  if (!name || !type) return undefined;
  const port: DataProductPort = { name, type };
  if (str(server.description)) port.description = server.description;
  if (str(server.format)) port.format = server.format;
  const joined = [
    server.catalog ?? server.project ?? server.database,
    server.schema ?? server.dataset,
    physicalName,
  ]
    .filter(str)
    .join('.');
  const where =
    str(server.location) ??
    str(server.path) ??
    str(customProperty(server.customProperties, 'topic'));
  if (type === 'api' && where) port.endpoint = where;
  else if (where) port.location = where;
  else if (joined) port.location = joined;
  const authentication = str(
    customProperty(server.customProperties, 'authentication'),
  );
  if (authentication) port.authentication = authentication;
  return port;
}

function readFields(
  source: SourceTracker,
  object: PathStep[],
  tests: DataQualityTest[],
) {
  const fields: DataProductSchemaField[] = [];
  for (const i of source.items([...object, 'properties'])) {
    const at = [...object, 'properties', i];
    const p = source.peek(at) as any;
    if (!p || typeof p !== 'object' || !str(p.name)) {
      source.lose(at, 'value not understood: a property without a name');
      continue;
    }
    const field: DataProductSchemaField = { name: p.name };
    const type = str(p.physicalType) ?? str(p.logicalType);
    if (type) field.type = type;
    if (str(p.description)) field.description = p.description;
    if (typeof p.required === 'boolean') field.required = p.required;
    const pii = customProperty(p.customProperties, 'pii');
    if (typeof pii === 'boolean') field.pii = pii;
    else if (pii === 'true' || pii === 'false') field.pii = pii === 'true';
    else if (pii !== undefined) {
      source.lose(
        [...at, 'customProperties'],
        `value not understood: pii '${String(pii)}' is not true or false`,
      );
    } else if (
      saysPii(p.classification) ||
      (Array.isArray(p.tags) && p.tags.some(saysPii))
    ) {
      field.pii = true;
    }
    for (const rule of Array.isArray(p.quality) ? p.quality : []) {
      const values = rule?.arguments?.validValues;
      if (
        rule?.metric === 'invalidValues' &&
        Array.isArray(values) &&
        !field.enum
      ) {
        field.enum = values;
        continue;
      }
      const test = testFromOdcsQuality(rule);
      if (test) tests.push({ ...test, column: test.column ?? p.name });
    }
    fields.push(field);
  }
  return fields;
}

function readSlo(source: SourceTracker, parts: ContractParts) {
  for (const i of source.items(['slaProperties'])) {
    const at: PathStep[] = ['slaProperties', i];
    const sla = source.peek(at) as any;
    const property = str(sla?.property)?.toLowerCase();
    if (!property) continue;
    const unit = str(sla.unit);
    if (property === 'retention') {
      const parsed = parseDuration(sla.value, unit);
      if ('value' in parsed) {
        parts.access = { ...parts.access, retention: parsed.value };
      } else source.lose([...at, 'value'], parsed.reason);
      continue;
    }
    const key = SLO_PROPERTIES[property];
    if (!key) continue;
    const parsed =
      key === 'freshness'
        ? parseDuration(sla.value, unit)
        : parsePercent(sla.value, unit);
    if (!('value' in parsed)) {
      source.lose([...at, 'value'], parsed.reason);
      continue;
    }
    parts.slo = parts.slo ?? {};
    parts.slo[key] = {
      target: parsed.value,
      ...(str(sla.description) ? { measurement: sla.description } : {}),
    };
  }
}

/**
 * What an ODCS 3.x contract gives the entity. The contract itself is kept
 * as a file of the result, so only values the import tried to read and could
 * not understand are reported (in `source`).
 */
export function readOdcsContract(source: SourceTracker): ContractParts {
  const c = source.data as any;
  const parts: ContractParts = { ports: [] };
  if (str(c.id)) parts.id = c.id;
  const name = str(c.name);
  if (name) parts.name = name;
  if (str(c.version) || typeof c.version === 'number') {
    const v = parseSemver(String(c.version));
    if ('value' in v) parts.version = v.value;
    else source.lose(['version'], v.reason);
  }
  if (str(c.status)) parts.lifecycle = statusToLifecycle(c.status);
  if (str(c.domain)) parts.domain = toEntityName(c.domain);
  const teamName = Array.isArray(c.team) ? undefined : str(c.team?.name);
  if (teamName) parts.owner = toEntityName(teamName);
  if (str(c.description?.purpose)) parts.description = c.description.purpose;
  for (const i of source.items(['tags'])) {
    const tag = toTag(String(c.tags[i]));
    if ('value' in tag) (parts.tags = parts.tags ?? []).push(tag.value);
    else source.lose(['tags', i], tag.reason);
  }
  const firstObject = Array.isArray(c.schema) ? c.schema[0] : undefined;
  for (const i of source.items(['servers'])) {
    const port = portOfServer(c.servers[i], str(firstObject?.physicalName));
    if (port) parts.ports.push(port);
    else
      source.lose(
        ['servers', i],
        'value not understood: a server without a name or type',
      );
  }
  if (firstObject) {
    const tests: DataQualityTest[] = [];
    const fields = readFields(source, ['schema', 0], tests);
    if (fields.length > 0) parts.schema = { fields };
    for (const i of source.items(['schema', 0, 'quality'])) {
      const test = testFromOdcsQuality(c.schema[0].quality[i]);
      if (test) tests.push(test);
    }
    if (tests.length > 0) parts.tests = tests;
  }
  readSlo(source, parts);
  const classification = customProperty(
    c.customProperties,
    'dataClassification',
  );
  if (classification !== undefined) {
    const level = parseClassification(classification);
    if ('value' in level) {
      parts.access = { ...parts.access, classification: level.value };
    } else source.lose(['customProperties'], level.reason);
  }
  const piiColumns = customProperty(c.customProperties, 'piiColumns');
  const maskingPolicy = customProperty(c.customProperties, 'maskingPolicy');
  if (Array.isArray(piiColumns) || typeof maskingPolicy === 'string') {
    parts.access = {
      ...parts.access,
      privacy: {
        ...(Array.isArray(piiColumns)
          ? { piiColumns: piiColumns.map(String) }
          : {}),
        ...(typeof maskingPolicy === 'string' ? { maskingPolicy } : {}),
      },
    };
  }
  const roles = (Array.isArray(c.roles) ? c.roles : [])
    .filter((r: any) => str(r?.role))
    .map((r: any) => ({
      name: r.role,
      permissions: String(r.access ?? '')
        .split(',')
        .map(p => p.trim())
        .filter(Boolean),
    }));
  if (roles.length > 0) parts.access = { ...parts.access, roles };
  return parts;
}
