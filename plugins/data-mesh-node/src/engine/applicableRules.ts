import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type { CompiledRule, PolicySet } from '../policy/compilePolicies';

/**
 * The entity ref of a product's Domain, resolved in its namespace; undefined
 * for an imported product whose source gives no domain.
 * @public
 */
export function productDomainRef(
  entity: DataProductEntityV1alpha1,
): string | undefined {
  if (!entity.spec.domain) return undefined;
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
  domain: string | undefined,
) {
  const scope = rule.appliesTo;
  // A field the product does not set matches no scope that names values.
  const within = (values: string[] | undefined, value: string | undefined) =>
    !values || (value !== undefined && values.includes(value));
  return (
    !scope ||
    (within(scope.types, entity.spec.type) &&
      within(scope.lifecycles, entity.spec.lifecycle) &&
      within(scope.domains, domain))
  );
}

/**
 * The rules that apply to a product: the global rules and its domain's,
 * narrowed by each rule's `appliesTo` (types, lifecycles, domains). Only
 * these can be violated, and only these can be waived. A product without a
 * domain gets the global rules only; a rule scoped to types, lifecycles or
 * domains does not apply to a product that does not set that field.
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
