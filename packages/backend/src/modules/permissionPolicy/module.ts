import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DataMeshPermissionPolicy } from './DataMeshPermissionPolicy';
import {
  GOVERNANCE_GROUPS_KEY,
  readGovernanceGroups,
} from '@datamesh-backstage/plugin-data-mesh-node';

/**
 * Installs the example portal's permission policy
 * ({@link DataMeshPermissionPolicy}) in the permission plugin. The
 * governance groups are read once, at start-up: a ref that is not a group's
 * stops the backend.
 */
const permissionModuleDataMeshPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'data-mesh-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, logger, userInfo, policy }) {
        const governanceGroups = readGovernanceGroups(config);
        if (governanceGroups.length === 0) {
          logger.warn(
            `${GOVERNANCE_GROUPS_KEY} is not set: nobody may dry-run policy packs or approve waivers`,
          );
        } else {
          logger.info(
            `Data mesh governance groups: ${governanceGroups.join(', ')}`,
          );
        }
        policy.setPolicy(
          new DataMeshPermissionPolicy({ governanceGroups, userInfo }),
        );
      },
    });
  },
});

export default permissionModuleDataMeshPolicy;
