import { mockCredentials } from '@backstage/backend-test-utils';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const asService = { Authorization: mockCredentials.service.header() };

/** The example mesh, products 0 (customer domain) and 1 (order) declaring a waiver. */
function meshWithWaivers() {
  const entities = exampleMesh();
  for (const name of ['product-0', 'product-1']) {
    const product = entities.find(e => e.metadata.name === name)!;
    (product.spec as any).governance = {
      waivers: [
        {
          rule: 'VER-001',
          reason: `${name} is versioned by its pipeline`,
          expires: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      ],
    };
  }
  return entities;
}

describe('abuse: hidden products, waivers and an unavailable catalog', () => {
  it('keeps the waivers of products the caller may not read out of the list', async () => {
    const { api } = await startDataMesh({
      catalog: customerOnlyCatalog({ entities: meshWithWaivers() }),
      features: [conditionalPermissions()],
    });
    const mine = await api.get('/api/data-mesh/waivers').set(asUser);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((w: any) => w.entityRef)).toEqual([
      'dataproduct:default/product-0',
    ]);
    const pending = await api
      .get('/api/data-mesh/waivers?status=pending&entityRef=product-1')
      .set(asUser);
    expect(pending.body.items).toEqual([]);
    // A caller who reads every product sees both.
    const all = await api.get('/api/data-mesh/waivers').set(asService);
    expect(all.body.items.map((w: any) => w.entityRef)).toEqual([
      'dataproduct:default/product-0',
      'dataproduct:default/product-1',
    ]);
  });

  it('answers 503, never everything, when the catalog cannot say what the caller sees', async () => {
    const { api } = await startDataMesh({
      catalog: customerOnlyCatalog({ unavailableToUsers: true }),
      features: [conditionalPermissions()],
    });
    for (const path of ['scorecards', 'domains', 'kpis', 'waivers']) {
      const response = await api.get(`/api/data-mesh/${path}`).set(asUser);
      expect({ path, status: response.status }).toEqual({ path, status: 503 });
    }
    const one = await api
      .get('/api/data-mesh/scorecards/default/product-0')
      .set(asUser);
    expect(one.status).toBe(503);
    // The plugin's own reads still work: the sweep scored every product.
    const list = await api.get('/api/data-mesh/scorecards').set(asService);
    expect(list.body.totalItems).toBe(12);
  });
});
