import type { z as zodV3 } from 'zod/v3';

/**
 * The zod the actions registry hands to schema builders: Backstage's
 * registry describes actions with zod v3 (`zod/v3`) and turns them into the
 * JSON Schema MCP clients see.
 */
export type Zod = typeof zodV3;

const STATUSES = ['pass', 'warn', 'fail'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const SOURCES = ['entity', 'api'] as const;
const WAIVER_STATUSES = ['pending', 'approved', 'rejected', 'revoked'] as const;
const UPCOMING_STATES = ['draft', 'grace', 'deprecated'] as const;
const RULE_STATES = ['draft', 'grace', 'enforced', 'deprecated'] as const;

/** A product's result status. */
export const statusSchema = (zod: Zod) =>
  zod
    .enum(STATUSES)
    .describe('fail: an error-severity violation; warn: warnings only');

/** One breach of a rule (as `Violation` in the REST API). */
export const violationSchema = (zod: Zod) =>
  zod.object({
    ruleId: zod.string(),
    severity: zod.enum(SEVERITIES),
    message: zod.string(),
    remediation: zod.string(),
    path: zod.string().describe('The field concerned, e.g. spec.schema'),
    waived: zod
      .boolean()
      .describe('Listed but not scored: an approved waiver covers it'),
    waiver: zod
      .object({
        reason: zod.string(),
        expiresAt: zod.string(),
        source: zod.enum(SOURCES),
      })
      .optional(),
  });

/**
 * A rule that applies to the product and is not scored (draft, grace until
 * its date, deprecated), with how the product fares (as `UpcomingRule`).
 */
const upcomingRuleSchema = (zod: Zod) =>
  zod.object({
    ruleId: zod.string(),
    title: zod.string(),
    severity: zod.enum(SEVERITIES),
    state: zod.enum(UPCOMING_STATES),
    enforcedFrom: zod
      .string()
      .optional()
      .describe('When a grace rule starts to be scored'),
    replacedBy: zod
      .string()
      .optional()
      .describe('The rule that replaces a deprecated one'),
    passes: zod.boolean(),
    violations: zod
      .array(violationSchema(zod))
      .describe('What would count against the product, were the rule scored'),
  });

/** A waiver as a scorecard lists it, with whether it counts and why. */
const scorecardWaiverSchema = (zod: Zod) =>
  zod.object({
    ruleId: zod.string(),
    reason: zod.string(),
    expiresAt: zod.string(),
    source: zod.enum(SOURCES),
    status: zod.enum(WAIVER_STATUSES),
    counts: zod.boolean(),
    standing: zod.string(),
    explanation: zod.string(),
    requestedBy: zod.string().optional(),
    decidedBy: zod.string().optional(),
    decidedAt: zod.string().optional(),
    comment: zod.string().optional(),
  });

/** What a scorecard and a scorecard summary share. */
const resultFields = (zod: Zod) => ({
  entityRef: zod.string(),
  score: zod.number().describe('0 to 100'),
  status: statusSchema(zod),
  evaluatedAt: zod.string(),
  policyVersion: zod.string(),
  stale: zod
    .boolean()
    .optional()
    .describe('The result may be out of date: the catalog could not be read'),
  staleReason: zod.string().optional(),
  domain: zod.string().optional(),
  owner: zod.string().optional(),
  type: zod.string().optional(),
  lifecycle: zod.string().optional(),
});

/** A product's governance result (as `Scorecard` in the REST API). */
export const scorecardSchema = (zod: Zod) =>
  zod.object({
    ...resultFields(zod),
    violations: zod.array(violationSchema(zod)),
    waivers: zod.array(scorecardWaiverSchema(zod)).optional(),
    upcoming: zod
      .array(upcomingRuleSchema(zod))
      .optional()
      .describe(
        'Rules that apply but are not scored (draft, grace, deprecated); absent when none',
      ),
    pendingReferences: zod
      .array(zod.object({ ref: zod.string(), path: zod.string() }))
      .optional()
      .describe('References the catalog does not hold yet, judged later'),
    pendingUntil: zod.string().optional(),
  });

/** A stored result without its violations, as lists give it. */
export const scorecardSummarySchema = (zod: Zod) =>
  zod.object({
    ...resultFields(zod),
    errorCount: zod.number(),
    warningCount: zod.number(),
    waivedCount: zod.number(),
    upcomingFailing: zod
      .array(zod.string())
      .optional()
      .describe('Ids of the upcoming (unscored) rules the product fails'),
  });

/** When the figures were computed, and whether they may be out of date. */
export const freshnessSchema = (zod: Zod) =>
  zod.object({
    computedAt: zod
      .string()
      .optional()
      .describe('When the last complete sweep finished'),
    lastSweep: zod
      .object({
        startedAt: zod.string(),
        finishedAt: zod.string().optional(),
        outcome: zod.string(),
        message: zod.string().optional(),
      })
      .optional(),
    stale: zod.boolean(),
    reason: zod.string().optional(),
  });

/** A waiver record (as `Waiver` in the REST API). */
export const waiverSchema = (zod: Zod) =>
  zod.object({
    entityRef: zod.string(),
    ruleId: zod.string(),
    reason: zod.string(),
    expiresAt: zod.string(),
    source: zod.enum(SOURCES),
    status: zod.enum(WAIVER_STATUSES),
    requestedBy: zod.string().optional(),
    requestedAt: zod.string().optional(),
    decidedBy: zod.string().optional(),
    decidedAt: zod.string().optional(),
    comment: zod.string().optional(),
  });

/** A rule of the effective policies (as `PolicyRuleDescription`). */
export const ruleSchema = (zod: Zod) =>
  zod.object({
    id: zod.string(),
    title: zod.string(),
    severity: zod.enum(SEVERITIES),
    description: zod.string(),
    remediation: zod.string(),
    appliesTo: zod
      .object({
        types: zod.array(zod.string()).optional(),
        lifecycles: zod.array(zod.string()).optional(),
        domains: zod.array(zod.string()).optional(),
      })
      .optional(),
    pack: zod.string(),
    scope: zod
      .string()
      .describe('global, or the Domain whose pack defines or tightens it'),
    state: zod.enum(RULE_STATES).optional(),
    enforcedFrom: zod
      .string()
      .optional()
      .describe('When a grace rule starts to be scored'),
    replacedBy: zod
      .string()
      .optional()
      .describe('The rule that replaces a deprecated one'),
  });
