import {
  CompiledRule,
  compilePolicies,
  evaluateProduct,
  loadDefaultPolicyPack,
  PolicySet,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { RuleTimes } from './RuleTimes';

describe('RuleTimes', () => {
  it('leaves what the policies find unchanged', () => {
    const policies = compilePolicies([loadDefaultPolicyPack()]);
    const timed = new RuleTimes(() => performance.now()).timed(policies);
    const now = new Date('2026-11-30T00:00:00Z');
    for (const product of createSyntheticProducts(12)) {
      expect(evaluateProduct(product, timed, { now })).toEqual(
        evaluateProduct(product, policies, { now }),
      );
    }
    expect(timed.describe()).toEqual(policies.describe());
    expect(timed.version).toBe(policies.version);
  });

  it('names the rule whose condition took the most time, over every domain', () => {
    let now = 0;
    // A rule whose condition takes `ms` on the clock of the test.
    const rule = (id: string, ms: number) =>
      ({
        id,
        pack: 'timing',
        validate: Object.assign(() => {
          now += ms;
          return true;
        }),
      } as unknown as CompiledRule);
    const global = [rule('FAST', 1), rule('MEDIUM', 3)];
    const finance = [...global, rule('SLOW-ONCE', 5)];
    const policies = {
      rulesFor: (domain: string | undefined) =>
        domain === 'domain:default/finance' ? finance : global,
    } as PolicySet;
    const times = new RuleTimes(() => now);
    expect(times.slowest()).toBeUndefined();
    const timed = times.timed(policies);
    expect(timed.rulesFor(undefined)).toBe(timed.rulesFor('domain:x/y'));
    for (const domain of ['domain:default/finance', undefined, undefined]) {
      for (const timedRule of timed.rulesFor(domain)) {
        timedRule.validate({});
      }
    }
    expect(times.slowest()).toEqual({
      ruleId: 'MEDIUM',
      pack: 'timing',
      ms: 9,
    });
  });
});
