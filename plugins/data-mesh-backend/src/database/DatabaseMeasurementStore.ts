import type {
  MeasurementSummary,
  ProductMeasurements,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import {
  MeasurementRecord,
  MeasurementStore,
  QualityRecord,
} from './MeasurementStore';
import { chunks } from './rows';

/** The measurement store on the plugin's database (`measurements`, `quality_test_results`). */
export class DatabaseMeasurementStore implements MeasurementStore {
  constructor(private readonly db: Knex) {}

  async save(
    checks: MeasurementRecord[],
    quality: QualityRecord[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      for (const batch of chunks(checks)) {
        await tx('measurements').insert(
          batch.map(check => ({
            entity_ref: check.entityRef,
            kind: check.kind,
            observed_at: check.observedAt,
            passed: check.passed,
            value: check.value,
            source: check.source,
          })),
        );
      }
      // The latest result per test wins, also within one request.
      const latest = new Map<string, QualityRecord>();
      for (const result of quality) {
        const key = `${result.entityRef}\u0000${result.test}`;
        const known = latest.get(key);
        if (!known || known.observedAt <= result.observedAt) {
          latest.set(key, result);
        }
      }
      for (const batch of chunks([...latest.values()])) {
        const existing = await tx('quality_test_results')
          .whereIn(
            ['entity_ref', 'test'],
            batch.map(r => [r.entityRef, r.test]),
          )
          .select('entity_ref', 'test', 'observed_at');
        const newer = new Map(
          existing.map(r => [`${r.entity_ref}\u0000${r.test}`, r.observed_at]),
        );
        const rows = batch
          .filter(
            r =>
              (newer.get(`${r.entityRef}\u0000${r.test}`) ?? '') <=
              r.observedAt,
          )
          .map(r => ({
            entity_ref: r.entityRef,
            test: r.test,
            passed: r.passed,
            observed_at: r.observedAt,
            message: r.message ?? null,
            source: r.source,
          }));
        if (rows.length) {
          await tx('quality_test_results')
            .insert(rows)
            .onConflict(['entity_ref', 'test'])
            .merge();
        }
      }
    });
  }

  async ofProducts(
    since: string,
    entityRefs?: string[],
  ): Promise<Map<string, ProductMeasurements>> {
    const summaries = this.db('measurements')
      .where('observed_at', '>=', since)
      .select('entity_ref', 'kind')
      .count({ total: '*' })
      .select(
        this.db.raw('SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS passed_count'),
      )
      .max({ last_observed_at: 'observed_at' })
      .groupBy('entity_ref', 'kind');
    // Results older than the window no longer count: a test that was renamed
    // or removed stops reporting.
    const quality = this.db('quality_test_results')
      .where('observed_at', '>=', since)
      .orderBy(['entity_ref', 'test']);
    if (entityRefs) {
      summaries.whereIn('entity_ref', entityRefs);
      quality.whereIn('entity_ref', entityRefs);
    }
    const signals = new Map<string, ProductMeasurements>();
    const of = (ref: string) => {
      let entry = signals.get(ref);
      if (!entry) {
        entry = { summaries: [], qualityTests: [] };
        signals.set(ref, entry);
      }
      return entry;
    };
    for (const row of (await summaries) as Array<Record<string, any>>) {
      const summary: MeasurementSummary = {
        kind: row.kind,
        total: Number(row.total),
        passed: Number(row.passed_count),
        lastObservedAt: row.last_observed_at,
      };
      of(row.entity_ref).summaries.push(summary);
    }
    for (const row of await quality) {
      of(row.entity_ref).qualityTests.push({
        test: row.test,
        passed: Boolean(row.passed),
        observedAt: row.observed_at,
        ...(row.message ? { message: row.message } : {}),
      });
    }
    return signals;
  }

  async deleteBefore(before: string): Promise<number> {
    const checks = await this.db('measurements')
      .where('observed_at', '<', before)
      .delete();
    const results = await this.db('quality_test_results')
      .where('observed_at', '<', before)
      .delete();
    return checks + results;
  }
}
