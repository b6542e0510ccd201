import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * A link to an entity a product refers to the short way (`customer` for
 * `domain:default/customer`). `EntityRefLink` builds its link from the ref
 * as given, so the ref is completed first; one that cannot be parsed is
 * shown as text.
 */
export function RefLink(props: {
  entityRef: string;
  defaultKind: string;
  defaultNamespace: string;
}) {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(props.entityRef, {
        defaultKind: props.defaultKind,
        defaultNamespace: props.defaultNamespace,
      }),
    );
  } catch {
    return <>{props.entityRef}</>;
  }
  return <EntityRefLink entityRef={ref} />;
}
