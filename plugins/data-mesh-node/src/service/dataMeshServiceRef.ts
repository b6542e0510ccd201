import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { DataMeshService } from './DataMeshService';
import { DefaultDataMeshService } from './DefaultDataMeshService';

/**
 * The data-mesh backend as a service for other backend plugins and modules
 * (the pattern of `catalogServiceRef`): add it to your `deps` and pass each
 * call the credentials it is made for.
 *
 * The default factory calls the data-mesh plugin over HTTP, found through
 * `coreServices.discovery`, with a token from `coreServices.auth`, so it works
 * whether or not the data-mesh plugin runs in the same backend. Replace it
 * with your own `createServiceFactory({ service: dataMeshServiceRef, ... })`,
 * for example in tests.
 * @public
 */
export const dataMeshServiceRef = createServiceRef<DataMeshService>({
  id: 'data-mesh.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory: ({ auth, discovery }) =>
        new DefaultDataMeshService({ auth, discovery }),
    }),
});
