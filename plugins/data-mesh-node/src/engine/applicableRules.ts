import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type { CompiledRule, PolicySet } from '../policy/compilePolicies';

/** The entity ref of a product's Domain, resolved in its namespace. @public */
export function productDomainRef(entity: DataProductEntityV1alpha1): string {
  return stringifyEntityRef(
    parseEntityRef(entity.spec.domain, {
      defaultKind: 'Domain',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
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
 * The rules that apply to a product: the global rules and its domain's,
 * narrowed by each rule's `appliesTo` (types, lifecycles, domains). Only
 * these can be violated, and only these can be waived.
 * @public
 */
export function applicableRules(
  entity: DataProductEntityV1alpha1,
  policies: PolicySet,
): CompiledRule[] {
  const domain = productDomainRef(entity);
  return policies
    .rulesFor(domain)
    .filter(rule => applies(rule, entity, domain));
}
