import type { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { outcomeHash, resultHash, ScorecardHashes } from './rows';

/** What is stored of a product's result, to tell what changed. */
interface StoredState {
  resultHash: string;
  outcomeHash: string;
  evaluatedAt: string;
}

/** A result with the hashes it is stored with. */
export interface HashedScorecard {
  card: Scorecard;
  hashes: ScorecardHashes;
}

/** A batch of results sorted by what storing each must do. */
export interface SortedResults {
  /** Results to rewrite (first scored, or different from the stored one). */
  changed: HashedScorecard[];
  /** Products whose stored result is the same: only marked evaluated now. */
  unchanged: string[];
  /** Results whose outcome changed (or that have none stored yet). */
  outcomes: Scorecard[];
  /** Products whose stored result is newer than the batch's: left alone. */
  kept: string[];
  /** The products that had a stored result. */
  previous: Map<string, StoredState>;
}

async function readStoredStates(
  tx: Knex,
  entityRefs: string[],
): Promise<Map<string, StoredState>> {
  const rows = await tx('scorecards')
    .whereIn('entity_ref', entityRefs)
    .select('entity_ref', 'result_hash', 'outcome_hash', 'evaluated_at');
  return new Map(
    rows.map(row => [
      row.entity_ref,
      {
        resultHash: row.result_hash,
        outcomeHash: row.outcome_hash,
        evaluatedAt: row.evaluated_at,
      },
    ]),
  );
}

/**
 * Compares a batch (at most a chunk) with what is stored, by hash: each
 * result is hashed once (a hash serialises the whole result). With
 * `evaluatedBefore` (a sweep's start), a result stored after it is kept.
 */
export async function sortResults(
  tx: Knex,
  batch: Scorecard[],
  evaluatedBefore: string | undefined,
): Promise<SortedResults> {
  const previous = await readStoredStates(
    tx,
    batch.map(card => card.entityRef),
  );
  const sorted: SortedResults = {
    changed: [],
    unchanged: [],
    outcomes: [],
    kept: [],
    previous,
  };
  for (const card of batch) {
    const stored = previous.get(card.entityRef);
    if (stored && evaluatedBefore && stored.evaluatedAt > evaluatedBefore) {
      sorted.kept.push(card.entityRef);
      continue;
    }
    const hash = resultHash(card);
    if (stored?.resultHash === hash) {
      sorted.unchanged.push(card.entityRef);
      continue;
    }
    const outcome = outcomeHash(card);
    sorted.changed.push({
      card,
      hashes: { resultHash: hash, outcomeHash: outcome },
    });
    if (stored?.outcomeHash !== outcome) {
      sorted.outcomes.push(card);
    }
  }
  return sorted;
}
