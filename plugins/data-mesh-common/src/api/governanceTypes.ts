import type { ScorecardWaiver, Waiver } from './waiverTypes';

/** Severity of a governance rule. @public */
export type RuleSeverity = 'error' | 'warning' | 'info';

/** Overall result of a product: `fail` with any error, `warn` with warnings only. @public */
export type ScorecardStatus = 'pass' | 'warn' | 'fail';

/** The statuses, worst first. @public */
export const SCORECARD_STATUSES: readonly ScorecardStatus[] = [
  'fail',
  'warn',
  'pass',
];

/** One breach of a rule by a product. @public */
export interface Violation {
  ruleId: string;
  severity: RuleSeverity;
  message: string;
  remediation: string;
  /** Dotted path of the field concerned, for example `spec.schema.fields[2].pii`. */
  path: string;
  /** Listed but not scored: an approved waiver in force covers it. */
  waived: boolean;
  waiver?: Pick<Waiver, 'reason' | 'expiresAt' | 'source'>;
}

/** The governance result of one product. @public */
export interface Scorecard {
  entityRef: string;
  /** `max(0, 100 − errorWeight·errors − warningWeight·warnings)` over unwaived violations. */
  score: number;
  status: ScorecardStatus;
  violations: Violation[];
  /**
   * Every waiver of the product, from its spec or the API, with whether it
   * counts and why; absent when there is none.
   */
  waivers?: ScorecardWaiver[];
  evaluatedAt: string;
  policyVersion: string;
  /** True when the result may be out of date: the catalog could not be read. */
  stale?: boolean;
  /** Why the result is stale, when it is. */
  staleReason?: string;
  /**
   * References (owner, upstream products) the catalog does not hold yet
   * while it may still be ingesting them: judged neither way until the
   * catalog has them or the grace time after the product was first seen
   * (`pendingUntil`) has passed.
   */
  pendingReferences?: Array<{ ref: string; path: string }>;
  /** When pending references start to count as missing. */
  pendingUntil?: string;
  domain?: string;
  owner?: string;
  type?: string;
  lifecycle?: string;
}

/** A stored scorecard without its violations, as lists return it. @public */
export interface ScorecardSummary
  extends Omit<Scorecard, 'violations' | 'waivers'> {
  errorCount: number;
  warningCount: number;
  waivedCount: number;
}

/** Sort keys of scorecard lists. @public */
export type ScorecardOrderField = 'entityRef' | 'score' | 'status' | 'type';

/** Filters, order and paging of scorecard lists. @public */
export interface ScorecardQuery {
  domain?: string;
  status?: ScorecardStatus;
  type?: string;
  /** Lowest score included (0–100). */
  minScore?: number;
  /** Highest score included (0–100). */
  maxScore?: number;
  orderBy?: ScorecardOrderField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

/** One page of scorecards. @public */
export interface ScorecardPage {
  items: ScorecardSummary[];
  totalItems: number;
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** One change of a product's result. @public */
export interface ScorecardHistoryEntry {
  recordedAt: string;
  score: number;
  status: ScorecardStatus;
  errorCount: number;
  warningCount: number;
  ruleIds: string[];
  policyVersion: string;
  /** Why it changed, where known: for example a waiver expired or was approved. */
  notes?: string[];
}

/** Aggregate figures over a set of products. @public */
export interface RollupFigures {
  productCount: number;
  averageScore: number | null;
  minimumScore: number | null;
  passCount: number;
  warnCount: number;
  failCount: number;
  /** The rules with the most unwaived violations, most first. */
  topFailingRules: Array<{ ruleId: string; count: number }>;
}

/** A day of a rollup's trend. @public */
export interface RollupTrendPoint {
  day: string;
  averageScore: number | null;
  productCount: number;
}

/** The rollup of one domain. @public */
export interface DomainRollup extends RollupFigures {
  /** Entity ref of the Domain. */
  domain: string;
  /** The Domain entity's title, when the catalog has one. */
  title?: string;
  /** Daily points of the last 30 days (empty when the caller sees only some products). */
  trend: RollupTrendPoint[];
}

/** How a full governance sweep ended. @public */
export type SweepOutcome =
  | 'running'
  | 'ok'
  | 'catalog-unavailable'
  | 'empty-read'
  | 'failed';

/**
 * When the figures were computed, and whether they may be out of date.
 * @public
 */
export interface Freshness {
  /** When the last complete sweep finished: the figures are as of then. */
  computedAt?: string;
  /** The last sweep that finished, complete or not. */
  lastSweep?: {
    startedAt: string;
    finishedAt?: string;
    outcome: SweepOutcome;
    message?: string;
  };
  /**
   * The figures may be out of date: no sweep has completed yet, the last
   * one did not complete, or none completed recently.
   */
  stale: boolean;
  /** Why the figures may be out of date, when they may be. */
  reason?: string;
}

/** Rollups per domain and for the whole mesh. @public */
export interface DomainRollupsResponse {
  mesh: RollupFigures & { trend: RollupTrendPoint[] };
  domains: DomainRollup[];
  /** True when the figures may be out of date (see `freshness`). */
  stale: boolean;
  freshness: Freshness;
}

/** One domain with a page of its products. @public */
export interface DomainDetailsResponse {
  domain: DomainRollup;
  products: ScorecardPage;
  freshness: Freshness;
}

/** Which products a rule applies to; absent fields match every product. @public */
export interface RuleAppliesTo {
  types?: string[];
  lifecycles?: string[];
  domains?: string[];
}

/** A rule as the policies endpoint describes it. @public */
export interface PolicyRuleDescription {
  id: string;
  title: string;
  severity: RuleSeverity;
  description: string;
  remediation: string;
  appliesTo?: RuleAppliesTo;
  /** Name of the pack that defines the rule. */
  pack: string;
  /** `global`, or the domain whose pack defines or tightens it. */
  scope: string;
}

/** The effective policies. @public */
export interface PoliciesResponse {
  policyVersion: string;
  weights: { error: number; warning: number; info: number };
  packs: Array<{ name: string; scope: string; ruleCount: number }>;
  rules: PolicyRuleDescription[];
}

/** What a proposed pack would change for one product. @public */
export interface DryRunChange {
  entityRef: string;
  currentStatus: ScorecardStatus;
  proposedStatus: ScorecardStatus;
  currentScore: number;
  proposedScore: number;
  /** Rule ids the product would newly violate. */
  newViolations: string[];
}

/**
 * The most newly failing products a dry-run lists (all are counted), so that
 * its answer stays small whatever the number of products.
 * @public
 */
export const DRY_RUN_NEWLY_FAILING_LISTED = 1000;

/** Outcome of a policy dry-run; nothing is stored. @public */
export interface DryRunResponse {
  evaluatedCount: number;
  proposedPolicyVersion: string;
  /**
   * Products that pass or warn today and would fail: the first
   * {@link DRY_RUN_NEWLY_FAILING_LISTED} in catalog order.
   */
  newlyFailing: DryRunChange[];
  /** How many products would newly fail, listed or not. */
  newlyFailingCount: number;
  /** Every product whose status or score would change. */
  changed: number;
  mesh: { current: RollupFigures; proposed: RollupFigures };
}
