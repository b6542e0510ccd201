import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { agreedConsumers, withAgreedConsumers } from './agreedConsumers';
import { Lineage, loadLineage } from './loadLineage';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'relations',
];

/** A product's lineage, and which of its consumers hold an agreement. */
export interface AgreedLineage extends Lineage {
  /** Consumers with an approved agreement that has not ended. */
  agreed: string[];
}

/**
 * The lineage of a product from the catalog, `maxDepth` hops each way, with
 * the consumers of its agreements (as far as the caller may see them; when
 * the agreements cannot be read, the lineage shows without them).
 */
export function useLineage(entity: Entity, maxDepth: number) {
  const catalogApi = useApi(catalogApiRef);
  const dataMeshApi = useApi(dataMeshApiRef);
  const rootRef = stringifyEntityRef(entity);
  return useAsyncRetry(
    async (): Promise<AgreedLineage> => {
      const [lineage, agreements] = await Promise.all([
        loadLineage(
          entity,
          async refs => {
            const { items } = await catalogApi.getEntitiesByRefs({
              entityRefs: refs,
              fields: FIELDS,
            });
            const byRef = new Map<string, Entity>();
            items.forEach((item, index) => {
              if (item) byRef.set(refs[index], item);
            });
            return byRef;
          },
          maxDepth,
        ),
        dataMeshApi
          .listAgreements({ product: rootRef })
          .then(({ items }) => items)
          .catch(() => []),
      ]);
      const agreed = agreedConsumers(agreements);
      return {
        ...withAgreedConsumers(lineage, rootRef, agreed),
        agreed: [...agreed],
      };
    },
    // The entity object changes identity on refresh; its ref and relations
    // are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      catalogApi,
      dataMeshApi,
      rootRef,
      JSON.stringify(entity.relations),
      maxDepth,
    ],
  );
}
