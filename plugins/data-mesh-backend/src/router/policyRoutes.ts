import {
  dataMeshPolicyDryRunPermission,
  PoliciesResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { GovernanceService } from '../service/GovernanceService';
import { PolicyDryRun } from '../service/PolicyDryRun';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
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
  router: DataMeshRouter;
  access: AccessControl;
  governance: GovernanceService;
  dryRun: PolicyDryRun;
  visibility: VisibilityService;
}) {
  const { router, access, governance, dryRun, visibility } = deps;

  access.route('get', '/policies', {});
  router.get('/policies', async (_req, res) => {
    const { policies } = governance;
    const response: PoliciesResponse = {
      policyVersion: policies.version,
      weights: policies.weights,
      packs: [...policies.packs],
      rules: policies.describe(),
    };
    res.json(response);
  });

  access.route('post', '/policies/dry-run', {
    permission: dataMeshPolicyDryRunPermission,
    bodyLimit: '1mb',
  });
  router.post('/policies/dry-run', async (req, res) => {
    const credentials = credentialsOf(res);
    const { pack } = parseRequest(dryRunBodySchema, req.body, 'body');
    res.json(
      await dryRun.run(pack, await visibility.visibleProducts(credentials)),
    );
  });
}
