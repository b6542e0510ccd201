import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** Products per page of a paged read, and refs per lookup request. */
export const CATALOG_PAGE_SIZE = 1000;

/** The valid data products among entities (invalid ones are the catalog's to report). */
function validProducts(
  entities: Array<Entity | undefined | null>,
): DataProductEntityV1alpha1[] {
  return entities.filter(
    (entity): entity is DataProductEntityV1alpha1 =>
      Boolean(entity) && validateDataProductEntity(entity!).valid,
  );
}

/**
 * Runs a catalog request; any failure becomes a ServiceUnavailableError, so
 * that callers tell an unavailable catalog from their own faults.
 */
export async function fromCatalog<T>(
  what: string,
  request: () => Promise<T>,
): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw new ServiceUnavailableError(
      `The catalog could not be read (${what}): ${
        (error as Error)?.message ?? error
      }`,
    );
  }
}

/**
 * Reads data products and the entities they refer to from the catalog, in
 * pages: nothing here holds the whole catalog. Every failure to read is a
 * ServiceUnavailableError.
 */
export class CatalogReader {
  constructor(
    private readonly deps: { catalog: CatalogService; logger: LoggerService },
  ) {}

  /** The data products (only `fields`, if given), a page at a time. */
  async *#productPages(
    credentials: BackstageCredentials,
    fields?: string[],
  ): AsyncGenerator<Entity[]> {
    const pages = this.deps.catalog.streamEntities(
      {
        filter: { kind: DATA_PRODUCT_KIND },
        pageSize: CATALOG_PAGE_SIZE,
        ...(fields ? { fields } : {}),
      },
      { credentials },
    );
    const iterator = pages[Symbol.asyncIterator]();
    for (;;) {
      const next = await fromCatalog('data products', () => iterator.next());
      if (next.done) {
        return;
      }
      yield next.value;
    }
  }

  /**
   * Every valid DataProduct, a page at a time. Products the catalog holds
   * but that fail validation are skipped (the catalog reports them as
   * processing errors).
   */
  async *streamProducts(
    credentials: BackstageCredentials,
  ): AsyncGenerator<DataProductEntityV1alpha1[]> {
    for await (const page of this.#productPages(credentials)) {
      yield validProducts(page);
    }
  }

  /**
   * The refs of the data products the caller may read, a page at a time:
   * only their names are asked for.
   */
  async *streamProductRefs(
    credentials: BackstageCredentials,
  ): AsyncGenerator<string[]> {
    const fields = ['kind', 'metadata.namespace', 'metadata.name'];
    for await (const page of this.#productPages(credentials, fields)) {
      yield page.map(entity => stringifyEntityRef(entity));
    }
  }

  /** The entities behind `refs` (null where the catalog has none), in order. */
  async readByRefs(
    refs: string[],
    credentials: BackstageCredentials,
    fields?: string[],
  ): Promise<Array<Entity | null>> {
    const entities: Array<Entity | null> = [];
    for (let start = 0; start < refs.length; start += CATALOG_PAGE_SIZE) {
      const { items } = await fromCatalog('entities by reference', () =>
        this.deps.catalog.getEntitiesByRefs(
          { entityRefs: refs.slice(start, start + CATALOG_PAGE_SIZE), fields },
          { credentials },
        ),
      );
      entities.push(...items.map(item => item ?? null));
    }
    return entities;
  }

  /** The valid data products among `refs`. */
  async readProducts(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<DataProductEntityV1alpha1[]> {
    return validProducts(await this.readByRefs(refs, credentials));
  }

  /** The Domain entities the caller may see, by entity ref, with their titles. */
  async readDomains(
    credentials: BackstageCredentials,
  ): Promise<Map<string, { title?: string }>> {
    const { items } = await fromCatalog('domains', () =>
      this.deps.catalog.getEntities(
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
      ),
    );
    return new Map(
      items.map(domain => [
        stringifyEntityRef(domain),
        { title: domain.metadata.title },
      ]),
    );
  }
}
