import { stringifyEntityRef } from '@backstage/catalog-model';
import Router from 'express-promise-router';
import { DomainService } from '../service/DomainService';
import { AccessControl, credentialsOf } from './accessControl';
import { domainProductsQuerySchema, parseRequest } from './validation';

/** `/domains`: rollups per domain and for the mesh, and one domain's products. */
export function domainRoutes(deps: {
  access: AccessControl;
  domains: DomainService;
}) {
  const { access, domains } = deps;
  const router = Router();

  router.get('/domains', ...access.guard({}), async (_req, res) => {
    res.json(await domains.rollups(credentialsOf(res)));
  });

  router.get(
    ['/domains/:name', '/domains/:namespace/:name'],
    ...access.guard({}),
    async (req, res) => {
      const query = parseRequest(domainProductsQuerySchema, req.query, 'query');
      const ref = stringifyEntityRef({
        kind: 'Domain',
        namespace: req.params.namespace ?? 'default',
        name: req.params.name,
      });
      res.json(await domains.details(credentialsOf(res), ref, query));
    },
  );

  return router;
}
