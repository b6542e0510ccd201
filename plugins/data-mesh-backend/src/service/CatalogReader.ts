import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  EntityLookup,
  EvaluationContext,
} from '@datamesh-backstage/plugin-data-mesh-node';

const PAGE_SIZE = 1000;

/** The valid data products among entities (invalid ones are the catalog's to report). */
function validProducts(
  entities: Array<Entity | undefined>,
): DataProductEntityV1alpha1[] {
  return entities.filter(
    (entity): entity is DataProductEntityV1alpha1 =>
      Boolean(entity) && validateDataProductEntity(entity!).valid,
  );
}

/** What a full read of the catalog returns. */
export interface CatalogSnapshot {
  products: DataProductEntityV1alpha1[];
  groups: Entity[];
}

/** Reads data products and the entities they refer to from the catalog. */
export class CatalogReader {
  constructor(
    private readonly deps: { catalog: CatalogService; logger: LoggerService },
  ) {}

  /**
   * Every valid DataProduct and every Group. Throws when the catalog cannot
   * be read; products the catalog holds but that fail validation are skipped
   * (the catalog reports them as processing errors).
   */
  async readAll(credentials: BackstageCredentials): Promise<CatalogSnapshot> {
    const products: DataProductEntityV1alpha1[] = [];
    for await (const page of this.deps.catalog.streamEntities(
      { filter: { kind: DATA_PRODUCT_KIND }, pageSize: PAGE_SIZE },
      { credentials },
    )) {
      products.push(...validProducts(page));
    }
    const groups: Entity[] = [];
    for await (const page of this.deps.catalog.streamEntities(
      {
        filter: { kind: 'Group' },
        fields: ['apiVersion', 'kind', 'metadata.name', 'metadata.namespace'],
        pageSize: PAGE_SIZE,
      },
      { credentials },
    )) {
      groups.push(...page);
    }
    return { products, groups };
  }

  /**
   * The valid data products among `refs`, looked up one by one. A sweep
   * reads again the stored products its paged read did not return: such a
   * read misses entities that the catalog stitches while it runs.
   */
  async readProducts(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<DataProductEntityV1alpha1[]> {
    const products: DataProductEntityV1alpha1[] = [];
    for (let start = 0; start < refs.length; start += PAGE_SIZE) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(start, start + PAGE_SIZE) },
        { credentials },
      );
      products.push(...validProducts(items));
    }
    return products;
  }

  /** The Domain entities the caller may see, by entity ref, with their titles. */
  async readDomains(
    credentials: BackstageCredentials,
  ): Promise<Map<string, { title?: string }>> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Domain' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
        ],
      },
      { credentials },
    );
    return new Map(
      items.map(domain => [
        stringifyEntityRef(domain),
        { title: domain.metadata.title },
      ]),
    );
  }

  /**
   * A context for evaluating one product: looks up its owner and upstream
   * products in one request. If the catalog cannot be read, existence stays
   * unknown and the cross-entity rules give the product the benefit of the
   * doubt.
   */
  async contextFor(
    entity: DataProductEntityV1alpha1,
    credentials: BackstageCredentials,
  ): Promise<EvaluationContext> {
    const defaultNamespace = entity.metadata.namespace ?? 'default';
    const refs = [
      stringifyEntityRef(
        parseEntityRef(entity.spec.owner, {
          defaultKind: 'Group',
          defaultNamespace,
        }),
      ),
      ...(entity.spec.lineage?.upstreamProducts ?? []).map(ref =>
        stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind: DATA_PRODUCT_KIND,
            defaultNamespace,
          }),
        ),
      ),
    ];
    const known = new Map<string, EntityLookup>();
    try {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials },
      );
      refs.forEach((ref, i) => {
        const found = items[i];
        known.set(
          ref,
          found ? { exists: true, entity: found } : { exists: false },
        );
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not read the catalog to evaluate ${stringifyEntityRef(
          entity,
        )}; cross-entity rules skipped: ${error}`,
      );
    }
    return { lookup: ref => known.get(ref.toLocaleLowerCase('en-US')) };
  }
}
