import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** An entity that may consume data: a component, system, group or product. */
export interface ConsumerOption {
  ref: string;
  label: string;
}

/** The kinds that may consume a data product, as the catalog filters them. */
const OWNED_KINDS = ['component', 'system', 'dataproduct'];

/**
 * The entities the signed-in user may request access for: the groups in
 * their ownership refs, and the components, systems and data products owned
 * by them or by those groups.
 */
export function useOwnedConsumers() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<ConsumerOption[]> => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const groups = ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    );
    if (ownershipEntityRefs.length === 0) return [];
    const { items } = await catalogApi.getEntities({
      filter: {
        'relations.ownedBy': ownershipEntityRefs,
        kind: OWNED_KINDS,
      },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    const owned = items.map(entity => ({
      ref: stringifyEntityRef(entity),
      label: `${entity.metadata.title ?? entity.metadata.name} (${
        entity.kind
      })`,
    }));
    const teams = groups.map(ref => ({
      ref,
      label: `${parseEntityRef(ref).name} (Group)`,
    }));
    return [...owned, ...teams].sort((a, b) => a.label.localeCompare(b.label));
  }, [identityApi, catalogApi]);
}
