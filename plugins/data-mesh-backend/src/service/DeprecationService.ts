import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  DeprecatedProduct,
  isSunset,
  NO_DOMAIN,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * Deprecated products that entities still read, for governance: each with
 * its sunset date, successor and consumers. Read from the catalog with the
 * caller's credentials, so only products the caller may read are listed.
 */
export class DeprecationService {
  constructor(
    private readonly deps: { catalog: CatalogService; now?: () => Date },
  ) {}

  async stillConsumed(
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): Promise<DeprecatedProduct[]> {
    const now = this.deps.now?.() ?? new Date();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: DATA_PRODUCT_KIND,
          'spec.deprecation.sunset': CATALOG_FILTER_EXISTS,
        },
        fields: ['kind', 'metadata', 'spec', 'relations'],
      },
      { credentials },
    );
    return items
      .map(entity => entity as DataProductEntityV1alpha1)
      .flatMap(entity => {
        const deprecation = entity.spec?.deprecation;
        const consumers = (entity.relations ?? [])
          .filter(r => r.type === RELATION_DATA_PRODUCT_CONSUMED_BY)
          .map(r => r.targetRef)
          .sort();
        if (!deprecation?.sunset || consumers.length === 0) {
          return [];
        }
        const namespace = entity.metadata.namespace ?? 'default';
        return [
          {
            entityRef: stringifyEntityRef(entity),
            ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
            domain: entity.spec.domain
              ? stringifyEntityRef(
                  parseEntityRef(entity.spec.domain, {
                    defaultKind: 'Domain',
                    defaultNamespace: namespace,
                  }),
                )
              : NO_DOMAIN,
            sunset: deprecation.sunset,
            ...(deprecation.successor
              ? {
                  successor: stringifyEntityRef(
                    parseEntityRef(deprecation.successor, {
                      defaultKind: DATA_PRODUCT_KIND,
                      defaultNamespace: namespace,
                    }),
                  ),
                }
              : {}),
            ...(deprecation.reason ? { reason: deprecation.reason } : {}),
            sunsetPassed: isSunset(deprecation, now),
            consumers,
          },
        ];
      })
      .sort((a, b) => a.sunset.localeCompare(b.sunset));
  }
}
