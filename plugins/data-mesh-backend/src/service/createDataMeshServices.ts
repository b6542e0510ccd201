import {
  AuthService,
  DatabaseService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  AccessProvisioner,
  ExternalAccessApprover,
  PolicyPack,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createDataMeshStores } from '../database/createDataMeshStores';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  CampaignNotifier,
  readCampaignTopics,
} from './campaigns/CampaignNotifier';
import { CampaignService } from './campaigns/CampaignService';
import { CatalogReader } from './CatalogReader';
import { createGovernanceServices } from './createGovernanceServices';
import { createRequestServices } from './createRequestServices';
import { readDataMeshSettings } from './dataMeshSettings';
import { KpiService } from './kpis/KpiService';
import { DeprecationService } from './DeprecationService';
import { VersionHistoryService } from './VersionHistoryService';
import { loadEffectivePolicies } from './policyConfig';

/** What the plugin's stores and services are built from. */
export interface DataMeshServicesOptions {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  /** Backstage's notifications; without it nothing is notified. */
  notifications?: NotificationService;
  /** Backstage's signals; without it open pages are not updated live. */
  signals?: SignalsService;
  /** Policy packs added by modules. */
  modulePacks: PolicyPack[];
  /** Access provisioners and the external approver added by modules. */
  accessExtensions?: {
    provisioners: AccessProvisioner[];
    externalApprover?: ExternalAccessApprover;
  };
  /** The clock, for tests and benchmarks. */
  now?: () => Date;
}

/**
 * Builds the plugin's stores and services: reads the settings and loads the
 * policies (a broken pack or setting stops start-up here), migrates the
 * database, then builds the stores, governance (scoring, sweeps, dry-runs,
 * notifications), the KPIs and the services the routes and actions call.
 */
export async function createDataMeshServices(options: DataMeshServicesOptions) {
  const { config, logger, database, auth, catalog, now } = options;
  const effective = loadEffectivePolicies(config, options.modulePacks);
  const settings = readDataMeshSettings(config);
  const db = await database.getClient();
  if (!database.migrations?.skip) {
    await applyDatabaseMigrations(db);
  }
  const stores = createDataMeshStores(db, { now });
  const reader = new CatalogReader({ catalog, logger });
  const kpis = new KpiService({
    kpiInputs: stores.kpiInputs,
    snapshots: stores.kpiSnapshots,
    reader,
    auth,
    retentionDays: settings.retentionDays,
    now,
  });
  const scoring = createGovernanceServices({
    auth,
    logger,
    notifications: options.notifications,
    signals: options.signals,
    now,
    effective,
    reader,
    stores,
    settings,
    onSweepComplete: () => kpis.snapshotIfMissing(),
  });
  const requests = createRequestServices({
    auth,
    logger,
    permissions: options.permissions,
    catalog,
    now,
    reader,
    stores,
    settings,
    governance: scoring.governance,
    notifier: scoring.notifier,
    notifications: options.notifications,
    config,
    accessExtensions: options.accessExtensions ?? { provisioners: [] },
  });
  const campaigns = new CampaignService({
    store: stores.campaigns,
    rules: () =>
      new Map(
        effective.policies
          .describe()
          .map(rule => [rule.id, rule.state ?? 'enforced']),
      ),
    logger,
    notifier: new CampaignNotifier({
      store: stores.campaigns,
      claims: stores.notificationClaims,
      notifications: options.notifications,
      enabledTopics: readCampaignTopics(config),
      logger,
    }),
    now,
  });
  const { version, packs } = effective.policies;
  const packNames = packs.map(p => `${p.name} (${p.scope})`).join(', ');
  logger.info(
    `Data mesh governance: policy version ${version}, packs ${packNames}`,
  );
  return {
    scorecards: stores.scorecards,
    history: stores.history,
    rollups: stores.rollups,
    waivers: stores.waivers,
    sweeps: stores.sweeps,
    provenance: stores.provenance,
    reader,
    maxWaiverDays: settings.maxWaiverDays,
    measurementWindow: scoring.measurementWindow,
    governance: scoring.governance,
    dryRun: scoring.dryRun,
    sweep: scoring.sweep,
    kpis,
    visibility: requests.visibility,
    freshness: requests.freshness,
    domains: requests.domains,
    waiverService: requests.waiverService,
    measurementService: requests.measurementService,
    provenanceService: requests.provenanceService,
    accessRequests: stores.accessRequests,
    agreements: stores.agreements,
    accessService: requests.accessService,
    accessScopes: requests.accessScopes,
    agreementService: requests.agreementService,
    accessSettings: requests.accessSettings,
    standards: requests.standards,
    campaigns,
    versions: stores.versions,
    versionHistory: new VersionHistoryService({ versions: stores.versions }),
    deprecations: new DeprecationService({ catalog, now: options.now }),
  };
}
