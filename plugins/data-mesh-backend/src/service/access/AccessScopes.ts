import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { dataMeshAccessApprovePermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { AccessScope } from '../../database/AccessRequestStore';
import { PermissionGate } from '../PermissionGate';
import { actorOf } from './accessParties';

/**
 * Who may see and decide which access requests and agreements: the
 * requester their own; whoever holds `data-mesh.access.approve` on a product
 * (its owners and governance in the example policy) the product's.
 */
export class AccessScopes {
  readonly #gate: PermissionGate;

  constructor(private readonly deps: { permissions: PermissionsService }) {
    this.#gate = new PermissionGate(deps);
  }

  /**
   * Whose records the caller sees: their own, and those of the products
   * among `candidates` on which they hold `data-mesh.access.approve`.
   */
  async scopeOf(
    credentials: BackstageCredentials,
    candidates: string[],
    onlyOwn: boolean,
  ): Promise<AccessScope> {
    const requestedBy = actorOf(credentials);
    if (onlyOwn || candidates.length === 0) {
      return { requestedBy, products: [], onlyOwn };
    }
    const decisions = await this.deps.permissions.authorize(
      candidates.map(resourceRef => ({
        permission: dataMeshAccessApprovePermission,
        resourceRef,
      })),
      { credentials },
    );
    const products = candidates.filter(
      (_, index) => decisions[index].result === AuthorizeResult.ALLOW,
    );
    return { requestedBy, products };
  }

  /** Requires `data-mesh.access.approve` on a product. */
  async requireApprover(
    credentials: BackstageCredentials,
    product: string,
  ): Promise<void> {
    await this.#gate.authorize(credentials, dataMeshAccessApprovePermission, [
      product,
    ]);
  }
}
