import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  dataMeshAccessApprovePermission,
  dataMeshAccessAuditPermission,
  dataMeshAccessRequestPermission,
  dataMeshCampaignCreatePermission,
  dataMeshCampaignUpdatePermission,
  dataMeshMeasurementCreatePermission,
  dataMeshPolicyDryRunPermission,
  dataMeshStandardsImportPermission,
  dataMeshWaiverApprovePermission,
  dataMeshWaiverRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** What the data mesh plugin's own permissions start with. */
const DATA_MESH_PREFIX = 'data-mesh.';

/** Governance holds these, for every product. */
const GOVERNANCE_PERMISSIONS = [
  dataMeshPolicyDryRunPermission,
  dataMeshWaiverApprovePermission,
  dataMeshWaiverRequestPermission,
  dataMeshMeasurementCreatePermission,
  dataMeshAccessApprovePermission,
  dataMeshAccessAuditPermission,
  dataMeshCampaignCreatePermission,
  dataMeshCampaignUpdatePermission,
];

/**
 * Users hold these for the entities they own: requesting waivers and posting
 * measurements of their products, deciding access to their products, and
 * requesting access for their components, systems, groups and products.
 */
const OWNER_PERMISSIONS = [
  dataMeshWaiverRequestPermission,
  dataMeshMeasurementCreatePermission,
  dataMeshAccessApprovePermission,
  dataMeshAccessRequestPermission,
];

/**
 * Every signed-in user holds these: converting open-standard files into a
 * DataProduct stores nothing and reads nothing of the catalog.
 */
const USER_PERMISSIONS = [dataMeshStandardsImportPermission];

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

function isOneOf(permission: Permission, permissions: Permission[]): boolean {
  return permissions.some(known => isPermission(permission, known));
}

/**
 * The example portal's permission policy: federated governance for the data
 * mesh plugin's permissions.
 *
 * - Members of the governance groups may dry-run policy packs, approve
 *   waivers, request waivers and post measurements for any product, decide
 *   access to any product, read the access audit trail, and start and
 *   close governance campaigns.
 * - Every user may request waivers, post measurements and decide access
 *   requests for the products they own, and request access for the
 *   entities they own (the catalog's `isEntityOwner` rule decides on the
 *   entity); nothing else of the data mesh plugin.
 * - Every user may convert open-standard files into a DataProduct
 *   (`data-mesh.standards.import`), which stores nothing.
 * - No user records provenance (`data-mesh.provenance.record`): only
 *   services do. Service callers never reach a policy: Backstage decides
 *   them from their token's access restrictions.
 * - Any other `data-mesh.*` permission is denied until the policy decides
 *   it, so a new permission is never granted by accident.
 *
 * Every permission of other plugins (catalog, scaffolder, search...) is
 * ALLOWED to everyone, as Backstage's allow-all policy did, so the rest of
 * the portal works as before. A real organisation tightens these too.
 */
export class DataMeshPermissionPolicy implements PermissionPolicy {
  private readonly governanceGroups: ReadonlySet<string>;
  private readonly userInfo: UserInfoService;

  constructor(options: {
    /** Full group refs (`group:default/data-governance`). */
    governanceGroups: string[];
    userInfo: UserInfoService;
  }) {
    this.governanceGroups = new Set(options.governanceGroups);
    this.userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith(DATA_MESH_PREFIX)) {
      // Not the data mesh's: allowed to everyone (see above).
      return ALLOW;
    }
    if (!user) {
      return DENY;
    }
    if (isOneOf(permission, USER_PERMISSIONS)) {
      return ALLOW;
    }
    // The user info service, not the deprecated `user.info`: the same refs,
    // cached per token.
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    if (
      isOneOf(permission, GOVERNANCE_PERMISSIONS) &&
      ownershipEntityRefs.some(ref => this.governanceGroups.has(ref))
    ) {
      return ALLOW;
    }
    if (
      isOneOf(permission, OWNER_PERMISSIONS) &&
      isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return DENY;
  }
}
