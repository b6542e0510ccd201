import type {
  Scorecard,
  ScorecardStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { WaiverHistoryState } from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { chunks } from './rows';

/** What is stored of a product's outcome before its new result is written. */
export interface StoredOutcome extends WaiverHistoryState {
  status: ScorecardStatus;
  /** The rules that applied and were not scored then (grace, draft, ...). */
  upcoming?: Scorecard['upcoming'];
}

/** A product's status and the error-severity rules it breaks (unwaived). */
export interface OutcomeState {
  status: ScorecardStatus;
  errorRuleIds: string[];
}

/**
 * A product whose outcome changed when its result was written: what was
 * stored before and what is stored now. Products scored for the first time
 * have no transition.
 */
export interface OutcomeTransition {
  entityRef: string;
  /** The product's owner (`spec.owner`) as an entity ref, if known. */
  owner?: string;
  score: number;
  previous: OutcomeState;
  current: OutcomeState;
}

/** The unwaived error-severity rule ids of a result, each once, sorted. */
export function errorRuleIds(card: Pick<Scorecard, 'violations'>): string[] {
  return [
    ...new Set(
      card.violations
        .filter(v => !v.waived && v.severity === 'error')
        .map(v => v.ruleId),
    ),
  ].sort();
}

/**
 * The stored status, violations and waivers of some products (one query per
 * 500), read before their new results are written: history notes and
 * transitions compare them with the new results.
 */
export async function readStoredOutcomes(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, StoredOutcome>> {
  const states = new Map<string, StoredOutcome>();
  for (const batch of chunks(entityRefs)) {
    const rows = await db('scorecards')
      .whereIn('entity_ref', batch)
      .select('entity_ref', 'status', 'violations', 'waivers', 'details');
    for (const row of rows) {
      const details = row.details ? JSON.parse(row.details) : {};
      states.set(row.entity_ref, {
        status: row.status,
        violations: JSON.parse(row.violations),
        waivers: row.waivers ? JSON.parse(row.waivers) : undefined,
        ...(details.upcoming ? { upcoming: details.upcoming } : {}),
      });
    }
  }
  return states;
}

/** The transitions of results whose outcome changed from a stored one. */
export function toTransitions(
  outcomes: Scorecard[],
  stored: Map<string, StoredOutcome>,
): OutcomeTransition[] {
  return outcomes.flatMap(card => {
    const previous = stored.get(card.entityRef);
    if (!previous) {
      return [];
    }
    return [
      {
        entityRef: card.entityRef,
        ...(card.owner ? { owner: card.owner } : {}),
        score: card.score,
        previous: {
          status: previous.status,
          errorRuleIds: errorRuleIds(previous),
        },
        current: { status: card.status, errorRuleIds: errorRuleIds(card) },
      },
    ];
  });
}
