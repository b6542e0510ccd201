import { stringifyEntityRef } from '@backstage/catalog-model';
import { Response } from 'express';
import { DomainService } from '../service/DomainService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { domainProductsQuerySchema, parseRequest } from './validation';

/** `/domains`: rollups per domain and for the mesh, and one domain's products. */
export function domainRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  domains: DomainService;
}) {
  const { router, access, domains } = deps;

  access.route('get', '/domains', {});
  router.get('/domains', async (_req, res) => {
    res.json(await domains.rollups(credentialsOf(res)));
  });

  const details = async (
    params: { namespace?: string; name: string },
    rawQuery: unknown,
    res: Response,
  ) => {
    const query = parseRequest(domainProductsQuerySchema, rawQuery, 'query');
    const ref = stringifyEntityRef({
      kind: 'Domain',
      namespace: params.namespace ?? 'default',
      name: params.name,
    });
    return domains.details(credentialsOf(res), ref, query);
  };
  access.route('get', '/domains/:name', {});
  router.get('/domains/:name', async (req, res) => {
    res.json(await details(req.params, req.query, res));
  });
  access.route('get', '/domains/:namespace/:name', {});
  router.get('/domains/:namespace/:name', async (req, res) => {
    res.json(await details(req.params, req.query, res));
  });
}
