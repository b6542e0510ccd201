import { InputError } from '@backstage/errors';
import type { z } from 'zod/v3';

/** `['outputPorts', 0, 'name']` becomes `outputPorts[0].name`. */
export function formatInputPath(path: Array<string | number>): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') {
      return `${text}[${part}]`;
    }
    return text ? `${text}.${part}` : part;
  }, '');
}

/**
 * Validates an action's input with its zod schema, applying defaults. The
 * scaffolder checks the JSON Schema derived from the same zod schema before a
 * step runs; parsing again here applies defaults and refinements and covers
 * callers that skip the scaffolder's check. The error names every invalid
 * field.
 */
export function parseActionInput<T extends z.ZodTypeAny>(
  actionId: string,
  schema: T,
  input: unknown,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(
    issue => `${formatInputPath(issue.path) || 'input'}: ${issue.message}`,
  );
  throw new InputError(`Invalid input to ${actionId}: ${problems.join('; ')}`);
}
