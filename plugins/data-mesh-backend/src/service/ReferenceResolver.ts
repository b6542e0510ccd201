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
import QuickLRU from 'quick-lru';
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
const DEFAULT_CAPACITY = 5_000;

/**
 * Entity refs compare case-insensitively. English has no special casing
 * rules, so this is `toLocaleLowerCase('en-US')` (as Backstage compares
 * refs) at a tenth of the cost.
 */
const refKey = (entityRef: string) => entityRef.toLowerCase();

/** What the catalog answered for a reference (null: it holds none). */
interface Known {
  entity: Entity | null;
}

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
  /**
   * Answers kept across batches, least recently used dropped first: two
   * generations of up to half the capacity each, so that nothing is
   * allocated up front and nothing costs more than a Map operation.
   */
  readonly #cache: QuickLRU<string, Known>;
  /** The answers of the latest batch: all of them, whatever the capacity. */
  #batch = new Map<string, Known>();

  constructor(
    private readonly deps: {
      reader: CatalogReader;
      credentials: BackstageCredentials;
      capacity?: number;
    },
  ) {
    this.#cache = new QuickLRU({
      maxSize: Math.ceil((deps.capacity ?? DEFAULT_CAPACITY) / 2),
    });
  }

  /**
   * Reads every reference of `products` (and the `also` refs, such as the
   * products they hold agreements on) that is not known yet. Until the next
   * call, every one of them can be looked up.
   */
  async resolve(
    products: DataProductEntityV1alpha1[],
    also: string[] = [],
  ): Promise<void> {
    const batch = new Map<string, Known>();
    const missing = new Set<string>();
    for (const refs of [...products.map(referencesOf), also]) {
      for (const ref of refs) {
        const key = refKey(ref);
        if (batch.has(key) || missing.has(key)) continue;
        const known = this.#cache.get(key);
        if (known) {
          batch.set(key, known);
        } else {
          missing.add(key);
        }
      }
    }
    const keys = [...missing];
    const found = keys.length
      ? await this.deps.reader.readByRefs(keys, this.deps.credentials, FIELDS)
      : [];
    keys.forEach((key, i) => {
      const known = { entity: found[i] ?? null };
      batch.set(key, known);
      this.#cache.set(key, known);
    });
    this.#batch = batch;
  }

  #known(entityRef: string): Known | undefined {
    const key = refKey(entityRef);
    return this.#batch.get(key) ?? this.#cache.get(key);
  }

  /**
   * What the catalog said of a resolved reference; undefined when it was
   * never resolved (the rules then give the benefit of the doubt).
   */
  lookup(entityRef: string): EntityLookup | undefined {
    const known = this.#known(entityRef);
    if (!known) {
      return undefined;
    }
    return known.entity
      ? { exists: true, entity: known.entity }
      : { exists: false };
  }

  /** The domain of a resolved upstream product, as an entity ref. */
  domainOf(productRef: string): string | undefined {
    const entity = this.#known(productRef)?.entity;
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
