import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

/**
 * The zod the scaffolder hands to an action's schema callbacks: the v3 API
 * (`zod/v3`) of the suite's one zod package, which the scaffolder turns into
 * the JSON Schema of the action.
 */
export type Zod = typeof z;

/**
 * An action's input or output as `createTemplateAction` takes it: one zod
 * callback per field.
 */
export type SchemaFields = Record<string, (zImpl: Zod) => z.ZodTypeAny>;

/** The zod object the fields of {@link SchemaFields} make up. */
export type ObjectOf<F extends SchemaFields> = z.ZodObject<{
  [K in keyof F]: ReturnType<F[K]>;
}>;

/** The fields as one zod object, built with the given zod. */
export function objectOf<F extends SchemaFields>(
  fields: F,
  zImpl: Zod = z,
): ObjectOf<F> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field(zImpl)]),
  );
  return zImpl.object(shape) as ObjectOf<F>;
}

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
 * Validates an action's input with its per-field zod schemas, applying
 * defaults. The scaffolder checks the JSON Schema derived from the same
 * fields before a step runs, but that check neither applies defaults nor
 * runs refinements, and callers of the handler may skip it. The error names
 * every invalid field.
 */
export function parseActionInput<F extends SchemaFields>(
  actionId: string,
  fields: F,
  input: unknown,
): z.output<ObjectOf<F>> {
  const result = objectOf(fields).safeParse(input);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(
    issue => `${formatInputPath(issue.path) || 'input'}: ${issue.message}`,
  );
  throw new InputError(`Invalid input to ${actionId}: ${problems.join('; ')}`);
}
