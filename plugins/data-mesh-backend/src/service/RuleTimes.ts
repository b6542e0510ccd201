import type {
  CompiledRule,
  PolicySet,
} from '@datamesh-backstage/plugin-data-mesh-node';

/** A rule and the milliseconds its condition took. */
export interface RuleTime {
  ruleId: string;
  pack: string;
  ms: number;
}

/**
 * The time each rule's condition takes while policies are evaluated, to tell
 * governance which rule to simplify when an evaluation runs too long.
 */
export class RuleTimes {
  readonly #times = new Map<string, RuleTime>();
  readonly #timedLists = new WeakMap<CompiledRule[], CompiledRule[]>();

  /** @param clock - milliseconds on a monotonic clock */
  constructor(private readonly clock: () => number) {}

  /** The same policies, adding the time of each condition they check here. */
  timed(policies: PolicySet): PolicySet {
    return {
      version: policies.version,
      weights: policies.weights,
      packs: policies.packs,
      describe: () => policies.describe(),
      rulesFor: domainRef => {
        // Policy sets hand out one list per domain: each is wrapped once.
        const rules = policies.rulesFor(domainRef);
        let timed = this.#timedLists.get(rules);
        if (!timed) {
          timed = rules.map(rule => this.#timedRule(rule));
          this.#timedLists.set(rules, timed);
        }
        return timed;
      },
    };
  }

  /** The rule whose condition took the most time, if any was checked. */
  slowest(): RuleTime | undefined {
    let slowest: RuleTime | undefined;
    for (const time of this.#times.values()) {
      if (!slowest || time.ms > slowest.ms) {
        slowest = time;
      }
    }
    return slowest;
  }

  #timedRule(rule: CompiledRule): CompiledRule {
    const key = `${rule.pack}\u0000${rule.id}`;
    let time = this.#times.get(key);
    if (!time) {
      time = { ruleId: rule.id, pack: rule.pack, ms: 0 };
      this.#times.set(key, time);
    }
    const spent = time;
    const { clock } = this;
    const { validate } = rule;
    const timedValidate = Object.assign(
      (data: unknown) => {
        const started = clock();
        try {
          return validate(data);
        } finally {
          spent.ms += clock() - started;
          // Callers read the errors of the last call from the function.
          timedValidate.errors = validate.errors;
        }
      },
      { schema: validate.schema, schemaEnv: validate.schemaEnv },
    ) as CompiledRule['validate'];
    return { ...rule, validate: timedValidate };
  }
}
