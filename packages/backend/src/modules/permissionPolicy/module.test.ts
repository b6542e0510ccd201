import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  BasicPermission,
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  dataMeshMeasurementCreatePermission,
  dataMeshPolicyDryRunPermission,
  dataMeshProvenanceRecordPermission,
  dataMeshWaiverApprovePermission,
  dataMeshWaiverRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { mockAuthWithActorsFactory } from './__testUtils__/mockAuthWithActors';
import {
  catalogWithProduct,
  createProbePlugin,
  PluginServices,
  PRODUCT,
  waitForProduct,
} from './__testUtils__/testFeatures';
import permissionModuleDataMeshPolicy from './module';

/** Ownership refs of each user's sign-in. */
const OWNERSHIP: Record<string, string[]> = {
  'user:default/grace': ['user:default/grace', 'group:default/data-governance'],
  'user:default/amara': ['user:default/amara', 'group:default/customer-team'],
  'user:default/olga': ['user:default/olga', 'group:default/inventory-team'],
};
const { ALLOW, DENY } = AuthorizeResult;
const PERMISSIONS = [
  dataMeshPolicyDryRunPermission,
  dataMeshWaiverApprovePermission,
  dataMeshWaiverRequestPermission,
  dataMeshMeasurementCreatePermission,
  dataMeshProvenanceRecordPermission,
];
/** Each user's expected decisions on the product, in PERMISSIONS' order. */
const EXPECTED = {
  'grace (governance)': [ALLOW, ALLOW, ALLOW, ALLOW, DENY],
  "amara (the product's owners)": [DENY, DENY, ALLOW, ALLOW, DENY],
  'olga (another team)': [DENY, DENY, DENY, DENY, DENY],
};
const CASES = Object.entries(EXPECTED).flatMap(([who, decisions]) =>
  PERMISSIONS.map((permission, i) => ({
    who,
    user: who.split(' ')[0],
    permission,
    expected: decisions[i],
  })),
);

let services: PluginServices;

/** The decision on the product (or, for basic permissions, overall). */
async function decide(user: string, permission: Permission) {
  const [decision] = await services.permissions.authorize(
    [
      isResourcePermission(permission)
        ? { permission, resourceRef: PRODUCT }
        : { permission: permission as BasicPermission },
    ],
    { credentials: mockCredentials.user(`user:default/${user}`) },
  );
  return decision.result;
}

describe('the data mesh permission policy in a backend', () => {
  beforeAll(async () => {
    await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleDataMeshPolicy,
        catalogPlugin,
        catalogWithProduct,
        createProbePlugin(deps => {
          services = deps;
        }),
        permissionsServiceFactory,
        mockAuthWithActorsFactory,
        httpAuthServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            dataMesh: { governanceGroups: ['group:default/data-governance'] },
          },
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const { userEntityRef } =
              credentials.principal as BackstageUserPrincipal;
            return {
              userEntityRef,
              ownershipEntityRefs: OWNERSHIP[userEntityRef],
            };
          },
        }).factory,
      ],
    });
    // The catalog answers conditions once it has processed the product.
    await waitForProduct(services);
  }, 60_000);

  it.each(CASES)(
    '$who: $permission.name → $expected',
    async ({ user, permission, expected }) => {
      await expect(decide(user, permission)).resolves.toBe(expected);
    },
  );

  it("leaves the product to the catalog when a plugin pre-checks an owner's request", async () => {
    const [decision] = await services.permissions.authorizeConditional(
      [{ permission: dataMeshWaiverRequestPermission }],
      { credentials: mockCredentials.user('user:default/amara') },
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
  });

  it('leaves service callers to their access restrictions', async () => {
    const [decision] = await services.permissions.authorize(
      [{ permission: dataMeshProvenanceRecordPermission }],
      { credentials: mockCredentials.service('plugin:scaffolder') },
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
