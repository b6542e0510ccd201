import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  DataProductEntityV1alpha1,
  Scorecard,
  Violation,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { CompiledRule, PolicySet } from '../policy/compilePolicies';
import { buildProductFacts } from './facts';
import {
  EvaluationContext,
  unknownEvaluationContext,
} from './EvaluationContext';
import { countViolations, scoreViolations } from './scoring';
import { toViolations } from './violations';
import { activeWaivers, entityWaivers } from './waivers';

/** Options of {@link evaluateProduct}. @public */
export interface EvaluateProductOptions {
  /** The catalog for cross-entity rules; unknown by default (they pass). */
  context?: EvaluationContext;
  /** Waivers granted through the API; the product's own are read from its spec. */
  waivers?: Waiver[];
  now?: Date;
}

function applies(
  rule: CompiledRule,
  entity: DataProductEntityV1alpha1,
  domain: string,
) {
  const scope = rule.appliesTo;
  return (
    !scope ||
    ((!scope.types || scope.types.includes(entity.spec.type)) &&
      (!scope.lifecycles || scope.lifecycles.includes(entity.spec.lifecycle)) &&
      (!scope.domains || scope.domains.includes(domain)))
  );
}

/**
 * Evaluates a data product against the policies that apply to it (global
 * rules and its domain's) and scores it. Waived violations are listed, marked
 * `waived`, and not scored until the waiver expires. The product must be a
 * valid DataProduct (see the common validator).
 * @public
 */
export function evaluateProduct(
  entity: DataProductEntityV1alpha1,
  policies: PolicySet,
  options: EvaluateProductOptions = {},
): Scorecard {
  const now = options.now ?? new Date();
  const { spec } = entity;
  const entityRef = stringifyEntityRef(entity);
  const domain = stringifyEntityRef(
    parseEntityRef(spec.domain, {
      defaultKind: 'Domain',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
  const facts = buildProductFacts(
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

  const waivers = activeWaivers(
    [...entityWaivers(entity, entityRef), ...(options.waivers ?? [])],
    now,
  );
  const violations: Violation[] = [];
  for (const rule of policies.rulesFor(domain)) {
    if (applies(rule, entity, domain) && !rule.validate(document)) {
      const waiver = waivers.get(rule.id);
      for (const violation of toViolations(
        rule,
        rule.validate.errors ?? [],
        document,
      )) {
        violations.push(
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
        );
      }
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
    evaluatedAt: now.toISOString(),
    policyVersion: policies.version,
    domain,
    owner: facts.owner.ref,
    type: spec.type,
    lifecycle: spec.lifecycle,
    ...(facts.pendingReferences.length
      ? { pendingReferences: facts.pendingReferences }
      : {}),
  };
}
