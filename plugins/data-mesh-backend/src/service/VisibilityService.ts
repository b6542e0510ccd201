import {
  BackstageCredentials,
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DATA_PRODUCT_KIND } from '@datamesh-backstage/plugin-data-mesh-common';

/** Which products a caller may see: all, or a set of entity refs. */
export type Visibility = { all: true } | { all: false; refs: Set<string> };

const CACHE_TTL_MS = 30_000;

/**
 * Decides which data products a caller may see, by the catalog's own
 * `catalog.entity.read` permission. When the policy allows or denies
 * outright, that is the answer; when it is conditional, the catalog is asked
 * (with the caller's credentials) which products it returns, and the answer
 * is cached briefly per principal.
 */
export class VisibilityService {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      catalog: CatalogService;
      cache: CacheService;
    },
  ) {}

  async visibleProducts(
    credentials: BackstageCredentials,
  ): Promise<Visibility> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { all: true };
    }
    if (decision.result === AuthorizeResult.DENY) {
      return { all: false, refs: new Set() };
    }
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    const key = `visible-products:${
      principal.userEntityRef ?? principal.subject ?? 'unknown'
    }`;
    // The cache only saves work: if it fails, ask the catalog.
    const cached = (await this.deps.cache.get(key).catch(() => undefined)) as
      | string[]
      | undefined;
    if (cached) {
      return { all: false, refs: new Set(cached) };
    }
    const refs: string[] = [];
    for await (const page of this.deps.catalog.streamEntities(
      {
        filter: { kind: DATA_PRODUCT_KIND },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        pageSize: 1000,
      },
      { credentials },
    )) {
      refs.push(...page.map(entity => stringifyEntityRef(entity)));
    }
    await this.deps.cache.set(key, refs, { ttl: CACHE_TTL_MS }).catch(() => {});
    return { all: false, refs: new Set(refs) };
  }

  /**
   * Whether the caller may see one entity: the permission decision, or the
   * catalog itself when the decision is conditional.
   */
  async canSee(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    return Boolean(
      await this.deps.catalog.getEntityByRef(entityRef, { credentials }),
    );
  }
}
