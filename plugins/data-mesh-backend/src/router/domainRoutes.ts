import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type {
  DomainRollup,
  DomainRollupsResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { summarizeRollup } from '@datamesh-backstage/plugin-data-mesh-node';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { listScorecards } from '../database/listScorecards';
import { MESH, RollupStore } from '../database/RollupStore';
import { FreshnessService } from '../service/FreshnessService';
import { CatalogReader } from '../service/CatalogReader';
import { Visibility, VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import { domainProductsQuerySchema, parseRequest } from './validation';

const TREND_DAYS = 30;

/** `/domains`: rollups per domain and for the mesh, and one domain's products. */
export function domainRoutes(deps: {
  access: AccessControl;
  logger: LoggerService;
  db: Knex;
  rollups: RollupStore;
  freshness: FreshnessService;
  reader: CatalogReader;
  visibility: VisibilityService;
}) {
  const { access, rollups, reader, visibility } = deps;
  const router = Router();

  async function domainRollups(credentials: BackstageCredentials): Promise<{
    response: DomainRollupsResponse;
    visible: Visibility;
  }> {
    const visible = await visibility.visibleProducts(credentials);
    const fromDay = new Date(Date.now() - TREND_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const [current, catalogDomains, trends, freshness] = await Promise.all([
      rollups.current(visible),
      reader.readDomains(credentials).catch(error => {
        deps.logger.warn(`Could not read domains from the catalog: ${error}`);
        return new Map<string, { title?: string }>();
      }),
      // Daily history covers every product: only shown to callers who see them all.
      visible.all ? rollups.trends(fromDay) : Promise.resolve(new Map()),
      deps.freshness.current(),
    ]);
    const refs = new Set([...catalogDomains.keys(), ...current.domains.keys()]);
    const domains: DomainRollup[] = [...refs].map(ref => ({
      domain: ref,
      title: catalogDomains.get(ref)?.title,
      ...(current.domains.get(ref) ?? summarizeRollup([])),
      trend: trends.get(ref) ?? [],
    }));
    domains.sort((a, b) =>
      (a.title ?? a.domain).localeCompare(b.title ?? b.domain),
    );
    return {
      visible,
      response: {
        mesh: { ...current.mesh, trend: trends.get(MESH) ?? [] },
        domains,
        stale: freshness.stale,
        freshness,
      },
    };
  }

  router.get('/domains', ...access.guard({}), async (_req, res) => {
    res.json((await domainRollups(credentialsOf(res))).response);
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
      const { response, visible } = await domainRollups(credentialsOf(res));
      const domain = response.domains.find(d => d.domain === ref);
      if (!domain) {
        throw new NotFoundError(`No domain ${ref}`);
      }
      res.json({
        domain,
        products: await listScorecards(
          deps.db,
          { ...query, domain: ref },
          visible,
        ),
        freshness: response.freshness,
      });
    },
  );

  return router;
}
