import { NotFoundError } from '@backstage/errors';
import { z } from 'zod';
import { VersionHistoryService } from '../service/VersionHistoryService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { parseRequest, productRef } from './validation';

const versionsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const VERSIONS_PATH = '/products/:namespace/:name/versions';

/**
 * `/products/:namespace/:name/versions`: the versions of a product the
 * suite has seen, with what changed between consecutive ones, for whoever
 * may read the product (as its scorecard).
 */
export function versionRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  visibility: VisibilityService;
  versionHistory: VersionHistoryService;
}) {
  const { router, access } = deps;

  access.route('get', VERSIONS_PATH, {});
  router.get(VERSIONS_PATH, async (req, res) => {
    const query = parseRequest(versionsQuerySchema, req.query, 'query');
    const ref = productRef(req.params);
    if (!(await deps.visibility.canSee(credentialsOf(res), ref))) {
      throw new NotFoundError(`No data product ${ref}`);
    }
    const items = await deps.versionHistory.list(ref, query.limit);
    res.json({ entityRef: ref, items });
  });
}
