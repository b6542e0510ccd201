import {
  AccessRequestStatus,
  dataMeshAccessApprovePermission,
  dataMeshAccessRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { AccessScopes } from '../service/access/AccessScopes';
import { AccessService } from '../service/access/AccessService';
import { withoutPrivatePurposes } from '../service/access/purposePrivacy';
import { AccessControl, credentialsOf } from './accessControl';
import {
  accessRequestBodySchema,
  accessRequestQuerySchema,
  approveBodySchema,
  rejectBodySchema,
} from './accessValidation';
import type { DataMeshRouter } from './createRouter';
import { parseRequest } from './validation';

/**
 * `/access-requests`: request access to a product's output port (users with
 * `data-mesh.access.request` on the consumer), list the requests the caller
 * made or may decide, approve or reject one (`data-mesh.access.approve` on
 * its product; users, or the service of an external approval system).
 */
export function accessRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  accessRequests: AccessRequestStore;
  accessService: AccessService;
  accessScopes: AccessScopes;
  now?: () => Date;
}) {
  const { router, access, accessRequests, accessService, accessScopes } = deps;
  const now = deps.now ?? (() => new Date());

  // The products whose requests a listing may show: the one asked for (no
  // query needed), else those that have requests.
  const candidatesOf = async (
    filter: { product?: string; status?: AccessRequestStatus },
    onlyOwn: boolean,
  ) => {
    if (onlyOwn) return [];
    if (filter.product) return [filter.product];
    return accessRequests.productsOf(filter);
  };

  access.route('get', '/access-requests', {});
  router.get('/access-requests', async (req, res) => {
    const query = parseRequest(accessRequestQuerySchema, req.query, 'query');
    const filter = { product: query.product, status: query.status };
    const onlyOwn = query.mine === 'true';
    const { scope, readers } = await accessScopes.listing(
      credentialsOf(res),
      await candidatesOf(filter, onlyOwn),
      { onlyOwn },
    );
    const items = await accessRequests.list(filter, scope);
    res.json({ items: withoutPrivatePurposes(items, readers) });
  });

  access.route('post', '/access-requests', {
    allow: ['user'],
    permission: dataMeshAccessRequestPermission,
    bodyLimit: '64kb',
  });
  router.post('/access-requests', async (req, res) => {
    const body = parseRequest(accessRequestBodySchema(now), req.body, 'body');
    res.status(201).json(await accessService.request(body, credentialsOf(res)));
  });

  for (const [verb, schema, status] of [
    ['approve', approveBodySchema, 'approved'],
    ['reject', rejectBodySchema, 'rejected'],
  ] as const) {
    const path = `/access-requests/:id/${verb}` as const;
    access.route('post', path, {
      permission: dataMeshAccessApprovePermission,
      bodyLimit: '16kb',
    });
    router.post(path, async (req, res) => {
      const body = parseRequest(schema, req.body, 'body');
      res.json(
        await accessService.decide(
          req.params.id,
          { status, comment: body.comment },
          credentialsOf(res),
        ),
      );
    });
  }
}
