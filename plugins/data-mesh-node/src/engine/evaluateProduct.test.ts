import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { compilePolicies } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import { parsePolicyPack } from '../policy/parsePolicyPack';
import { evaluateProduct } from './evaluateProduct';

const policies = compilePolicies([loadDefaultPolicyPack()]);
const now = new Date('2026-11-21T12:00:00Z');

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
