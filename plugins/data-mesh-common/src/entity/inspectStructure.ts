/**
 * Bounds on the structure of a data product document, checked before schema
 * validation so that hostile or accidental inputs are rejected in bounded
 * time and memory.
 * @public
 */
export const DATA_PRODUCT_LIMITS = {
  /** Deepest nesting of objects and arrays. */
  maxDepth: 32,
  /** Most values (objects, arrays, scalars) in one document. */
  maxValues: 50_000,
  /** Longest string value. */
  maxStringLength: 100_000,
} as const;

/** Keys that could reach an object's prototype when copied into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A structural problem found in a document. @public */
export interface StructureProblem {
  /** Dotted path of the offending value, for example `spec.schema.fields[3]`. */
  path: string;
  message: string;
}

const childPath = (path: string, key: string | number) => {
  if (typeof key === 'number') {
    return `${path}[${key}]`;
  }
  return path ? `${path}.${key}` : key;
};

/**
 * Walks a document once and reports the first structural problem: nesting
 * too deep, too many values, an over-long string, or a prototype-polluting
 * key. Stops at the first problem, so the cost is bounded by the limits.
 * @public
 */
export function inspectStructure(
  document: unknown,
  limits = DATA_PRODUCT_LIMITS,
): StructureProblem | undefined {
  let values = 0;
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: document, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    values += 1;
    if (values > limits.maxValues) {
      return {
        path: path || '(root)',
        message: `entity is too large: more than ${limits.maxValues} values`,
      };
    }
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        return {
          path,
          message: `string is too long: ${value.length} characters, at most ${limits.maxStringLength}`,
        };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') {
      continue;
    }
    if (depth >= limits.maxDepth) {
      return {
        path,
        message: `nesting is too deep: more than ${limits.maxDepth} levels`,
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({
          value: value[i],
          path: childPath(path, i),
          depth: depth + 1,
        });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          path: childPath(path, key),
          message: `key '${key}' is not allowed`,
        };
      }
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: childPath(path, key),
        depth: depth + 1,
      });
    }
  }
  return undefined;
}
