import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DataProductChangeNotifier } from './processor/DataProductChangeNotifier';
import { DataProductEntitiesProcessor } from './processor/DataProductEntitiesProcessor';

/**
 * Catalog module that adds the `DataProduct` kind: validation and relations,
 * and announces changed products on the events bus for re-scoring.
 *
 * @public
 */
export const catalogModuleDataMesh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-mesh',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        events: eventsServiceRef,
        logger: coreServices.logger,
      },
      async init({ catalog, events, logger }) {
        catalog.addProcessor(
          new DataProductEntitiesProcessor(),
          new DataProductChangeNotifier({ events, logger }),
        );
      },
    });
  },
});
