import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
} from './DataProductEntityV1alpha1';
import { ANNOTATION_CONSUMES, splitAnnotationList } from './annotations';

/** Whether an entity is a DataProduct. @public */
export function isDataProductEntity(
  entity: Entity,
): entity is DataProductEntityV1alpha1 {
  return (
    entity.apiVersion === DATA_PRODUCT_API_VERSION &&
    entity.kind === DATA_PRODUCT_KIND
  );
}

/**
 * The entities a data product points at. Each list keeps the order of the
 * spec, without duplicates (compared as entity refs, case-insensitively).
 * @public
 */
export interface DataProductReferences {
  owner: CompoundEntityRef;
  /** Absent for an imported product whose source gives no domain. */
  domain?: CompoundEntityRef;
  system?: CompoundEntityRef;
  upstreamProducts: CompoundEntityRef[];
  /** Products whose output ports the input ports read. */
  consumedProducts: CompoundEntityRef[];
}

const refKey = (ref: CompoundEntityRef) => stringifyEntityRef(ref);

function uniqueRefs(refs: CompoundEntityRef[]): CompoundEntityRef[] {
  const seen = new Set<string>();
  return refs.filter(ref => !seen.has(refKey(ref)) && seen.add(refKey(ref)));
}

/**
 * Resolves the references of a data product with Backstage's defaults: the
 * product's namespace, kind Group for the owner, Domain for the domain,
 * System for the system and DataProduct for upstream and consumed products.
 * Throws a TypeError naming the field when a reference cannot be parsed.
 * @public
 */
export function getDataProductReferences(
  entity: DataProductEntityV1alpha1,
): DataProductReferences {
  const defaultNamespace = entity.metadata.namespace ?? 'default';
  const parse = (ref: string, defaultKind: string, path: string) => {
    try {
      return parseEntityRef(ref, { defaultKind, defaultNamespace });
    } catch (error) {
      throw new TypeError(`${path}: ${(error as Error).message}`);
    }
  };
  const { spec } = entity;
  return {
    owner: parse(spec.owner, 'Group', 'spec.owner'),
    domain: spec.domain
      ? parse(spec.domain, 'Domain', 'spec.domain')
      : undefined,
    system: spec.system
      ? parse(spec.system, 'System', 'spec.system')
      : undefined,
    upstreamProducts: uniqueRefs(
      (spec.lineage?.upstreamProducts ?? []).map((ref, i) =>
        parse(ref, DATA_PRODUCT_KIND, `spec.lineage.upstreamProducts[${i}]`),
      ),
    ),
    consumedProducts: uniqueRefs(
      (spec.inputPorts ?? []).flatMap((port, i) =>
        port.product
          ? [
              parse(
                port.product,
                DATA_PRODUCT_KIND,
                `spec.inputPorts[${i}].product`,
              ),
            ]
          : [],
      ),
    ),
  };
}

/**
 * Products that any entity declares it reads through the
 * `datamesh.io/consumes` annotation.
 * @public
 */
export function getConsumedDataProductRefs(
  entity: Entity,
): CompoundEntityRef[] {
  const defaultNamespace = entity.metadata.namespace ?? 'default';
  return uniqueRefs(
    splitAnnotationList(entity.metadata.annotations?.[ANNOTATION_CONSUMES]).map(
      ref => {
        try {
          return parseEntityRef(ref, {
            defaultKind: DATA_PRODUCT_KIND,
            defaultNamespace,
          });
        } catch (error) {
          throw new TypeError(
            `metadata.annotations.${ANNOTATION_CONSUMES}: ${
              (error as Error).message
            }`,
          );
        }
      },
    ),
  );
}

/**
 * The key under which rollups and KPI breakdowns count products with no
 * domain (imported products whose source gives none). It is not an entity
 * ref, so no Domain can ever be named so.
 * @public
 */
export const NO_DOMAIN = '(no domain)';
