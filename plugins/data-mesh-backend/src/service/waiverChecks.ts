import { InputError } from '@backstage/errors';
import type {
  DataProductEntityV1alpha1,
  Waiver,
  WaiverSource,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  applicableRules,
  PolicySet,
} from '@datamesh-backstage/plugin-data-mesh-node';

const DAY_MS = 86_400_000;

/**
 * Which waiver of a rule a caller means: the only one, or the one of
 * `source`; an InputError naming the field `where` when both sources have
 * one and the caller named neither.
 */
export function pickWaiver(
  candidates: Waiver[],
  source: WaiverSource | undefined,
  where: string,
): Waiver | undefined {
  const matching = candidates.filter(w => !source || w.source === source);
  if (matching.length > 1) {
    throw new InputError(
      `${where}: waivers of this rule come from the product's spec and from the API; name one (entity or api)`,
    );
  }
  return matching[0];
}

/**
 * Why a waiver of `ruleId` cannot count for the product, if it cannot: the
 * rule is not in the effective policies, or does not apply to the product.
 */
export function waiverRuleProblem(
  product: DataProductEntityV1alpha1,
  ruleId: string,
  policies: PolicySet,
): string | undefined {
  if (!policies.describe().some(rule => rule.id === ruleId)) {
    return `no rule ${ruleId} in the effective policies`;
  }
  if (!applicableRules(product, policies).some(rule => rule.id === ruleId)) {
    return `${ruleId} does not apply to this product`;
  }
  return undefined;
}

/**
 * Why an expiry cannot be approved at `now`, if it cannot: it must be in the
 * future and at most `maxWaiverDays` ahead.
 */
export function waiverExpiryProblem(
  expiresAt: string,
  options: { now: Date; maxWaiverDays: number },
): string | undefined {
  const { maxWaiverDays } = options;
  const now = options.now.getTime();
  const expires = Date.parse(expiresAt);
  if (!(expires > now && expires <= now + maxWaiverDays * DAY_MS)) {
    return `must be in the future and at most ${maxWaiverDays} days ahead`;
  }
  return undefined;
}
