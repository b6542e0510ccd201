import type { KpiInputStore } from './KpiInputStore';
import type { ProductVersionStore } from './ProductVersionStore';
import type { ProvenanceStore } from './ProvenanceStore';
import type { ScorecardStore } from './ScorecardStore';

/** The stores a batch of results is written to, bound to one transaction. */
export interface ResultStores {
  scorecards: ScorecardStore;
  provenance: ProvenanceStore;
  kpiInputs: KpiInputStore;
  versions: ProductVersionStore;
}

/**
 * Runs writes to the result stores atomically: what `fn` writes through the
 * stores it is given commits together, or not at all (a transaction that
 * deadlocked is run again). See `DatabaseResultTransactions`.
 */
export interface ResultTransactions {
  run<T>(fn: (stores: ResultStores) => Promise<T>): Promise<T>;
}
