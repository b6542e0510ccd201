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
import { PolicyPack } from '@datamesh-backstage/plugin-data-mesh-node';
import { applyDatabaseMigrations } from '../database/migrations';
import { RollupStore } from '../database/RollupStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { SweepLog } from '../database/SweepLog';
import { WaiverStore } from '../database/WaiverStore';
import { KpiSnapshotStore } from '../database/KpiSnapshotStore';
import { MeasurementStore } from '../database/MeasurementStore';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { KpiInputStore } from '../database/KpiInputStore';
import { ProvenanceStore } from '../database/ProvenanceStore';
import { ScorecardHistoryStore } from '../database/ScorecardHistoryStore';
import { VisibilitySnapshotStore } from '../database/VisibilitySnapshotStore';
import { CatalogReader } from './CatalogReader';
import { DomainService } from './DomainService';
import { GovernanceService } from './GovernanceService';
import { FreshnessService } from './FreshnessService';
import { GovernanceSweep } from './GovernanceSweep';
import { PolicyDryRun } from './PolicyDryRun';
import { KpiService } from './kpis/KpiService';
import { MeasurementService } from './measurements/MeasurementService';
import { GovernanceNotifier } from './notifications/GovernanceNotifier';
import { readNotificationSettings } from './notifications/notificationSettings';
import { ScorecardSignals } from './notifications/ScorecardSignals';
import { loadEffectivePolicies } from './policyConfig';
import { ProductEvaluator } from './ProductEvaluator';
import {
  ProvenanceService,
  readTrustedServices,
} from './provenance/ProvenanceService';
import { KpiInputsDeriver } from './KpiInputsDeriver';
import {
  readDryRunTimeBudgetMs,
  readMaxWaiverDays,
  readPendingReferenceGraceMs,
  readRetentionDays,
  readSloOptions,
  readStaleAfterMs,
  readVisibilityOptions,
} from './readConfig';
import { ResultsWriter } from './ResultsWriter';
import { SweepRetention } from './SweepRetention';
import { MeasurementWindow } from './MeasurementWindow';
import { VisibilityService } from './VisibilityService';
import { WaiverService } from './WaiverService';
import { StandardsService } from './standards/StandardsService';

/**
 * Builds the plugin's stores and services from its dependencies: loads the
 * policies (a broken pack stops start-up here) and migrates the database.
 */
export async function createDataMeshServices(deps: {
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
  modulePacks: PolicyPack[];
  /** The clock, for tests and benchmarks. */
  now?: () => Date;
}) {
  const effective = loadEffectivePolicies(deps.config, deps.modulePacks);
  const retentionDays = readRetentionDays(deps.config);
  const sloOptions = readSloOptions(deps.config);
  const maxWaiverDays = readMaxWaiverDays(deps.config);
  const notificationSettings = readNotificationSettings(deps.config);
  const db = await deps.database.getClient();
  if (!deps.database.migrations?.skip) {
    await applyDatabaseMigrations(db);
  }
  const scorecards = ScorecardStore.create(db);
  const history = ScorecardHistoryStore.create(db);
  const rollups = RollupStore.create(db);
  const waivers = WaiverStore.create(db, { now: deps.now });
  const sweeps = SweepLog.create(db);
  const measurements = MeasurementStore.create(db);
  const kpiInputs = KpiInputStore.create(db);
  const provenance = ProvenanceStore.create(db);
  const notificationClaims = NotificationClaimStore.create(db);
  const reader = new CatalogReader(deps);
  const visibilitySnapshots = VisibilitySnapshotStore.create(db);
  const measurementWindow = new MeasurementWindow({ measurements, sloOptions });
  const evaluator = new ProductEvaluator({
    waivers,
    measurementWindow,
    kpiInputs,
    pendingGraceMs: readPendingReferenceGraceMs(deps.config),
    maxWaiverDays,
  });
  const notifier = new GovernanceNotifier({
    ...deps,
    claims: notificationClaims,
    waivers,
    settings: notificationSettings,
    sloOptions,
    scorecardSignals: new ScorecardSignals(deps),
  });
  const writer = new ResultsWriter({
    db,
    kpiInputs: new KpiInputsDeriver({
      policies: effective.policies,
      sloOptions,
    }),
  });
  const governance = new GovernanceService({
    ...deps,
    effective,
    reader,
    evaluator,
    writer,
    scorecards,
    notifier,
    maxWaiverDays,
  });
  const dryRun = new PolicyDryRun({
    ...deps,
    effective,
    reader,
    evaluator,
    visibilitySnapshots,
    timeBudgetMs: readDryRunTimeBudgetMs(deps.config),
  });
  const kpis = new KpiService({
    ...deps,
    kpiInputs,
    snapshots: KpiSnapshotStore.create(db),
    reader,
    retentionDays,
  });
  const sweep = new GovernanceSweep({
    ...deps,
    policies: effective.policies,
    reader,
    evaluator,
    writer,
    scorecards,
    rollups,
    sweeps,
    notifier,
    retention: new SweepRetention({
      history,
      rollups,
      measurements,
      sweeps,
      notificationClaims,
      measurementWindow,
      retentionDays,
    }),
    onComplete: () => kpis.snapshotIfMissing(),
  });
  const measurementService = new MeasurementService({
    ...deps,
    measurements,
    governance,
  });
  const visibility = new VisibilityService({
    ...deps,
    reader,
    visibilitySnapshots,
    options: readVisibilityOptions(deps.config),
  });
  const freshness = new FreshnessService({
    ...deps,
    sweeps,
    staleAfterMs: readStaleAfterMs(deps.config),
  });
  const domains = new DomainService({
    ...deps,
    db,
    rollups,
    freshness,
    reader,
    visibility,
  });
  const waiverService = new WaiverService({
    ...deps,
    waivers,
    governance,
    reader,
    notifier,
  });
  const provenanceService = new ProvenanceService({
    ...deps,
    provenance,
    kpiInputs,
    governance,
    trustedServices: readTrustedServices(deps.config),
  });
  const { version, packs } = effective.policies;
  const packNames = packs.map(p => `${p.name} (${p.scope})`).join(', ');
  deps.logger.info(
    `Data mesh governance: policy version ${version}, packs ${packNames}`,
  );
  return {
    kpis,
    domains,
    measurementService,
    provenanceService,
    freshness,
    waiverService,
    maxWaiverDays,
    measurementWindow,
    db,
    scorecards,
    history,
    provenance,
    rollups,
    waivers,
    sweeps,
    reader,
    governance,
    dryRun,
    sweep,
    visibility,
    standards: new StandardsService(deps),
  };
}
