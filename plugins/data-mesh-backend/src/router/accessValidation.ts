import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { isoDateTimeSchema, productRefSchema } from './validation';

/** Any entity given as `kind:namespace/name` or `kind:name`. */
export const entityRefSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(parseEntityRef(value));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** A user given as `user:namespace/name` or `user:name`. */
const userRefSchema = entityRefSchema.refine(
  ref => ref.startsWith('user:'),
  'must refer to a User',
);

const textSchema = z.string().trim().min(1).max(2000);

/** An ISO-8601 date-time after `now`. */
const futureSchema = (now: () => Date) =>
  isoDateTimeSchema.refine(
    value => value > now().toISOString(),
    'must be in the future',
  );

/** The body of `POST /access-requests`. */
export const accessRequestBodySchema = (now: () => Date) =>
  z
    .object({
      product: productRefSchema,
      port: z.string().min(1).max(255),
      consumer: entityRefSchema,
      purpose: textSchema,
      purposeShareable: z.boolean().default(false),
      fields: z.array(z.string().min(1).max(255)).max(500).default([]),
      until: futureSchema(now),
      reviewer: userRefSchema.optional(),
    })
    .strict();

/** The body of `POST /agreements/:id/renew`. */
export const renewBodySchema = (now: () => Date) =>
  z
    .object({ until: futureSchema(now), reviewer: userRefSchema.optional() })
    .strict();

export const approveBodySchema = z
  .object({ comment: textSchema.optional() })
  .strict();

export const rejectBodySchema = z.object({ comment: textSchema }).strict();

export const revokeBodySchema = z.object({ reason: textSchema }).strict();

export const accessRequestQuerySchema = z
  .object({
    product: productRefSchema.optional(),
    status: z.enum(['pending', 'approved', 'rejected']).optional(),
    mine: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const agreementQuerySchema = z
  .object({
    product: productRefSchema.optional(),
    consumer: entityRefSchema.optional(),
    status: z
      .enum([
        'provisioning',
        'active',
        'provisioning-failed',
        'revoking',
        'revoke-failed',
        'revoked',
        'expired',
      ])
      .optional(),
  })
  .strict();

export const auditQuerySchema = z
  .object({
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
    product: productRefSchema.optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
