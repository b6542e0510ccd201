import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import {
  catalogAnalysisExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DataProductChangeNotifier } from './processor/DataProductChangeNotifier';
import { dataProductCatalogModel } from './model/dataProductCatalogModel';
import { DataProductEntitiesProcessor } from './processor/DataProductEntitiesProcessor';
import { StandardFilesProcessor } from './processor/StandardFilesProcessor';
import { StandardFileLocationAnalyzer } from './analyzer/StandardFileLocationAnalyzer';
import { DataAgreementEdgesProcessor } from './processor/DataAgreementEdgesProcessor';
import { dataMeshServiceRef } from '@datamesh-backstage/plugin-data-mesh-node';

/**
 * Catalog module that adds the `DataProduct` kind: its layer of the catalog
 * model (schema, relations, annotations), validation and relations, and
 * announces changed products on the events bus for re-scoring. Locations
 * whose file is written in an open standard of data products or contracts
 * (ODPS, ODCS, DPDS, Data Contract Specification) ingest as DataProducts.
 * Consumers holding active data sharing agreements get agreed edges to the
 * products, read from the data-mesh backend (`dataMeshServiceRef`).
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
        analysis: catalogAnalysisExtensionPoint,
        model: catalogModelExtensionPoint,
        events: eventsServiceRef,
        logger: coreServices.logger,
        reader: coreServices.urlReader,
        auth: coreServices.auth,
        dataMesh: dataMeshServiceRef,
      },
      async init({
        catalog,
        analysis,
        model,
        events,
        logger,
        reader,
        auth,
        dataMesh,
      }) {
        // The catalog compiles its model from every source (each includes
        // Backstage's default model) and validates kinds it knows with it.
        model.addModelSource(
          CatalogModelSources.static([dataProductCatalogModel]),
        );
        catalog.addProcessor(
          new DataProductEntitiesProcessor(),
          new DataProductChangeNotifier({ events, logger }),
          new StandardFilesProcessor({ reader }),
          new DataAgreementEdgesProcessor({ dataMesh, auth, logger }),
        );
        analysis.addScmLocationAnalyzer(
          new StandardFileLocationAnalyzer({ reader }),
        );
      },
    });
  },
});
