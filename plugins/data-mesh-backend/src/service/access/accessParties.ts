import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { CatalogReader } from '../CatalogReader';

/** Who a caller is, in the audit trail and as a requester. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** The owner of an entity as a full ref (default kind Group). */
export function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  return typeof owner === 'string'
    ? stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'Group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      )
    : undefined;
}

/** The product a request names, as the caller sees it; 404 otherwise. */
export async function readProduct(
  reader: CatalogReader,
  ref: string,
  credentials: BackstageCredentials,
): Promise<DataProductEntityV1alpha1> {
  const [product] = await reader.readProducts([ref], credentials);
  if (!product) {
    throw new NotFoundError(`body.product: no data product ${ref}`);
  }
  return product;
}

/** The consumer a request names, as the caller sees it; 404 otherwise. */
export async function readConsumer(
  reader: CatalogReader,
  ref: string,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const [entity] = await reader.readByRefs([ref], credentials);
  if (!entity) {
    throw new NotFoundError(`body.consumer: no entity ${ref} in the catalog`);
  }
  return entity;
}

/** The domain of a consumer: its own (`spec.domain`), or its system's. */
export async function consumerDomain(
  reader: CatalogReader,
  consumer: Entity,
  credentials: BackstageCredentials,
): Promise<string | undefined> {
  const namespace = consumer.metadata.namespace ?? 'default';
  const spec = consumer.spec ?? {};
  let domain = typeof spec.domain === 'string' ? spec.domain : undefined;
  if (!domain && typeof spec.system === 'string') {
    const systemRef = stringifyEntityRef(
      parseEntityRef(spec.system, {
        defaultKind: 'System',
        defaultNamespace: namespace,
      }),
    );
    const [system] = await reader.readByRefs([systemRef], credentials);
    domain =
      typeof system?.spec?.domain === 'string' ? system.spec.domain : undefined;
  }
  return domain
    ? stringifyEntityRef(
        parseEntityRef(domain, {
          defaultKind: 'Domain',
          defaultNamespace: namespace,
        }),
      )
    : undefined;
}
