import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { KindValidator } from '@backstage/catalog-model';
import schema from './DataProduct.v1alpha1.schema.json';
import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
} from './DataProductEntityV1alpha1';
import { formatFieldPath, jsonPointerSegments } from './fieldPaths';
import { inspectStructure } from './inspectStructure';

/** The JSON Schema of the DataProduct kind. @public */
export const dataProductEntityV1alpha1Schema = schema;

/** A reason a document is not a valid data product. @public */
export interface DataProductValidationError {
  /** Dotted path of the offending field, for example `spec.outputPorts[0].type`. */
  path: string;
  message: string;
}

/** The outcome of validating a data product. @public */
export type DataProductValidationResult =
  | { valid: true; entity: DataProductEntityV1alpha1 }
  | { valid: false; errors: DataProductValidationError[] };

const MAX_REPORTED_ERRORS = 20;

let compiled: ValidateFunction | undefined;
function compiledSchema(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({
      allErrors: true,
      allowUnionTypes: true,
      strict: true,
    });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function toValidationError(error: ErrorObject): DataProductValidationError {
  const base = formatFieldPath(jsonPointerSegments(error.instancePath));
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required': {
      const path = base
        ? `${base}.${params.missingProperty}`
        : params.missingProperty;
      return { path, message: `${path} is required` };
    }
    case 'enum':
      return {
        path: base,
        message: `${base} must be one of: ${params.allowedValues.join(', ')}`,
      };
    case 'const':
      return {
        path: base,
        message: `${base} must be '${params.allowedValue}'`,
      };
    case 'pattern':
      return {
        path: base,
        message: `${base} is not in the expected format${
          base.endsWith('version') ? ' (a semantic version such as 1.2.0)' : ''
        }`,
      };
    default:
      return {
        path: base || '(root)',
        message: `${base || 'entity'} ${error.message}`,
      };
  }
}

/**
 * Validates a document against the DataProduct kind: first its structure is
 * bounded (size, depth, forbidden keys), then its shape is checked with the
 * kind's JSON Schema. Only the minimal core (type, lifecycle, owner, domain)
 * is required; completeness is for governance to score, not to reject. A
 * product imported from an open standard (annotation
 * `datamesh.io/source-format`) needs only its owner: the type, lifecycle and
 * domain its source does not give stay absent, and governance scores them.
 * @public
 */
export function validateDataProductEntity(
  data: unknown,
): DataProductValidationResult {
  const problem = inspectStructure(data);
  if (problem) {
    return {
      valid: false,
      errors: [
        { path: problem.path, message: `${problem.path}: ${problem.message}` },
      ],
    };
  }
  const validate = compiledSchema();
  if (validate(data)) {
    return { valid: true, entity: data as DataProductEntityV1alpha1 };
  }
  const seen = new Set<string>();
  const errors = (validate.errors ?? [])
    // The branch's own errors say why; "must match else" adds nothing.
    .filter(error => error.keyword !== 'if')
    .map(toValidationError)
    .filter(error => !seen.has(error.message) && seen.add(error.message))
    .slice(0, MAX_REPORTED_ERRORS);
  return { valid: false, errors };
}

/**
 * The catalog's kind validator for DataProduct entities: `false` for other
 * kinds, `true` for valid products, and a `TypeError` naming each failing
 * field path otherwise.
 * @public
 */
export const dataProductEntityV1alpha1Validator: KindValidator = {
  async check(data) {
    if (
      data.apiVersion !== DATA_PRODUCT_API_VERSION ||
      data.kind !== DATA_PRODUCT_KIND
    ) {
      return false;
    }
    const result = validateDataProductEntity(data);
    if (!result.valid) {
      throw new TypeError(
        `Invalid DataProduct: ${result.errors.map(e => e.message).join('; ')}`,
      );
    }
    return true;
  },
};
