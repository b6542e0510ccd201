import { OutcomeTransition } from '../database/outcomeTransitions';
import { ResultTransactions } from '../database/ResultTransactions';
import { EvaluatedBatch } from './ProductEvaluator';
import { ContractHashMemo } from './ContractHashMemo';
import { KpiInputsDeriver } from './KpiInputsDeriver';
import {
  AnnouncedBreakingChange,
  announcedBreakingChanges,
  versionCandidates,
} from './productVersions';
import { settleVersions } from './versionHeads';

/**
 * What storing a batch did, for those told after it committed (owners,
 * governance, open scorecard pages): see GovernanceNotifier.
 */
export interface WrittenResults {
  /** The batch as evaluated. */
  batch: EvaluatedBatch;
  /** How many outcomes changed (each got a history row). */
  changedOutcomes: number;
  /** Products whose stored result was rewritten. */
  changed: string[];
  /** Products whose stored result is newer than the batch's, left as they were. */
  kept: string[];
  /** Products whose outcome changed from a stored one: before and after. */
  transitions: OutcomeTransition[];
  /** New major versions whose breaking changes consumers are told of. */
  breakingChanges: AnnouncedBreakingChange[];
}

/**
 * Stores evaluated products atomically, a batch per transaction: their
 * scorecards, rule hits and history, the facts the KPIs read, and the
 * versions of products not seen before. A fault
 * half-way through a sweep leaves every product either as it was or as
 * evaluated, never half-written.
 */
export class ResultsWriter {
  constructor(
    private readonly deps: {
      resultTransactions: ResultTransactions;
      kpiInputsDeriver: KpiInputsDeriver;
      /** Told, once a batch committed, which products' versions are settled. */
      contracts: ContractHashMemo;
    },
  ) {}

  /**
   * Stores a batch; with `evaluatedBefore` (a sweep's start), products
   * re-scored since keep their newer result and facts. Returns what changed,
   * once the transaction has committed.
   */
  async write(
    batch: EvaluatedBatch,
    options: { now: string; evaluatedBefore?: string },
  ): Promise<WrittenResults> {
    if (batch.cards.length === 0) {
      return {
        batch,
        changedOutcomes: 0,
        changed: [],
        kept: [],
        transitions: [],
        breakingChanges: [],
      };
    }
    const saved = await this.deps.resultTransactions.run(async stores => {
      const result = await stores.scorecards.saveResults(
        batch.cards,
        options.now,
        { evaluatedBefore: options.evaluatedBefore },
      );
      const provenance = await stores.provenance.forProducts(
        batch.cards.map(card => card.entityRef),
      );
      await stores.kpiInputs.record(
        this.deps.kpiInputsDeriver.deriveBatch(
          batch,
          provenance,
          new Set(result.kept),
        ),
        options.now,
      );
      const candidates = versionCandidates(
        batch,
        options.now,
        new Set(result.kept),
      );
      const recorded = await stores.versions.record(
        candidates.map(c => c.record),
      );
      return {
        result: {
          ...result,
          breakingChanges: announcedBreakingChanges(candidates, recorded),
        },
        written: { candidates, recorded, kept: new Set(result.kept) },
      };
    });
    // Only now, committed: a rolled-back version must be read again.
    settleVersions(this.deps.contracts, batch, saved.written);
    return { batch, ...saved.result };
  }

  /** Forgets products the catalog confirmed are gone: results and facts. */
  async forget(entityRefs: string[]): Promise<number> {
    if (entityRefs.length === 0) {
      return 0;
    }
    return this.deps.resultTransactions.run(async stores => {
      const deleted = await stores.scorecards.delete(entityRefs);
      await stores.kpiInputs.delete(entityRefs);
      return deleted;
    });
  }
}
