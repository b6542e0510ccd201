import {
  AuthService,
  CacheService,
  DatabaseService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PolicyPack } from '@datamesh-backstage/plugin-data-mesh-node';
import { applyDatabaseMigrations } from '../database/migrations';
import { RollupStore } from '../database/RollupStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { SweepLog } from '../database/SweepLog';
import { WaiverStore } from '../database/WaiverStore';
import { KpiSnapshotStore } from '../database/KpiSnapshotStore';
import { MeasurementStore } from '../database/MeasurementStore';
import { ProductFactsStore } from '../database/ProductFactsStore';
import { CatalogReader } from './CatalogReader';
import { GovernanceService } from './GovernanceService';
import { GovernanceSweep } from './GovernanceSweep';
import { PolicyDryRun } from './PolicyDryRun';
import { KpiService } from './kpis/KpiService';
import { MeasurementService } from './measurements/MeasurementService';
import { loadEffectivePolicies } from './policyConfig';
import { ProductFactsRecorder } from './ProductFactsRecorder';
import {
  readMaxWaiverDays,
  readRetentionDays,
  readSloOptions,
} from './readConfig';
import { SignalsProvider } from './SignalsProvider';
import { VisibilityService } from './VisibilityService';
import { WaiverService } from './WaiverService';

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
  cache: CacheService;
  catalog: CatalogService;
  modulePacks: PolicyPack[];
  /** The clock, for tests and benchmarks. */
  now?: () => Date;
}) {
  const effective = loadEffectivePolicies(deps.config, deps.modulePacks);
  const retentionDays = readRetentionDays(deps.config);
  const sloOptions = readSloOptions(deps.config);
  const maxWaiverDays = readMaxWaiverDays(deps.config);
  const db = await deps.database.getClient();
  if (!deps.database.migrations?.skip) {
    await applyDatabaseMigrations(db);
  }
  const scorecards = ScorecardStore.create(db);
  const rollups = RollupStore.create(db);
  const waivers = WaiverStore.create(db, { now: deps.now });
  const sweeps = SweepLog.create(db);
  const measurements = MeasurementStore.create(db);
  const facts = ProductFactsStore.create(db);
  const reader = new CatalogReader(deps);
  const signals = new SignalsProvider({ measurements, sloOptions });
  const recorder = new ProductFactsRecorder({
    facts,
    policies: effective.policies,
    sloOptions,
  });
  const governance = new GovernanceService({
    ...deps,
    effective,
    reader,
    scorecards,
    waivers,
    maxWaiverDays,
    signals,
    recorder,
  });
  const dryRun = new PolicyDryRun({
    ...deps,
    effective,
    reader,
    waivers,
    maxWaiverDays,
    signals,
  });
  const sweep = new GovernanceSweep({
    ...deps,
    policies: effective.policies,
    reader,
    scorecards,
    rollups,
    waivers,
    maxWaiverDays,
    sweeps,
    signals,
    recorder,
    measurements,
    retentionDays,
  });
  const kpis = new KpiService({
    ...deps,
    facts,
    snapshots: KpiSnapshotStore.create(db),
    reader,
    retentionDays,
  });
  const measurementService = new MeasurementService({
    ...deps,
    measurements,
    governance,
  });
  const visibility = new VisibilityService(deps);
  const waiverService = new WaiverService({
    ...deps,
    waivers,
    governance,
    reader,
  });
  deps.logger.info(
    `Data mesh governance: policy version ${
      effective.policies.version
    }, packs ${effective.policies.packs
      .map(p => `${p.name} (${p.scope})`)
      .join(', ')}`,
  );
  return {
    kpis,
    measurementService,
    signals,
    db,
    scorecards,
    rollups,
    waivers,
    maxWaiverDays,
    sweeps,
    reader,
    governance,
    dryRun,
    sweep,
    visibility,
    waiverService,
  };
}
