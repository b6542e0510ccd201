import type {
  Kpi,
  KpiDomainValue,
  KpiId,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** A stored day of one KPI. */
export interface KpiSnapshot {
  day: string;
  kpiId: KpiId;
  value: number | null;
  byDomain: KpiDomainValue[];
}

/**
 * The KPIs of each day: one snapshot per KPI per day, taking a snapshot
 * twice a day replaces it. See `DatabaseKpiSnapshotStore`.
 */
export interface KpiSnapshotStore {
  /** Stores the day's KPIs, replacing any snapshot of that day. */
  save(day: string, kpis: Kpi[], takenAt: string): Promise<void>;

  /** Snapshots from `from` to `to` (days, inclusive), oldest first. */
  range(from: string, to: string): Promise<KpiSnapshot[]>;

  /** Whether a snapshot of `day` exists. */
  hasDay(day: string): Promise<boolean>;

  /** Deletes the snapshots of days before `day`; returns how many. */
  deleteBefore(day: string): Promise<number>;
}
