import type { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import type { WaiverHistoryState } from '@datamesh-backstage/plugin-data-mesh-node';

/** What is stored of a product's result that history notes compare. */
export type StoredRuleState = WaiverHistoryState &
  Partial<Pick<Scorecard, 'upcoming'>>;

const day = (iso: string) => iso.slice(0, 10);

/**
 * Notes for a product's history when rules in grace start counting: each
 * rule that the stored result listed as upcoming in grace, that the new
 * result scores, and that the product fails. They explain the score drop
 * by the date the rule's grace period ended, though nothing was redeployed.
 */
export function graceHistoryNotes(
  previous: StoredRuleState | undefined,
  next: Pick<Scorecard, 'violations' | 'upcoming'>,
): string[] {
  const stillUpcoming = new Set((next.upcoming ?? []).map(u => u.ruleId));
  const failing = new Set(
    next.violations.filter(v => !v.waived).map(v => v.ruleId),
  );
  return (previous?.upcoming ?? [])
    .filter(
      rule =>
        rule.state === 'grace' &&
        !stillUpcoming.has(rule.ruleId) &&
        failing.has(rule.ruleId),
    )
    .map(
      rule =>
        `Rule ${rule.ruleId} (${rule.title}) counts from ${
          rule.enforcedFrom ? day(rule.enforcedFrom) : 'now'
        }, when its grace period ended; the product fails it`,
    );
}
