import type {
  PolicyRuleDescription,
  RuleSeverity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { createHash } from 'node:crypto';
import {
  CompiledRule,
  createRuleCompiler,
  failPolicyPack as fail,
  toDomainRef,
} from './compileRule';
import { DEFAULT_SCORE_WEIGHTS, PolicyPack, ScoreWeights } from './types';

export type { CompiledRule } from './compileRule';

/** The effective policies: global rules and each domain's extension. @public */
export interface PolicySet {
  /** Changes whenever a rule, a pack or a weight changes. */
  readonly version: string;
  readonly weights: ScoreWeights;
  readonly packs: ReadonlyArray<{
    name: string;
    scope: string;
    ruleCount: number;
  }>;
  /** The rules that apply in a domain (entity ref), global ones first. */
  rulesFor(domainRef: string | undefined): CompiledRule[];
  /** Every rule as the policies endpoint lists it. */
  describe(): PolicyRuleDescription[];
}

const SEVERITY_RANK: Record<RuleSeverity, number> = {
  info: 0,
  warning: 1,
  error: 2,
};

/**
 * Merges policy packs into the effective policies and compiles each rule's
 * condition. Global packs define rules; a domain pack adds rules for its
 * domain and may raise, never lower, the severity of a global rule. Throws an
 * InputError naming the pack's source and the rule for any broken rule.
 * Conditions' `pattern` and `patternProperties` run on RE2, in time linear in
 * the input; a pattern that needs backtracking (backreferences, lookaround)
 * is refused.
 * @public
 */
export function compilePolicies(
  packs: PolicyPack[],
  options?: { weights?: Partial<ScoreWeights> },
): PolicySet {
  const weights = { ...DEFAULT_SCORE_WEIGHTS, ...options?.weights };
  const compile = createRuleCompiler();

  const global = new Map<string, CompiledRule>();
  for (const pack of packs.filter(p => !p.domain)) {
    for (const rule of pack.rules) {
      if (global.has(rule.id)) {
        fail(
          pack,
          rule.id,
          `already defined by pack ${global.get(rule.id)!.pack}`,
        );
      }
      global.set(rule.id, compile(pack, rule, 'global'));
    }
  }

  const byDomain = new Map<string, Map<string, CompiledRule>>();
  for (const pack of packs.filter(p => p.domain)) {
    let domain: string;
    try {
      domain = toDomainRef(pack.domain!);
    } catch (error) {
      fail(pack, undefined, `invalid domain: ${(error as Error).message}`);
    }
    const rules = byDomain.get(domain) ?? new Map<string, CompiledRule>();
    byDomain.set(domain, rules);
    for (const rule of pack.rules) {
      if (rules.has(rule.id)) {
        fail(
          pack,
          rule.id,
          `already defined for ${domain} by pack ${rules.get(rule.id)!.pack}`,
        );
      }
      const base = global.get(rule.id);
      if (!base) {
        const compiled = compile(pack, rule, domain);
        rules.set(rule.id, {
          ...compiled,
          appliesTo: { ...rule.appliesTo, domains: [domain] },
        });
        continue;
      }
      if (
        rule.condition ||
        rule.appliesTo ||
        rule.path ||
        rule.message ||
        rule.state
      ) {
        fail(
          pack,
          rule.id,
          `a domain pack may only raise the severity of global rule ${rule.id}; add a new rule to check more`,
        );
      }
      if (SEVERITY_RANK[rule.severity] < SEVERITY_RANK[base.severity]) {
        fail(
          pack,
          rule.id,
          `a domain pack may not loosen global ${base.severity} rule ${rule.id} to ${rule.severity}`,
        );
      }
      rules.set(rule.id, {
        ...base,
        severity: rule.severity,
        pack: pack.name,
        scope: domain,
      });
    }
  }

  // A deprecated rule names the rule that replaces it: one every product it
  // applied to can be held to (a global rule, or one of the same domain).
  for (const [domain, rules] of [
    ['global', global] as const,
    ...byDomain.entries(),
  ]) {
    for (const rule of rules.values()) {
      if (rule.replacedBy && rule.scope === domain) {
        const replacement =
          rules.get(rule.replacedBy) ?? global.get(rule.replacedBy);
        if (!replacement) {
          fail(
            packs.find(p => p.name === rule.pack)!,
            rule.id,
            `replacedBy names rule ${rule.replacedBy}, which is not defined ${
              domain === 'global' ? 'by a global pack' : `for ${domain}`
            }`,
          );
        }
      }
    }
  }

  const version = createHash('sha256')
    .update(
      JSON.stringify({
        weights,
        packs: packs.map(({ source: _s, ...p }) => p),
      }),
    )
    .digest('hex')
    .slice(0, 12);
  const cache = new Map<string, CompiledRule[]>();
  const globalRules = [...global.values()];

  return {
    version,
    weights,
    packs: packs.map(p => ({
      name: p.name,
      scope: p.domain ? toDomainRef(p.domain) : 'global',
      ruleCount: p.rules.length,
    })),
    rulesFor(domainRef) {
      // Only domains with a pack have rules of their own: every other domain
      // (including any a caller makes up) shares the global list.
      const own = domainRef ? byDomain.get(domainRef) : undefined;
      if (!own) {
        return globalRules;
      }
      let rules = cache.get(domainRef!);
      if (!rules) {
        rules = [
          ...globalRules.map(rule => own.get(rule.id) ?? rule),
          ...[...own.values()].filter(rule => !global.has(rule.id)),
        ];
        cache.set(domainRef!, rules);
      }
      return rules;
    },
    describe() {
      const describeRule = (rule: CompiledRule): PolicyRuleDescription => ({
        id: rule.id,
        title: rule.title,
        severity: rule.severity,
        description: rule.description,
        remediation: rule.remediation,
        appliesTo: rule.appliesTo,
        pack: rule.pack,
        scope: rule.scope,
        ...(rule.state ? { state: rule.state } : {}),
        ...(rule.enforcedFrom ? { enforcedFrom: rule.enforcedFrom } : {}),
        ...(rule.replacedBy ? { replacedBy: rule.replacedBy } : {}),
      });
      return [
        ...globalRules.map(describeRule),
        ...[...byDomain.values()].flatMap(rules =>
          [...rules.values()].map(describeRule),
        ),
      ];
    },
  };
}
