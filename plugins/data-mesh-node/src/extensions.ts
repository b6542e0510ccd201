import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { PolicyPack } from './policy/types';

/**
 * Lets backend modules add policy packs to the data-mesh plugin, next to the
 * default pack and the packs from configuration.
 * @public
 */
export interface DataMeshPoliciesExtensionPoint {
  addPolicyPack(pack: PolicyPack): void;
}

/**
 * Extension point for adding policy packs from code, for example a pack your
 * organisation publishes as an npm package. Packs are parsed with
 * `parsePolicyPack`.
 * @public
 */
export const dataMeshPoliciesExtensionPoint =
  createExtensionPoint<DataMeshPoliciesExtensionPoint>({
    id: 'data-mesh.policies',
  });

/**
 * The events topic on which the catalog module announces a data product the
 * catalog has processed with changed content. Payload:
 * {@link DataProductChangedEvent}.
 * @public
 */
export const DATA_PRODUCT_CHANGED_TOPIC = 'data-mesh.product.changed';

/** Payload of {@link DATA_PRODUCT_CHANGED_TOPIC} events. @public */
export interface DataProductChangedEvent {
  /** The processed entity, as the catalog will store it. */
  entity: Entity;
  /** When the catalog processed it (ISO-8601). */
  processedAt: string;
}
