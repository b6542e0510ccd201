import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { compilePolicies } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import { parsePolicyPack } from '../policy/parsePolicyPack';
import { evaluateProduct } from './evaluateProduct';

const policies = compilePolicies([loadDefaultPolicyPack()]);
const now = new Date('2026-11-21T12:00:00Z');

function productWithoutRetention() {
  const product = compliantProduct();
  delete product.spec.access!.retention;
  return product;
}

describe('evaluateProduct waivers', () => {
  it('lists a waived violation without scoring it, until the expiry', () => {
    const product = productWithoutRetention();
    product.spec.governance = {
      waivers: [
        {
          rule: 'SEC-002',
          reason: 'Retention agreed with legal by Q1',
          expires: '2026-12-31',
        },
      ],
    };
    const card = evaluateProduct(product, policies, {
      context: exampleContext(),
      now,
    });
    expect(card).toMatchObject({ score: 100, status: 'pass' });
    expect(card.violations).toEqual([
      expect.objectContaining({
        ruleId: 'SEC-002',
        waived: true,
        waiver: {
          reason: 'Retention agreed with legal by Q1',
          expiresAt: '2026-12-31T23:59:59.999Z',
          source: 'entity',
        },
      }),
    ]);

    const later = evaluateProduct(product, policies, {
      context: exampleContext(),
      now: new Date('2027-01-01T00:00:00Z'),
    });
    expect(later).toMatchObject({ score: 90, status: 'fail' });
    expect(later.violations[0]).toMatchObject({
      ruleId: 'SEC-002',
      waived: false,
    });
  });

  it('takes waivers granted through the API', () => {
    const card = evaluateProduct(productWithoutRetention(), policies, {
      context: exampleContext(),
      now,
      waivers: [
        {
          entityRef: 'dataproduct:default/customer-360',
          ruleId: 'SEC-002',
          reason: 'Granted by governance',
          expiresAt: '2026-11-22T00:00:00.000Z',
          source: 'api',
        },
      ],
    });
    expect(card).toMatchObject({ score: 100, status: 'pass' });
    expect(card.violations[0].waiver?.source).toBe('api');
  });

  it('ignores an expired waiver', () => {
    const product = productWithoutRetention();
    product.spec.governance = {
      waivers: [{ rule: 'SEC-002', reason: 'old', expires: '2026-01-01' }],
    };
    expect(
      evaluateProduct(product, policies, { context: exampleContext(), now }),
    ).toMatchObject({
      score: 90,
      status: 'fail',
    });
  });
});

describe('evaluateProduct', () => {
  it('resolves the domain and owner in the product namespace', () => {
    const product = compliantProduct();
    product.metadata.namespace = 'retail';
    const card = evaluateProduct(product, policies, { now });
    expect(card).toMatchObject({
      entityRef: 'dataproduct:retail/customer-360',
      domain: 'domain:retail/customer',
      owner: 'group:retail/customer-domain-team',
    });
  });

  it('is deterministic and does not change the product', () => {
    const product = compliantProduct();
    delete product.spec.schema;
    const before = JSON.stringify(product);
    const first = evaluateProduct(product, policies, {
      context: exampleContext(),
      now,
    });
    const second = evaluateProduct(product, policies, {
      context: exampleContext(),
      now,
    });
    expect(second).toEqual(first);
    expect(JSON.stringify(product)).toBe(before);
  });
});

describe('evaluateProduct with composite conditions', () => {
  it('reports one violation per rule outcome, not per contains or anyOf attempt', () => {
    const pack = parsePolicyPack(
      {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'PolicyPack',
        metadata: { name: 'composite' },
        spec: {
          rules: [
            {
              id: 'TAG-001',
              severity: 'error',
              condition: {
                properties: {
                  metadata: {
                    required: ['tags'],
                    properties: {
                      tags: { contains: { enum: ['gold', 'silver'] } },
                    },
                  },
                },
              },
            },
            {
              id: 'ANY-001',
              severity: 'warning',
              condition: {
                properties: {
                  spec: {
                    anyOf: [
                      { required: ['system'] },
                      { required: ['version'] },
                    ],
                  },
                },
              },
            },
          ],
        },
      },
      'test',
    );
    const product = compliantProduct();
    product.metadata.tags = ['a', 'b', 'c'];
    delete product.spec.version;
    const card = evaluateProduct(product, compilePolicies([pack]), { now });
    expect(card.violations.map(v => `${v.ruleId} ${v.path}`)).toEqual([
      'TAG-001 metadata.tags',
      'ANY-001 spec',
    ]);
    expect(card.score).toBe(88);
  });
});

describe('waiver expiry', () => {
  it('reads a date-time without a zone as UTC, on every server', () => {
    const product = compliantProduct();
    delete product.spec.access!.retention;
    product.spec.governance = {
      waivers: [
        { rule: 'SEC-002', reason: 'r', expires: '2026-11-21T12:30:00' },
      ],
    };
    const before = evaluateProduct(product, policies, {
      now: new Date('2026-11-21T12:29:59Z'),
    });
    const after = evaluateProduct(product, policies, {
      now: new Date('2026-11-21T12:30:01Z'),
    });
    expect(before.violations[0].waiver?.expiresAt).toBe(
      '2026-11-21T12:30:00.000Z',
    );
    expect([before.status, after.status]).toEqual(['pass', 'fail']);
  });
});
