import {
  formatFieldPath,
  jsonPointerSegments,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { ErrorObject } from 'ajv';
import type { CompiledRule } from '../policy/compilePolicies';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\}/g;

function valueAt(root: unknown, segments: string[]): unknown {
  let value: any = root;
  for (const segment of segments) {
    if (
      value === null ||
      typeof value !== 'object' ||
      !Object.hasOwn(value, segment)
    ) {
      return undefined;
    }
    value = value[segment];
  }
  return value;
}

/**
 * Ajv also reports what failed inside if, anyOf, oneOf, contains and
 * propertyNames; a rule breach is the outcome, not each attempt.
 */
const BRANCH = /\/(?:anyOf|oneOf)\/\d+\/|\/(?:contains|propertyNames|if)\//;
function isOutcomeError(error: ErrorObject): boolean {
  return error.keyword !== 'if' && !BRANCH.test(error.schemaPath);
}

/**
 * Turns a rule's schema errors into violations: one per failing value, with
 * the rule's message, remediation and path, their placeholders filled from
 * the error's parameters, the failing value, its parent object, or the
 * document root (looked up in that order).
 */
export function toViolations(
  rule: CompiledRule,
  errors: ErrorObject[],
  document: unknown,
): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const error of errors.filter(isOutcomeError)) {
    const segments = jsonPointerSegments(error.instancePath);
    const value = valueAt(document, segments);
    const parent = valueAt(document, segments.slice(0, -1));
    const params = error.params as Record<string, unknown>;
    const lookup = (name: string): unknown => {
      if (name === 'value') {
        return value;
      }
      if (Object.hasOwn(params, name)) {
        return params[name];
      }
      const dotted = name.split('.');
      for (const scope of [value, parent, document]) {
        const found = valueAt(scope, dotted);
        if (found !== undefined) {
          return found;
        }
      }
      return undefined;
    };
    const fill = (template: string) =>
      template.replace(PLACEHOLDER, (whole, name) => {
        const found = lookup(name);
        return found === undefined || typeof found === 'object'
          ? whole
          : String(found);
      });
    const missing =
      typeof params.missingProperty === 'string'
        ? [params.missingProperty]
        : [];
    const path = rule.path
      ? fill(rule.path)
      : formatFieldPath([...segments, ...missing]);
    const message = fill(rule.message);
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      violations.push({
        ruleId: rule.id,
        severity: rule.severity,
        message,
        remediation: fill(rule.remediation),
        path,
        waived: false,
      });
    }
  }
  return violations;
}
