import type { PathStep, SourceTracker } from '../loss/SourceTracker';

const LOGICAL_TYPES: Record<string, string> = {
  number: 'number',
  decimal: 'number',
  numeric: 'number',
  float: 'number',
  double: 'number',
  int: 'integer',
  integer: 'integer',
  long: 'integer',
  bigint: 'integer',
  string: 'string',
  text: 'string',
  varchar: 'string',
  boolean: 'boolean',
  timestamp: 'timestamp',
  timestamp_tz: 'timestamp',
  timestamp_ntz: 'timestamp',
  date: 'date',
  time: 'time',
  array: 'array',
  map: 'object',
  object: 'object',
  record: 'object',
  struct: 'object',
};

const STRING_OPTIONS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_OPTIONS = ['minimum', 'maximum'];

/** A DCS field (at `path`, named `name`) as an ODCS 3.1 schema property. */
export function odcsPropertyOfDcsField(
  source: SourceTracker,
  path: PathStep[],
  name: string,
): Record<string, unknown> {
  const field = (source.peek(path) ?? {}) as Record<string, any>;
  const property: Record<string, unknown> = { name };
  const type = source.text([...path, 'type']);
  const logical = type ? LOGICAL_TYPES[type.toLowerCase()] : undefined;
  if (logical) property.logicalType = logical;
  if (type) {
    const precision = source.take([...path, 'precision']);
    const scale = source.take([...path, 'scale']);
    property.physicalType =
      precision !== undefined
        ? `${type}(${precision}${scale !== undefined ? `,${scale}` : ''})`
        : type;
  }
  const text = (key: string, as = key) => {
    const value = source.text([...path, key]);
    if (value !== undefined) property[as] = value;
  };
  text('description');
  text('title', 'businessName');
  text('classification');
  for (const key of ['required', 'unique'] as const) {
    const value = source.flag([...path, key]);
    if (value !== undefined) property[key] = value;
  }
  const primary =
    source.flag([...path, 'primaryKey']) ?? source.flag([...path, 'primary']);
  if (primary !== undefined) property.primaryKey = primary;
  const options: Record<string, unknown> = {};
  let optionKeys: string[] = [];
  if (logical === 'string') optionKeys = STRING_OPTIONS;
  else if (logical === 'number' || logical === 'integer') {
    optionKeys = NUMBER_OPTIONS;
  }
  for (const key of optionKeys) {
    const value = source.take([...path, key]);
    if (value !== undefined) options[key] = value;
  }
  if (Object.keys(options).length > 0) property.logicalTypeOptions = options;
  const tags = source.take([...path, 'tags']);
  if (Array.isArray(tags)) property.tags = tags.map(String);
  const examples =
    source.take([...path, 'examples']) ??
    (field.example !== undefined
      ? [source.take([...path, 'example'])]
      : undefined);
  if (Array.isArray(examples)) property.examples = examples;
  const custom: Array<{ property: string; value: unknown }> = [];
  const pii = source.flag([...path, 'pii']);
  if (pii !== undefined) custom.push({ property: 'pii', value: pii });
  if (custom.length > 0) property.customProperties = custom;
  const enumValues = source.take([...path, 'enum']);
  if (Array.isArray(enumValues)) {
    property.quality = [
      {
        type: 'library',
        metric: 'invalidValues',
        mustBe: 0,
        arguments: { validValues: enumValues },
      },
    ];
  }
  const nested = source.keys([...path, 'fields']);
  if (nested.length > 0) {
    property.properties = nested.map(key =>
      odcsPropertyOfDcsField(source, [...path, 'fields', key], key),
    );
  }
  if (field.items && typeof field.items === 'object') {
    property.items = odcsPropertyOfDcsField(
      source,
      [...path, 'items'],
      'items',
    );
    delete (property.items as any).name;
  }
  return property;
}
