import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { compilePolicies, PolicySet } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import { parsePolicyPack } from '../policy/parsePolicyPack';
import { evaluateProduct, evaluateProductUnder } from './evaluateProduct';

const now = new Date('2026-11-21T12:00:00Z');

const certification = (severity: 'error' | 'warning') =>
  parsePolicyPack(
    {
      apiVersion: 'datamesh.io/v1alpha1',
      kind: 'PolicyPack',
      metadata: { name: 'certification' },
      spec: {
        rules: [
          {
            id: 'CERT-001',
            severity,
            condition: { required: ['certifiedBy'] },
          },
        ],
      },
    },
    'test',
  );

/** The same policies, counting how often each condition is checked. */
function counted(policies: PolicySet, calls: Map<string, number>): PolicySet {
  const lists = new Map<
    string | undefined,
    ReturnType<PolicySet['rulesFor']>
  >();
  return {
    ...policies,
    describe: () => policies.describe(),
    rulesFor: domain => {
      if (!lists.has(domain)) {
        lists.set(
          domain,
          policies.rulesFor(domain).map(rule => {
            const validate = Object.assign(
              (data: unknown) => {
                calls.set(
                  rule.conditionKey,
                  (calls.get(rule.conditionKey) ?? 0) + 1,
                );
                const valid = rule.validate(data);
                validate.errors = rule.validate.errors;
                return valid;
              },
              {
                schema: rule.validate.schema,
                schemaEnv: rule.validate.schemaEnv,
              },
            ) as typeof rule.validate;
            return { ...rule, validate };
          }),
        );
      }
      return lists.get(domain)!;
    },
  };
}

describe('evaluateProductUnder', () => {
  const defaults = loadDefaultPolicyPack();
  const current = compilePolicies([defaults, certification('warning')]);
  const proposed = compilePolicies([defaults, certification('error')]);

  it('gives each policy set the scorecard evaluateProduct gives', () => {
    const product = compliantProduct();
    delete product.spec.schema;
    const options = { context: exampleContext(), now };
    const [before, after] = evaluateProductUnder(
      product,
      [current, proposed],
      options,
    );
    expect(before).toEqual(evaluateProduct(product, current, options));
    expect(after).toEqual(evaluateProduct(product, proposed, options));
    expect(before.score).toBeGreaterThan(after.score);
    expect(after.violations.map(v => v.ruleId)).toContain('CERT-001');
  });

  it('checks each condition once, whichever sets share it', () => {
    const calls = new Map<string, number>();
    evaluateProductUnder(
      compliantProduct(),
      [counted(current, calls), counted(proposed, calls)],
      { context: exampleContext(), now },
    );
    const rules = current.rulesFor('domain:default/customer');
    expect(calls.size).toBe(new Set(rules.map(r => r.conditionKey)).size);
    expect([...calls.values()].every(count => count === 1)).toBe(true);
  });
});
