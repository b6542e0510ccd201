import { AuthService } from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  Scorecard,
  validateDataProductEntity,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';
import { parseActionInput, Zod } from '../lib/actionSchema';
import { readDataProductFile } from '../lib/yamlFiles';
import { checkAgainstCatalog } from './breakingChangeGate';
import { examples } from './governanceCheck.examples';

const ACTION_ID = 'datamesh:governance:check';

/** The input of `datamesh:governance:check`, one zod schema per field. */
const inputFields = {
  catalogInfoPath: (z: Zod) =>
    z
      .string({
        description:
          'Workspace path of the catalog-info.yaml holding the product (default catalog-info.yaml)',
      })
      .default('catalog-info.yaml'),
  entity: (z: Zod) =>
    z
      .record(z.unknown(), {
        description:
          'The DataProduct entity itself, instead of reading catalogInfoPath',
      })
      .optional(),
  breakingChanges: (z: Zod) =>
    z
      .enum(['fail', 'warn'], {
        description:
          "What a breaking change against the catalog's current version (in production) does without a major version bump: fail the step (default) or only log it",
      })
      .default('fail'),
};

const outputFields = {
  score: (z: Zod) => z.number({ description: 'Governance score, 0 to 100' }),
  status: (z: Zod) => z.enum(['pass', 'warn', 'fail']),
  violations: (z: Zod) =>
    z
      .array(
        z.object({
          ruleId: z.string(),
          severity: z.enum(['error', 'warning', 'info']),
          message: z.string(),
          remediation: z.string(),
          path: z.string(),
          waived: z.boolean(),
        }),
      )
      .describe('Every violation, waived ones included'),
  breakingChanges: (z: Zod) =>
    z
      .array(
        z.object({
          kind: z.string(),
          path: z.string(),
          message: z.string(),
        }),
      )
      .describe(
        "Breaking changes against the catalog's current version in production (when the action has the catalog)",
      )
      .optional(),
};

/** `SEC-002 spec.access.retention: Retention policy not specified — Define …` */
export const formatViolation = (v: Violation) =>
  `${v.ruleId} ${v.path || '(product)'}: ${v.message} — ${v.remediation}`;

async function evaluate(
  dataMesh: DataMeshService,
  auth: AuthService,
  entity: unknown,
): Promise<Scorecard> {
  try {
    return await dataMesh.evaluate(entity as any, {
      credentials: await auth.getOwnServiceCredentials(),
    });
  } catch (error) {
    if (error instanceof ResponseError && error.response.status === 400) {
      throw new InputError(
        `The governance check refused the product: ${error.body.error.message}`,
      );
    }
    throw error;
  }
}

/**
 * Creates the `datamesh:governance:check` action: evaluates the product about
 * to be published with the data-mesh backend (`POST /api/data-mesh/evaluate`,
 * through `dataMeshServiceRef` with the scaffolder's own service credentials),
 * so that it always meets the portal's effective policies. With the catalog,
 * it first compares the product with the version the catalog holds now (if
 * in production) and fails on breaking changes without a major version
 * bump (`breakingChanges: warn` only logs them). Outputs the score, status and violations; fails the step with an
 * InputError listing every unwaived error-severity violation, so that
 * nothing is published.
 *
 * @param options - the data-mesh service (`dataMeshServiceRef`) and
 *   Backstage's auth service, for the scaffolder's own credentials.
 * @public
 */
export function createGovernanceCheckAction(options: {
  dataMesh: DataMeshService;
  auth: AuthService;
  /** The catalog, to compare the product with its current version. */
  catalog?: CatalogService;
}) {
  const { dataMesh, auth, catalog } = options;
  return createTemplateAction({
    id: ACTION_ID,
    description:
      "Checks a data product against the portal's governance policies; fails on error-severity violations",
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: outputFields },
    async handler(ctx) {
      const input = parseActionInput(ACTION_ID, inputFields, ctx.input);
      let entity: unknown = input.entity;
      if (entity) {
        const result = validateDataProductEntity(entity);
        if (!result.valid) {
          throw new InputError(
            `entity is not a valid DataProduct: ${result.errors
              .map(e => e.message)
              .join('; ')}`,
          );
        }
      } else {
        entity = await readDataProductFile(
          ctx.workspacePath,
          input.catalogInfoPath,
        );
      }

      if (catalog) {
        const breaking = await checkAgainstCatalog({
          entity: entity as DataProductEntityV1alpha1,
          catalog,
          auth,
          logger: ctx.logger,
          mode: input.breakingChanges,
        });
        ctx.output(
          'breakingChanges',
          breaking.map(c => ({
            kind: c.kind,
            path: c.path,
            message: c.message,
          })),
        );
      }

      const card = await evaluate(dataMesh, auth, entity);
      ctx.output('score', card.score);
      ctx.output('status', card.status);
      // Plain copies: the template engine refuses arrays of another realm,
      // which is what fetch's JSON parsing gives under Jest.
      ctx.output(
        'violations',
        Array.from(card.violations, v => ({
          ruleId: v.ruleId,
          severity: v.severity,
          message: v.message,
          remediation: v.remediation,
          path: v.path,
          waived: v.waived,
        })),
      );

      ctx.logger.info(
        `Governance score of ${card.entityRef}: ${card.score} (${card.status})`,
      );
      for (const v of card.violations) {
        const line = `${v.waived ? 'waived ' : ''}${
          v.severity
        } ${formatViolation(v)}`;
        if (v.waived || v.severity === 'info') {
          ctx.logger.info(line);
        } else if (v.severity === 'warning') {
          ctx.logger.warn(line);
        } else {
          ctx.logger.error(line);
        }
      }
      const errors = card.violations.filter(
        v => v.severity === 'error' && !v.waived,
      );
      if (errors.length) {
        throw new InputError(
          `${card.entityRef} breaks ${
            errors.length
          } governance rule(s) of severity error; nothing was published:\n${errors
            .map(v => `- ${formatViolation(v)}`)
            .join('\n')}`,
        );
      }
    },
  });
}
