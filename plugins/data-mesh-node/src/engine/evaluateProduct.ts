import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  DataProductEntityV1alpha1,
  Scorecard,
  RuleState,
  ScorecardWaiver,
  UpcomingRule,
  Violation,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { ErrorObject } from 'ajv';
import type { CompiledRule, PolicySet } from '../policy/compilePolicies';
import { ruleStandingAt } from '../policy/ruleState';
import { applicableRules, productDomainRef } from './applicableRules';
import { deriveRuleFacts } from './ruleFacts';
import {
  EvaluationContext,
  unknownEvaluationContext,
} from './EvaluationContext';
import { countViolations, scoreViolations } from './scoring';
import { toViolations } from './violations';
import { judgeWaiver } from './waiverStanding';
import {
  countedWaivers,
  DEFAULT_MAX_WAIVER_DAYS,
  entityWaivers,
  waiversToJudge,
} from './waivers';

/** Options of {@link evaluateProduct}. @public */
export interface EvaluateProductOptions {
  /** The catalog for cross-entity rules; unknown by default (they pass). */
  context?: EvaluationContext;
  /**
   * The product's stored waiver records, from its spec and from the API,
   * with their approval. The spec's declarations are read from the product:
   * one counts only if a stored record of the same rule, reason and expiry
   * was approved; otherwise it is pending.
   */
  waivers?: Waiver[];
  /** Longest a waiver may run after its approval, in days (90 by default). */
  maxWaiverDays?: number;
  now?: Date;
}

function toUpcoming(
  rule: CompiledRule,
  state: RuleState,
  violations: Violation[],
): UpcomingRule {
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    state: state as UpcomingRule['state'],
    ...(rule.enforcedFrom ? { enforcedFrom: rule.enforcedFrom } : {}),
    ...(rule.replacedBy ? { replacedBy: rule.replacedBy } : {}),
    passes: violations.every(v => v.waived),
    violations,
  };
}

function judgeWaivers(
  entity: DataProductEntityV1alpha1,
  entityRef: string,
  policies: PolicySet,
  rules: CompiledRule[],
  options: EvaluateProductOptions & { now: Date },
): ScorecardWaiver[] {
  const waivers = waiversToJudge(
    entityWaivers(entity, entityRef),
    options.waivers ?? [],
  );
  if (waivers.length === 0) {
    return [];
  }
  const known = new Set(policies.describe().map(rule => rule.id));
  const applicable = new Set(rules.map(rule => rule.id));
  const against = {
    ruleExists: (id: string) => known.has(id),
    ruleApplies: (id: string) => applicable.has(id),
    maxWaiverDays: options.maxWaiverDays ?? DEFAULT_MAX_WAIVER_DAYS,
    now: options.now,
  };
  return waivers.map(waiver => judgeWaiver(waiver, against));
}

/**
 * Evaluates a data product against the policies that apply to it (global
 * rules and its domain's) and scores it. Violations covered by a counted
 * waiver (approved, in force, within the maximum duration) are listed,
 * marked `waived`, and not scored; every waiver is listed in `waivers` with
 * whether it counts and why. Rules that are not enforced at `now` (draft,
 * grace before its date, deprecated) are evaluated and listed in
 * `upcoming`, never scored. The product must be a valid DataProduct (see
 * the common validator). A pure function.
 * @public
 */
export function evaluateProduct(
  entity: DataProductEntityV1alpha1,
  policies: PolicySet,
  options: EvaluateProductOptions = {},
): Scorecard {
  return evaluateProductUnder(entity, [policies], options)[0];
}

/**
 * Evaluates a data product under several policy sets (a dry-run's current
 * and proposed policies), as {@link evaluateProduct} does under each: the
 * product's facts are derived once, and each condition (by its
 * `conditionKey`) is checked once, whichever sets share it.
 * @public
 */
export function evaluateProductUnder(
  entity: DataProductEntityV1alpha1,
  policySets: PolicySet[],
  options: EvaluateProductOptions = {},
): Scorecard[] {
  const now = options.now ?? new Date();
  const { spec } = entity;
  const entityRef = stringifyEntityRef(entity);
  const domain = productDomainRef(entity);
  const { facts, pendingReferences } = deriveRuleFacts(
    entity,
    options.context ?? unknownEvaluationContext,
  );
  const document = {
    ...entity,
    spec: {
      ...spec,
      schema: spec.schema ?? {},
      slo: spec.slo ?? {},
      access: spec.access ?? {},
    },
    facts,
  };
  // The schema errors of each condition checked (null: it passes).
  const checked = new Map<string, ErrorObject[] | null>();
  const errorsOf = (rule: CompiledRule) => {
    let errors = checked.get(rule.conditionKey);
    if (errors === undefined) {
      errors = rule.validate(document) ? null : rule.validate.errors ?? [];
      checked.set(rule.conditionKey, errors);
    }
    return errors;
  };

  return policySets.map(policies => {
    const rules = applicableRules(entity, policies);
    const listed = judgeWaivers(entity, entityRef, policies, rules, {
      ...options,
      now,
    });
    const waivers = countedWaivers(listed);
    const violations: Violation[] = [];
    const upcoming: UpcomingRule[] = [];
    for (const rule of rules) {
      const errors = errorsOf(rule);
      const waiver = waivers.get(rule.id);
      const broken: Violation[] = errors
        ? toViolations(rule, errors, document).map(violation =>
            waiver
              ? {
                  ...violation,
                  waived: true,
                  waiver: {
                    reason: waiver.reason,
                    expiresAt: waiver.expiresAt,
                    source: waiver.source,
                  },
                }
              : violation,
          )
        : [];
      // Only enforced rules are scored; the others are listed as upcoming.
      const standing = ruleStandingAt(rule, now);
      if (standing.scored) {
        violations.push(...broken);
      } else {
        upcoming.push(toUpcoming(rule, standing.state, broken));
      }
    }

    const { score, status } = scoreViolations(
      countViolations(violations),
      policies.weights,
    );
    return {
      entityRef,
      score,
      status,
      violations,
      ...(listed.length > 0 ? { waivers: listed } : {}),
      ...(upcoming.length > 0 ? { upcoming } : {}),
      evaluatedAt: now.toISOString(),
      policyVersion: policies.version,
      domain,
      owner: facts.owner.ref,
      type: spec.type,
      lifecycle: spec.lifecycle,
      ...(pendingReferences.length ? { pendingReferences } : {}),
    };
  });
}
