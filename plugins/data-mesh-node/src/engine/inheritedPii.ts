import { stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * A field of a product that copies a PII field of an upstream product.
 * @public
 */
export interface InheritedPiiField {
  /** The field's name. */
  name: string;
  /** Where the product would mark it PII (`spec.schema.fields[i].pii`). */
  path: string;
  /** Whether the product marks it PII (on the field or in `piiColumns`). */
  pii: boolean;
  /** The upstream product whose PII field it copies. */
  upstream: string;
}

/** The PII field names a product declares, on fields or in `piiColumns`. */
function piiNames(entity: DataProductEntityV1alpha1): Set<string> {
  const names = new Set(entity.spec.access?.privacy?.piiColumns ?? []);
  for (const field of entity.spec.schema?.fields ?? []) {
    if (field.pii === true) {
      names.add(field.name);
    }
  }
  return names;
}

/**
 * The fields of a product named like a PII field of one of its upstream
 * products (the first upstream that has one), whether marked PII or not.
 */
export function inheritedPiiFields(
  entity: DataProductEntityV1alpha1,
  upstreamEntities: DataProductEntityV1alpha1[],
): InheritedPiiField[] {
  if (upstreamEntities.length === 0) {
    return [];
  }
  const { spec } = entity;
  const own = new Set(spec.access?.privacy?.piiColumns ?? []);
  const upstreamPii = upstreamEntities.map(up => ({
    ref: stringifyEntityRef(up),
    names: piiNames(up),
  }));
  return (spec.schema?.fields ?? []).flatMap((field, i) => {
    const source = upstreamPii.find(up => up.names.has(field.name));
    return source
      ? [
          {
            name: field.name,
            path: `spec.schema.fields[${i}].pii`,
            pii: field.pii === true || own.has(field.name),
            upstream: source.ref,
          },
        ]
      : [];
  });
}
