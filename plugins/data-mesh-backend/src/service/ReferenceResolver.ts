import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { EntityLookup } from '@datamesh-backstage/plugin-data-mesh-node';
import { CatalogReader } from './CatalogReader';

/** What the cross-entity rules and KPIs read of a referenced entity. */
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.domain',
  'spec.schema.fields',
  'spec.access.privacy.piiColumns',
];

/** Referenced entities kept per resolver; older ones are read again. */
const DEFAULT_CAPACITY = 20_000;

/** The owner and upstream products a product refers to, as entity refs. */
export function referencesOf(product: DataProductEntityV1alpha1): string[] {
  const defaultNamespace = product.metadata.namespace ?? 'default';
  const ref = (raw: string, defaultKind: string) =>
    stringifyEntityRef(parseEntityRef(raw, { defaultKind, defaultNamespace }));
  return [
    ref(product.spec.owner, 'Group'),
    ...(product.spec.lineage?.upstreamProducts ?? []).map(raw =>
      ref(raw, DATA_PRODUCT_KIND),
    ),
  ];
}

/**
 * Looks up the entities products refer to (owners, upstream products), a
 * batch at a time, keeping a bounded number of answers so that a sweep of
 * any size reads each popular reference once and never holds the catalog.
 * A failed read throws (ServiceUnavailableError): the caller must not judge
 * references it could not check.
 */
export class ReferenceResolver {
  readonly #known = new Map<string, Entity | null>();

  constructor(
    private readonly deps: {
      reader: CatalogReader;
      credentials: BackstageCredentials;
      capacity?: number;
    },
  ) {}

  /** Reads every reference of `products` that is not known yet. */
  async resolve(products: DataProductEntityV1alpha1[]): Promise<void> {
    const needed = new Set<string>();
    for (const product of products) {
      for (const ref of referencesOf(product)) {
        needed.add(ref.toLocaleLowerCase('en-US'));
      }
    }
    const missing: string[] = [];
    for (const ref of needed) {
      if (this.#known.has(ref)) {
        // Maps iterate in insertion order: what this batch needs becomes
        // the newest, so that making room below never drops it.
        const entity = this.#known.get(ref)!;
        this.#known.delete(ref);
        this.#known.set(ref, entity);
      } else {
        missing.push(ref);
      }
    }
    if (missing.length === 0) {
      return;
    }
    const found = await this.deps.reader.readByRefs(
      missing,
      this.deps.credentials,
      FIELDS,
    );
    const capacity = Math.max(
      this.deps.capacity ?? DEFAULT_CAPACITY,
      2 * needed.size,
    );
    missing.forEach((ref, i) => {
      if (this.#known.size >= capacity) {
        this.#known.delete(this.#known.keys().next().value!);
      }
      this.#known.set(ref, found[i]);
    });
  }

  /**
   * What the catalog said of a resolved reference; undefined when it was
   * never resolved (the rules then give the benefit of the doubt).
   */
  lookup(entityRef: string): EntityLookup | undefined {
    const ref = entityRef.toLocaleLowerCase('en-US');
    if (!this.#known.has(ref)) {
      return undefined;
    }
    const entity = this.#known.get(ref);
    return entity ? { exists: true, entity } : { exists: false };
  }

  /** The domain of a resolved upstream product, as an entity ref. */
  domainOf(productRef: string): string | undefined {
    const entity = this.#known.get(productRef.toLocaleLowerCase('en-US'));
    const domain = (entity as DataProductEntityV1alpha1 | undefined)?.spec
      ?.domain;
    return domain
      ? stringifyEntityRef(
          parseEntityRef(domain, {
            defaultKind: 'Domain',
            defaultNamespace: entity!.metadata.namespace ?? 'default',
          }),
        )
      : undefined;
  }
}
