import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataMeshPolicyDryRunPermission,
  PoliciesResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { GovernanceService } from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
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
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  governance: GovernanceService;
  visibility: VisibilityService;
}) {
  const { httpAuth, permissions, governance, visibility } = deps;
  const router = Router();

  router.get('/policies', async (req, res) => {
    await httpAuth.credentials(req);
    const { policies } = governance;
    const response: PoliciesResponse = {
      policyVersion: policies.version,
      weights: policies.weights,
      packs: [...policies.packs],
      rules: policies.describe(),
    };
    res.json(response);
  });

  router.post('/policies/dry-run', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: dataMeshPolicyDryRunPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to dry-run policy packs');
    }
    const { pack } = parseRequest(dryRunBodySchema, req.body, 'body');
    res.json(
      await governance.dryRun(
        pack,
        await visibility.visibleProducts(credentials),
      ),
    );
  });

  return router;
}
