import { createApiRef } from '@backstage/frontend-plugin-api';
import type { DataMeshApi } from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * The data-mesh backend API in the browser. The data-mesh plugin registers a
 * `DataMeshClient` for it, in both frontend systems.
 * @public
 */
export const dataMeshApiRef = createApiRef<DataMeshApi>().with({
  id: 'plugin.data-mesh.service',
  pluginId: 'data-mesh',
});
