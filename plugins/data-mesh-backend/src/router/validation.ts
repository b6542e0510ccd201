import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { DATA_PRODUCT_KIND } from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';

/**
 * Parses a request part (or an action's input) with a zod schema; a failure
 * is a 400 naming each field, for example `body.expiresAt: must be in the
 * future`.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'body' | 'query' | 'input',
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(
          issue =>
            `${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`,
        )
        .join('; '),
    );
  }
  return result.data;
}

/** The entity ref of a product addressed as `/:namespace/:name`. */
export function productRef(params: {
  namespace: string;
  name: string;
}): string {
  return stringifyEntityRef({
    kind: DATA_PRODUCT_KIND,
    namespace: params.namespace,
    name: params.name,
  });
}

/** A domain given as `customer`, `domain:customer` or `domain:default/customer`. */
export const domainRefSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, { defaultKind: 'Domain' });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'domain') {
        throw new Error('must refer to a Domain');
      }
      return stringifyEntityRef(ref);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** A data product given as a full or short entity ref. */
export const productRefSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, { defaultKind: DATA_PRODUCT_KIND });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'dataproduct') {
        throw new Error('must refer to a DataProduct');
      }
      return stringifyEntityRef(ref);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** An ISO-8601 date-time (normalised to UTC). */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
  .transform(value => new Date(value).toISOString());

/** A request for a waiver of one rule for one product. */
export const waiverRequestSchema = z
  .object({
    entityRef: productRefSchema,
    ruleId: z.string().min(1).max(64),
    reason: z.string().trim().min(1).max(2000),
    expiresAt: isoDateTimeSchema,
  })
  .strict();

const score = z.coerce.number().min(0).max(100).optional();

const scorecardListFields = z
  .object({
    domain: domainRefSchema.optional(),
    status: z.enum(['pass', 'warn', 'fail']).optional(),
    type: z
      .enum(['source-aligned', 'consumer-aligned', 'aggregate'])
      .optional(),
    minScore: score,
    maxScore: score,
    orderBy: z
      .enum(['entityRef', 'score', 'status', 'type'])
      .default('entityRef'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .strict();

const scoreRangeIsOrdered = (q: { minScore?: number; maxScore?: number }) =>
  q.minScore === undefined ||
  q.maxScore === undefined ||
  q.minScore <= q.maxScore;
const scoreRangeError = {
  message: 'must not be above maxScore',
  path: ['minScore'],
};

/** Query parameters of scorecard lists. */
export const scorecardListQuerySchema = scorecardListFields.refine(
  scoreRangeIsOrdered,
  scoreRangeError,
);

/** Query parameters of one domain's product list (the domain is in the path). */
export const domainProductsQuerySchema = scorecardListFields
  .omit({ domain: true })
  .refine(scoreRangeIsOrdered, scoreRangeError);
