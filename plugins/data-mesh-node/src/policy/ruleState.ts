import type { RuleState } from '@datamesh-backstage/plugin-data-mesh-common';

/** What a rule's lifecycle says about it at a moment. @public */
export interface RuleStanding {
  /** Whether the rule is scored then: enforced, or in grace past its date. */
  scored: boolean;
  /** The state in force then (`grace` becomes `enforced` on its date). */
  state: RuleState;
}

/**
 * Where a rule stands at `now`: an absent state is `enforced`; a rule in
 * grace is enforced from its `enforcedFrom` date on, without any change to
 * its pack; draft and deprecated rules are never scored.
 * @public
 */
export function ruleStandingAt(
  rule: { state?: RuleState; enforcedFrom?: string },
  now: Date,
): RuleStanding {
  const state = rule.state ?? 'enforced';
  if (state === 'grace') {
    const from = Date.parse(rule.enforcedFrom ?? '');
    // A grace rule without a valid date never reaches here (packs are
    // validated); if it did, it would stay unscored rather than bite.
    if (Number.isFinite(from) && now.getTime() >= from) {
      return { scored: true, state: 'enforced' };
    }
    return { scored: false, state: 'grace' };
  }
  return { scored: state === 'enforced', state };
}

/** A date (`2027-01-31`) or date-time as an ISO-8601 UTC date-time. */
export function normaliseEnforcedFrom(value: string): string {
  return new Date(/T/.test(value) ? value : `${value}T00:00:00Z`).toISOString();
}
