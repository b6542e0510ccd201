import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** The DataProduct of the entity page, or undefined on any other kind. */
export function useDataProduct():
  | { entity: DataProductEntityV1alpha1; entityRef: string }
  | undefined {
  const { entity } = useEntity();
  return isDataProductEntity(entity)
    ? { entity, entityRef: stringifyEntityRef(entity) }
    : undefined;
}
