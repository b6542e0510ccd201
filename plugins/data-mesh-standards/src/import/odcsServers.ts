/**
 * The server properties ODCS 3.1 defines per server type, and those it
 * requires. A conversion writes a server of that type only when it can fill
 * the required ones; other properties go to the server's `customProperties`.
 */
export const ODCS_SERVER_PROPERTIES: Record<
  string,
  { allowed: string[]; required: string[] }
> = {
  api: { allowed: ['location'], required: ['location'] },
  azure: {
    allowed: ['location', 'format', 'delimiter'],
    required: ['location', 'format'],
  },
  bigquery: {
    allowed: ['project', 'dataset'],
    required: ['project', 'dataset'],
  },
  databricks: {
    allowed: ['host', 'catalog', 'schema'],
    required: ['catalog', 'schema'],
  },
  glue: {
    allowed: ['account', 'database', 'location', 'format'],
    required: ['account', 'database'],
  },
  kafka: { allowed: ['host', 'format'], required: ['host'] },
  kinesis: { allowed: ['region', 'format'], required: [] },
  local: { allowed: ['path', 'format'], required: ['path', 'format'] },
  postgres: {
    allowed: ['host', 'port', 'database', 'schema'],
    required: ['host', 'port', 'database', 'schema'],
  },
  postgresql: {
    allowed: ['host', 'port', 'database', 'schema'],
    required: ['host', 'port', 'database', 'schema'],
  },
  pubsub: { allowed: ['project'], required: ['project'] },
  redshift: {
    allowed: ['host', 'database', 'schema', 'region', 'account'],
    required: ['database', 'schema'],
  },
  s3: {
    allowed: ['location', 'endpointUrl', 'format', 'delimiter'],
    required: ['location'],
  },
  sftp: {
    allowed: ['location', 'format', 'delimiter'],
    required: ['location'],
  },
  snowflake: {
    allowed: ['host', 'port', 'account', 'database', 'schema', 'warehouse'],
    required: ['account', 'database', 'schema'],
  },
  sqlserver: {
    allowed: ['host', 'port', 'database', 'schema'],
    required: ['host', 'database', 'schema'],
  },
  trino: {
    allowed: ['host', 'port', 'catalog', 'schema'],
    required: ['host', 'port', 'catalog', 'schema'],
  },
  custom: {
    allowed: [
      'account',
      'catalog',
      'database',
      'dataset',
      'delimiter',
      'endpointUrl',
      'format',
      'host',
      'location',
      'path',
      'port',
      'project',
      'region',
      'regionName',
      'schema',
      'serviceName',
      'stagingDir',
      'warehouse',
      'stream',
    ],
    required: [],
  },
};

/** Keys every ODCS server may have whatever its type. */
export const ODCS_SERVER_COMMON = [
  'server',
  'type',
  'description',
  'environment',
];

/**
 * An ODCS 3.1 server from a name, a type and properties: of that type when
 * ODCS knows it and the required properties are there, otherwise `custom`
 * with the type kept as the `portType` custom property. Properties the type
 * does not allow go to `customProperties`, so nothing is lost.
 */
export function odcsServer(
  name: string,
  type: string,
  props: Record<string, unknown>,
  common: { description?: string; environment?: string } = {},
): Record<string, unknown> {
  const known = ODCS_SERVER_PROPERTIES[type.toLowerCase()];
  const usable = known && known.required.every(key => props[key] !== undefined);
  const target = usable ? known : ODCS_SERVER_PROPERTIES.custom;
  const server: Record<string, unknown> = {
    server: name,
    type: usable ? type.toLowerCase() : 'custom',
  };
  if (common.description) server.description = common.description;
  if (common.environment) server.environment = common.environment;
  const custom: Array<{ property: string; value: unknown }> = [];
  if (!usable) custom.push({ property: 'portType', value: type });
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (target.allowed.includes(key)) server[key] = value;
    else custom.push({ property: key, value });
  }
  if (custom.length > 0) server.customProperties = custom;
  return server;
}
