import { Knex } from 'knex';
import { SweepLog, SweepRecord } from './SweepLog';

/** The sweep log on the plugin's database (`sweeps`). */
export class DatabaseSweepLog implements SweepLog {
  constructor(private readonly db: Knex) {}

  async start(startedAt: string): Promise<number> {
    const insert = this.db('sweeps').insert({
      started_at: startedAt,
      outcome: 'running',
    });
    // MySQL has no RETURNING; its driver answers with the insert id anyway.
    const mysql = String(this.db.client.config.client).includes('mysql');
    const [row] = await (mysql ? insert : insert.returning('id'));
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async finish(
    id: number,
    result: Omit<SweepRecord, 'id' | 'startedAt'>,
  ): Promise<void> {
    await this.db('sweeps')
      .where({ id })
      .update({
        finished_at: result.finishedAt,
        outcome: result.outcome,
        product_count: result.productCount,
        changed_count: result.changedCount,
        message: result.message ?? null,
      });
  }

  async latestFinished(): Promise<SweepRecord | undefined> {
    return this.#latest(query => query.whereNot('outcome', 'running'));
  }

  async latestSuccessful(): Promise<SweepRecord | undefined> {
    return this.#latest(query => query.where('outcome', 'ok'));
  }

  async #latest(
    filter: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<SweepRecord | undefined> {
    const row = await filter(this.db('sweeps')).orderBy('id', 'desc').first();
    return row && toRecord(row);
  }

  async list(limit = 100): Promise<SweepRecord[]> {
    const rows = await this.db('sweeps').orderBy('id', 'asc').limit(limit);
    return rows.map(toRecord);
  }

  async prune(keep: number): Promise<void> {
    const cutoff = await this.db('sweeps')
      .orderBy('id', 'desc')
      .offset(keep)
      .first('id');
    if (cutoff) {
      await this.db('sweeps').where('id', '<=', cutoff.id).delete();
    }
  }
}

function toRecord(row: any): SweepRecord {
  return {
    id: Number(row.id),
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    outcome: row.outcome,
    productCount: Number(row.product_count),
    changedCount: Number(row.changed_count),
    message: row.message ?? undefined,
  };
}
