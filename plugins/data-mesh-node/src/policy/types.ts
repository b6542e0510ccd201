import type {
  RuleAppliesTo,
  RuleSeverity,
  RuleState,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * A governance rule as written in a policy pack.
 * @public
 */
export interface PolicyRule {
  /** Stable identifier, for example `SCHEMA-001`. */
  id: string;
  title: string;
  severity: RuleSeverity;
  description: string;
  /** How to fix a violation; may name placeholders (see the default pack). */
  remediation: string;
  /** The violation message; defaults to the title. */
  message?: string;
  /** Path to report instead of the failing value's own path; may name placeholders. */
  path?: string;
  /** Free labels; `documentation` marks the rules behind documentation completeness. */
  tags?: string[];
  appliesTo?: RuleAppliesTo;
  /**
   * JSON Schema (draft-07) that a compliant product satisfies. Absent for a
   * domain pack entry that only raises the severity of a global rule.
   */
  condition?: Record<string, unknown>;
  /**
   * Where the rule stands in its lifecycle; `enforced` when absent. Only
   * enforced rules are scored: draft, grace and deprecated rules are
   * evaluated and shown as upcoming.
   */
  state?: RuleState;
  /** When a rule in `grace` starts to be scored (ISO date or date-time, UTC). */
  enforcedFrom?: string;
  /** The rule that replaces a `deprecated` one. */
  replacedBy?: string;
}

/**
 * A policy pack: the global pack or one domain's extension.
 * @public
 */
export interface PolicyPack {
  name: string;
  title?: string;
  description?: string;
  /** Entity ref of the Domain the pack extends; absent for a global pack. */
  domain?: string;
  rules: PolicyRule[];
  /** Where the pack was read from (file path or `config`), for error messages. */
  source: string;
}

/**
 * Points deducted per unwaived violation of each severity.
 * @public
 */
export interface ScoreWeights {
  error: number;
  warning: number;
  info: number;
}

/** The default weights: errors deduct 10 points, warnings 2. @public */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  error: 10,
  warning: 2,
  info: 0,
};
