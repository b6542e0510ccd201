import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  dataMeshAccessApprovePermission,
  dataMeshAccessAuditPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { AccessScope } from '../../database/AccessRequestStore';

/** The scope of a caller (never `all`). */
type CallerScope = Exclude<AccessScope, 'all'>;
import type { CatalogReader } from '../CatalogReader';
import { PermissionGate } from '../PermissionGate';
import { actorOf } from './accessParties';
import type { PurposeReaders } from './purposePrivacy';

/**
 * Who may see and decide which access requests and agreements: the
 * requester their own; whoever holds `data-mesh.access.approve` on a product
 * (its owners and governance in the example policy) the product's. The
 * agreements of the products a caller sees in the catalog are the mesh's
 * edges and listed to them too, their private purposes left out.
 */
export class AccessScopes {
  readonly #gate: PermissionGate;

  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      reader: Pick<CatalogReader, 'readProducts'>;
    },
  ) {
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
  ): Promise<CallerScope> {
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

  /**
   * The agreements the caller sees: as `scopeOf`, and those of every
   * product among `candidates` the caller sees in the catalog.
   */
  async agreementScopeOf(
    credentials: BackstageCredentials,
    candidates: string[],
  ): Promise<CallerScope> {
    const scope = await this.scopeOf(credentials, candidates, false);
    const visible = candidates.length
      ? await this.deps.reader.readProducts(candidates, credentials)
      : [];
    return {
      ...scope,
      visibleProducts: visible.map(p => stringifyEntityRef(p)),
    };
  }

  /** Who reads which private purposes in a listing of `scope`. */
  async purposeReaders(
    credentials: BackstageCredentials,
    scope: { products: string[] },
  ): Promise<PurposeReaders> {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: dataMeshAccessAuditPermission }],
      { credentials },
    );
    return {
      actor: actorOf(credentials),
      approvable: new Set(scope.products),
      governance: decision.result === AuthorizeResult.ALLOW,
    };
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
