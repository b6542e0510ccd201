import { Knex } from 'knex';
import { DatabaseKpiInputStore } from './DatabaseKpiInputStore';
import { DatabaseProductVersionStore } from './DatabaseProductVersionStore';
import { DatabaseProvenanceStore } from './DatabaseProvenanceStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ResultStores, ResultTransactions } from './ResultTransactions';
import { transactionWithRetry } from './rowLocks';

/** Result writes in one database transaction, retried after a deadlock. */
export class DatabaseResultTransactions implements ResultTransactions {
  constructor(private readonly db: Knex) {}

  run<T>(fn: (stores: ResultStores) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.db, tx =>
      fn({
        scorecards: new DatabaseScorecardStore(tx),
        provenance: new DatabaseProvenanceStore(tx),
        kpiInputs: new DatabaseKpiInputStore(tx),
        versions: new DatabaseProductVersionStore(tx),
      }),
    );
  }
}
