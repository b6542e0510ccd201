import { DeprecationService } from '../service/DeprecationService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';

/**
 * `/deprecated-products`: deprecated products that entities still read,
 * with their sunset date, successor and consumers, among the products the
 * caller may read.
 */
export function deprecationRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  deprecations: DeprecationService;
}) {
  const { router, access } = deps;
  access.route('get', '/deprecated-products', {});
  router.get('/deprecated-products', async (_req, res) => {
    res.json({
      items: await deps.deprecations.stillConsumed(credentialsOf(res)),
    });
  });
}
