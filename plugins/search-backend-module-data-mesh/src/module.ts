import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { dataProductEntityTransformer } from './dataProductEntityTransformer';

/**
 * Search module that indexes data products with their domain, owner, type
 * and tags, through the catalog collator's entity transformer.
 *
 * @public
 */
export const searchModuleDataMesh = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-mesh',
  register(reg) {
    reg.registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(dataProductEntityTransformer);
      },
    });
  },
});
