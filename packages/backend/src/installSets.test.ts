import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { BackendFeature } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import catalogModuleDataMesh from '@datamesh-backstage/plugin-catalog-backend-module-data-mesh';
import dataMeshPlugin from '@datamesh-backstage/plugin-data-mesh-backend';
import { perPluginDatabases } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import scaffolderModuleDataMesh from '@datamesh-backstage/plugin-scaffolder-backend-module-data-mesh';
import searchModuleDataMesh from '@datamesh-backstage/plugin-search-backend-module-data-mesh';
import { AddressInfo } from 'node:net';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ACTIONS = [
  'datamesh:product:create',
  'datamesh:governance:check',
  'datamesh:publish:local',
  'datamesh:provenance:record',
];

/**
 * The rows of plugins/README.md, "Install only what you need": each set of
 * the suite's packages starts on its own, beside only the Backstage plugins
 * the row names, and serves what the row promises.
 */
describe('installing only part of the suite', () => {
  async function start(features: BackendFeature[]) {
    const backend = await startTestBackend({
      features: [
        ...features,
        perPluginDatabases(() => databases.init('SQLITE_3')),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const get = async (path: string) => {
      const response = await fetch(`http://localhost:${port}${path}`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    };
    return { backend, get };
  }

  it('governance scorecards: the data-mesh plugin and the catalog module, without the scaffolder and search modules', async () => {
    const { backend, get } = await start([
      catalogPlugin,
      catalogModuleDataMesh,
      dataMeshPlugin,
    ]);
    try {
      const scorecards = await get('/api/data-mesh/scorecards');
      expect(scorecards.status).toBe(200);
      expect(scorecards.body.items).toEqual([]);
      expect((await get('/api/data-mesh/kpis')).status).toBe(200);
      expect((await get('/api/scaffolder/v2/actions')).status).toBe(404);
      expect((await get('/api/search/query?term=x')).status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('+ self-serve templates: the scaffolder module adds its actions', async () => {
    const { backend, get } = await start([
      catalogPlugin,
      catalogModuleDataMesh,
      dataMeshPlugin,
      scaffolderPlugin,
      scaffolderModuleDataMesh,
    ]);
    try {
      const actions = await get('/api/scaffolder/v2/actions');
      expect(actions.status).toBe(200);
      expect(actions.body.map((a: { id: string }) => a.id)).toEqual(
        expect.arrayContaining(ACTIONS),
      );
    } finally {
      await backend.stop();
    }
  });

  it('search only: the search module needs the catalog collator, not the data-mesh plugin', async () => {
    const { backend, get } = await start([
      catalogPlugin,
      catalogModuleDataMesh,
      searchPlugin,
      searchModuleCatalogCollator,
      searchModuleDataMesh,
    ]);
    try {
      expect((await get('/api/search/query?term=orders')).status).toBe(200);
      expect((await get('/api/data-mesh/scorecards')).status).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
