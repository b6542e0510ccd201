import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createSyntheticGroups,
  createSyntheticProducts,
} from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { CatalogReader } from './CatalogReader';
import { ReferenceResolver } from './ReferenceResolver';

/** A resolver over a catalog that records every reference it is asked for. */
function setup(entities: Entity[], capacity?: number) {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const asked: string[] = [];
  const catalog = {
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      asked.push(...request.entityRefs);
      return { items: request.entityRefs.map(ref => byRef.get(ref)) };
    },
  } as unknown as CatalogService;
  const resolver = new ReferenceResolver({
    reader: new CatalogReader({ catalog, logger: mockServices.logger.mock() }),
    credentials: mockCredentials.service(),
    capacity,
  });
  return { resolver, asked };
}

describe('ReferenceResolver', () => {
  // product-<i> (i ≥ 6) reads from product-<i-5>; owners are six groups.
  const products = createSyntheticProducts(40);
  const entities = [...createSyntheticGroups(), ...products];

  it('reads each reference once while it is kept, and answers lookups case-insensitively', async () => {
    const { resolver, asked } = setup(entities);
    await resolver.resolve(products.slice(0, 20));
    await resolver.resolve(products.slice(20, 40));
    // Six owner groups and one unknown owner, each read once.
    expect(asked.filter(ref => ref.startsWith('group:'))).toHaveLength(7);
    expect(new Set(asked).size).toBe(asked.length);

    expect(resolver.lookup('Group:Default/customer-domain-team')).toMatchObject(
      { exists: true },
    );
    expect(resolver.lookup('group:default/unknown-team')).toEqual({
      exists: false,
    });
    expect(resolver.lookup('group:default/never-asked')).toBeUndefined();
    expect(resolver.domainOf('dataproduct:default/product-7')).toBe(
      'domain:default/order',
    );
  });

  it('keeps at most its capacity across batches, and every reference of the latest batch', async () => {
    const { resolver, asked } = setup(entities, 4);
    // The batch refers to more entities than the resolver keeps.
    await resolver.resolve(products.slice(6, 20));
    const batchRefs = new Set(asked);
    expect(batchRefs.size).toBeGreaterThan(4);
    for (const ref of batchRefs) {
      expect(resolver.lookup(ref)).toBeDefined();
    }

    // Resolving the same products again reads what was not kept.
    asked.length = 0;
    await resolver.resolve(products.slice(0, 1));
    await resolver.resolve(products.slice(6, 20));
    expect(asked.length).toBeGreaterThanOrEqual(batchRefs.size - 4);
  });
});
