import { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import type { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { ScorecardStore } from '../database/ScorecardStore';
import { parseRequest, productRefSchema } from '../router/validation';
import { VisibilityService } from '../service/VisibilityService';
import { scorecardSchema } from './outputSchemas';

const inputSchema = z.object({ entityRef: productRefSchema }).strict();

/**
 * The stored scorecard of a product, if the caller may read the product in
 * the catalog (`VisibilityService.canSee`, as `GET /scorecards/:ns/:name`);
 * a hidden product answers as one without a scorecard does: not found.
 */
export async function visibleScorecard(
  deps: { scorecards: ScorecardStore; visibility: VisibilityService },
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<Scorecard> {
  const card = (await deps.visibility.canSee(credentials, entityRef))
    ? await deps.scorecards.get(entityRef)
    : undefined;
  if (!card) {
    throw new NotFoundError(`No scorecard for ${entityRef}`);
  }
  return card;
}

/** `get-data-product-scorecard`: a product's latest governance result. */
export function createGetDataProductScorecardAction(options: {
  actionsRegistry: ActionsRegistryService;
  scorecards: ScorecardStore;
  visibility: VisibilityService;
}) {
  options.actionsRegistry.register({
    name: 'get-data-product-scorecard',
    title: 'Get a data product scorecard',
    description: `Returns the latest governance scorecard of one data product: its score (0-100),
status (pass, warn or fail), every rule violation with the field path and how to fix it,
its waivers and whether each counts, and when it was evaluated. Products the caller may
not read in the catalog are not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod
          .object({
            entityRef: zod
              .string()
              .min(1)
              .max(255)
              .describe(
                'The data product: dataproduct:default/customer-360, or customer-360',
              ),
          })
          .strict(),
      output: zod => scorecardSchema(zod),
    },
    action: async ({ input, credentials }) => {
      const { entityRef } = parseRequest(inputSchema, input, 'input');
      return {
        output: await visibleScorecard(options, credentials, entityRef),
      };
    },
  });
}
