import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { evaluateProduct } from '../engine/evaluateProduct';
import { compilePolicies, PolicySet } from './compilePolicies';
import { loadDefaultPolicyPack } from './defaultPolicyPack';
import { parsePolicyPack } from './parsePolicyPack';

const pack = (yaml: string, source = 'packs/finance.yaml') =>
  parsePolicyPack(yaml, source);

const financePack = pack(`
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: finance }
spec:
  domain: finance
  rules:
    - id: SLO-001
      severity: error
    - id: FIN-001
      title: Finance data is confidential or restricted
      severity: error
      remediation: Classify the product confidential or restricted
      condition:
        properties:
          spec:
            properties:
              access:
                properties:
                  classification: { enum: [confidential, restricted] }
`);

function financeProduct() {
  const product = compliantProduct();
  product.spec.domain = 'finance';
  product.spec.owner = 'customer-domain-team';
  product.spec.slo!.availability = { target: '98%' };
  product.spec.access!.classification = 'internal';
  return product;
}

describe('compilePolicies', () => {
  const policies = compilePolicies([loadDefaultPolicyPack(), financePack]);

  it('applies domain rules and tightened severities in their domain only', () => {
    const card = evaluateProduct(financeProduct(), policies, {
      context: exampleContext(),
    });
    expect(card.violations.map(v => `${v.ruleId}:${v.severity}`)).toEqual([
      'SLO-001:error',
      'FIN-001:error',
    ]);
    expect(card.score).toBe(80);

    const elsewhere = financeProduct();
    elsewhere.spec.domain = 'customer';
    const other = evaluateProduct(elsewhere, policies, {
      context: exampleContext(),
    });
    expect(other.violations.map(v => `${v.ruleId}:${v.severity}`)).toEqual([
      'SLO-001:warning',
    ]);
  });

  it('lists effective rules with their pack and scope', () => {
    const rules = policies.describe();
    expect(rules.filter(r => r.scope !== 'global')).toEqual([
      expect.objectContaining({
        id: 'SLO-001',
        severity: 'error',
        pack: 'finance',
        scope: 'domain:default/finance',
      }),
      expect.objectContaining({
        id: 'FIN-001',
        pack: 'finance',
        scope: 'domain:default/finance',
        appliesTo: { domains: ['domain:default/finance'] },
      }),
    ]);
    expect(policies.packs).toEqual([
      { name: 'default', scope: 'global', ruleCount: 23 },
      { name: 'finance', scope: 'domain:default/finance', ruleCount: 2 },
    ]);
  });

  it('changes the version when a pack or a weight changes', () => {
    const base = compilePolicies([loadDefaultPolicyPack()]);
    expect(compilePolicies([loadDefaultPolicyPack()]).version).toBe(
      base.version,
    );
    expect(policies.version).not.toBe(base.version);
    expect(
      compilePolicies([loadDefaultPolicyPack()], { weights: { error: 20 } })
        .version,
    ).not.toBe(base.version);
  });

  it('applies configured weights', () => {
    const heavy = compilePolicies([loadDefaultPolicyPack()], {
      weights: { error: 25, warning: 5 },
    });
    const product = compliantProduct();
    delete product.spec.access!.retention;
    delete product.spec.schema!.fields![0].description;
    expect(
      evaluateProduct(product, heavy, { context: exampleContext() }).score,
    ).toBe(70);
  });

  it('refuses a domain pack that loosens a global error, naming file and rule', () => {
    const loosen = pack(
      `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: lax }
spec:
  domain: marketing
  rules:
    - { id: SEC-001, severity: warning }
`,
      'packs/marketing.yaml',
    );
    expect(() => compilePolicies([loadDefaultPolicyPack(), loosen])).toThrow(
      'Policy pack packs/marketing.yaml, rule SEC-001: a domain pack may not loosen global error rule SEC-001 to warning',
    );
  });

  it('refuses a domain pack that rewrites a global rule condition', () => {
    const rewrite = pack(
      `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: sneaky }
spec:
  domain: marketing
  rules:
    - id: SEC-001
      severity: error
      condition: {}
`,
      'packs/marketing.yaml',
    );
    expect(() => compilePolicies([loadDefaultPolicyPack(), rewrite])).toThrow(
      'Policy pack packs/marketing.yaml, rule SEC-001: a domain pack may only raise the severity of global rule SEC-001; add a new rule to check more',
    );
  });

  it('refuses broken conditions, naming file and rule', () => {
    const broken = pack(
      `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: broken }
spec:
  rules:
    - id: X-001
      severity: error
      condition: { properties: { spec: { requird: [x] } } }
`,
      'packs/broken.yaml',
    );
    expect(() => compilePolicies([broken])).toThrow(
      /^Policy pack packs\/broken.yaml, rule X-001: invalid condition: strict mode: unknown keyword: "requird"/,
    );
  });

  it('refuses global rules without a condition and duplicate ids across packs', () => {
    const bare = pack(
      `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: bare }
spec:
  rules:
    - { id: SEC-001, severity: error }
`,
      'packs/bare.yaml',
    );
    expect(() => compilePolicies([bare])).toThrow(
      'Policy pack packs/bare.yaml, rule SEC-001: a rule needs a condition',
    );
    const copy = {
      ...loadDefaultPolicyPack(),
      name: 'copy',
      source: 'packs/copy.yaml',
    };
    expect(() => compilePolicies([loadDefaultPolicyPack(), copy])).toThrow(
      'Policy pack packs/copy.yaml, rule SCHEMA-001: already defined by pack default',
    );
  });

  it('honours appliesTo filters on types and lifecycles', () => {
    const scoped = pack(`
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: scoped }
spec:
  rules:
    - id: AGG-001
      title: Aggregates in production declare two upstreams
      severity: warning
      appliesTo: { types: [aggregate], lifecycles: [production] }
      condition:
        properties:
          spec:
            properties:
              lineage:
                properties:
                  upstreamProducts: { minItems: 2 }
`);
    const only = compilePolicies([scoped]);
    const product = compliantProduct();
    expect(
      evaluateProduct(product, only).violations.map(v => v.ruleId),
    ).toEqual(['AGG-001']);
    product.spec.lifecycle = 'experimental';
    expect(evaluateProduct(product, only).violations).toEqual([]);
  });

  it('applies no rule scoped to types, lifecycles or domains to a product that does not set the field', () => {
    const scoped = pack(`
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: scoped }
spec:
  rules:
    - id: TYPE-001
      title: Aggregates need a version
      severity: warning
      appliesTo: { types: [aggregate] }
      condition: { properties: { spec: { required: [nothing] } } }
    - id: LIFE-001
      title: Production needs a version
      severity: warning
      appliesTo: { lifecycles: [production] }
      condition: { properties: { spec: { required: [nothing] } } }
    - id: DOM-001
      title: Customer products need a version
      severity: warning
      appliesTo: { domains: ['domain:default/customer'] }
      condition: { properties: { spec: { required: [nothing] } } }
`);
    const only = compilePolicies([scoped]);
    const product = compliantProduct() as any;
    const ids = () =>
      evaluateProduct(product, only).violations.map(v => v.ruleId);
    expect(ids()).toEqual(['TYPE-001', 'LIFE-001', 'DOM-001']);
    product.metadata.annotations = { 'datamesh.io/source-format': 'odcs' };
    delete product.spec.type;
    expect(ids()).toEqual(['LIFE-001', 'DOM-001']);
    delete product.spec.lifecycle;
    expect(ids()).toEqual(['DOM-001']);
    delete product.spec.domain;
    expect(ids()).toEqual([]);
    expect(evaluateProduct(product, only).domain).toBeUndefined();
  });

  it('shares the global rules with every domain without a pack, caching nothing for them', () => {
    const global = policies.rulesFor('domain:default/customer');
    expect(policies.rulesFor('domain:default/made-up-1')).toBe(global);
    expect(policies.rulesFor(undefined)).toBe(global);
    expect(policies.rulesFor('domain:default/finance')).not.toBe(global);
    expect(policies.rulesFor('domain:default/finance')).toBe(
      policies.rulesFor('domain:default/finance'),
    );
  });
});

