import {
  dataMeshPolicyDryRunPermission,
  PoliciesResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { GovernanceService } from '../service/GovernanceService';
import { PolicyDryRun } from '../service/PolicyDryRun';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import { parseRequest } from './validation';

const dryRunBodySchema = z
  .object({
    pack: z.union([
      z.string().min(1).max(1_000_000),
      z.record(z.string(), z.unknown()),
    ]),
  })
  .strict();

/** `/policies`: the effective rules, and dry-runs of proposed packs. */
export function policyRoutes(deps: {
  access: AccessControl;
  governance: GovernanceService;
  dryRun: PolicyDryRun;
  visibility: VisibilityService;
}) {
  const { access, governance, dryRun, visibility } = deps;
  const router = Router();

  router.get('/policies', ...access.guard({}), async (_req, res) => {
    const { policies } = governance;
    const response: PoliciesResponse = {
      policyVersion: policies.version,
      weights: policies.weights,
      packs: [...policies.packs],
      rules: policies.describe(),
    };
    res.json(response);
  });

  router.post(
    '/policies/dry-run',
    ...access.guard({
      permission: dataMeshPolicyDryRunPermission,
      bodyLimit: '1mb',
    }),
    async (req, res) => {
      const credentials = credentialsOf(res);
      const { pack } = parseRequest(dryRunBodySchema, req.body, 'body');
      res.json(
        await dryRun.run(pack, await visibility.visibleProducts(credentials)),
      );
    },
  );

  return router;
}
