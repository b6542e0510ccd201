import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import Ajv, { ValidateFunction } from 'ajv';
import { linearTimeRegExp, UnsupportedPatternError } from './linearTimeRegExp';
import { PolicyPack, PolicyRule } from './types';

/** A rule ready to evaluate. @public */
export interface CompiledRule extends Omit<PolicyRule, 'condition'> {
  message: string;
  tags: string[];
  /** Name of the pack that defines the rule. */
  pack: string;
  /** `global`, or the domain ref of the pack that defines or tightens it. */
  scope: string;
  validate: ValidateFunction;
  /**
   * The condition as JSON: rules with the same key pass and fail alike, so
   * a product judged under several policy sets checks each condition once.
   */
  conditionKey: string;
}

/** A domain named in a pack, as an entity ref (`domain:default/sales`). */
export const toDomainRef = (ref: string) =>
  stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'Domain' }));

/** Refuses a pack, naming its source and the rule at fault. */
export function failPolicyPack(
  pack: PolicyPack,
  ruleId: string | undefined,
  message: string,
): never {
  throw new InputError(
    `Policy pack ${pack.source}${ruleId ? `, rule ${ruleId}` : ''}: ${message}`,
  );
}

/**
 * A compiler of rules: compiles a rule's condition (a JSON Schema, with
 * `pattern`s on RE2) and normalises the domains it applies to. Throws an
 * InputError naming the pack and the rule when either is broken.
 */
export function createRuleCompiler(): (
  pack: PolicyPack,
  rule: PolicyRule,
  scope: string,
) => CompiledRule {
  // strictSchema catches misspelt keywords; conditions need not repeat `type: object`.
  // Patterns run on a linear-time engine: no condition can hang the backend.
  const ajv = new Ajv({
    code: { regExp: linearTimeRegExp },
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
  });
  return (pack: PolicyPack, rule: PolicyRule, scope: string): CompiledRule => {
    if (!rule.condition) {
      failPolicyPack(pack, rule.id, 'a rule needs a condition');
    }
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(rule.condition);
    } catch (error) {
      failPolicyPack(
        pack,
        rule.id,
        error instanceof UnsupportedPatternError
          ? error.message
          : `invalid condition: ${(error as Error).message}`,
      );
    }
    const { condition: _condition, ...rest } = rule;
    let appliesTo = rule.appliesTo;
    if (appliesTo?.domains) {
      try {
        appliesTo = {
          ...appliesTo,
          domains: appliesTo.domains.map(toDomainRef),
        };
      } catch (error) {
        failPolicyPack(
          pack,
          rule.id,
          `invalid domain in appliesTo: ${(error as Error).message}`,
        );
      }
    }
    return {
      ...rest,
      appliesTo,
      message: rule.message ?? rule.title,
      tags: rule.tags ?? [],
      pack: pack.name,
      scope,
      validate,
      conditionKey: JSON.stringify(rule.condition),
    };
  };
}
