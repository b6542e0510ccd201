import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { dataMeshPermissions } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AccessProvisioner,
  dataMeshAccessExtensionPoint,
  dataMeshPoliciesExtensionPoint,
  ExternalAccessApprover,
  PolicyPack,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createDataMeshActions } from './actions/createDataMeshActions';
import { createRouter } from './router/createRouter';
import { createDataMeshServices } from './service/createDataMeshServices';
import { fileExampleAccessRequests } from './examples/exampleAccessRequests';
import { recordExampleVersions } from './examples/exampleProductVersions';
import { RescoreQueue } from './service/RescoreQueue';
import {
  scheduleAgreementExpiry,
  scheduleCampaignTracking,
  scheduleKpiSnapshot,
  scheduleSweep,
  subscribeToProductChanges,
} from './service/governanceTasks';

/**
 * The data-mesh backend plugin: governance scorecards, rollups and history,
 * served under `/api/data-mesh`.
 *
 * @public
 */
export const dataMeshPlugin = createBackendPlugin({
  pluginId: 'data-mesh',
  register(env) {
    const modulePacks: PolicyPack[] = [];
    env.registerExtensionPoint(dataMeshPoliciesExtensionPoint, {
      addPolicyPack: pack => modulePacks.push(pack),
    });
    const accessExtensions: {
      provisioners: AccessProvisioner[];
      externalApprover?: ExternalAccessApprover;
    } = { provisioners: [] };
    env.registerExtensionPoint(dataMeshAccessExtensionPoint, {
      addProvisioner: provisioner =>
        accessExtensions.provisioners.push(provisioner),
      setExternalApprover: approver => {
        if (accessExtensions.externalApprover) {
          throw new Error('An external access approver is already set');
        }
        accessExtensions.externalApprover = approver;
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        scheduler,
        lifecycle,
        catalog,
        events,
        actionsRegistry,
        notifications,
        signals,
      }) {
        permissionsRegistry.addPermissions(dataMeshPermissions);
        const services = await createDataMeshServices({
          config,
          logger,
          database,
          auth,
          permissions,
          catalog,
          notifications,
          signals,
          modulePacks,
          accessExtensions,
        });
        await fileExampleAccessRequests({
          config,
          logger,
          requests: services.accessRequests,
        });
        await recordExampleVersions({
          config,
          logger,
          versions: services.versions,
        });
        await scheduleSweep({ config, scheduler, sweep: services.sweep });
        await scheduleKpiSnapshot({ config, scheduler, kpis: services.kpis });
        await scheduleAgreementExpiry({
          config,
          scheduler,
          agreementService: services.agreementService,
          reminderLeadTimeMs: services.accessSettings.reminderLeadTimeMs,
        });
        await scheduleCampaignTracking({
          config,
          scheduler,
          campaigns: services.campaigns,
        });
        const queue = new RescoreQueue({
          governance: services.governance,
          logger,
        });
        lifecycle.addShutdownHook(() => queue.stop());
        await subscribeToProductChanges({ events, queue });
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            logger,
            catalog,
            scorecards: services.scorecards,
            history: services.history,
            rollups: services.rollups,
            waivers: services.waivers,
            sweeps: services.sweeps,
            freshness: services.freshness,
            reader: services.reader,
            governance: services.governance,
            dryRun: services.dryRun,
            visibility: services.visibility,
            domains: services.domains,
            waiverService: services.waiverService,
            kpis: services.kpis,
            measurementService: services.measurementService,
            provenanceService: services.provenanceService,
            measurementWindow: services.measurementWindow,
            accessRequests: services.accessRequests,
            agreements: services.agreements,
            accessService: services.accessService,
            accessScopes: services.accessScopes,
            agreementService: services.agreementService,
            standards: services.standards,
            campaigns: services.campaigns,
            versionHistory: services.versionHistory,
            deprecations: services.deprecations,
          }),
        );
        createDataMeshActions({
          actionsRegistry,
          auth,
          permissions,
          scorecards: services.scorecards,
          governance: services.governance,
          visibility: services.visibility,
          domains: services.domains,
          kpis: services.kpis,
          freshness: services.freshness,
          waiverService: services.waiverService,
        });
      },
    });
  },
});
