import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DataMeshClient } from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';

/**
 * The typed client of the data-mesh backend, with the app's discovery (to
 * find `/api/data-mesh`) and fetch (to send the user's token) APIs. Both
 * frontend systems register this factory.
 */
export const dataMeshApiFactory = createApiFactory({
  api: dataMeshApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new DataMeshClient({ discoveryApi, fetchApi }),
});
