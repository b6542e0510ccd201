// Runs the plugin alone (`yarn start` in this package) over an in-memory
// catalog of 60 synthetic data products, with guest-like mock credentials.
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createSyntheticGroups,
  createSyntheticProducts,
} from '@datamesh-backstage/plugin-data-mesh-node/testUtils';

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [...createSyntheticGroups(), ...createSyntheticProducts(60)],
  }),
);
backend.add(import('../src'));

backend.start();
