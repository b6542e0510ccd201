import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Lineage, loadLineage } from './loadLineage';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'relations',
];

/** The lineage of a product from the catalog, `maxDepth` hops each way. */
export function useLineage(entity: Entity, maxDepth: number) {
  const catalogApi = useApi(catalogApiRef);
  const rootRef = stringifyEntityRef(entity);
  return useAsyncRetry(
    (): Promise<Lineage> =>
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
    // The entity object changes identity on refresh; its ref and relations
    // are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [catalogApi, rootRef, JSON.stringify(entity.relations), maxDepth],
  );
}
