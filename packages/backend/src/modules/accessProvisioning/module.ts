import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { dataMeshAccessExtensionPoint } from '@datamesh-backstage/plugin-data-mesh-node';
import { LoggingAccessProvisioner } from './LoggingAccessProvisioner';

/**
 * The example portal's access provisioning: agreements are granted and
 * revoked by a provisioner that logs what a real one would do.
 */
const dataMeshModuleLoggingProvisioner = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'logging-provisioner',
  register(reg) {
    reg.registerInit({
      deps: {
        logger: coreServices.logger,
        access: dataMeshAccessExtensionPoint,
      },
      async init({ logger, access }) {
        access.addProvisioner(new LoggingAccessProvisioner(logger));
      },
    });
  },
});

export default dataMeshModuleLoggingProvisioner;
