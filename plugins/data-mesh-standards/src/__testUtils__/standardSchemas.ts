import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft7 from 'ajv';
import type { ValidateFunction } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

const FILES = {
  odps: 'odps-json-schema-v1.0.0.json',
  odcs: 'odcs-json-schema-v3.1.0.json',
  dpds: 'dpds-schema-v1.0.0.json',
  dcs: 'datacontract.schema-v1.2.1.json',
} as const;

/**
 * The directory of the standards' official JSON Schemas: `DM_STANDARDS_DIR`,
 * or the first `shared/standards` found beside the repository or one of its
 * parents. Throws when there is none: the tests need the schemas.
 */
export function standardsDir(): string {
  if (process.env.DM_STANDARDS_DIR) return process.env.DM_STANDARDS_DIR;
  let dir = path.resolve(__dirname);
  while (dir !== path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'standards');
    if (fs.existsSync(path.join(candidate, FILES.odps))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(
    'The official JSON Schemas of ODPS, ODCS, DPDS and DCS were not found: set DM_STANDARDS_DIR',
  );
}

const cache = new Map<string, ValidateFunction>();

/** The validator of a standard's official schema. */
export function schemaValidator(
  standard: keyof typeof FILES,
): ValidateFunction {
  const known = cache.get(standard);
  if (known) return known;
  const file = path.join(standardsDir(), FILES[standard]);
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const options = { strict: false, validateFormats: false, allErrors: true };
  let ajv;
  if (standard === 'dpds') ajv = new Ajv2020(options);
  else if (standard === 'dcs') ajv = new AjvDraft7(options);
  else ajv = new Ajv2019(options);
  const validate = ajv.compile(schema);
  cache.set(standard, validate);
  return validate;
}

/** The schema errors of a YAML or JSON file's content, as readable lines (none when valid). */
export function schemaErrors(
  standard: keyof typeof FILES,
  content: string,
): string[] {
  const validate = schemaValidator(standard);
  const data = load(content);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
  );
}