describe('compilePolicies patterns', () => {
  const regexPack = (condition: string, source = 'packs/regex.yaml') =>
    pack(
      `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: regex }
spec:
  rules:
    - id: RX-001
      title: Descriptions are words
      severity: warning
      condition: ${condition}
`,
      source,
    );
  const describedAs = (description: string) => {
    const product = compliantProduct();
    product.metadata.description = description;
    return product;
  };
  const ruleIds = (policies: PolicySet, product: DataProductEntityV1alpha1) =>
    evaluateProduct(product, policies).violations.map(v => v.ruleId);
  /**
   * Runs `fn`, interrupting it if it is still running after 30 seconds: the
   * Jest timeout cannot stop synchronous code, a backtracking regex can run
   * for ever.
   */
  const interruptible = <T>(fn: () => T): T =>
    runInNewContext('fn()', { fn }, { timeout: 30_000 });

  it('runs a catastrophic pattern over a long description promptly, with the right result', () => {
    const policies = compilePolicies([
      regexPack(
        String.raw`{ properties: { metadata: { properties: { description: { pattern: '^(\w+\s?)*$' } } } } }`,
      ),
    ]);
    expect(
      interruptible(() =>
        ruleIds(policies, describedAs(`${'a'.repeat(50_000)}!`)),
      ),
    ).toEqual(['RX-001']);
    expect(
      interruptible(() => ruleIds(policies, describedAs('a'.repeat(50_000)))),
    ).toEqual([]);
    expect(ruleIds(policies, describedAs('Orders of the day'))).toEqual([]);
  });

  it('runs patternProperties on the same engine', () => {
    const policies = compilePolicies([
      regexPack(
        String.raw`{ properties: { metadata: { properties: { labels: { patternProperties: { '^(\w+-?)*$': { const: 'yes' } } } } } } }`,
      ),
    ]);
    const labelled = (key: string) => {
      const product = compliantProduct();
      product.metadata.labels = { [key]: 'no' };
      return product;
    };
    expect(
      interruptible(() =>
        ruleIds(policies, labelled(`${'a'.repeat(50_000)}!`)),
      ),
    ).toEqual([]);
    expect(ruleIds(policies, labelled('team-a'))).toEqual(['RX-001']);
    expect(() =>
      compilePolicies([
        regexPack(
          String.raw`{ properties: { metadata: { properties: { labels: { patternProperties: { '^(?!x)': { const: 'yes' } } } } } } }`,
        ),
      ]),
    ).toThrow(
      'Policy pack packs/regex.yaml, rule RX-001: pattern `^(?!x)` uses a feature a linear-time regex engine cannot run (lookahead)',
    );
  });

  it('searches unanchored, as JSON Schema patterns do, each pattern its own', () => {
    const policies = compilePolicies([
      regexPack(
        `{ properties: { metadata: { properties: { description: { pattern: 'gold' }, name: { pattern: '^customer-' } } } } }`,
      ),
    ]);
    expect(ruleIds(policies, describedAs('A gold product'))).toEqual([]);
    expect(ruleIds(policies, describedAs('A silver product'))).toEqual([
      'RX-001',
    ]);
  });

  it('refuses patterns that need backtracking, naming pack and rule', () => {
    expect(() =>
      compilePolicies([
        regexPack(
          String.raw`{ properties: { metadata: { properties: { description: { pattern: '(a)\1' } } } } }`,
          'packs/echo.yaml',
        ),
      ]),
    ).toThrow(
      'Policy pack packs/echo.yaml, rule RX-001: pattern `(a)\\1` uses a feature a linear-time regex engine cannot run (backreference)',
    );
    expect(() =>
      compilePolicies([
        regexPack(
          String.raw`{ properties: { metadata: { properties: { description: { pattern: '^(?=.*gold)' } } } } }`,
        ),
      ]),
    ).toThrow(
      'Policy pack packs/regex.yaml, rule RX-001: pattern `^(?=.*gold)` uses a feature a linear-time regex engine cannot run (lookahead)',
    );
  });

  it('compiles the example domain packs', () => {
    const examples = join(__dirname, '../../../../examples/policies');
    const packs = readdirSync(examples)
      .filter(file => file.endsWith('.yaml'))
      .map(file =>
        parsePolicyPack(readFileSync(join(examples, file), 'utf8'), file),
      );
    expect(packs.length).toBeGreaterThan(0);
    expect(
      compilePolicies([loadDefaultPolicyPack(), ...packs]).packs.length,
    ).toBe(packs.length + 1);
  });
});
