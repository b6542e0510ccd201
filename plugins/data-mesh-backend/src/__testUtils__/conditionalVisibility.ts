import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { exampleMesh } from './startDataMesh';

/**
 * A catalog whose permission policy lets users read only the customer
 * domain's products (and every non-product entity); services read all.
 * With `unavailableToUsers`, every read made as a user fails.
 */
export function customerOnlyCatalog(
  options: { entities?: Entity[]; unavailableToUsers?: boolean } = {},
) {
  const entities = options.entities ?? exampleMesh();
  const all = catalogServiceMock({ entities });
  const visible = catalogServiceMock({
    entities: entities.filter(
      e => e.kind !== 'DataProduct' || (e.spec as any).domain === 'customer',
    ),
  });
  const pick = (callOptions: any) =>
    callOptions?.credentials?.principal?.type === 'user' ? visible : all;
  const unavailable = () =>
    Promise.reject(new Error('503 Service Unavailable'));
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
      (request: any, callOptions: any) => {
        const target = pick(callOptions);
        if (options.unavailableToUsers && target === visible) {
          return method === 'streamEntities'
            ? { [Symbol.asyncIterator]: () => ({ next: unavailable }) }
            : unavailable();
        }
        return (target as any)[method](request, callOptions);
      },
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
