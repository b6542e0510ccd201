import { z } from 'zod';

const ruleId = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/,
    'must be upper-case words and digits joined by dashes, like SCHEMA-001',
  )
  .max(64);

const appliesTo = z
  .object({
    types: z
      .array(z.enum(['source-aligned', 'consumer-aligned', 'aggregate']))
      .min(1)
      .optional(),
    lifecycles: z.array(z.string().min(1)).min(1).optional(),
    domains: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

/** A rule in a pack document. */
export const policyRuleSchema = z
  .object({
    id: ruleId,
    title: z.string().min(1).optional(),
    severity: z.enum(['error', 'warning', 'info']),
    description: z.string().optional(),
    remediation: z.string().optional(),
    message: z.string().optional(),
    path: z.string().min(1).optional(),
    tags: z.array(z.string().min(1)).optional(),
    appliesTo: appliesTo.optional(),
    condition: z.record(z.string(), z.unknown()).optional(),
    state: z.enum(['draft', 'grace', 'enforced', 'deprecated']).optional(),
    enforcedFrom: z
      .union([z.iso.date(), z.iso.datetime()], {
        error: 'must be a date (2027-01-31) or a UTC date-time',
      })
      .optional(),
    replacedBy: ruleId.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.state === 'grace' && !rule.enforcedFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['enforcedFrom'],
        message: 'a rule in grace needs the date it is enforced from',
      });
    }
    if (rule.enforcedFrom && rule.state !== 'grace') {
      ctx.addIssue({
        code: 'custom',
        path: ['enforcedFrom'],
        message: 'only a rule in grace has an enforcement date',
      });
    }
    if (rule.state === 'deprecated' && !rule.replacedBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['replacedBy'],
        message: 'a deprecated rule needs the id of the rule that replaces it',
      });
    }
    if (rule.replacedBy && rule.state !== 'deprecated') {
      ctx.addIssue({
        code: 'custom',
        path: ['replacedBy'],
        message: 'only a deprecated rule has a replacement',
      });
    }
    if (rule.replacedBy === rule.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['replacedBy'],
        message: 'a rule cannot replace itself',
      });
    }
  });

/** A policy pack document (`kind: PolicyPack`). */
export const policyPackDocumentSchema = z
  .object({
    apiVersion: z.literal('datamesh.io/v1alpha1'),
    kind: z.literal('PolicyPack'),
    metadata: z
      .object({
        name: z
          .string()
          .regex(
            /^[a-z0-9]+(-[a-z0-9]+)*$/,
            'must be lower-case words joined by dashes',
          )
          .max(63),
        title: z.string().optional(),
        description: z.string().optional(),
      })
      .strict(),
    spec: z
      .object({
        domain: z.string().min(1).optional(),
        rules: z.array(policyRuleSchema).min(1),
      })
      .strict(),
  })
  .strict();

export type PolicyPackDocument = z.infer<typeof policyPackDocumentSchema>;
