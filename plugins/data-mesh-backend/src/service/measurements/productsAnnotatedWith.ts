import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  splitAnnotationList,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** A product that claims results by an annotation, and what it names. */
export interface AnnotatedProduct {
  entity: DataProductEntityV1alpha1;
  /** The annotation's listed values (dbt models, suites…). */
  keys: string[];
}

/**
 * The valid data products carrying `annotation`, with its listed values:
 * the products an imported document's results may count for.
 */
export async function productsAnnotatedWith(
  annotation: string,
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<AnnotatedProduct[]> {
  const { items } = await catalog.getEntities(
    {
      filter: {
        kind: DATA_PRODUCT_KIND,
        [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
      },
    },
    { credentials },
  );
  return items
    .filter((e: Entity) => validateDataProductEntity(e).valid)
    .map((e: Entity) => ({
      entity: e as DataProductEntityV1alpha1,
      keys: splitAnnotationList(e.metadata.annotations?.[annotation]),
    }));
}
