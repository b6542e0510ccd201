/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// The example portal's policy: data mesh governance (dataMesh.governanceGroups)
// and product owners; every other plugin's permission is allowed to everyone.
// Replace it with your organisation's own; see
// https://backstage.io/docs/permissions/writing-a-policy
backend.add(import('./modules/permissionPolicy/module'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// events: carries the catalog module's change events to the data-mesh plugin,
// across replicas
backend.add(import('@backstage/plugin-events-backend'));

// the data mesh suite
backend.add(import('@datamesh-backstage/plugin-data-mesh-backend'));
backend.add(
  import('@datamesh-backstage/plugin-catalog-backend-module-data-mesh'),
);
backend.add(
  import('@datamesh-backstage/plugin-search-backend-module-data-mesh'),
);
backend.add(
  import('@datamesh-backstage/plugin-scaffolder-backend-module-data-mesh'),
);

// the example portal's access provisioning: logs each grant and revoke of a
// data sharing agreement (see plugins/data-mesh-backend/README.md for a real one)
backend.add(import('./modules/accessProvisioning/module'));

// the example portal's pipeline simulator (see examples/pipelines)
backend.add(import('./modules/examplePipelines'));

backend.start();
