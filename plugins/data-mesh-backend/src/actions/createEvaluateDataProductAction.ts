import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import YAML from 'yaml';
import { rejectPrototypeKeys } from '../router/accessControl';
import {
  GovernanceService,
  requireDataProduct,
} from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
import { scorecardSchema } from './outputSchemas';

/**
 * The longest draft accepted, in characters: a product's YAML is a few
 * kilobytes, and the actions registry reads JSON bodies of up to 100 kB.
 */
export const MAX_DRAFT_LENGTH = 64_000;

/** Parses one YAML document, refusing keys that could reach prototypes. */
function parseDraft(text: string): unknown {
  try {
    return YAML.parse(text, rejectPrototypeKeys);
  } catch (error) {
    throw new InputError(`input.yaml: ${(error as Error).message}`);
  }
}

/** `evaluate-data-product`: scores a draft product's YAML, storing nothing. */
export function createEvaluateDataProductAction(options: {
  actionsRegistry: ActionsRegistryService;
  governance: GovernanceService;
  visibility: VisibilityService;
}) {
  const { governance, visibility } = options;
  options.actionsRegistry.register({
    name: 'evaluate-data-product',
    title: 'Evaluate a draft data product',
    description: `Scores a draft DataProduct entity (catalog-info.yaml content, apiVersion
datamesh.io/v1alpha1) against the portal's effective governance policies, exactly as the
portal would once the catalog holds it, and returns the scorecard: score, status and every
violation with its field path and remediation. Nothing is stored or registered. Owner and
upstream products must exist in the catalog as the caller sees it.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod
          .object({
            yaml: zod
              .string()
              .min(1)
              .max(MAX_DRAFT_LENGTH)
              .describe('The DataProduct entity as YAML: one document'),
          })
          .strict(),
      output: zod => scorecardSchema(zod),
    },
    action: async ({ input, credentials }) => {
      const entity = requireDataProduct(parseDraft(input.yaml), 'input.yaml');
      const card = await governance.evaluate(entity, credentials, ref =>
        visibility.canSee(credentials, ref),
      );
      return { output: card };
    },
  });
}
