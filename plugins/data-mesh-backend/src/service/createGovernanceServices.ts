import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { DataMeshStores } from '../database/createDataMeshStores';
import { CatalogReader } from './CatalogReader';
import { ContractHashMemo } from './ContractHashMemo';
import type { DataMeshSettings } from './dataMeshSettings';
import { GovernanceService } from './GovernanceService';
import { GovernanceSweep } from './GovernanceSweep';
import { KpiInputsDeriver } from './KpiInputsDeriver';
import { MeasurementWindow } from './MeasurementWindow';
import { GovernanceNotifier } from './notifications/GovernanceNotifier';
import { ScorecardSignals } from './notifications/ScorecardSignals';
import { EffectivePolicies } from './policyConfig';
import { PolicyDryRun } from './PolicyDryRun';
import { ProductEvaluator } from './ProductEvaluator';
import { ResultsWriter } from './ResultsWriter';
import { SweepRetention } from './SweepRetention';

/**
 * The services that score products and tell what changed: the evaluator
 * and the writer they share, re-scores (`governance`), the full sweep, the
 * policy dry-run and the notifier.
 */
export function createGovernanceServices(options: {
  auth: AuthService;
  logger: LoggerService;
  notifications?: NotificationService;
  signals?: SignalsService;
  now?: () => Date;
  effective: EffectivePolicies;
  reader: CatalogReader;
  stores: DataMeshStores;
  settings: DataMeshSettings;
  /** Runs after each successful sweep (the KPI snapshot). */
  onSweepComplete: () => Promise<void>;
}) {
  const { auth, logger, now, effective, reader, stores, settings } = options;
  const { sloOptions, maxWaiverDays, retentionDays } = settings;
  const measurementWindow = new MeasurementWindow({
    measurements: stores.measurements,
    sloOptions,
  });
  // One per plugin: the writer settles the products the evaluator then
  // spares reading the versions of.
  const contracts = new ContractHashMemo({ now });
  const evaluator = new ProductEvaluator({
    waivers: stores.waivers,
    measurementWindow,
    kpiInputs: stores.kpiInputs,
    agreements: stores.agreements,
    pendingGraceMs: settings.pendingGraceMs,
    maxWaiverDays,
    ...(settings.keepVersions ? { versions: stores.versions } : {}),
    contracts,
  });
  const notifier = new GovernanceNotifier({
    claims: stores.notificationClaims,
    waivers: stores.waivers,
    settings: settings.notificationSettings,
    sloOptions,
    notifications: options.notifications,
    scorecardSignals: new ScorecardSignals({
      signals: options.signals,
      logger,
    }),
    logger,
    now,
  });
  const writer = new ResultsWriter({
    resultTransactions: stores.resultTransactions,
    kpiInputsDeriver: new KpiInputsDeriver({
      policies: effective.policies,
      sloOptions,
    }),
    contracts,
  });
  const governance = new GovernanceService({
    effective,
    reader,
    evaluator,
    writer,
    scorecards: stores.scorecards,
    notifier,
    maxWaiverDays,
    auth,
    now,
  });
  const dryRun = new PolicyDryRun({
    effective,
    reader,
    evaluator,
    visibilitySnapshots: stores.visibilitySnapshots,
    history: stores.history,
    auth,
    timeBudgetMs: settings.dryRunTimeBudgetMs,
    now,
  });
  const sweep = new GovernanceSweep({
    policies: effective.policies,
    reader,
    evaluator,
    writer,
    scorecards: stores.scorecards,
    rollups: stores.rollups,
    sweeps: stores.sweeps,
    retention: new SweepRetention({
      history: stores.history,
      rollups: stores.rollups,
      measurements: stores.measurements,
      sweeps: stores.sweeps,
      notificationClaims: stores.notificationClaims,
      measurementWindow,
      retentionDays,
    }),
    auth,
    logger,
    notifier,
    onComplete: options.onSweepComplete,
    now,
  });
  return { measurementWindow, notifier, governance, dryRun, sweep };
}
