import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { dataMeshServiceRef } from '@datamesh-backstage/plugin-data-mesh-node';
import { createDataProductAction } from './actions/createProduct';
import { createGovernanceCheckAction } from './actions/governanceCheck';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRecordProvenanceAction } from './actions/recordProvenance';

/**
 * The scaffolder module of the data mesh suite: the actions of the
 * self-serve data product templates, `datamesh:product:create`,
 * `datamesh:governance:check`, `datamesh:publish:local` and
 * `datamesh:provenance:record`.
 *
 * @public
 */
export const scaffolderModuleDataMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'data-mesh',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        dataMesh: dataMeshServiceRef,
      },
      async init({ scaffolderActions, config, auth, catalog, dataMesh }) {
        scaffolderActions.addActions(
          createDataProductAction(),
          createGovernanceCheckAction({ dataMesh, auth, catalog }),
          createPublishLocalAction({ config, catalog, auth }),
          createRecordProvenanceAction({ dataMesh, auth }),
        );
      },
    });
  },
});
