import { compliantProduct } from '../__fixtures__/products';
import { compilePolicies } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import { parsePolicyPack } from '../policy/parsePolicyPack';
import type { PolicyRule } from '../policy/types';
import { evaluateProduct } from './evaluateProduct';

const defaultPack = loadDefaultPolicyPack();
// Every compliant product lacks this tag: an error rule it fails.
const needsTag = (extra: Partial<PolicyRule>) => ({
  id: 'TAG-001',
  title: 'Tagged as certified',
  severity: 'error',
  message: 'Not tagged certified',
  condition: {
    properties: {
      metadata: {
        required: ['tags'],
        properties: { tags: { contains: { const: 'certified' } } },
      },
    },
  },
  ...extra,
});
const pack = (rules: object[], extra: object = {}) =>
  parsePolicyPack(
    {
      apiVersion: 'datamesh.io/v1alpha1',
      kind: 'PolicyPack',
      metadata: { name: 'lifecycle' },
      spec: { rules, ...extra },
    },
    'lifecycle.yaml',
  );
const evaluate = (rule: object, now: Date, others: object[] = []) =>
  evaluateProduct(
    compliantProduct(),
    compilePolicies([defaultPack, pack([rule, ...others])]),
    { now },
  );

const beforeDate = new Date('2027-01-30T23:59:59Z');
const onDate = new Date('2027-01-31T00:00:00Z');
const baseline = evaluateProduct(
  compliantProduct(),
  compilePolicies([defaultPack]),
  { now: beforeDate },
);

describe('rule lifecycle', () => {
  it('scores a rule without a state as enforced, so existing packs keep working', () => {
    const card = evaluate(needsTag({}), beforeDate);
    expect(card.violations.map(v => v.ruleId)).toContain('TAG-001');
    expect(card.score).toBe(baseline.score - 10);
    expect(card.status).toBe('fail');
    expect(card.upcoming).toBeUndefined();
  });

  it('evaluates a draft rule and lists it as upcoming, never scored', () => {
    const card = evaluate(needsTag({ state: 'draft' }), onDate);
    expect(card.score).toBe(baseline.score);
    expect(card.status).toBe(baseline.status);
    expect(card.violations.map(v => v.ruleId)).not.toContain('TAG-001');
    expect(card.upcoming).toEqual([
      expect.objectContaining({
        ruleId: 'TAG-001',
        state: 'draft',
        severity: 'error',
        passes: false,
        violations: [
          expect.objectContaining({ message: 'Not tagged certified' }),
        ],
      }),
    ]);
  });

  it('does not score a grace rule before its date, and scores it from its date on', () => {
    const rule = needsTag({ state: 'grace', enforcedFrom: '2027-01-31' });
    const before = evaluate(rule, beforeDate);
    expect(before.score).toBe(baseline.score);
    expect(before.status).toBe(baseline.status);
    expect(before.upcoming).toEqual([
      expect.objectContaining({
        ruleId: 'TAG-001',
        state: 'grace',
        enforcedFrom: '2027-01-31T00:00:00.000Z',
        passes: false,
      }),
    ]);

    // Same pack, only the clock moved: the grace period is over.
    const after = evaluate(rule, onDate);
    expect(after.score).toBe(baseline.score - 10);
    expect(after.status).toBe('fail');
    expect(after.violations.map(v => v.ruleId)).toContain('TAG-001');
    expect(after.upcoming).toBeUndefined();
    expect(after.policyVersion).toBe(before.policyVersion);
  });

  it('lists a deprecated rule with its replacement, not scored', () => {
    const card = evaluate(
      needsTag({ state: 'deprecated', replacedBy: 'TAG-002' }),
      onDate,
      [needsTag({ id: 'TAG-002', state: 'draft' })],
    );
    expect(card.score).toBe(baseline.score);
    expect(card.upcoming).toEqual([
      expect.objectContaining({
        ruleId: 'TAG-001',
        state: 'deprecated',
        replacedBy: 'TAG-002',
      }),
      expect.objectContaining({ ruleId: 'TAG-002', state: 'draft' }),
    ]);
  });

  it('says a product passes an upcoming rule it complies with', () => {
    const product = compliantProduct();
    product.metadata.tags = ['certified'];
    const card = evaluateProduct(
      product,
      compilePolicies([defaultPack, pack([needsTag({ state: 'draft' })])]),
      { now: onDate },
    );
    expect(card.upcoming).toEqual([
      expect.objectContaining({
        ruleId: 'TAG-001',
        passes: true,
        violations: [],
      }),
    ]);
  });

  it('describes each rule with its state, date and replacement', () => {
    const policies = compilePolicies([
      pack([
        needsTag({ state: 'grace', enforcedFrom: '2027-01-31T12:00:00Z' }),
        needsTag({ id: 'TAG-002', state: 'deprecated', replacedBy: 'TAG-001' }),
      ]),
    ]);
    expect(policies.describe()).toEqual([
      expect.objectContaining({
        id: 'TAG-001',
        state: 'grace',
        enforcedFrom: '2027-01-31T12:00:00.000Z',
      }),
      expect.objectContaining({
        id: 'TAG-002',
        state: 'deprecated',
        replacedBy: 'TAG-001',
      }),
    ]);
  });
});

