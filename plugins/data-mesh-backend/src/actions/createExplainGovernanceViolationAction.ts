import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { z } from 'zod';
import { ScorecardStore } from '../database/ScorecardStore';
import { parseRequest, productRefSchema } from '../router/validation';
import { GovernanceService } from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
import { ruleSchema, statusSchema, violationSchema } from './outputSchemas';
import { visibleScorecard } from './createGetDataProductScorecardAction';

const inputSchema = z
  .object({
    ruleId: z.string().min(1).max(64),
    entityRef: productRefSchema.optional(),
  })
  .strict();

/**
 * `explain-governance-violation`: a rule of the effective policies (title,
 * description, remediation, severity) and, for a product, its violations of
 * that rule from its stored scorecard.
 */
export function createExplainGovernanceViolationAction(options: {
  actionsRegistry: ActionsRegistryService;
  governance: GovernanceService;
  scorecards: ScorecardStore;
  visibility: VisibilityService;
}) {
  options.actionsRegistry.register({
    name: 'explain-governance-violation',
    title: 'Explain a governance violation',
    description: `Explains a governance rule by its id (for example DOC-001): what it requires,
why, how to remediate a violation, and its severity. Given a data product, also lists that
product's violations of the rule with the field path of each, and whether a waiver covers it;
the rule shown is then the definition in force in the product's domain (a domain may raise a
rule's severity). Use get-data-product-scorecard first to see which rules a product violates.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod
          .object({
            ruleId: zod.string().min(1).max(64).describe('e.g. DOC-001'),
            entityRef: zod
              .string()
              .min(1)
              .max(255)
              .optional()
              .describe(
                'A data product, e.g. dataproduct:default/customer-360',
              ),
          })
          .strict(),
      output: zod =>
        zod.object({
          rule: ruleSchema(zod),
          definitions: zod
            .array(ruleSchema(zod))
            .describe('Every definition: the global one and domain packs'),
          product: zod
            .object({
              entityRef: zod.string(),
              domain: zod.string().optional(),
              score: zod.number(),
              status: statusSchema(zod),
              evaluatedAt: zod.string(),
              violations: zod.array(violationSchema(zod)),
            })
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { ruleId, entityRef } = parseRequest(inputSchema, input, 'input');
      const definitions = options.governance.policies
        .describe()
        .filter(rule => rule.id === ruleId);
      if (definitions.length === 0) {
        throw new NotFoundError(`No rule ${ruleId} in the effective policies`);
      }
      const card = entityRef
        ? await visibleScorecard(options, credentials, entityRef)
        : undefined;
      const rule =
        definitions.find(d => card?.domain && d.scope === card.domain) ??
        definitions.find(d => d.scope === 'global') ??
        definitions[0];
      const product = card && {
        entityRef: card.entityRef,
        domain: card.domain,
        score: card.score,
        status: card.status,
        evaluatedAt: card.evaluatedAt,
        violations: card.violations.filter(v => v.ruleId === ruleId),
      };
      return { output: { rule, definitions, product } };
    },
  });
}
