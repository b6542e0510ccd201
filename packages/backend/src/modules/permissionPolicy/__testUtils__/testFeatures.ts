import {
  AuthService,
  coreServices,
  createBackendModule,
  createBackendPlugin,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';

/** The product the tests ask about, owned by `group:default/customer-team`. */
export const PRODUCT = 'component:default/customer-360';

const product: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'customer-360',
    annotations: {
      'backstage.io/managed-by-location': 'url:https://example.com/a.yaml',
      'backstage.io/managed-by-origin-location':
        'url:https://example.com/a.yaml',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'customer-team' },
};

/** Puts the product in the catalog, as an entity provider would. */
export const catalogWithProduct = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-product',
  register(reg) {
    reg.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addEntityProvider({
          getProviderName: () => 'test-product',
          connect: connection =>
            connection.applyMutation({
              type: 'full',
              entities: [{ entity: product, locationKey: 'test' }],
            }),
        });
      },
    });
  },
});

/** The services of a plugin, to ask for decisions as plugins do. */
export interface PluginServices {
  permissions: PermissionsService;
  catalog: CatalogService;
  auth: AuthService;
}

/** A plugin that hands its services to the test once started. */
export function createProbePlugin(onInit: (services: PluginServices) => void) {
  return createBackendPlugin({
    pluginId: 'probe',
    register(reg) {
      reg.registerInit({
        deps: {
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
        },
        async init(services) {
          onInit(services);
        },
      });
    },
  });
}

/** Waits until the catalog has processed the product. */
export async function waitForProduct(services: PluginServices) {
  const credentials = await services.auth.getOwnServiceCredentials();
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await services.catalog.getEntityByRef(PRODUCT, { credentials })) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`the catalog never processed ${PRODUCT}`);
}