describe('rule lifecycle validation', () => {
  it('refuses a grace rule without a date, naming the rule', () => {
    expect(() => pack([needsTag({ state: 'grace' })])).toThrow(
      /rule TAG-001: spec\.rules\.0\.enforcedFrom: a rule in grace needs the date it is enforced from/,
    );
  });

  it('refuses an enforcement date that is not a date', () => {
    expect(() =>
      pack([needsTag({ state: 'grace', enforcedFrom: 'next spring' })]),
    ).toThrow(/rule TAG-001: spec\.rules\.0\.enforcedFrom: must be a date/);
  });

  it('refuses a date or a replacement on a rule of another state', () => {
    expect(() => pack([needsTag({ enforcedFrom: '2027-01-31' })])).toThrow(
      /rule TAG-001: .*only a rule in grace has an enforcement date/,
    );
    expect(() => pack([needsTag({ replacedBy: 'TAG-002' })])).toThrow(
      /rule TAG-001: .*only a deprecated rule has a replacement/,
    );
  });

  it('refuses a deprecated rule without a replacement', () => {
    expect(() => pack([needsTag({ state: 'deprecated' })])).toThrow(
      /rule TAG-001: spec\.rules\.0\.replacedBy: a deprecated rule needs the id of the rule that replaces it/,
    );
  });

  it('refuses a replacement that does not exist, naming both rules', () => {
    expect(() =>
      compilePolicies([
        pack([needsTag({ state: 'deprecated', replacedBy: 'TAG-404' })]),
      ]),
    ).toThrow(
      'Policy pack lifecycle.yaml, rule TAG-001: replacedBy names rule TAG-404, which is not defined by a global pack',
    );
  });

  it('refuses a global rule replaced by a rule of one domain only', () => {
    const domainPack = parsePolicyPack(
      {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'PolicyPack',
        metadata: { name: 'customer' },
        spec: { domain: 'customer', rules: [needsTag({ id: 'CUS-001' })] },
      },
      'customer.yaml',
    );
    expect(() =>
      compilePolicies([
        pack([needsTag({ state: 'deprecated', replacedBy: 'CUS-001' })]),
        domainPack,
      ]),
    ).toThrow(/rule TAG-001: replacedBy names rule CUS-001/);
  });

  it('lets a domain rule be replaced by a global one', () => {
    const domainPack = parsePolicyPack(
      {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'PolicyPack',
        metadata: { name: 'customer' },
        spec: {
          domain: 'customer',
          rules: [
            needsTag({
              id: 'CUS-001',
              state: 'deprecated',
              replacedBy: 'SCHEMA-001',
            }),
          ],
        },
      },
      'customer.yaml',
    );
    expect(() => compilePolicies([defaultPack, domainPack])).not.toThrow();
  });

  it('refuses a domain pack changing the state of a global rule', () => {
    const domainPack = parsePolicyPack(
      {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'PolicyPack',
        metadata: { name: 'customer' },
        spec: {
          domain: 'customer',
          rules: [{ id: 'SCHEMA-002', severity: 'error', state: 'draft' }],
        },
      },
      'customer.yaml',
    );
    expect(() => compilePolicies([defaultPack, domainPack])).toThrow(
      /rule SCHEMA-002: a domain pack may only raise the severity/,
    );
  });
});
