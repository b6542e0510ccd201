import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import request from 'supertest';
import {
  churnDashboard,
  customer360,
  stockLevels,
} from './__fixtures__/entities';
import { searchModuleDataMesh } from './module';

describe('searchModuleDataMesh', () => {
  it('makes data products findable by title, domain, owner, type and tags', async () => {
    const scheduler = mockServices.scheduler();
    const { server } = await startTestBackend({
      features: [
        searchPlugin,
        searchModuleCatalogCollator,
        searchModuleDataMesh,
        catalogServiceMock.factory({
          entities: [churnDashboard, customer360, stockLevels],
        }),
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
      ],
    });
    // Runs the catalog collator once and waits for the index.
    await scheduler.triggerTask('search_index_software_catalog');

    const query = (term: string) =>
      request(server)
        .get('/api/search/query')
        .query({ term, types: ['software-catalog'] })
        .expect(200);
    const search = async (term: string): Promise<string[]> =>
      (await query(term)).body.results.map(
        (r: { document: { location: string } }) => r.document.location,
      );

    const customer360Location = '/catalog/default/dataproduct/customer-360';
    const stockLevelsLocation = '/catalog/default/dataproduct/stock-levels';
    // Multi-word terms match any of their words: the best match comes first.
    expect((await search('customer 360'))[0]).toBe(customer360Location);
    expect((await search('customer-domain-team'))[0]).toBe(customer360Location);
    expect(await search('gold')).toEqual([customer360Location]);
    expect(await search('aggregate')).toEqual([customer360Location]);
    expect(await search('lifetime_value')).toEqual([customer360Location]);
    expect(await search('inventory')).toEqual([stockLevelsLocation]);
    expect(await search('source-aligned')).toEqual([stockLevelsLocation]);
    // Other kinds are indexed as before.
    expect(await search('churn')).toEqual([
      '/catalog/default/component/churn-dashboard',
    ]);

    const { body } = await query('customer 360');
    expect(body.results[0].document).toMatchObject({
      title: 'Customer 360',
      kind: 'DataProduct',
      type: 'aggregate',
      owner: 'group:default/customer-domain-team',
      domain: 'customer',
      tags: ['customer', 'gold'],
      location: customer360Location,
    });
  });
});
