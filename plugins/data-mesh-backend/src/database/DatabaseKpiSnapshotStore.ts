import type { Kpi } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { KpiSnapshot, KpiSnapshotStore } from './KpiSnapshotStore';

/** The KPI snapshot store on the plugin's database (`kpi_snapshots`). */
export class DatabaseKpiSnapshotStore implements KpiSnapshotStore {
  constructor(private readonly db: Knex) {}

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

  async hasDay(day: string): Promise<boolean> {
    return Boolean(await this.db('kpi_snapshots').where({ day }).first('day'));
  }

  async deleteBefore(day: string): Promise<number> {
    return this.db('kpi_snapshots').where('day', '<', day).delete();
  }
}
