import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DataProductChangeNotifier } from './processor/DataProductChangeNotifier';
import { dataProductCatalogModel } from './model/dataProductCatalogModel';
import { DataProductEntitiesProcessor } from './processor/DataProductEntitiesProcessor';

/**
 * Catalog module that adds the `DataProduct` kind: its layer of the catalog
 * model (schema, relations, annotations), validation and relations, and
 * announces changed products on the events bus for re-scoring.
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
        model: catalogModelExtensionPoint,
        events: eventsServiceRef,
        logger: coreServices.logger,
      },
      async init({ catalog, model, events, logger }) {
        // The catalog compiles its model from every source (each includes
        // Backstage's default model) and validates kinds it knows with it.
        model.addModelSource(
          CatalogModelSources.static([dataProductCatalogModel]),
        );
        catalog.addProcessor(
          new DataProductEntitiesProcessor(),
          new DataProductChangeNotifier({ events, logger }),
        );
      },
    });
  },
});
