import type {
  DataProductPort,
  DataProductSchemaField,
  DataProductSlo,
  DataProductType,
  DataQualityTest,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { PathStep, SourceTracker } from '../loss/SourceTracker';
import type { ContractParts } from './contractParts';
import { customProperty, readCustomProperties } from './customProperties';
import {
  applyExtension,
  ExtensionField,
  extensionOfProperty,
} from './vendorExtensions';
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
import { readLinks } from './links';

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
  // A qualified physical name (`DB.SCHEMA.TABLE`) already says where it is.
  const joined = physicalName?.includes('.')
    ? physicalName
    : [
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
        field.enum = [...values];
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

/** Top-level ODCS fields the reading above takes (wholly or in part). */
const READ_KEYS = new Set([
  'apiVersion',
  'kind',
  'id',
  'name',
  'version',
  'status',
  'domain',
  'dataProduct',
  'description',
  'team',
  'tags',
  'servers',
  'schema',
  'slaProperties',
  'customProperties',
  'roles',
  'authoritativeDefinitions',
  'support',
]);

/** Reports the top-level fields (and description parts) the entity has no place for. */
function loseUnheld(source: SourceTracker) {
  const c = source.data as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (!READ_KEYS.has(key)) {
      source.lose([key], `no equivalent in the DataProduct entity`);
    }
  }
  const description = c.description;
  if (description && typeof description === 'object') {
    for (const key of Object.keys(description)) {
      if (key !== 'purpose') {
        source.lose(
          ['description', key],
          'no equivalent: the entity has one description (the purpose)',
        );
      }
    }
  }
}

function readContractCustomProperties(
  source: SourceTracker,
  parts: ContractParts,
) {
  const privacy: { piiColumns?: string[]; maskingPolicy?: string } = {};
  readCustomProperties(source, ['customProperties'], (property, value, at) => {
    const field = extensionOfProperty(property);
    if (field) {
      const target: Partial<Record<ExtensionField, string>> = {
        type: parts.type,
        lifecycle: parts.lifecycle,
        domain: parts.domain,
      };
      const reason = applyExtension(target, field, value);
      if (reason) source.lose(at, reason);
      else {
        parts.type = target.type as DataProductType | undefined;
        parts.lifecycle = target.lifecycle;
        parts.domain = target.domain;
      }
      return true;
    }
    if (property === 'dataClassification') {
      const level = parseClassification(value);
      if ('value' in level) {
        parts.access = { ...parts.access, classification: level.value };
      } else source.lose(at, level.reason);
      return true;
    }
    if (property === 'piiColumns' && Array.isArray(value)) {
      privacy.piiColumns = value.map(String);
      return true;
    }
    if (property === 'maskingPolicy' && typeof value === 'string') {
      privacy.maskingPolicy = value;
      return true;
    }
    return false;
  });
  if (privacy.piiColumns || privacy.maskingPolicy) {
    parts.access = { ...parts.access, privacy };
  }
}

/**
 * What an ODCS 3.x contract gives the entity. Reported (in `source`): the
 * values the import tried to read and could not understand, the custom
 * properties and top-level fields the entity has no place for. The contract
 * itself is kept as a file of the result.
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
  const links = readLinks(source);
  if (links.length > 0) parts.links = links;
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
  readContractCustomProperties(source, parts);
  loseUnheld(source);
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
