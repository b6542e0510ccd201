import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_AGREEMENT_HELD_BY,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
  RELATION_HAS_DATA_AGREEMENT_FOR,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * The data mesh's relations, each with its reverse: declared consumption,
 * and the agreements that grant a consumer access to a product.
 */
export const DATA_MESH_RELATION_PAIRS: [string, string][] = [
  [RELATION_CONSUMES_DATA_PRODUCT, RELATION_DATA_PRODUCT_CONSUMED_BY],
  [RELATION_HAS_DATA_AGREEMENT_FOR, RELATION_DATA_AGREEMENT_HELD_BY],
];

/**
 * The relations the catalog graph knows and draws by default (on the
 * entity card and the graph page): Backstage's and the data mesh's.
 */
export function createCatalogGraphApi() {
  return new DefaultCatalogGraphApi({
    knownRelations: [...ALL_RELATIONS, ...DATA_MESH_RELATION_PAIRS.flat()],
    knownRelationPairs: [...ALL_RELATION_PAIRS, ...DATA_MESH_RELATION_PAIRS],
    defaultRelationTypes: { exclude: [] },
  });
}

/** Replaces the catalog graph's relations with those above. */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: createCatalogGraphApi,
        }),
    }),
  ],
});
