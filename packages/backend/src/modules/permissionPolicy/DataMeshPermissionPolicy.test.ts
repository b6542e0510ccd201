import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  dataMeshAccessApprovePermission,
  dataMeshAccessAuditPermission,
  dataMeshCampaignCreatePermission,
  dataMeshCampaignUpdatePermission,
  dataMeshAccessRequestPermission,
  dataMeshMeasurementCreatePermission,
  dataMeshPolicyDryRunPermission,
  dataMeshProvenanceRecordPermission,
  dataMeshStandardsImportPermission,
  dataMeshWaiverApprovePermission,
  dataMeshWaiverRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { DataMeshPermissionPolicy } from './DataMeshPermissionPolicy';

/** Ownership refs of each user's sign-in. */
const OWNERSHIP: Record<string, string[]> = {
  'user:default/grace': ['user:default/grace', 'group:default/data-governance'],
  'user:default/amara': ['user:default/amara', 'group:default/customer-team'],
};

const policy = new DataMeshPermissionPolicy({
  governanceGroups: ['group:default/data-governance'],
  userInfo: {
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      return { userEntityRef, ownershipEntityRefs: OWNERSHIP[userEntityRef] };
    },
  },
});

function userOf(userEntityRef: string): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: OWNERSHIP[userEntityRef] },
  };
}

const decide = (permission: Permission, user?: PolicyQueryUser) =>
  policy.handle({ permission }, user);

/** The conditional decision: allowed on the products these refs own. */
const ownerOf = (claims: string[]) => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims },
  },
});

describe('DataMeshPermissionPolicy', () => {
  const governance = userOf('user:default/grace');
  const owner = userOf('user:default/amara');

  it.each([
    dataMeshPolicyDryRunPermission,
    dataMeshWaiverApprovePermission,
    dataMeshWaiverRequestPermission,
    dataMeshMeasurementCreatePermission,
    dataMeshAccessApprovePermission,
    dataMeshAccessAuditPermission,
    dataMeshCampaignCreatePermission,
    dataMeshCampaignUpdatePermission,
  ])('allows $name to governance members', async permission => {
    await expect(decide(permission, governance)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it.each([
    dataMeshPolicyDryRunPermission,
    dataMeshWaiverApprovePermission,
    dataMeshAccessAuditPermission,
    dataMeshCampaignCreatePermission,
    dataMeshCampaignUpdatePermission,
  ])('denies $name to other users', async permission => {
    await expect(decide(permission, owner)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it.each([
    dataMeshWaiverRequestPermission,
    dataMeshMeasurementCreatePermission,
    dataMeshAccessApprovePermission,
    dataMeshAccessRequestPermission,
  ])(
    'allows $name to other users on the entities they own',
    async permission => {
      await expect(decide(permission, owner)).resolves.toEqual(
        ownerOf(['user:default/amara', 'group:default/customer-team']),
      );
    },
  );

  it('lets governance request access only for the entities they own', async () => {
    await expect(
      decide(dataMeshAccessRequestPermission, governance),
    ).resolves.toEqual(
      ownerOf(['user:default/grace', 'group:default/data-governance']),
    );
  });

  it('denies recording provenance to every user, governance included', async () => {
    for (const user of [governance, owner]) {
      await expect(
        decide(dataMeshProvenanceRecordPermission, user),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('denies data mesh permissions it does not know, even to governance', async () => {
    const unknown = createPermission({
      name: 'data-mesh.something.new',
      attributes: {},
    });
    await expect(decide(unknown, governance)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('allows converting open-standard files to every user, and to no anonymous caller', async () => {
    for (const user of [governance, owner]) {
      await expect(
        decide(dataMeshStandardsImportPermission, user),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
    await expect(decide(dataMeshStandardsImportPermission)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('denies data mesh permissions to unauthenticated callers', async () => {
    await expect(decide(dataMeshWaiverRequestPermission)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it("allows other plugins' permissions to everyone", async () => {
    const scaffolderAction = createPermission({
      name: 'scaffolder.action.execute',
      attributes: {},
    });
    for (const permission of [catalogEntityReadPermission, scaffolderAction]) {
      for (const user of [governance, owner, undefined]) {
        await expect(decide(permission, user)).resolves.toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    }
  });
});
