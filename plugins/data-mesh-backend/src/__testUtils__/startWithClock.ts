import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import express from 'express';
import request from 'supertest';
import { createRouter } from '../router/createRouter';
import { createDataMeshServices } from '../service/createDataMeshServices';
import { exampleMesh } from './startDataMesh';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * The plugin's services and routes on in-memory SQLite, with a clock the
 * test sets and a catalog it may change: for behaviour over time (waivers
 * expiring). Permissions allow everything; requests without an
 * Authorization header are anonymous. Nothing is scheduled: run
 * `services.sweep.run()` or `services.governance.rescore(ref)`.
 */
export async function startWithClock(
  options: { entities?: Entity[]; config?: JsonObject; now?: string } = {},
) {
  let now = new Date(options.now ?? '2026-11-20T10:00:00.000Z');
  let entities = options.entities ?? exampleMesh();
  const catalog = catalogServiceMock.mock({
    getEntitiesByRefs: (req, opts) =>
      catalogServiceMock({ entities }).getEntitiesByRefs(req, opts),
    getEntityByRef: (ref, opts) =>
      catalogServiceMock({ entities }).getEntityByRef(ref, opts),
    streamEntities: (req, opts) =>
      catalogServiceMock({ entities }).streamEntities(req, opts),
    queryEntities: (req, opts) =>
      catalogServiceMock({ entities }).queryEntities(req, opts),
    getEntities: (req, opts) =>
      catalogServiceMock({ entities }).getEntities(req, opts),
  });
  const config = mockServices.rootConfig({ data: options.config ?? {} });
  const logger = mockServices.logger.mock();
  const permissions = mockServices.permissions();
  const services = await createDataMeshServices({
    config,
    logger,
    database: mockServices.database({ knex: await databases.init('SQLITE_3') }),
    auth: mockServices.auth(),
    permissions,
    catalog,
    modulePacks: [],
    now: () => now,
  });
  const router = await createRouter({
    ...services,
    catalog,
    logger,
    permissions,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
  });
  const app = express()
    .use('/api/data-mesh', router)
    .use(MiddlewareFactory.create({ config, logger }).error());
  return {
    api: request(app),
    services,
    setNow: (next: string) => (now = new Date(next)),
    setEntities: (next: Entity[]) => (entities = next),
  };
}
