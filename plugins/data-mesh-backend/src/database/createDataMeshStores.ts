import { Knex } from 'knex';
import type { AccessRequestStore } from './AccessRequestStore';
import type { AgreementStore } from './AgreementStore';
import type { CampaignStore } from './CampaignStore';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';
import { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
import { DatabaseAgreementStore } from './DatabaseAgreementStore';
import { DatabaseKpiInputStore } from './DatabaseKpiInputStore';
import { DatabaseKpiSnapshotStore } from './DatabaseKpiSnapshotStore';
import { DatabaseMeasurementStore } from './DatabaseMeasurementStore';
import { DatabaseNotificationClaimStore } from './DatabaseNotificationClaimStore';
import { DatabaseProductVersionStore } from './DatabaseProductVersionStore';
import { DatabaseProvenanceStore } from './DatabaseProvenanceStore';
import { DatabaseResultTransactions } from './DatabaseResultTransactions';
import { DatabaseRollupStore } from './DatabaseRollupStore';
import { DatabaseScorecardHistoryStore } from './DatabaseScorecardHistoryStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { DatabaseSweepLog } from './DatabaseSweepLog';
import { DatabaseVisibilitySnapshotStore } from './DatabaseVisibilitySnapshotStore';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';
import type { KpiInputStore } from './KpiInputStore';
import type { KpiSnapshotStore } from './KpiSnapshotStore';
import type { MeasurementStore } from './MeasurementStore';
import type { NotificationClaimStore } from './NotificationClaimStore';
import type { ProductVersionStore } from './ProductVersionStore';
import type { ProvenanceStore } from './ProvenanceStore';
import type { ResultTransactions } from './ResultTransactions';
import type { RollupStore } from './RollupStore';
import type { ScorecardHistoryStore } from './ScorecardHistoryStore';
import type { ScorecardStore } from './ScorecardStore';
import type { SweepLog } from './SweepLog';
import type { VisibilitySnapshotStore } from './VisibilitySnapshotStore';
import type { WaiverStore } from './WaiverStore';

/** Every store of the plugin, as the services see them (interfaces). */
export interface DataMeshStores {
  scorecards: ScorecardStore;
  history: ScorecardHistoryStore;
  rollups: RollupStore;
  waivers: WaiverStore;
  sweeps: SweepLog;
  measurements: MeasurementStore;
  kpiInputs: KpiInputStore;
  kpiSnapshots: KpiSnapshotStore;
  provenance: ProvenanceStore;
  notificationClaims: NotificationClaimStore;
  visibilitySnapshots: VisibilitySnapshotStore;
  accessRequests: AccessRequestStore;
  agreements: AgreementStore;
  campaigns: CampaignStore;
  /** The versions of each product seen (breaking-change rule, history). */
  versions: ProductVersionStore;
  /** Writes results, their provenance look-up and KPI inputs atomically. */
  resultTransactions: ResultTransactions;
}

/**
 * The plugin's stores on its database (migrated by the caller); `now`
 * dates waiver requests and decisions.
 */
export function createDataMeshStores(
  db: Knex,
  options: { now?: () => Date } = {},
): DataMeshStores {
  return {
    scorecards: new DatabaseScorecardStore(db),
    history: new DatabaseScorecardHistoryStore(db),
    rollups: new DatabaseRollupStore(db),
    waivers: new DatabaseWaiverStore(db, { now: options.now }),
    sweeps: new DatabaseSweepLog(db),
    measurements: new DatabaseMeasurementStore(db),
    kpiInputs: new DatabaseKpiInputStore(db),
    kpiSnapshots: new DatabaseKpiSnapshotStore(db),
    provenance: new DatabaseProvenanceStore(db),
    notificationClaims: new DatabaseNotificationClaimStore(db),
    visibilitySnapshots: new DatabaseVisibilitySnapshotStore(db),
    accessRequests: new DatabaseAccessRequestStore(db),
    agreements: new DatabaseAgreementStore(db),
    campaigns: new DatabaseCampaignStore(db),
    versions: new DatabaseProductVersionStore(db),
    resultTransactions: new DatabaseResultTransactions(db),
  };
}
