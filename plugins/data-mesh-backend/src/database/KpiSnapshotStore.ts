import type {
  Kpi,
  KpiDomainValue,
  KpiId,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';

/** A stored day of one KPI. */
export interface KpiSnapshot {
  day: string;
  kpiId: KpiId;
  value: number | null;
  byDomain: KpiDomainValue[];
}

/** One row per KPI per day: taking a snapshot twice a day replaces it. */
export class KpiSnapshotStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): KpiSnapshotStore {
    return new KpiSnapshotStore(db);
  }

  async save(day: string, kpis: Kpi[], takenAt: string): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('kpi_snapshots').where({ day }).delete();
      await tx('kpi_snapshots').insert(
        kpis.map(kpi => ({
          day,
          kpi_id: kpi.id,
          value: kpi.value,
          by_domain: JSON.stringify(kpi.byDomain),
          taken_at: takenAt,
        })),
      );
    });
  }

  /** Snapshots from `from` to `to` (days, inclusive), oldest first. */
  async range(from: string, to: string): Promise<KpiSnapshot[]> {
    const rows = await this.db('kpi_snapshots')
      .whereBetween('day', [from, to])
      .orderBy(['day', 'kpi_id'])
      .select('day', 'kpi_id', 'value', 'by_domain');
    return rows.map(row => ({
      day: row.day,
      kpiId: row.kpi_id,
      value: row.value === null ? null : Number(row.value),
      byDomain: JSON.parse(row.by_domain),
    }));
  }

  /** Whether a snapshot of `day` exists. */
  async hasDay(day: string): Promise<boolean> {
    return Boolean(await this.db('kpi_snapshots').where({ day }).first('day'));
  }

  async deleteBefore(day: string): Promise<number> {
    return this.db('kpi_snapshots').where('day', '<', day).delete();
  }
}
