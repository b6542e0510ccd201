import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { exampleMesh } from './startDataMesh';

/**
 * A catalog whose permission policy lets users read only the customer
 * domain's products (and every non-product entity); services read all.
 */
export function customerOnlyCatalog() {
  const entities = exampleMesh();
  const all = catalogServiceMock({ entities });
  const visible = catalogServiceMock({
    entities: entities.filter(
      e => e.kind !== 'DataProduct' || (e.spec as any).domain === 'customer',
    ),
  });
  const pick = (options: any) =>
    options?.credentials?.principal?.type === 'user' ? visible : all;
  const methods = [
    'getEntities',
    'getEntitiesByRefs',
    'getEntityByRef',
    'queryEntities',
    'streamEntities',
  ] as const;
  const catalog = Object.fromEntries(
    methods.map(method => [
      method,
      (request: any, options: any) =>
        (pick(options) as any)[method](request, options),
    ]),
  );
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog as any,
  });
}

export /**
 * A permission policy that allows the suite's permissions and makes reading
 * the catalog conditional (the catalog then decides, see above).
 */
function conditionalPermissions() {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async requests =>
      requests.map(() => ({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'HAS_SPEC',
          resourceType: 'catalog-entity',
          params: { key: 'domain' },
        },
      })) as any,
  }).factory;
}
