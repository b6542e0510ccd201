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
   * What one listing shows the caller, from one permission request: whose
   * records (their own, and those of the products among `candidates` on
   * which they hold `data-mesh.access.approve`; only their own with
   * `onlyOwn`) and who reads which private purposes. With `catalogVisible`
   * (agreements), the records of every candidate the caller sees in the
   * catalog are listed too; the catalog is asked only about the candidates
   * the caller does not decide.
   */
  async listing(
    credentials: BackstageCredentials,
    candidates: string[],
    options: { onlyOwn?: boolean; catalogVisible?: boolean } = {},
  ): Promise<{ scope: CallerScope; readers: PurposeReaders }> {
    const requestedBy = actorOf(credentials);
    const onlyOwn = Boolean(options.onlyOwn);
    const products = onlyOwn ? [] : candidates;
    const decisions = await this.deps.permissions.authorize(
      [
        { permission: dataMeshAccessAuditPermission },
        ...products.map(resourceRef => ({
          permission: dataMeshAccessApprovePermission,
          resourceRef,
        })),
      ],
      { credentials },
    );
    const [governance, ...approvals] = decisions.map(
      decision => decision.result === AuthorizeResult.ALLOW,
    );
    const approvable = products.filter((_, index) => approvals[index]);
    const scope: CallerScope = onlyOwn
      ? { requestedBy, products: [], onlyOwn }
      : { requestedBy, products: approvable };
    const others = products.filter((_, index) => !approvals[index]);
    if (options.catalogVisible && others.length > 0) {
      const visible = await this.deps.reader.readProducts(others, credentials);
      scope.visibleProducts = visible.map(p => stringifyEntityRef(p));
    }
    return {
      scope,
      readers: {
        actor: requestedBy,
        approvable: new Set(approvable),
        governance,
      },
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
