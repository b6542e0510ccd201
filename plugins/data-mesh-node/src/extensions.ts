import { createExtensionPoint } from '@backstage/backend-plugin-api';
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

/**
 * Payload of {@link DATA_PRODUCT_CHANGED_TOPIC} events. It only names the
 * product: the data-mesh plugin reads the product from the catalog itself,
 * so whoever can publish on the events bus cannot plant a scorecard.
 * @public
 */
export interface DataProductChangedEvent {
  /** The product's entity ref. */
  entityRef: string;
  /**
   * {@link productContentHash} of the version the catalog processed: the
   * plugin waits until the catalog serves that version (or, after a while,
   * scores what the catalog serves).
   */
  contentHash?: string;
  /** When the catalog processed it (ISO-8601). */
  processedAt: string;
}
