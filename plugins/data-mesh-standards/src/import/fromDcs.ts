import { SourceTracker } from '../loss/SourceTracker';
import type { LossReportEntry } from '../types';
import { odcsPropertyOfDcsField } from './dcsFields';
import { odcsServer } from './odcsServers';
import {
  CUSTOM_PROPERTY,
  EXTENSION_FIELDS,
  INFO_EXTENSION,
} from './vendorExtensions';

const SERVER_COMMON = ['type', 'description', 'environment'];

function convertServers(source: SourceTracker) {
  const servers: Record<string, unknown>[] = [];
  for (const name of source.keys(['servers'])) {
    const at = ['servers', name];
    const server = source.peek(at) as Record<string, unknown>;
    const type = source.text([...at, 'type']);
    if (!type || !server || typeof server !== 'object') {
      source.lose(at, 'value not understood: a server without a type');
      continue;
    }
    const props: Record<string, unknown> = {};
    for (const key of Object.keys(server)) {
      if (SERVER_COMMON.includes(key) || key === 'roles' || /^x-/i.test(key))
        continue;
      props[key] = source.take([...at, key]);
    }
    servers.push(
      odcsServer(name, type, props, {
        description: source.text([...at, 'description']),
        environment: source.text([...at, 'environment']),
      }),
    );
  }
  return servers;
}

function convertModels(source: SourceTracker) {
  const schema: Record<string, unknown>[] = [];
  for (const name of source.keys(['models'])) {
    const at = ['models', name];
    const object: Record<string, unknown> = {
      name,
      physicalName: name,
      logicalType: 'object',
    };
    const type = source.text([...at, 'type']);
    if (type) object.physicalType = type;
    const description = source.text([...at, 'description']);
    if (description) object.description = description;
    const title = source.text([...at, 'title']);
    if (title) object.businessName = title;
    const primaryKey = source.take([...at, 'primaryKey']);
    const keyColumns = Array.isArray(primaryKey) ? primaryKey.map(String) : [];
    object.properties = source.keys([...at, 'fields']).map(field => {
      const property = odcsPropertyOfDcsField(
        source,
        [...at, 'fields', field],
        field,
      );
      const position = keyColumns.indexOf(field);
      if (position >= 0) {
        property.primaryKey = true;
        property.primaryKeyPosition = position + 1;
      }
      return property;
    });
    schema.push(object);
  }
  return schema;
}

function sla(
  source: SourceTracker,
  path: string[],
  property: string,
  extra: Record<string, unknown> = {},
) {
  const value = source.take(path);
  if (value === undefined) return undefined;
  const description = source.text([path[0], path[1], 'description']);
  return {
    property,
    value,
    ...extra,
    ...(description ? { description } : {}),
  };
}

function convertServiceLevels(source: SourceTracker) {
  const out = [
    sla(
      source,
      ['servicelevels', 'availability', 'percentage'],
      'availability',
    ),
    sla(source, ['servicelevels', 'freshness', 'threshold'], 'freshness', {
      ...(typeof source.peek([
        'servicelevels',
        'freshness',
        'timestampField',
      ]) === 'string'
        ? {
            element: source.take([
              'servicelevels',
              'freshness',
              'timestampField',
            ]),
          }
        : {}),
    }),
    sla(source, ['servicelevels', 'latency', 'threshold'], 'latency'),
    sla(source, ['servicelevels', 'retention', 'period'], 'retention'),
    sla(source, ['servicelevels', 'frequency', 'interval'], 'frequency'),
  ];
  return out.filter(Boolean);
}

/**
 * Converts a Data Contract Specification (0.9.3 – 1.2) contract into an
 * ODCS 3.1 contract, with the loss report of what ODCS cannot hold.
 */
export function convertDcsToOdcs(
  file: string,
  data: Record<string, unknown>,
): { odcs: Record<string, unknown>; lossReport: LossReportEntry[] } {
  const source = new SourceTracker(file, data, 'no equivalent in ODCS 3.1');
  source.consume(['dataContractSpecification']);
  const odcs: Record<string, unknown> = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: source.text(['id']) ?? '',
    version: source.text(['info', 'version']) ?? '',
    status: source.text(['info', 'status']) ?? '',
  };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) odcs[key] = value;
  };
  set('name', source.text(['info', 'title']));
  const description: Record<string, string> = {};
  for (const [key, path] of [
    ['purpose', ['info', 'description']],
    ['usage', ['terms', 'usage']],
    ['limitations', ['terms', 'limitations']],
  ] as const) {
    const value = source.text([...path]);
    if (value !== undefined) description[key] = value;
  }
  if (Object.keys(description).length > 0) odcs.description = description;
  const owner = source.text(['info', 'owner']);
  if (owner) odcs.team = { name: owner };
  const tags = source.take(['tags']);
  if (Array.isArray(tags)) odcs.tags = tags.map(String);
  const servers = convertServers(source);
  if (servers.length > 0) odcs.servers = servers;
  const schema = convertModels(source);
  if (schema.length > 0) odcs.schema = schema;
  const slaProperties = convertServiceLevels(source);
  if (slaProperties.length > 0) odcs.slaProperties = slaProperties;
  const links = source.keys(['links']).map(name => ({
    type: name,
    url: source.text(['links', name]),
  }));
  if (links.length > 0) odcs.authoritativeDefinitions = links;
  const contactUrl =
    source.text(['info', 'contact', 'url']) ??
    (typeof source.peek(['info', 'contact', 'email']) === 'string'
      ? `mailto:${source.text(['info', 'contact', 'email'])}`
      : undefined);
  if (contactUrl) {
    odcs.support = [
      {
        channel: source.text(['info', 'contact', 'name']) ?? 'contact',
        url: contactUrl,
      },
    ];
  }
  const custom = EXTENSION_FIELDS.flatMap(field => {
    const value = source.take(['info', INFO_EXTENSION[field]]);
    return value === undefined
      ? []
      : [{ property: CUSTOM_PROPERTY[field], value }];
  });
  if (custom.length > 0) odcs.customProperties = custom;
  return { odcs, lossReport: source.report() };
}
