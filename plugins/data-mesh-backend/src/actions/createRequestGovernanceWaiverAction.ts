import { AuthService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import { dataMeshWaiverRequestPermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { parseRequest, waiverRequestSchema } from '../router/validation';
import { PermissionGate } from '../service/PermissionGate';
import { WaiverService } from '../service/WaiverService';
import { waiverSchema } from './outputSchemas';

/**
 * `request-governance-waiver`: asks for a waiver of one rule for one
 * product, exactly as `POST /waivers`: users only, holding
 * `data-mesh.waiver.request` on the product; the request is pending until
 * someone else holding `data-mesh.waiver.approve` approves it.
 */
export function createRequestGovernanceWaiverAction(options: {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  gate: PermissionGate;
  waiverService: WaiverService;
}) {
  const { auth, gate, waiverService } = options;
  options.actionsRegistry.register({
    name: 'request-governance-waiver',
    title: 'Request a governance waiver',
    description: `Asks for a waiver of one governance rule for one data product, with a reason and
an expiry, on behalf of the signed-in user. The request is pending: it does not change the
score until governance approves it (never its requester); the product's scorecard lists it.
Only users holding the data-mesh.waiver.request permission on the product may ask (by
default its owners and governance). Use explain-governance-violation to check the rule first.`,
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: zod =>
        zod
          .object({
            entityRef: zod
              .string()
              .min(1)
              .max(255)
              .describe('The data product, e.g. dataproduct:default/orders'),
            ruleId: zod.string().min(1).max(64).describe('e.g. DOC-001'),
            reason: zod
              .string()
              .min(1)
              .max(2000)
              .describe('Why the rule cannot be met for now'),
            expiresAt: zod
              .string()
              .min(1)
              .max(64)
              .describe(
                'ISO-8601 date-time in the future, at most 90 days ahead by default',
              ),
          })
          .strict(),
      output: zod => waiverSchema(zod),
    },
    action: async ({ input, credentials }) => {
      if (!auth.isPrincipal(credentials, 'user')) {
        throw new NotAllowedError('Only users may request waivers');
      }
      await gate.precheck(credentials, dataMeshWaiverRequestPermission);
      const body = parseRequest(waiverRequestSchema, input, 'input');
      await gate.authorize(credentials, dataMeshWaiverRequestPermission, [
        body.entityRef,
      ]);
      return {
        output: await waiverService.request(body, credentials, 'input'),
      };
    },
  });
}
