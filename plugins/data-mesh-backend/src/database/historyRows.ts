import type {
  Scorecard,
  ScorecardHistoryEntry,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { waiverHistoryNotes } from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { graceHistoryNotes, StoredRuleState } from './graceHistoryNotes';
import { chunks, unwaivedRuleIds } from './rows';

/**
 * A `scorecard_history` row for a changed outcome; its notes say which
 * waivers started or stopped counting since `previous`, and which rules
 * started counting because their grace period ended.
 */
export function toHistoryRow(
  card: Scorecard,
  now: string,
  previous: StoredRuleState | undefined,
) {
  const notes = [
    ...waiverHistoryNotes(previous, card),
    ...graceHistoryNotes(previous, card),
  ];
  return {
    entity_ref: card.entityRef,
    score: card.score,
    status: card.status,
    error_count: card.violations.filter(
      v => !v.waived && v.severity === 'error',
    ).length,
    warning_count: card.violations.filter(
      v => !v.waived && v.severity === 'warning',
    ).length,
    rule_ids: JSON.stringify(unwaivedRuleIds(card)),
    policy_version: card.policyVersion,
    recorded_at: now,
    notes: notes.length > 0 ? JSON.stringify(notes) : null,
  };
}

/** A `scorecard_history` row as the API returns it. */
export function toHistoryEntry(row: any): ScorecardHistoryEntry {
  return {
    recordedAt: row.recorded_at,
    score: Number(row.score),
    status: row.status,
    errorCount: Number(row.error_count),
    warningCount: Number(row.warning_count),
    ruleIds: JSON.parse(row.rule_ids),
    policyVersion: row.policy_version,
    ...(row.notes ? { notes: JSON.parse(row.notes) } : {}),
  };
}

/**
 * Writes a history row for each result whose outcome changed; `previous`
 * holds the stored violations and waivers of those that had a result.
 */
export async function recordHistory(
  tx: Knex,
  outcomes: Scorecard[],
  now: string,
  previous: Map<string, StoredRuleState> = new Map(),
): Promise<void> {
  for (const batch of chunks(outcomes)) {
    await tx('scorecard_history').insert(
      batch.map(card => toHistoryRow(card, now, previous.get(card.entityRef))),
    );
  }
}
